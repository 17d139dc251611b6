#!/usr/bin/env bash
# test_wtsd.exe under Wine against the real wtsd (a Linux program of the
# native build, src/daemon/): starts wtsd on the three-session scenario
# with a state file and on the 10,000-session one (TCP on loopback, where
# it takes the Wine process's uid from /proc/net/tcp), runs the program,
# and in the middle of it checks with wtsctl that the program's disconnect
# is there, kills wtsd with SIGKILL and starts it again on the same port
# and state file; the program's next call on its handle must work. Stops
# everything it started.
#   wtsd_test.sh BIN_DIR PREFIX WINE_RUN NATIVE_BUILD_DIR SCENARIO
# SPDX-License-Identifier: LGPL-2.1-or-later
set -u
usage="usage: wtsd_test.sh BIN_DIR PREFIX WINE_RUN NATIVE_BUILD_DIR SCENARIO"
bin=${1:?$usage} prefix=${2:?$usage} wine_run=${3:?$usage} native=${4:?$usage} scenario=${5:?$usage}
wtsd=$native/bin/wtsd
wtsctl=$native/bin/wtsctl
large=$native/examples/scenarios/large-10000.json
for f in "$wtsd" "$wtsctl" "$large"; do
  if [ ! -e "$f" ]; then
    echo "FAIL: $f is missing. It comes from the native build: run" \
      "'cmake --preset native && cmake --build --preset native' first (scripts/test-all.sh does)," \
      "or point OPENWTS_NATIVE_BUILD_DIR at a native build." >&2
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/openwts-wtsd.XXXXXX")
small_pid= large_pid= wine_pid=
finish() {
  local rc=$?
  for p in $wine_pid $small_pid $large_pid; do
    kill "$p" 2>/dev/null
    wait "$p" 2>/dev/null
  done
  WINEPREFIX=$prefix wineserver -k >/dev/null 2>&1
  if [ "$rc" -ne 0 ]; then
    for log in "$work"/*.log; do echo "---- $log:"; cat "$log"; done
  fi
  rm -rf "$work"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# start_wtsd VAR LOG ARG...: wtsd in the background, its pid in VAR, once ready.
start_wtsd() {
  local var=$1 log=$2
  shift 2
  "$wtsd" "$@" 2>"$work/$log" </dev/null &
  printf -v "$var" %s $!
  for _ in $(seq 300); do
    grep -q "ready:" "$work/$log" && return 0
    kill -0 "${!var}" 2>/dev/null || fail "wtsd ended at start"
    sleep 0.1
  done
  fail "wtsd did not get ready"
}
port_of() { sed -n 's/.*listening on tcp 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/$1" | head -n1; }

start_wtsd small_pid small.log --scenario "$scenario" --state "$work/state.json" \
  --socket "$work/s" --listen 127.0.0.1:0
port=$(port_of small.log)
start_wtsd large_pid large.log --scenario "$large" --socket "" --listen 127.0.0.1:0
large_port=$(port_of large.log)
[ -n "$port" ] && [ -n "$large_port" ] || fail "no ports"

export OPENWTS_TEST_WTSD=127.0.0.1:$port OPENWTS_TEST_WTSD_LARGE=127.0.0.1:$large_port
export OPENWTS_TEST_SIGNAL_DIR="Z:${work//\//\\}"
unset OPENWTS_SERVER
"$wine_run" "$prefix" "$bin/test_wtsd.exe" &
wine_pid=$!

for _ in $(seq 1200); do
  [ -e "$work/disconnected" ] && break
  kill -0 "$wine_pid" 2>/dev/null || break
  sleep 0.1
done
[ -e "$work/disconnected" ] || { wait "$wine_pid"; fail "test_wtsd.exe did not get to its disconnect"; }

# The program's disconnect, as wtsctl sees it.
"$wtsctl" --socket "$work/s" sessions >"$work/sessions.out" || fail "wtsctl sessions"
grep -Eq '^ rdp-tcp#3 +alice +2  Disc +rdpwd$' "$work/sessions.out" ||
  { cat "$work/sessions.out"; fail "wtsctl does not show session 2 disconnected"; }
# The program was identified from the connection: this user, its Linux pid.
grep -Eq "127\.0\.0\.1:[0-9]+: \"wtsapi32\.dll[^\"]*\": user $(id -un), pid [1-9][0-9]*" "$work/small.log" ||
  fail "wtsd did not identify the Wine program"

# A crash, and wtsd back on the same port and state file.
kill -KILL "$small_pid"
wait "$small_pid" 2>/dev/null
small_pid=
start_wtsd small_pid small2.log --scenario "$scenario" --state "$work/state.json" \
  --socket "$work/s" --listen "127.0.0.1:$port"
touch "$work/restarted"

rc=0
wait "$wine_pid" || rc=$?
wine_pid=
[ "$rc" = 0 ] || fail "test_wtsd.exe exited with $rc"
# The handle's next call reached the new wtsd (the program checked its answer).
grep -q "\"wtsapi32\.dll" "$work/small2.log" || fail "the handle did not come back to the new wtsd"
echo "PASS"
