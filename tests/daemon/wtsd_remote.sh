#!/usr/bin/env bash
# A client from another address than loopback must prove the key
# (docs/wtsd.md, "Handshake"): without it, or with a wrong one, wtsd
# answers ERROR_ACCESS_DENIED in its HelloReply and logs the refusal; with
# it the client is served as the configured remote user (alice: her
# session yes, bob's ERROR_ACCESS_DENIED). wtsd without a key refuses
# every remote client. The key never appears in the log.
#
# "Remote" without touching this machine's network: the test runs in a
# network namespace of its own (unshare -n as root, else unshare -rn in a
# user namespace) where 192.0.2.1 (TEST-NET-1, RFC 5737) is an address of
# its loopback interface: a client connecting from it is not on
# 127.0.0.0/8, so wtsd treats it as remote. Where no namespace can be
# made, the same handshake is tested on 127.0.0.1 with --key-on-loopback,
# and the test says so.
# SPDX-License-Identifier: LGPL-2.1-or-later
if [ "${1:-}" != inside ] && [ "${1:-}" != loopback ]; then
  if command -v ip >/dev/null 2>&1 || [ -x /usr/sbin/ip ] || [ -x /sbin/ip ]; then
    if [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then
      exec unshare -n bash "$0" inside
    elif unshare -rn true 2>/dev/null; then
      exec unshare -rn bash "$0" inside
    fi
  fi
  echo "no network namespace can be made here: testing the key handshake on loopback (--key-on-loopback)"
  exec bash "$0" loopback
fi
MODE=$1
. "$(dirname "$0")/wtsd_lib.sh"
T=$TEST_TMP
PATH=$PATH:/usr/sbin:/sbin

if [ "$MODE" = inside ]; then
  ip link set lo up
  ip addr add 192.0.2.1/32 dev lo
  HOST=192.0.2.1
  EXTRA=()
  echo "in a network namespace of its own: remote address $HOST"
else
  HOST=127.0.0.1
  EXTRA=(--key-on-loopback)
fi

KEY=rem0te-key-$$-$RANDOM-0123456789abcdef
printf '%s\n' "$KEY" >"$T/key"
chmod 600 "$T/key"
printf 'another-key-of-the-same-length-0123\n' >"$T/wrong"
chmod 600 "$T/wrong"
TS=$SCENARIOS/terminal-server.json
S=$T/s

start_wtsd remote --scenario "$TS" --socket "$S" --listen "$HOST:0" --key-file "$T/key" \
  --remote-user alice --log-level debug "${EXTRA[@]}"
REMOTE_PID=$WTSD_PID
PORT=$(tcp_port remote "$HOST")
[ -n "$PORT" ] || fail "no port"

# Without the key: wtsd's refusal.
run 1 "$WTSCTL" --tcp "$HOST:$PORT" sessions
expect_in "$T/err" "refused: error 5 ERROR_ACCESS_DENIED"
expect_in "$T/remote.log" "$HOST:[0-9]+: refused: wrong proof of the key"
# A wrong key.
run 1 "$WTSCTL" --tcp "$HOST:$PORT" --key-file "$T/wrong" sessions
expect_in "$T/err" "refused: error 5 ERROR_ACCESS_DENIED"
# The right key: served as alice.
run 0 "$WTSCTL" --tcp "$HOST:$PORT" --key-file "$T/key" sessions
expect_in "$T/out" "^>rdp-tcp#3 +alice +2  Active  rdpwd$"
expect_in "$T/remote.log" "$HOST:[0-9]+: proved the key; acting as alice"
run 1 "$WTSCTL" --tcp "$HOST:$PORT" --key-file "$T/key" disconnect 3
expect_in "$T/err" "^wtsctl: disconnect 3: refused: error 5 ERROR_ACCESS_DENIED$"
run 0 "$WTSCTL" --tcp "$HOST:$PORT" --key-file "$T/key" disconnect 2
[ "$(session_field 2 state --socket "$S")" = Disconnected ] || fail "alice's disconnect did nothing"
[ "$(session_field 3 state --socket "$S")" = Disconnected ] || fail "bob's session changed"
if [ "$MODE" = inside ]; then
  # Loopback is still taken on the kernel's word, without a key.
  start_wtsd local --scenario "$TS" --socket "" --listen 127.0.0.1:0 --key-file "$T/key" \
    --remote-user alice
  run 0 "$WTSCTL" --tcp "127.0.0.1:$(tcp_port local 127.0.0.1)" sessions
  expect_in "$T/local.log" "127\.0\.0\.1:[0-9]+: \"wtsctl [^\"]*\": user root, pid [1-9][0-9]*, administrator"
  stop_wtsd "$WTSD_PID"
fi
expect_not_in "$T/remote.log" "$KEY"
stop_wtsd "$REMOTE_PID"

if [ "$MODE" = inside ]; then
  # No key configured: every remote client is refused.
  start_wtsd nokey --scenario "$TS" --socket "" --listen "$HOST:0"
  run 1 "$WTSCTL" --tcp "$HOST:$(tcp_port nokey "$HOST")" --key-file "$T/key" sessions
  expect_in "$T/err" "refused: error 5 ERROR_ACCESS_DENIED"
  expect_in "$T/nokey.log" "$HOST:[0-9]+: refused: a remote client, and no key is configured"
  stop_wtsd "$WTSD_PID"
fi
echo "PASS ($MODE)"
