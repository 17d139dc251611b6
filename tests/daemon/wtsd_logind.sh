#!/usr/bin/env bash
# wtsd --backend logind, against python-dbusmock's logind template on a
# private bus (as tests/logind/ do): wtsctl lists the mock's sessions, and
# a session that appears later (logind's SessionNew signal, which arrives
# on the bus descriptor wtsd watches in its loop) reaches a subscriber as
# events. What the backend shows for a logind session is
# docs/logind-backend.md's.
# SPDX-License-Identifier: LGPL-2.1-or-later
. "$(dirname "$0")/wtsd_lib.sh"
T=$TEST_TMP

# Debian's python3-dbusmock is for Debian's python3 (a pyenv python3 earlier
# in PATH may lack it).
PY=
for candidate in /usr/bin/python3 python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import dbusmock' 2>/dev/null; then
    PY=$(command -v "$candidate")
    break
  fi
done
[ -n "$PY" ] || fail "python3-dbusmock is missing (scripts/install-deps.sh installs it)"
command -v dbus-daemon >/dev/null || fail "dbus-daemon is missing (scripts/install-deps.sh)"

dbus-daemon --session --nofork --nopidfile --print-address=3 3>"$T/bus" &
BUS_PID=$!
CLEANUP_HOOKS+=("kill $BUS_PID 2>/dev/null; wait $BUS_PID 2>/dev/null")
for _ in $(seq 100); do [ -s "$T/bus" ] && break; sleep 0.05; done
ADDRESS=$(head -n1 "$T/bus")
[ -n "$ADDRESS" ] || fail "dbus-daemon gave no address"

DBUS_SYSTEM_BUS_ADDRESS=$ADDRESS "$PY" -m dbusmock --template logind >"$T/mock.log" 2>&1 &
MOCK_PID=$!
CLEANUP_HOOKS+=("kill $MOCK_PID 2>/dev/null; wait $MOCK_PID 2>/dev/null")
# Calls on the mock's org.freedesktop.DBus.Mock interface (python-dbus,
# which python3-dbusmock brings): add a session, emit a Manager signal.
mock() {
  "$PY" - "$ADDRESS" "$@" <<'PY'
import sys
import dbus
bus = dbus.bus.BusConnection(sys.argv[1])
what = sys.argv[2]
if what != "wait":
    mock = dbus.Interface(bus.get_object("org.freedesktop.login1", "/org/freedesktop/login1"),
                          "org.freedesktop.DBus.Mock")
if what == "add":  # add ID UID USER ACTIVE
    mock.AddSession(sys.argv[3], "seat0", dbus.UInt32(int(sys.argv[4])), sys.argv[5],
                    sys.argv[6] == "true")
elif what == "wait":  # until the mock owns logind's name
    import time
    for _ in range(100):
        if bus.name_has_owner("org.freedesktop.login1"):
            sys.exit(0)
        time.sleep(0.1)
    sys.exit("python-dbusmock did not take org.freedesktop.login1")
elif what == "new":  # new ID: SessionNew, as logind sends it
    mock.EmitSignal("org.freedesktop.login1.Manager", "SessionNew", "so",
                    [sys.argv[3], dbus.ObjectPath("/org/freedesktop/login1/session/" + sys.argv[3])])
PY
}
# A seat session of root (logind id 7: session 7, docs/logind-backend.md "Session ids").
mock wait
mock add 7 0 root true

# The bus from the command line, not the environment.
start_wtsd logind --backend logind --bus "$ADDRESS" --socket "$T/s" --log-level debug
S=$T/s
[ "$(session_field 7 user --socket "$S")" = root ] || fail "logind session 7 is not listed as root's"
[ "$(session_field 0 win_station --socket "$S")" = Services ] || fail "no session 0"

"$WTSCTL" --socket "$S" watch --json >"$T/events" 2>"$T/watch.err" &
WATCH=$!
CLEANUP_HOOKS+=("kill $WATCH 2>/dev/null")
for _ in $(seq 100); do grep -q "subscribed to session events" "$T/logind.log" && break; sleep 0.05; done
# A new login: the session, then logind's SessionNew.
mock add 12 65534 nobody false
mock new 12
for _ in $(seq 100); do grep -q '"kind":"create"' "$T/events" && break; sleep 0.05; done
expect_in "$T/events" '"session_id":12,"kind":"create"'
expect_in "$T/logind.log" "event [0-9]+: session 12 create"
[ "$(session_field 12 user --socket "$S")" = nobody ] || fail "session 12 is not nobody's"
kill -INT "$WATCH"
wait "$WATCH" || fail "watch did not end cleanly"
stop_wtsd "$WTSD_PID"

# Without a bus: wtsd says so and exits 1 (a bus may be there next time).
run 1 "$WTSD" --backend logind --bus "unix:path=$T/no-bus" --socket "$T/s"
expect_in "$T/err" "backend logind: "
echo "PASS"
