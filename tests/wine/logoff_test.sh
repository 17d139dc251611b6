#!/usr/bin/env bash
# WTSLogoffSession really logs off: it ends every program of the session,
# the caller included, and leaves the console at the logon screen
# (Connected, no user), while Wine's own service processes live on.
# That would end any test program, so it runs here, natively, in a
# throwaway Wine prefix:
#   logoff_test.sh BIN_DIR PREFIX_DIR
# BIN_DIR holds idle_victim.exe, qwinsta.exe, logoff.exe and our
# wtsapi32.dll beside them (used in place, nothing is copied). PREFIX_DIR is
# deleted, made afresh, and deleted again at the end.
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
#   exit status 0 to its `wine` parent whatever the Windows exit code, so the
#   victim's end is judged by time, not by exit status. A process that ends
#   itself exits with the low byte of its exit code (0xC000013A -> 58).
# - Processes whose parent died stay zombies in some containers: a pid is
#   "alive" only if it is not in state Z.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -u

bin=${1:?usage: logoff_test.sh BIN_DIR PREFIX_DIR}
prefix=${2:?usage: logoff_test.sh BIN_DIR PREFIX_DIR}
bin=$(cd "$bin" && pwd) || { echo "FAIL: no directory $1"; exit 1; }
case $prefix in /*) ;; *) prefix=$PWD/$prefix ;; esac

VICTIM_START_TIMEOUT=30 # s until idle_victim has written its pid file
VICTIM_END_TIMEOUT=20   # s from logoff until the victim must have ended
VICTIM_SLEEP=60         # s idle_victim sleeps when nobody ends it
PROGRAM_TIMEOUT=60      # s any other program may take

export WINEPREFIX=$prefix
export WINEDEBUG=-all
export WINEDLLOVERRIDES="wtsapi32=n;mscoree,mshtml="

passed=0
failed=0
victim=
work=$(mktemp -d "${TMPDIR:-/tmp}/openwts-logoff.XXXXXX")

pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
check() { # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

cleanup() {
  if [ -n "$victim" ] && kill -0 "$victim" 2>/dev/null; then
    kill "$victim" 2>/dev/null
    wait "$victim" 2>/dev/null
  fi
  if [ -d "$prefix" ]; then
    wineserver -k >/dev/null 2>&1
    timeout 30 wineserver -w >/dev/null 2>&1
    rm -rf "$prefix"
  fi
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

for f in idle_victim.exe qwinsta.exe logoff.exe wtsapi32.dll; do
  if [ ! -f "$bin/$f" ]; then
    fail "$bin/$f exists"
    exit 1
  fi
done

# --- A fresh prefix --------------------------------------------------------
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

# --- The victim: a program of the session that would idle for a minute ------
pidfile=$work/victim.pid
winpidfile="Z:${pidfile//\//\\}"
wine "$bin/idle_victim.exe" "$winpidfile" >"$work/victim.log" 2>&1 </dev/null &
victim=$!
for ((i = 0; i < VICTIM_START_TIMEOUT * 10; i++)); do
  [ -s "$pidfile" ] && break
  kill -0 "$victim" 2>/dev/null || break
  sleep 0.1
done
if [ ! -s "$pidfile" ]; then
  fail "idle_victim.exe wrote its pid file within ${VICTIM_START_TIMEOUT} s"
  exit 1
fi
victim_started=$(date +%s.%N)
pass "idle_victim.exe runs (Windows pid $(tr -d '\r\n' <"$pidfile"), Unix pid $victim)"

# --- Before: the console is Active with the user ---------------------------
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
check "idle_victim.exe is still running before the logoff" alive "$victim"

# --- The logoff: it ends logoff.exe itself too -----------------------------
logoff_started=$(date +%s.%N)
timeout "$PROGRAM_TIMEOUT" wine "$bin/logoff.exe" "$console" >"$work/logoff.out" 2>"$work/logoff.err" </dev/null
logoff_rc=$?
echo "  logoff.exe $console: exit status $logoff_rc (ended by its own logoff; 58 = 0xC000013A & 0xFF)"
[ -s "$work/logoff.err" ] && sed 's/^/  logoff.exe stderr: /' "$work/logoff.err"
# 1 = the call failed, 2 = usage error (examples/logoff.c), 124 = timeout.
check "logoff.exe reported no failure (exit status $logoff_rc; 1, 2 or 124 would be one)" \
  bash -c '[ "$0" -ne 1 ] && [ "$0" -ne 2 ] && [ "$0" -ne 124 ]' "$logoff_rc"

# --- The victim ended with it, long before its minute was up ---------------
for ((i = 0; i < VICTIM_END_TIMEOUT * 10; i++)); do
  alive "$victim" || break
  sleep 0.1
done
now=$(date +%s.%N)
if alive "$victim"; then
  fail "idle_victim.exe ended within ${VICTIM_END_TIMEOUT} s of the logoff"
  kill "$victim" 2>/dev/null
  wait "$victim" 2>/dev/null
else
  wait "$victim" 2>/dev/null
  victim_rc=$?
  after_logoff=$(awk -v a="$now" -v b="$logoff_started" 'BEGIN { printf "%.1f", a - b }')
  lived=$(awk -v a="$now" -v b="$victim_started" 'BEGIN { printf "%.1f", a - b }')
  pass "idle_victim.exe ended ${after_logoff} s after the logoff started (Unix exit status $victim_rc)"
  check "idle_victim.exe lived ${lived} s, well short of its ${VICTIM_SLEEP} s sleep" \
    awk -v t="$lived" -v s="$VICTIM_SLEEP" 'BEGIN { exit !(t < s - 10) }'
fi
victim=

# --- Wine's service processes were left alone ------------------------------
services_after=$(service_processes)
if [ "$services_before" = "$services_after" ]; then
  pass "Wine's service processes survived the logoff (same pids)"
else
  fail "Wine's service processes survived the logoff"
  echo "  before: $(echo "$services_before" | tr '\n' ' ')"
  echo "  after:  $(echo "$services_after" | tr '\n' ' ')"
fi

# --- After: the logon screen: Connected, nobody on -------------------------
run_qwinsta "$work/after.txt"
rc=$?
check "the prefix still runs programs: qwinsta.exe after the logoff exits 0 (exit status $rc)" \
  [ "$rc" -eq 0 ]
echo "  qwinsta after the logoff:"
sed 's/^/    /' "$work/after.txt"
check "console after the logoff is Conn (state '$(row_state "$work/after.txt")')" \
  [ "$(row_state "$work/after.txt")" = Conn ]
check "console after the logoff has no user (fields: $(console_row "$work/after.txt" | awk '{print NF}'))" \
  [ "$(row_field_count "$work/after.txt")" = 3 ]
check "console after the logoff keeps its id $console" [ "$(row_id "$work/after.txt")" = "$console" ]
check "services session unchanged after the logoff (0, no user, Disc)" \
  bash -c 'grep -Eq "^ services +0  Disc$" "$0"' "$work/after.txt"
