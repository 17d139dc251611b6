#!/usr/bin/env bash
# The socket transport under Wine (test_transport.exe) against the stand-in
# wtsd (tests/transport/fake_wtsd.c, a Linux program of the native build):
# starts the stand-in, runs the test in a Wine prefix of its own (it writes
# the prefix's HKLM\Software\OpenWTS), stops both.
#   transport_test.sh BIN_DIR PREFIX WINE_RUN NATIVE_BUILD_DIR SCENARIO
# NATIVE_BUILD_DIR is the native preset's build (OPENWTS_NATIVE_BUILD_DIR):
# it holds the stand-in and the generated 10,000-session scenario. SCENARIO
# is the three-session terminal-server.json.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -u
usage="usage: transport_test.sh BIN_DIR PREFIX WINE_RUN NATIVE_BUILD_DIR SCENARIO"
bin=${1:?$usage} prefix=${2:?$usage} wine_run=${3:?$usage} native=${4:?$usage} scenario=${5:?$usage}
peer=$native/tests/transport/fake_wtsd
large=$native/examples/scenarios/large-10000.json
PEER_START_TIMEOUT=30 # s until the stand-in listens (an ASan build loads slowly)

for f in "$peer" "$large"; do
  if [ ! -e "$f" ]; then
    echo "FAIL: $f is missing. It comes from the native build: run" \
      "'cmake --preset native && cmake --build --preset native' first (scripts/test-all.sh does)," \
      "or point OPENWTS_NATIVE_BUILD_DIR at a native build." >&2
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/openwts-transport.XXXXXX")
pid=
finish() {
  local rc=$?
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
  WINEPREFIX=$prefix wineserver -k >/dev/null 2>&1
  if [ "$rc" -ne 0 ]; then
    echo "---- the stand-in wtsd's log:"
    cat "$work/peer.log" 2>/dev/null
  fi
  rm -rf "$work"
  exit "$rc"
}
trap finish EXIT

"$peer" "$work/port" 2>"$work/peer.log" </dev/null &
pid=$!
for ((i = 0; i < PEER_START_TIMEOUT * 10; i++)); do
  [ -s "$work/port" ] && break
  kill -0 "$pid" 2>/dev/null || { echo "FAIL: the stand-in wtsd ended at start" >&2; exit 1; }
  sleep 0.1
done
[ -s "$work/port" ] || { echo "FAIL: the stand-in wtsd did not start listening" >&2; exit 1; }

export OPENWTS_TEST_PEER_PORT=$(cat "$work/port")
export OPENWTS_TEST_SCENARIO=$scenario OPENWTS_TEST_LARGE_SCENARIO=$large
unset OPENWTS_SERVER
"$wine_run" "$prefix" "$bin/test_transport.exe"
