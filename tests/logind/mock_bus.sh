# shellcheck shell=sh
# The private bus a mocked logind lives on, for the scripts that run one
# (run_logind_tests.sh, tests/wine/logind_wine_test.sh); sourced, POSIX sh.
#   mock_bus_start WORKDIR  finds Debian's python3 with dbusmock and
#                           dbus-daemon, starts a private dbus-daemon, and
#                           exports what the mock driver (logind_mock.c)
#                           and the backend read: DBUS_SYSTEM_BUS_ADDRESS
#                           (the bus's address; sd-bus and python-dbusmock
#                           both take it as the system bus),
#                           OPENWTS_TEST_PYTHON, OPENWTS_MOCK_LOG
#                           (WORKDIR/mock.log). Its pid is in mock_bus_pid.
#                           Returns 1, saying why, when it cannot.
#   mock_bus_stop           stops that dbus-daemon (nothing if none).
# SPDX-License-Identifier: LGPL-2.1-or-later

mock_bus_pid=

mock_bus_start() {
  mock_bus_work=$1
  mkdir -p "$mock_bus_work"
  # Debian's python3-dbusmock is for Debian's python3; a python3 earlier in
  # PATH (pyenv and the like) may lack it.
  OPENWTS_TEST_PYTHON=
  for candidate in /usr/bin/python3 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import dbusmock' 2>/dev/null; then
      OPENWTS_TEST_PYTHON=$(command -v "$candidate")
      break
    fi
  done
  if [ -z "$OPENWTS_TEST_PYTHON" ]; then
    echo "mock_bus: python3-dbusmock is missing (scripts/install-deps.sh installs it)" >&2
    return 1
  fi
  if ! command -v dbus-daemon >/dev/null 2>&1; then
    echo "mock_bus: dbus-daemon is missing (scripts/install-deps.sh installs it)" >&2
    return 1
  fi

  mock_bus_address_file=$mock_bus_work/bus-address
  rm -f "$mock_bus_address_file"
  dbus-daemon --session --nofork --nopidfile --print-address=3 3>"$mock_bus_address_file" &
  mock_bus_pid=$!
  mock_bus_waited=0
  while [ ! -s "$mock_bus_address_file" ]; do
    if [ "$mock_bus_waited" -ge 100 ] || ! kill -0 "$mock_bus_pid" 2>/dev/null; then
      echo "mock_bus: dbus-daemon did not start" >&2
      return 1
    fi
    sleep 0.1
    mock_bus_waited=$((mock_bus_waited + 1))
  done

  DBUS_SYSTEM_BUS_ADDRESS=$(head -n 1 "$mock_bus_address_file")
  OPENWTS_MOCK_LOG=$mock_bus_work/mock.log
  export DBUS_SYSTEM_BUS_ADDRESS OPENWTS_TEST_PYTHON OPENWTS_MOCK_LOG
  : >"$OPENWTS_MOCK_LOG"
}

mock_bus_stop() {
  if [ -n "$mock_bus_pid" ]; then
    kill "$mock_bus_pid" 2>/dev/null || true
    wait "$mock_bus_pid" 2>/dev/null || true
    mock_bus_pid=
  fi
}
