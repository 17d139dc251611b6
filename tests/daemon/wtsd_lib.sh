# Sourced by the shell tests of wtsd and wtsctl: a temporary directory,
# wtsd started in the background and stopped again (every one a test
# starts is stopped when it ends, however it ends), and small checks.
# Environment (set by ctest, tests/daemon/CMakeLists.txt): WTSD, WTSCTL,
# SCENARIOS (examples/scenarios), LARGE_SCENARIO.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail
: "${WTSD:?}" "${WTSCTL:?}" "${SCENARIOS:?}"

TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/wtsd-test.XXXXXX")
chmod 755 "$TEST_TMP" # other users' clients reach sockets in it (two-user test)
WTSD_PIDS=()
CLEANUP_HOOKS=()

wtsd_test_cleanup() {
  local rc=$?
  set +e
  for p in "${WTSD_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
  for p in "${WTSD_PIDS[@]}"; do wait "$p" 2>/dev/null; done
  for h in "${CLEANUP_HOOKS[@]}"; do eval "$h"; done
  rm -rf "$TEST_TMP"
  exit "$rc"
}
trap wtsd_test_cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# start_wtsd NAME ARG...: wtsd with its log in $TEST_TMP/NAME.log; returns
# once it logged "ready:" (sets WTSD_PID), fails if it exits first.
start_wtsd() {
  local name=$1
  shift
  local log="$TEST_TMP/$name.log"
  "$WTSD" "$@" 2>"$log" &
  WTSD_PID=$!
  WTSD_PIDS+=("$WTSD_PID")
  for _ in $(seq 200); do
    if grep -q "ready:" "$log"; then return 0; fi
    if ! kill -0 "$WTSD_PID" 2>/dev/null; then
      local rc=0
      wait "$WTSD_PID" || rc=$?
      cat "$log" >&2
      fail "wtsd ($name) exited with $rc while starting"
    fi
    sleep 0.05
  done
  cat "$log" >&2
  fail "wtsd ($name) did not get ready"
}

forget_pid() {
  local keep=()
  for p in "${WTSD_PIDS[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
  WTSD_PIDS=("${keep[@]+"${keep[@]}"}")
}

# stop_wtsd PID: SIGTERM; wtsd must exit 0 (under ASan, LeakSanitizer
# makes a leak a non-zero exit).
stop_wtsd() {
  local pid=$1 rc=0
  kill -TERM "$pid"
  wait "$pid" || rc=$?
  forget_pid "$pid"
  [ "$rc" = 0 ] || fail "wtsd $pid exited with $rc after SIGTERM"
}

# kill9_wtsd PID: as a crash would end it.
kill9_wtsd() {
  kill -KILL "$1"
  wait "$1" 2>/dev/null || true
  forget_pid "$1"
}

# tcp_port NAME ADDRESS: the port wtsd (log NAME) listens on at ADDRESS.
tcp_port() {
  sed -n "s/.*listening on tcp $2:\([0-9]*\)$/\1/p" "$TEST_TMP/$1.log" | head -n1
}

# run EXPECTED_RC CMD...: runs CMD with its output in $TEST_TMP/out and
# $TEST_TMP/err; fails unless it exits with EXPECTED_RC.
run() {
  local want=$1 rc=0
  shift
  "$@" >"$TEST_TMP/out" 2>"$TEST_TMP/err" || rc=$?
  if [ "$rc" != "$want" ]; then
    echo "--- stdout:" >&2; cat "$TEST_TMP/out" >&2
    echo "--- stderr:" >&2; cat "$TEST_TMP/err" >&2
    fail "'$*' exited with $rc, expected $want"
  fi
}

# expect_in FILE PATTERN (grep -E) / expect_not_in FILE PATTERN
expect_in() {
  grep -Eq -- "$2" "$1" || { cat "$1" >&2; fail "'$2' not in $1"; }
}
expect_not_in() {
  if grep -Eq -- "$2" "$1"; then cat "$1" >&2; fail "'$2' in $1"; fi
}

# session_field ID FIELD [WTSCTL ARGS...]: one field of a session, from
# wtsctl sessions --json.
session_field() {
  local id=$1 field=$2
  shift 2
  "$WTSCTL" "$@" sessions --json | python3 -c '
import json, sys
sid, field = int(sys.argv[1]), sys.argv[2]
for s in json.load(sys.stdin):
    if s["id"] == sid:
        print(s[field])
        break
else:
    print("(none)")' "$id" "$field"
}
