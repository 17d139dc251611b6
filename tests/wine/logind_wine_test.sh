#!/usr/bin/env bash
# test_logind.exe under Wine against wtsd hosting the logind backend on a
# mocked logind: a private dbus-daemon and python-dbusmock's logind
# template with the extensions of the backend's own test (both started
# with tests/logind's mock_bus.sh and logind_mock_tool, the command form of
# its mock driver), the mock's three sessions, and wtsd --backend logind on
# that bus, listening on TCP loopback only. The program reaches wtsd as its
# default server (OPENWTS_SERVER) and asks this script, through files, to
# change and read the mock (test_logind.c, ask_script); the script answers
# until the program ends, then checks what wtsd logged of it. Everything it
# started (the bus, the mock, wtsd, the Wine processes, a user) is stopped
# or removed at the end, however it ends.
#
#   logind_wine_test.sh admin BIN_DIR PREFIX WINE_RUN NATIVE_BUILD_DIR
#     The program as the user running the test: an administrator to wtsd
#     (root; another user is made one with --admin-group of its own group).
#   logind_wine_test.sh user BIN_DIR PREFIX WINE_RUN NATIVE_BUILD_DIR
#     Needs root (exit 77, skipped, otherwise): makes a Unix user (useradd;
#     removed after) with an SSH session of its own in the mock, and runs
#     the program as that user (runuser), from a copy of BIN_DIR's program
#     and DLL, in a Wine prefix of its own owned by it, against a wtsd run
#     as root without --admin-group: no administrator. PREFIX is not used.
#
# The program's Unix pid (for the mock's GetSessionByPID): a Windows
# program cannot learn it (Wine gives it Windows process ids, and reading
# /proc/self through Wine reads the wineserver's, which opens files for
# it), so the script finds it: the process named test_logind.exe that it
# started, or that descends from the runuser it started, when the program
# asks ("map-pid ID"), and sets that pid as the Leader of logind session ID
# in the mock, whose GetSessionByPID answers the session whose Leader the
# pid is. Only that pid is mapped: any other process (the prefix's
# wineserver, which holds the program's socket too) is in no session, and
# WTS_CURRENT_SESSION would come out as session 0. wtsd's log must name
# the same pid for each of the program's connections.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -u
usage="usage: logind_wine_test.sh admin|user BIN_DIR PREFIX WINE_RUN NATIVE_BUILD_DIR"
mode=${1:?$usage} bin=${2:?$usage} prefix=${3:?$usage} wine_run=${4:?$usage} native=${5:?$usage}
here=$(cd "$(dirname "$0")" && pwd)
logind_tests=$(cd "$here/../logind" && pwd)
wtsd=$native/bin/wtsd
tool=$native/tests/logind/logind_mock_tool
program=test_logind.exe
case $mode in admin | user) ;; *) echo "$usage" >&2; exit 2 ;; esac
for f in "$wtsd" "$tool"; do
  if [ ! -e "$f" ]; then
    echo "FAIL: $f is missing. It comes from the native build: run" \
      "'cmake --preset native && cmake --build --preset native' first (scripts/test-all.sh does)," \
      "or point OPENWTS_NATIVE_BUILD_DIR at a native build." >&2
    exit 1
  fi
done
if [ "$mode" = user ] && { [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null ||
  ! command -v runuser >/dev/null; }; then
  echo "SKIP: running the program as another user needs root, useradd and runuser"
  exit 77
fi
. "$logind_tests/mock_bus.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/openwts-logind-wine.XXXXXX")
serve_pid='' wtsd_pid='' wine_pid='' program_pid='' user='' user_home=''
finish() {
  local rc=$?
  # The Wine processes first (their prefix's wineserver ends them), then
  # the runuser or wine-run started, wtsd, the mock, the bus, the user.
  if [ -n "$user" ] && [ -d "$user_home/prefix" ]; then
    runuser -u "$user" -- env WINEPREFIX="$user_home/prefix" wineserver -k >/dev/null 2>&1
  elif [ "$mode" = admin ]; then
    WINEPREFIX=$prefix wineserver -k >/dev/null 2>&1
  fi
  for p in $wine_pid $wtsd_pid $serve_pid; do
    kill "$p" 2>/dev/null
    wait "$p" 2>/dev/null
  done
  mock_bus_stop
  if [ -n "$user" ]; then
    # userdel refuses a user with processes: wait for the wineserver's end.
    local uid p left
    uid=$(id -u "$user")
    for _ in $(seq 100); do
      left=
      for p in /proc/[0-9]*; do [ "$(stat -c %u "$p" 2>/dev/null)" = "$uid" ] && left=$p; done
      [ -z "$left" ] && break
      sleep 0.1
    done
    userdel "$user" 2>/dev/null || echo "logind_wine_test: could not remove the user $user" >&2
  fi
  if [ "$rc" -ne 0 ]; then
    for log in "$work"/*.log "$work"/bus/*.log; do [ -e "$log" ] && { echo "---- $log:"; cat "$log"; }; done
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
mock() { "$tool" "$@" 2>>"$work/mock-tool.log" || fail "logind_mock_tool $*"; }

# The bus and the mock (logind_mock_tool serve holds the template; it
# stops it when it is stopped, and the template ends with it).
mock_bus_start "$work/bus" || fail "no private bus"
"$tool" serve >"$work/serve.out" 2>>"$work/mock-tool.log" &
serve_pid=$!
for _ in $(seq 300); do
  grep -q '^ready$' "$work/serve.out" && break
  kill -0 "$serve_pid" 2>/dev/null || fail "the mock did not start (see mock.log)"
  sleep 0.1
done
grep -q '^ready$' "$work/serve.out" || fail "the mock did not get ready"
mock reset
mock three-sessions

admin_args=()
if [ "$mode" = user ]; then
  # A name of this run only (a parallel run makes its own), 20 characters
  # at most: Windows' user name fields.
  user=owtsl$$
  user_home=$work/home
  mkdir -p "$user_home"
  useradd --no-create-home --home-dir "$user_home" --shell /usr/sbin/nologin "$user" ||
    { user=; fail "useradd"; }
  # Its own SSH session: logind "7", session 7, from another address.
  mock add 7 seat0 "$(id -u "$user")" "$user" true
  mock remote 7 sshd 192.0.2.20
  mock set 7 Leader u 0
  me=$user
  expect_admin="not an administrator"
  own=7
else
  me=$(id -un)
  expect_admin=administrator
  own=1
  # As another user than root: an administrator by its own group.
  [ "$(id -u)" = 0 ] || admin_args=(--admin-group "$(id -gn)")
fi

"$wtsd" --backend logind --bus "$DBUS_SYSTEM_BUS_ADDRESS" --socket "" --listen 127.0.0.1:0 \
  --log-level debug "${admin_args[@]}" 2>"$work/wtsd.log" </dev/null &
wtsd_pid=$!
for _ in $(seq 300); do
  grep -q "ready:" "$work/wtsd.log" && break
  kill -0 "$wtsd_pid" 2>/dev/null || fail "wtsd ended at start"
  sleep 0.1
done
port=$(sed -n 's/.*listening on tcp 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/wtsd.log" | head -n1)
[ -n "$port" ] || fail "wtsd did not say its port"

host=$(cat /proc/sys/kernel/hostname) # what gethostname() gives wtsd
domain=$(printf '%s' "${host%%.*}" | tr '[:lower:]' '[:upper:]')
signals=$work/signals
mkdir -p "$signals"
# The prefix's wineserver is started before the program, as it is for every
# program but the first of a prefix: it then has the lower pid, and it holds
# the program's socket as well (Wine makes sockets in the wineserver), so
# it is the first holder wtsd meets in /proc; wtsd must name the program.
if [ "$mode" = user ]; then
  # The program, its DLL and the Wine scripts where the user may read them,
  # and a directory of its own for the requests.
  mkdir -p "$user_home/bin" "$user_home/scripts"
  cp "$bin/$program" "$bin/wtsapi32.dll" "$user_home/bin/"
  cp "$wine_run" "$(dirname "$wine_run")/wine-prefix.sh" "$user_home/scripts/"
  signals=$user_home/signals
  mkdir -p "$signals"
  chown -R "$user:" "$user_home"
  chmod 755 "$work"
  as_user() {
    (cd "$user_home" && exec runuser -u "$user" -- env -u DISPLAY -u WAYLAND_DISPLAY \
      HOME="$user_home" WINEPREFIX="$user_home/prefix" "$@")
  }
  as_user "$user_home/scripts/wine-prefix.sh" "$user_home/prefix" || fail "no Wine prefix for $user"
  as_user wineserver -p10 || fail "no wineserver for $user"
  as_user OPENWTS_SERVER="127.0.0.1:$port" OPENWTS_TEST_SIGNAL_DIR="Z:${signals//\//\\}" \
    OPENWTS_TEST_HOST="$host" OPENWTS_TEST_DOMAIN="$domain" OPENWTS_TEST_USER="$user" \
    "$user_home/scripts/$(basename "$wine_run")" "$user_home/prefix" "$user_home/bin/$program" user &
  wine_pid=$!
else
  "$(dirname "$wine_run")/wine-prefix.sh" "$prefix" || fail "no Wine prefix"
  WINEPREFIX=$prefix wineserver -p10 || fail "no wineserver"
  OPENWTS_SERVER=127.0.0.1:$port OPENWTS_TEST_SIGNAL_DIR="Z:${signals//\//\\}" \
    OPENWTS_TEST_HOST=$host OPENWTS_TEST_DOMAIN=$domain \
    "$wine_run" "$prefix" "$bin/$program" admin &
  wine_pid=$!
fi

# The children of PID, from /proc (procps is not among the packages the
# tests install): field 4 of /proc/N/stat, after the name in parentheses.
children_of() {
  local stat text ppid
  for stat in /proc/[0-9]*/stat; do
    text=$(cat "$stat" 2>/dev/null) || continue
    read -r _ ppid _ <<<"${text##*) }"
    [ "$ppid" = "$1" ] && { stat=${stat#/proc/}; echo "${stat%/stat}"; }
  done
}

# The process named NAME (Wine gives a program its .exe name as the
# kernel's comm) among PID and its descendants.
find_named() {
  local pid=$1 name=$2 child
  if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]; then
    echo "$pid"
    return 0
  fi
  for child in $(children_of "$pid"); do
    find_named "$child" "$name" && return 0
  done
  return 1
}

# answer COMMAND: what a request does; prints its output, returns its status.
# (Not in a subshell: map-pid keeps the pid in program_pid.)
answer() {
  local cmd=$1
  if ! [[ $cmd =~ ^[A-Za-z0-9:._\ -]+$ ]]; then
    echo "a request with characters this script does not take"
    return 2
  fi
  if [[ $cmd =~ ^map-pid\ ([a-z0-9]+)$ ]]; then
    program_pid=$(find_named "$wine_pid" "$program") || { echo "no $program process"; return 1; }
    "$tool" set "${BASH_REMATCH[1]}" Leader u "$program_pid" 2>&1 || return 1
    echo "$program_pid"
    return 0
  fi
  set -f
  # shellcheck disable=SC2086 # the request's words are the tool's arguments
  "$tool" $cmd 2>&1
  local status=$?
  set +f
  return "$status"
}

# The program's requests (req-N, N from 1), answered in order (rep-N: the
# status, then the output) until it ends.
n=1
while :; do
  if [ -e "$signals/req-$n" ]; then
    cmd=$(cat "$signals/req-$n")
    answer "$cmd" >"$work/answer"
    status=$?
    { echo "$status"; cat "$work/answer"; } >"$signals/rep-$n.tmp"
    mv "$signals/rep-$n.tmp" "$signals/rep-$n"
    echo "request $n: $cmd -> $status: $(cat "$work/answer")" >>"$work/requests.log"
    n=$((n + 1))
    continue
  fi
  kill -0 "$wine_pid" 2>/dev/null || break
  sleep 0.05
done
rc=0
wait "$wine_pid" || rc=$?
wine_pid=
[ "$rc" = 0 ] || fail "$program $mode exited with $rc"
[ -n "$program_pid" ] || fail "the program never asked for its pid to be mapped"

# wtsd named the program's own pid for each of its connections (and so
# asked logind for that pid's session).
grep '"wtsapi32\.dll[^"]*": user ' "$work/wtsd.log" >"$work/connections" || fail "wtsd logged no connection of the program"
want="user $me, pid $program_pid, $expect_admin, own session $own"
while IFS= read -r line; do
  [[ $line == *": $want" ]] || fail "wtsd logged \"$line\", expected \"...: $want\""
done <"$work/connections"
echo "PASS: $(wc -l <"$work/connections") connections of pid $program_pid, $want"
