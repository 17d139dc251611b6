#!/usr/bin/env bash
# WTSLogoffSession really logs off: the session's programs are told (their
# windows get WM_QUERYENDSESSION and WM_ENDSESSION with ENDSESSION_LOGOFF,
# console programs CTRL_LOGOFF_EVENT) and ended, the caller last, and the
# console is left at the logon screen (Connected, no user), while Wine's own
# service processes live on. That would end any test program, so it runs
# here, natively, in a throwaway Wine prefix, twice:
#   1. logoff.exe (bWait TRUE): when it has ended, so have the others;
#   2. logoff_nowait.exe (bWait FALSE): the call returns while the others
#      still run; they and then the caller are ended afterwards.
# Each time the victims are idle_victim.exe (a console program with only
# the default control handler), logoff_window_victim.exe and
# logoff_console_victim.exe (they record what they are told, and take 2 s
# over it, so that they are still running 2 s after being told).
#   logoff_test.sh BIN_DIR PREFIX_DIR
# BIN_DIR holds those programs, qwinsta.exe, logoff.exe and our wtsapi32.dll
# beside them (used in place, nothing is copied). PREFIX_DIR is deleted,
# made afresh, and deleted again at the end. Windows need an X display: the
# script starts its own Xvfb (Unix socket only, a cookie of its own) and
# stops it at the end.
#
# What Wine does that shapes this script (Wine 8.0, measured):
# - A prefix's service processes (services.exe, winedevice.exe, plugplay.exe,
#   svchost.exe, rpcss.exe) start with its first
#   program and, once no program is left, are ended by the wineserver a few
#   seconds later. So the wineserver is started persistent (wineserver -p):
#   the service processes then stay, and whether the logoff ended one of
#   them can be seen by its Unix pid. `wineserver -w` would wait for all of
#   that to end, which never happens with a persistent server: it is only
#   used after `wineserver -k`.
# - The first program of a new wineserver starts those service processes,
#   which inherit its Unix stdout/stderr; a pipe there (e.g. $(wine ...))
#   would stay open as long as they live. Programs' output goes to files.
# - A Windows process ended by another one (TerminateProcess) leaves Unix
#   exit status 0 to its `wine` parent whatever the Windows exit code, and
#   so does one ended by its default control handler: a victim's end is
#   judged by what it recorded and by time, not by exit status.
# - Processes whose parent died stay zombies in some containers: a pid is
#   "alive" only if it is not in state Z.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -u

bin=${1:?usage: logoff_test.sh BIN_DIR PREFIX_DIR}
prefix=${2:?usage: logoff_test.sh BIN_DIR PREFIX_DIR}
bin=$(cd "$bin" && pwd) || { echo "FAIL: no directory $1"; exit 1; }
case $prefix in /*) ;; *) prefix=$PWD/$prefix ;; esac

VICTIM_START_TIMEOUT=30 # s until every victim has written its pid file
VICTIM_END_TIMEOUT=30   # s from logoff until the victims must have ended
VICTIM_SLEEP=60         # s the victims live when nobody ends them
PROGRAM_TIMEOUT=60      # s any other program may take
DISPLAY_TIMEOUT=30      # s until Xvfb has picked its display
# s a victim's Unix process may outlive the caller's: Wine counts a process
# ended once its threads are, a little before its Unix process is gone. The
# window and console victims take 2 s over being told, so a caller that was
# not ended last would still show.
ENDED_SLACK=1

# What the victims must have recorded. ENDSESSION_LOGOFF (0x80000000) is
# the lParam of both messages for a logoff (WM_QUERYENDSESSION's and
# WM_ENDSESSION's pages) and CTRL_LOGOFF_EVENT is 5 (HandlerRoutine's page).
# That WM_ENDSESSION's wParam is TRUE whatever the answer, and that a
# program is ended only once it has answered WM_ENDSESSION and its handler
# has returned, is the README's "Beyond the docs" (Logoff).
WINDOW_RECORD=$'WM_QUERYENDSESSION wParam=0 lParam=0x80000000\nWM_ENDSESSION wParam=0x1 lParam=0x80000000\nWM_ENDSESSION answered'
CONSOLE_RECORD=$'event 5\nevent 5 handled'
VICTIMS=(idle window console)
declare -A VICTIM_EXE=([idle]=idle_victim.exe [window]=logoff_window_victim.exe
                       [console]=logoff_console_victim.exe)

export WINEPREFIX=$prefix
export WINEDEBUG=-all
export WINEDLLOVERRIDES="wtsapi32=n;mscoree,mshtml="

passed=0
failed=0
xvfb=
declare -A victim=() # Unix pid of each victim's `wine` while it may run
caller=
work=$(mktemp -d "${TMPDIR:-/tmp}/openwts-logoff.XXXXXX")

pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
check() { # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

stop_pid() {
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    kill "$1" 2>/dev/null
    wait "$1" 2>/dev/null
  fi
}
cleanup() {
  local name
  for name in "${!victim[@]}"; do stop_pid "${victim[$name]}"; done
  stop_pid "$caller"
  if [ -d "$prefix" ]; then
    wineserver -k >/dev/null 2>&1
    timeout 30 wineserver -w >/dev/null 2>&1
    rm -rf "$prefix"
  fi
  stop_pid "$xvfb"
  rm -rf "$work"
}
finish() {
  cleanup
  echo "$passed passed, $failed failed"
  # In an EXIT trap a bare `exit` keeps the status from before the trap.
  if [ "$failed" -eq 0 ]; then exit 0; else exit 1; fi
}
trap finish EXIT
trap 'fail "interrupted"; exit 1' INT TERM

# A Unix pid that runs and is not a zombie.
alive() {
  local st
  st=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$st" ] && [ "$st" != Z ]
}

winpath() { local p=$1; echo "Z:${p//\//\\}"; }
seconds_since() { awk -v a="$(date +%s.%N)" -v b="$1" 'BEGIN { printf "%.1f", a - b }'; }

# Wine's service processes of this prefix: "pid name" lines. Not
# explorer.exe /desktop: Wine starts it for a program that uses the desktop
# and ends it about a second after the last such program has gone, logoff
# or not (measured), so its pid says nothing about the logoff.
service_processes() {
  local p cmd
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    alive "$p" || continue
    tr '\0' '\n' 2>/dev/null <"/proc/$p/environ" | grep -qxF "WINEPREFIX=$prefix" || continue
    cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline")
    case $cmd in
      *'\services.exe'* | *'\winedevice.exe'* | *'\plugplay.exe'* | *'\svchost.exe'* | \
      *'\rpcss.exe'*)
        echo "$p ${cmd%% *}" ;;
    esac
  done | sort
}

# qwinsta's console row (the one marked '>', ours) split into fields:
# ">console USER ID STATE", or ">console ID STATE" without a user.
console_row() { grep '^>' "$1"; }
row_field_count() { console_row "$1" | awk '{print NF}'; }
row_id() { console_row "$1" | awk '{print $(NF-1)}'; }
row_state() { console_row "$1" | awk '{print $NF}'; }
row_user() { console_row "$1" | awk 'NF == 4 {print $2}'; }

run_qwinsta() { # run_qwinsta OUTFILE: exit status of qwinsta
  timeout "$PROGRAM_TIMEOUT" wine "$bin/qwinsta.exe" >"$1" 2>"$1.err" </dev/null
  local rc=$?
  sed -i 's/\r$//' "$1"
  return $rc
}

# Xvfb on a display it picks itself (-displayfd), reachable only through
# its Unix socket and only with our cookie. The server takes every cookie
# of its -auth file whatever display the entry names; clients look theirs
# up by display number, known only once the server runs.
start_display() {
  local cookie i n
  cookie=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  export XAUTHORITY=$work/Xauthority
  : >"$XAUTHORITY"
  xauth -q add :0 . "$cookie" || return 1
  Xvfb -displayfd 3 -nolisten tcp -auth "$XAUTHORITY" 3>"$work/display" \
    >"$work/xvfb.log" 2>&1 </dev/null &
  xvfb=$!
  for ((i = 0; i < DISPLAY_TIMEOUT * 10; i++)); do
    grep -q '^[0-9][0-9]*$' "$work/display" 2>/dev/null && break
    kill -0 "$xvfb" 2>/dev/null || return 1
    sleep 0.1
  done
  n=$(cat "$work/display" 2>/dev/null)
  [[ $n =~ ^[0-9]+$ ]] || return 1
  xauth -q remove :0 && xauth -q add ":$n" . "$cookie" || return 1
  export DISPLAY=":$n"
}

# start_victims TAG: the victims of one logoff, with files $work/TAG-NAME.*
start_victims() {
  local tag=$1 name pidf i
  for name in "${VICTIMS[@]}"; do
    pidf=$work/$tag-$name.pid
    if [ "$name" = idle ]; then
      set -- "$(winpath "$pidf")"
    else
      set -- "$(winpath "$pidf")" "$(winpath "$work/$tag-$name.rec")"
    fi
    wine "$bin/${VICTIM_EXE[$name]}" "$@" >"$work/$tag-$name.log" 2>&1 </dev/null &
    victim[$name]=$!
  done
  for ((i = 0; i < VICTIM_START_TIMEOUT * 10; i++)); do
    local starting=0 # victims still running that have not written their pid file
    for name in "${VICTIMS[@]}"; do
      [ -s "$work/$tag-$name.pid" ] || ! kill -0 "${victim[$name]}" 2>/dev/null || starting=1
    done
    [ $starting = 0 ] && break
    sleep 0.1
  done
  victims_started=$(date +%s.%N)
  local ok=0
  for name in "${VICTIMS[@]}"; do
    if [ -s "$work/$tag-$name.pid" ] && alive "${victim[$name]}"; then
      pass "${VICTIM_EXE[$name]} runs (Windows pid $(windows_pid "$tag" "$name"), Unix pid ${victim[$name]})"
    else
      fail "${VICTIM_EXE[$name]} wrote its pid file within ${VICTIM_START_TIMEOUT} s and runs"
      ok=1
    fi
  done
  return $ok
}
windows_pid() { tr -d '\r\n' <"$work/$1-$2.pid"; }

# check_victims_ended TAG WHEN: every victim has ended by now (WHEN says
# since when that is expected), well short of its lifetime; then what it
# recorded.
check_victims_ended() {
  local tag=$1 when=$2 name i
  for name in "${VICTIMS[@]}"; do
    for ((i = 0; i < ENDED_SLACK * 10; i++)); do
      alive "${victim[$name]}" || break
      sleep 0.1
    done
    if alive "${victim[$name]}"; then
      fail "${VICTIM_EXE[$name]} had ended $when"
    else
      pass "${VICTIM_EXE[$name]} had ended $when"
    fi
  done
  check "the victims lived $(seconds_since "$victims_started") s, well short of their ${VICTIM_SLEEP} s" \
    awk -v t="$(seconds_since "$victims_started")" -v s="$VICTIM_SLEEP" 'BEGIN { exit !(t < s - 10) }'
  for name in "${VICTIMS[@]}"; do
    wait "${victim[$name]}" 2>/dev/null
    unset "victim[$name]"
  done
  local rec
  rec=$(sed 's/\r$//' "$work/$tag-window.rec" 2>/dev/null)
  check "the window program got WM_QUERYENDSESSION, then WM_ENDSESSION (ENDSESSION_LOGOFF), answered it, and nothing else" \
    [ "$rec" = "$WINDOW_RECORD" ]
  [ "$rec" = "$WINDOW_RECORD" ] || echo "  it recorded: $(echo "$rec" | tr '\n' '|')"
  rec=$(sed 's/\r$//' "$work/$tag-console.rec" 2>/dev/null)
  check "the console program's handler got CTRL_LOGOFF_EVENT (5), returned, and got nothing else" \
    [ "$rec" = "$CONSOLE_RECORD" ]
  [ "$rec" = "$CONSOLE_RECORD" ] || echo "  it recorded: $(echo "$rec" | tr '\n' '|')"
}

# check_logged_off TAG: Wine's services still run, and the console is at
# the logon screen.
check_logged_off() {
  local tag=$1 services_after rc
  services_after=$(service_processes)
  if [ "$services_before" = "$services_after" ]; then
    pass "Wine's service processes survived the logoff (same pids)"
  else
    fail "Wine's service processes survived the logoff"
    echo "  before: $(echo "$services_before" | tr '\n' ' ')"
    echo "  after:  $(echo "$services_after" | tr '\n' ' ')"
  fi
  run_qwinsta "$work/$tag-after.txt"
  rc=$?
  check "the prefix still runs programs: qwinsta.exe after the logoff exits 0 (exit status $rc)" \
    [ "$rc" -eq 0 ]
  echo "  qwinsta after the logoff:"
  sed 's/^/    /' "$work/$tag-after.txt"
  check "console after the logoff is Conn (state '$(row_state "$work/$tag-after.txt")')" \
    [ "$(row_state "$work/$tag-after.txt")" = Conn ]
  check "console after the logoff has no user (fields: $(row_field_count "$work/$tag-after.txt"))" \
    [ "$(row_field_count "$work/$tag-after.txt")" = 3 ]
  check "console after the logoff keeps its id $console" [ "$(row_id "$work/$tag-after.txt")" = "$console" ]
  check "services session unchanged after the logoff (0, no user, Disc)" \
    bash -c 'grep -Eq "^ services +0  Disc$" "$0"' "$work/$tag-after.txt"
}

for f in idle_victim.exe logoff_window_victim.exe logoff_console_victim.exe logoff_nowait.exe \
         qwinsta.exe logoff.exe wtsapi32.dll; do
  if [ ! -f "$bin/$f" ]; then
    fail "$bin/$f exists"
    exit 1
  fi
done
for c in Xvfb xauth; do
  if ! command -v "$c" >/dev/null; then
    fail "$c is installed (scripts/install-deps.sh)"
    exit 1
  fi
done

# --- An X display and a fresh prefix ----------------------------------------
if ! start_display; then
  fail "Xvfb started on a display of its own"
  sed 's/^/  Xvfb: /' "$work/xvfb.log"
  exit 1
fi
pass "Xvfb runs on display $DISPLAY"
rm -rf "$prefix"
mkdir -p "$(dirname "$prefix")"
wineboot -i >"$work/wineboot.log" 2>&1
timeout 120 wineserver -w # nothing else runs yet: wait for wineboot's processes
if [ ! -f "$prefix/system.reg" ]; then
  fail "wineboot -i made the prefix $prefix"
  exit 1
fi
pass "fresh Wine prefix $prefix"
# Persistent: the service processes stay while no program runs.
if ! wineserver -p; then
  fail "wineserver -p started"
  exit 1
fi

# === 1. logoff.exe: WTSLogoffSession(bWait TRUE) from inside the session ====
echo "--- 1. logoff.exe, which waits"
start_victims wait || exit 1

run_qwinsta "$work/before.txt"
rc=$?
check "qwinsta.exe before the logoff exits 0 (exit status $rc)" [ "$rc" -eq 0 ]
echo "  qwinsta before the logoff:"
sed 's/^/    /' "$work/before.txt"
console=$(row_id "$work/before.txt")
check "qwinsta shows our session ('>' row) as the console, id '$console'" \
  bash -c '[[ "$0" =~ ^[0-9]+$ ]] && grep -q "^>console " "$1"' "$console" "$work/before.txt"
[[ $console =~ ^[0-9]+$ ]] || console=1
check "console is Active before the logoff (state '$(row_state "$work/before.txt")')" \
  [ "$(row_state "$work/before.txt")" = Active ]
user=$(id -un)
shown=$(row_user "$work/before.txt")
check "console user before the logoff is '$user' (shown: '$shown')" \
  [ "${shown,,}" = "${user,,}" ]

services_before=$(service_processes)
check "Wine's service processes run before the logoff: $(echo "$services_before" | awk '{print $2}' | tr '\n' ' ')" \
  [ -n "$services_before" ]

logoff_started=$(date +%s.%N)
timeout "$PROGRAM_TIMEOUT" wine "$bin/logoff.exe" "$console" >"$work/logoff.out" 2>"$work/logoff.err" </dev/null
logoff_rc=$?
echo "  logoff.exe $console: exit status $logoff_rc after $(seconds_since "$logoff_started") s (ended by its own logoff)"
[ -s "$work/logoff.err" ] && sed 's/^/  logoff.exe stderr: /' "$work/logoff.err"
# 1 = the call failed, 2 = usage error (examples/logoff.c), 124 = timeout.
check "logoff.exe reported no failure (exit status $logoff_rc; 1, 2 or 124 would be one)" \
  bash -c '[ "$0" -ne 1 ] && [ "$0" -ne 2 ] && [ "$0" -ne 124 ]' "$logoff_rc"
# The caller is ended last: once logoff.exe is gone, so are the others.
check_victims_ended wait "when logoff.exe, ended last, had ended"
check_logged_off wait

# === 2. logoff_nowait.exe: WTSLogoffSession(bWait FALSE) =====================
echo "--- 2. logoff_nowait.exe, which does not wait"
start_victims nowait || exit 1
services_before=$(service_processes)
result=$work/nowait-result.txt
set --
for name in "${VICTIMS[@]}"; do set -- "$@" "$(windows_pid nowait "$name")"; done
logoff_started=$(date +%s.%N)
wine "$bin/logoff_nowait.exe" "$(winpath "$result")" "$console" "$@" \
  >"$work/nowait.out" 2>&1 </dev/null &
caller=$!
for ((i = 0; i < (VICTIM_END_TIMEOUT + 10) * 10; i++)); do
  alive "$caller" || break
  sleep 0.1
done
if alive "$caller"; then
  fail "logoff_nowait.exe was ended by its own logoff within $((VICTIM_END_TIMEOUT + 10)) s"
  stop_pid "$caller"
else
  pass "logoff_nowait.exe was ended by its own logoff, $(seconds_since "$logoff_started") s after it started"
fi
wait "$caller" 2>/dev/null
caller=
sed -i 's/\r$//' "$result" 2>/dev/null
echo "  logoff_nowait.exe recorded: $(tr '\n' '|' <"$result" 2>/dev/null)"
# After an earlier logoff WTSConnectSession logs the user on again (README,
# "How a call travels"); a call that succeeds sets the last error to 0
# (README, "Beyond the docs").
check "WTSConnectSessionW logged the user back on (TRUE, last error 0)" \
  grep -qx 'connect ok=1 error=0' "$result"
check "WTSLogoffSession(bWait FALSE) returned TRUE with last error 0" \
  grep -qx 'logoff ok=1 error=0' "$result"
for name in "${VICTIMS[@]}"; do
  check "${VICTIM_EXE[$name]} still ran when WTSLogoffSession(bWait FALSE) returned" \
    grep -qx "running $(windows_pid nowait "$name") yes" "$result"
done
# bWait FALSE "returns immediately"; the session is logged off once
# WTSQuerySessionInformation says so (WTSLogoffSession's page), which is
# once its programs have ended (README, "Beyond the docs", Logoff): right
# after the call it is still WTSActive (0).
check "the console was still WTSActive right after the call returned" grep -qx 'state 0' "$result"
check "logoff_nowait.exe did not outlive its minute" bash -c '! grep -q "not ended" "$0"' "$result"
check_victims_ended nowait "when logoff_nowait.exe, ended last, had ended"
check_logged_off nowait
