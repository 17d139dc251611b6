#!/usr/bin/env bash
# test_wtsd_events.exe under Wine against the real wtsd (the native build's
# src/daemon/), on TCP loopback:
#   sim     wtsd on a scenario written here: sessions 1 (console), 2 (RDP,
#           this user's: the program's own session, the sim's
#           caller_session for its Unix user), 3 (RDP, bob), all Active.
#   logind  wtsd --backend logind on python-dbusmock's logind on a private
#           bus (as tests/daemon/wtsd_logind.sh): sessions 5 (this user's)
#           and 6 (nobody's). The Wine program runs with XDG_SESSION_ID=5,
#           which the mock's GetSessionByPID goes by (wtsd_events_mock.py).
# The program asks for changes through files in the work directory (NNNN.req,
# one line) and this script answers each (NNNN.done, the exit status):
#   sim: `restart` (wtsd stopped and started again on its port) or wtsctl's
#   arguments (`disconnect 3`); logind: `lock ID` / `unlock ID`, the mock
#   emitting the session's Lock / Unlock. Everything started here is stopped
#   here, the Wine prefix's wineserver too.
#   wtsd_events_test.sh MODE BIN_DIR PREFIX WINE_RUN NATIVE_BUILD_DIR
# SPDX-License-Identifier: LGPL-2.1-or-later
set -u
usage="usage: wtsd_events_test.sh sim|logind BIN_DIR PREFIX WINE_RUN NATIVE_BUILD_DIR"
mode=${1:?$usage} bin=${2:?$usage} prefix=${3:?$usage} wine_run=${4:?$usage} native=${5:?$usage}
here=$(cd "$(dirname "$0")" && pwd)
wtsd=$native/bin/wtsd
wtsctl=$native/bin/wtsctl
for f in "$wtsd" "$wtsctl"; do
  if [ ! -e "$f" ]; then
    echo "FAIL: $f is missing. It comes from the native build: run" \
      "'cmake --preset native && cmake --build --preset native' first (scripts/test-all.sh does)," \
      "or point OPENWTS_NATIVE_BUILD_DIR at a native build." >&2
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/openwts-wtsd-events.XXXXXX")
wtsd_pid= wine_pid= bus_pid= mock_pid=
finish() {
  local rc=$?
  for p in $wine_pid $wtsd_pid $mock_pid $bus_pid; do
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

# The session the program is in, for logind, is the one its environment
# names; none is inherited from whoever runs the test.
unset XDG_SESSION_ID OPENWTS_SERVER
# A wineserver of an earlier run would not have this run's environment.
WINEPREFIX=$prefix wineserver -k >/dev/null 2>&1

# start_wtsd LOG ARG...: wtsd in the background (wtsd_pid), once ready.
start_wtsd() {
  local log=$1
  shift
  "$wtsd" "$@" 2>"$work/$log" </dev/null &
  wtsd_pid=$!
  for _ in $(seq 300); do
    grep -q "ready:" "$work/$log" && return 0
    kill -0 "$wtsd_pid" 2>/dev/null || fail "wtsd ended at start"
    sleep 0.1
  done
  fail "wtsd did not get ready"
}
port_of() { sed -n 's/.*listening on tcp 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/$1" | head -n1; }

case $mode in
sim)
  cat >"$work/scenario.json" <<EOF
{
  "server": "TS01",
  "sessions": [
    { "id": 0, "win_station": "Services", "state": "Disconnected" },
    { "id": 1, "win_station": "Console", "user": "Administrator", "domain": "TS01",
      "client": { "protocol": "console" } },
    { "id": 2, "win_station": "RDP-Tcp#3", "user": "$(id -un)", "domain": "TS01",
      "client": { "name": "WKS-1", "address": "192.168.10.21", "protocol": "rdp" } },
    { "id": 3, "win_station": "RDP-Tcp#5", "user": "bob", "domain": "CONTOSO",
      "client": { "name": "LAPTOP-BOB", "address": "2001:db8:10::42", "protocol": "rdp" } }
  ]
}
EOF
  start_wtsd wtsd.log --scenario "$work/scenario.json" --socket "$work/s" --listen 127.0.0.1:0
  port=$(port_of wtsd.log)
  restarts=0
  handle() {
    if [ "$1" = restart ]; then
      kill -TERM "$wtsd_pid"
      wait "$wtsd_pid" || return 1
      restarts=$((restarts + 1))
      start_wtsd "wtsd-$restarts.log" --scenario "$work/scenario.json" --socket "$work/s" \
        --listen "127.0.0.1:$port"
    else
      # shellcheck disable=SC2086 # the request is wtsctl's words
      "$wtsctl" --socket "$work/s" $1 >>"$work/wtsctl.log" 2>&1
    fi
  }
  ;;
logind)
  PY=
  for candidate in /usr/bin/python3 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import dbusmock' 2>/dev/null; then
      PY=$(command -v "$candidate")
      break
    fi
  done
  [ -n "$PY" ] || fail "python3-dbusmock is missing (scripts/install-deps.sh installs it)"
  command -v dbus-daemon >/dev/null || fail "dbus-daemon is missing (scripts/install-deps.sh)"
  dbus-daemon --session --nofork --nopidfile --print-address=3 3>"$work/bus" &
  bus_pid=$!
  for _ in $(seq 100); do [ -s "$work/bus" ] && break; sleep 0.05; done
  address=$(head -n1 "$work/bus")
  [ -n "$address" ] || fail "dbus-daemon gave no address"
  DBUS_SYSTEM_BUS_ADDRESS=$address "$PY" -m dbusmock --template logind >"$work/mock.log" 2>&1 &
  mock_pid=$!
  mock() { "$PY" "$here/wtsd_events_mock.py" "$address" "$@"; }
  mock wait || fail "no mock"
  mock setup "$(id -u)" "$(id -un)" || fail "the mock's sessions"
  start_wtsd wtsd.log --backend logind --bus "$address" --socket "" --listen 127.0.0.1:0
  port=$(port_of wtsd.log)
  handle() {
    set -- $1
    case $1 in
    lock) mock emit "$2" Lock ;;
    unlock) mock emit "$2" Unlock ;;
    *) return 2 ;;
    esac
  }
  export XDG_SESSION_ID=5
  ;;
*)
  fail "$usage"
  ;;
esac
[ -n "$port" ] || fail "wtsd gave no port"

export OPENWTS_TEST_WTSD=127.0.0.1:$port OPENWTS_SERVER=127.0.0.1:$port
export OPENWTS_TEST_SIGNAL_DIR="Z:${work//\//\\}"
"$wine_run" "$prefix" "$bin/test_wtsd_events.exe" "$mode" &
wine_pid=$!

# Serves the program's requests, in order, until it ends.
while kill -0 "$wine_pid" 2>/dev/null; do
  for req in "$work"/*.req; do
    [ -e "$req" ] || break
    n=$(basename "$req" .req)
    line=$(head -n1 "$req" | tr -d '\r') # written in text mode: CRLF
    rm -f "$req"
    status=0
    handle "$line" || status=$?
    echo "$status" >"$work/$n.dtmp"
    mv "$work/$n.dtmp" "$work/$n.done"
  done
  sleep 0.02
done
rc=0
wait "$wine_pid" || rc=$?
wine_pid=
[ "$rc" = 0 ] || fail "test_wtsd_events.exe $mode exited with $rc"
echo "PASS"
