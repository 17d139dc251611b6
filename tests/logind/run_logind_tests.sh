#!/bin/sh
# Runs a logind test program against a mocked logind: starts a private
# D-Bus daemon (mock_bus.sh), hands its address to the program as the
# system bus, and stops the daemon when the program is done, however it
# ends. The program starts and stops python-dbusmock's logind template
# itself.
# Usage: run_logind_tests.sh PROGRAM WORKDIR
# SPDX-License-Identifier: LGPL-2.1-or-later
set -eu
prog=$1
work=$2
. "$(dirname "$0")/mock_bus.sh"

trap 'mock_bus_stop' EXIT
trap 'exit 130' INT TERM
mock_bus_start "$work" || exit 1

status=0
"$prog" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- the mock's log (last 40 lines of $OPENWTS_MOCK_LOG):" >&2
  tail -n 40 "$OPENWTS_MOCK_LOG" >&2
fi
exit "$status"
