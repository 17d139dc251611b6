#!/usr/bin/env bash
# examples/wts_admin.py, the protocol from Python (python3-protobuf, with
# the classes protoc made from src/proto/openwts.proto at build time into
# $PYPROTO): it lists the three-session scenario's sessions and
# disconnects one, which wtsctl then sees; a refusal is its exit 1 with the
# Win32 error, a wtsd out of reach its exit 3.
# SPDX-License-Identifier: LGPL-2.1-or-later
. "$(dirname "$0")/wtsd_lib.sh"
T=$TEST_TMP
: "${PYPROTO:?}" "${EXAMPLE:?}"
[ -f "$PYPROTO/openwts_pb2.py" ] || fail "no $PYPROTO/openwts_pb2.py (target openwts_python)"
# Debian's python3-protobuf is for Debian's python3 (a pyenv python3
# earlier in PATH may lack it).
PY=
for candidate in /usr/bin/python3 python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import google.protobuf' 2>/dev/null; then
    PY=$(command -v "$candidate")
    break
  fi
done
[ -n "$PY" ] || fail "python3-protobuf is missing (scripts/install-deps.sh installs it)"
admin() { PYTHONPATH=$PYPROTO "$PY" "$EXAMPLE" --socket "$T/s" "$@"; }

run 3 admin list
expect_in "$T/err" "wtsd is not reachable on $T/s"

start_wtsd py --scenario "$SCENARIOS/terminal-server.json" --socket "$T/s" --log-level debug
run 0 admin list
cat >"$T/want" <<'TABLE'
    ID  STATE         USER                  WINSTATION
     0  Disconnected                        Services
     1  Active        Administrator         Console
     2  Active        alice                 RDP-Tcp#3
     3  Disconnected  bob                   RDP-Tcp#5
TABLE
diff -u "$T/want" "$T/out" || fail "wts_admin.py lists something else"
expect_in "$T/py.log" "\"wts_admin.py\": user root"
run 0 admin disconnect 2
expect_in "$T/out" "^session 2 disconnected$"
[ "$(session_field 2 state --socket "$T/s")" = Disconnected ] || fail "wtsctl does not see the disconnect"
run 1 admin disconnect 0
expect_in "$T/err" "disconnect 0: refused: error 5 ERROR_ACCESS_DENIED"
run 1 admin disconnect 77
expect_in "$T/err" "error 7022 ERROR_CTX_WINSTATION_NOT_FOUND"
stop_wtsd "$WTSD_PID"

# Answers in parts, joined: the 10,000-session scenario.
start_wtsd pylarge --scenario "$LARGE_SCENARIO" --socket "$T/s"
run 0 admin list
[ "$(wc -l <"$T/out")" = 10001 ] || fail "wts_admin.py listed $(($(wc -l <"$T/out") - 1)) sessions, not 10,000"
stop_wtsd "$WTSD_PID"
echo "PASS"
