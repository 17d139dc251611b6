#!/bin/sh
# Runs a logind test program against a mocked logind: starts a private
# D-Bus daemon, hands its address to the program as the system bus
# (DBUS_SYSTEM_BUS_ADDRESS, which sd-bus and python-dbusmock both read),
# and stops the daemon when the program is done, however it ends. The
# program starts and stops python-dbusmock's logind template itself.
# Usage: run_logind_tests.sh PROGRAM WORKDIR
# SPDX-License-Identifier: LGPL-2.1-or-later
set -eu
prog=$1
work=$2
mkdir -p "$work"

# Debian's python3-dbusmock is for Debian's python3; a python3 earlier in
# PATH (pyenv and the like) may lack it.
python=
for candidate in /usr/bin/python3 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import dbusmock' 2>/dev/null; then
    python=$(command -v "$candidate")
    break
  fi
done
if [ -z "$python" ]; then
  echo "run_logind_tests: python3-dbusmock is missing (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
if ! command -v dbus-daemon >/dev/null 2>&1; then
  echo "run_logind_tests: dbus-daemon is missing (scripts/install-deps.sh installs it)" >&2
  exit 1
fi

address_file=$work/bus-address
rm -f "$address_file"
dbus-daemon --session --nofork --nopidfile --print-address=3 3>"$address_file" &
bus_pid=$!
trap 'kill "$bus_pid" 2>/dev/null || true; wait "$bus_pid" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM

waited=0
while [ ! -s "$address_file" ]; do
  if [ "$waited" -ge 100 ] || ! kill -0 "$bus_pid" 2>/dev/null; then
    echo "run_logind_tests: dbus-daemon did not start" >&2
    exit 1
  fi
  sleep 0.1
  waited=$((waited + 1))
done

DBUS_SYSTEM_BUS_ADDRESS=$(head -n 1 "$address_file")
OPENWTS_TEST_PYTHON=$python
OPENWTS_MOCK_LOG=$work/mock.log
export DBUS_SYSTEM_BUS_ADDRESS OPENWTS_TEST_PYTHON OPENWTS_MOCK_LOG
: >"$OPENWTS_MOCK_LOG"

status=0
"$prog" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- the mock's log (last 40 lines of $OPENWTS_MOCK_LOG):" >&2
  tail -n 40 "$OPENWTS_MOCK_LOG" >&2
fi
exit "$status"
