#!/usr/bin/env bash
# WTSShutdownSystem really shuts the prefix down (or reboots it), so its
# test runs here, natively, in a throwaway Wine prefix:
#   shutdown_test.sh BIN_DIR PREFIX_DIR
# BIN_DIR holds test_shutdown_system.exe, shutdown_caller.exe,
# idle_victim.exe and our wtsapi32.dll beside them (used in place). PREFIX_DIR
# is deleted, made afresh, and deleted again at the end.
#
# In turn, each on a prefix with a program of the session running (the
# victim) and Wine's service processes up:
# 1. test_shutdown_system.exe: bad input, no privilege, another server and
#    WTS_WSD_LOGOFF must all leave the prefix as it is.
# 2. WTS_WSD_REBOOT: the caller, the victim and the service processes end;
#    the prefix boots again (new service processes, RunOnce runs).
# 3. WTS_WSD_SHUTDOWN and 4. WTS_WSD_POWEROFF: the caller, the victim and
#    every service process end and nothing starts again.
#
# What Wine does that shapes this script (Wine 8.0, measured; see also
# logoff_test.sh):
# - The service processes start with the first program of a prefix and,
#   once no program is left, are ended by the wineserver a few seconds later.
#   The wineserver is persistent here (wineserver -p), so service processes
#   that end were ended by the shutdown, not by the wineserver.
# - A Windows process ended by another leaves Unix exit status 0 to its
#   `wine` parent: the caller's end is judged by what it printed (it prints
#   "outlived the shutdown" if it is still there a minute later).
# - Programs' output goes to files: the service processes inherit the first
#   program's stdout and would hold a pipe open.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -u

bin=${1:?usage: shutdown_test.sh BIN_DIR PREFIX_DIR}
prefix=${2:?usage: shutdown_test.sh BIN_DIR PREFIX_DIR}
bin=$(cd "$bin" && pwd) || { echo "FAIL: no directory $1"; exit 1; }
case $prefix in /*) ;; *) prefix=$PWD/$prefix ;; esac

START_TIMEOUT=60  # s for the victim to run and the service processes to be up
END_TIMEOUT=30    # s from the call until what it ends has ended
LINGER=60         # s the caller waits to be ended
PROGRAM_TIMEOUT=120

export WINEPREFIX=$prefix
export WINEDEBUG=-all
export WINEDLLOVERRIDES="wtsapi32=n;mscoree,mshtml="

passed=0
failed=0
victim=
work=$(mktemp -d "${TMPDIR:-/tmp}/openwts-shutdown.XXXXXX")

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

# The prefix's service processes as Unix pids, one a line, sorted.
service_pids() {
  local p cmd
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    alive "$p" || continue
    tr '\0' '\n' 2>/dev/null <"/proc/$p/environ" | grep -qxF "WINEPREFIX=$prefix" || continue
    cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline")
    case $cmd in
      *'\services.exe'* | *'\winedevice.exe'* | *'\plugplay.exe'* | *'\svchost.exe'* | \
      *'\rpcss.exe'*) echo "$p" ;;
    esac
  done | sort -n
}

# Waits up to SECONDS for COMMAND to succeed.
wait_for() { # wait_for SECONDS COMMAND...
  local seconds=$1
  shift
  for ((i = 0; i < seconds * 10; i++)); do
    "$@" && return 0
    sleep 0.1
  done
  "$@"
}
no_services() { [ -z "$(service_pids)" ]; }
services_up() { [ -n "$(service_pids)" ]; }
victim_gone() { ! alive "$victim"; }
# No pid of list $1 (one a line) in list $2.
disjoint() { [ -z "$(comm -12 <(echo "$1") <(echo "$2"))" ]; }

start_victim() { # start_victim NAME
  local pidfile=$work/$1.pid
  wine "$bin/idle_victim.exe" "Z:${pidfile//\//\\}" >"$work/$1.log" 2>&1 </dev/null &
  victim=$!
  if ! wait_for "$START_TIMEOUT" test -s "$pidfile"; then
    fail "idle_victim.exe ($1) runs within ${START_TIMEOUT} s"
    exit 1
  fi
  if ! wait_for "$START_TIMEOUT" services_up; then
    fail "Wine's service processes are up within ${START_TIMEOUT} s"
    exit 1
  fi
}

# Runs shutdown_caller.exe FLAG in the background and waits for it to end.
call_shutdown() { # call_shutdown NAME FLAG
  local out=$work/$1.out
  wine "$bin/shutdown_caller.exe" "$2" "$LINGER" >"$out" 2>"$out.err" </dev/null &
  local caller=$!
  local started=$SECONDS
  wait_for "$END_TIMEOUT" bash -c '! kill -0 "$0" 2>/dev/null' "$caller"
  if kill -0 "$caller" 2>/dev/null; then
    fail "$1: the caller was ended within ${END_TIMEOUT} s"
    kill "$caller" 2>/dev/null
  fi
  wait "$caller" 2>/dev/null
  tr -d '\r' <"$out" >"$out.txt"
  sed 's/^/  caller: /' "$out.txt" "$out.err"
  check "$1: WTSShutdownSystem($2) returned TRUE with error 0" \
    grep -qxF "WTSShutdownSystem($2) = 1, error 0" "$out.txt"
  check "$1: the caller did not outlive it (ended after $((SECONDS - started)) s)" \
    bash -c '! grep -q outlived "$0"' "$out.txt"
}

for f in test_shutdown_system.exe shutdown_caller.exe idle_victim.exe wtsapi32.dll; do
  [ -f "$bin/$f" ] || { fail "$bin/$f exists"; exit 1; }
done

# --- A fresh prefix, its wineserver persistent -------------------------------
rm -rf "$prefix"
mkdir -p "$(dirname "$prefix")"
wineboot -i >"$work/wineboot.log" 2>&1
timeout 120 wineserver -w
[ -f "$prefix/system.reg" ] || { fail "wineboot -i made the prefix $prefix"; exit 1; }
pass "fresh Wine prefix $prefix"
wineserver -p || { fail "wineserver -p started"; exit 1; }

# --- 1. What must not shut down ----------------------------------------------
start_victim victim1
services_before=$(service_pids)
timeout "$PROGRAM_TIMEOUT" wine "$bin/test_shutdown_system.exe" >"$work/errors.out" 2>&1 </dev/null
rc=$?
tr -d '\r' <"$work/errors.out" | sed 's/^/  /'
check "test_shutdown_system.exe exits 0 (exit status $rc)" [ "$rc" -eq 0 ]
# Ended from outside it would also exit 0: its summary tells.
check "test_shutdown_system.exe ran to its summary with no failure" \
  bash -c 'tr -d "\r" <"$0" | grep -Eq "^\[  PASSED  \] [0-9]+ test\(s\)\.$" && ! grep -q FAILED "$0"' \
  "$work/errors.out"
check "the victim still runs after the failed calls and WTS_WSD_LOGOFF" alive "$victim"
check "the service processes are the same" [ "$(service_pids)" = "$services_before" ]

# --- 2. Reboot ----------------------------------------------------------------
marker=$prefix/drive_c/openwts-rebooted.txt
wine reg add 'HKLM\Software\Microsoft\Windows\CurrentVersion\RunOnce' /v openwts-test \
  /d 'cmd /c echo rebooted> C:\openwts-rebooted.txt' /f >"$work/reg.log" 2>&1
rc=$?
check "RunOnce entry written (exit status $rc), and not run yet" \
  bash -c '[ "$0" -eq 0 ] && [ ! -e "$1" ]' "$rc" "$marker"
services_before=$(service_pids)
call_shutdown reboot 0x4
check "reboot: the victim was ended" wait_for "$END_TIMEOUT" victim_gone
wait "$victim" 2>/dev/null
victim=
check "reboot: the prefix booted again: RunOnce ran" wait_for "$START_TIMEOUT" test -e "$marker"
check "reboot: service processes run again" wait_for "$START_TIMEOUT" services_up
services_after=$(service_pids)
check "reboot: they are new ones (before: $(echo $services_before), after: $(echo $services_after))" \
  disjoint "$services_before" "$services_after"

# --- 3. and 4. Shutdown and power-off -----------------------------------------
for step in "shutdown 0x2" "poweroff 0x8"; do
  set -- $step
  start_victim "victim-$1"
  call_shutdown "$1" "$2"
  check "$1: the victim was ended" wait_for "$END_TIMEOUT" victim_gone
  wait "$victim" 2>/dev/null
  victim=
  check "$1: every service process was ended" wait_for "$END_TIMEOUT" no_services
  sleep 3
  check "$1: and none started again" no_services
done
