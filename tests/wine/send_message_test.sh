#!/usr/bin/env bash
# WTSSendMessage shows real message boxes, so its test needs a display: this
# script starts Xvfb (a Unix socket only, no TCP, its own cookie), runs
# test_send_message.exe in the build's Wine prefix on it, and stops it all:
#   send_message_test.sh BIN_DIR PREFIX_DIR WINE_RUN
# BIN_DIR holds test_send_message.exe beside our wtsapi32.dll; PREFIX_DIR is
# the build's shared prefix (made by WINE_RUN, scripts/wine-run.sh, if need
# be). The other Wine tests need no display and never see this one.
#
# What Wine does that shapes this script (Wine 8.0, measured):
# - A prefix's desktop process (explorer.exe /desktop) starts with the first
#   program that shows a window, on that program's display, and ends about a
#   second after the last one. A prefix still busy from an earlier program is
#   waited for first, so that the desktop is on our display.
# - Without a window manager the X11 driver waits up to 2 s for each box it
#   hides (it expects the window manager to withdraw it). Unmanaged windows
#   (X11 Driver "Managed"=N) are not waited for; the setting is given to this
#   test program only (AppDefaults), nothing else in the prefix changes.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -u

bin=${1:?usage: send_message_test.sh BIN_DIR PREFIX_DIR WINE_RUN}
prefix=${2:?usage: send_message_test.sh BIN_DIR PREFIX_DIR WINE_RUN}
wine_run=${3:?usage: send_message_test.sh BIN_DIR PREFIX_DIR WINE_RUN}
bin=$(cd "$bin" && pwd) || { echo "FAIL: no directory $1"; exit 1; }
case $prefix in /*) ;; *) prefix=$PWD/$prefix ;; esac

TEST_TIMEOUT=150 # s for the whole test program
XVFB_START_TIMEOUT=10
PREFIX_IDLE_TIMEOUT=60 # s an earlier program of the prefix may take to end

export WINEPREFIX=$prefix
xvfb=
work=$(mktemp -d "${TMPDIR:-/tmp}/openwts-msg.XXXXXX")

cleanup() {
  # Nothing of the prefix may outlive the display it was shown on.
  if [ -f "$prefix/system.reg" ] && ! timeout 30 wineserver -w >/dev/null 2>&1; then
    wineserver -k >/dev/null 2>&1
    timeout 30 wineserver -w >/dev/null 2>&1
  fi
  if [ -n "$xvfb" ]; then
    kill "$xvfb" 2>/dev/null
    wait "$xvfb" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "FAIL: interrupted"; exit 1' INT TERM

for f in test_send_message.exe wtsapi32.dll; do
  [ -f "$bin/$f" ] || { echo "FAIL: $bin/$f exists"; exit 1; }
done
command -v Xvfb >/dev/null || { echo "FAIL: Xvfb is installed (scripts/install-deps.sh)"; exit 1; }
command -v xauth >/dev/null || { echo "FAIL: xauth is installed (scripts/install-deps.sh)"; exit 1; }

# --- A display of our own: the first free number from 90 ---------------------
export XAUTHORITY=$work/Xauthority
: >"$XAUTHORITY"
cookie=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
display=
for n in $(seq 90 189); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
  xauth -q -f "$XAUTHORITY" add ":$n" MIT-MAGIC-COOKIE-1 "$cookie" || break
  Xvfb ":$n" -nolisten tcp -auth "$XAUTHORITY" -screen 0 1024x768x24 >"$work/xvfb.log" 2>&1 &
  xvfb=$!
  for ((i = 0; i < XVFB_START_TIMEOUT * 10; i++)); do
    [ -S "/tmp/.X11-unix/X$n" ] && break
    kill -0 "$xvfb" 2>/dev/null || break
    sleep 0.1
  done
  if [ -S "/tmp/.X11-unix/X$n" ] && kill -0 "$xvfb" 2>/dev/null; then
    display=:$n
    break
  fi
  wait "$xvfb" 2>/dev/null # lost the number to another server: try the next
  xvfb=
done
if [ -z "$display" ]; then
  echo "FAIL: Xvfb started on a free display"
  sed 's/^/  xvfb: /' "$work/xvfb.log" 2>/dev/null
  exit 1
fi
export DISPLAY=$display
echo "Xvfb on $DISPLAY (Unix socket only)"

# --- The prefix: made if need be, idle, this program unmanaged ----------------
"$wine_run" "$prefix" reg add \
  'HKCU\Software\Wine\AppDefaults\test_send_message.exe\X11 Driver' \
  /v Managed /t REG_SZ /d N /f >"$work/reg.log" 2>&1 ||
  { echo "FAIL: reg add Managed=N for test_send_message.exe"; cat "$work/reg.log"; exit 1; }
timeout "$PREFIX_IDLE_TIMEOUT" wineserver -w ||
  { echo "FAIL: the prefix went idle within ${PREFIX_IDLE_TIMEOUT} s"; exit 1; }

# --- The test -----------------------------------------------------------------
timeout "$TEST_TIMEOUT" "$wine_run" "$prefix" "$bin/test_send_message.exe" </dev/null
rc=$?
[ "$rc" -eq 124 ] && echo "FAIL: test_send_message.exe finished within ${TEST_TIMEOUT} s"
exit "$rc"
