#!/usr/bin/env python3
"""python-dbusmock's logind template, driven for tests/wine/wtsd_events_test.sh
over its org.freedesktop.DBus.Mock interface (python-dbus, which
python3-dbusmock brings):

  wtsd_events_mock.py BUS wait              until the mock owns logind's name
  wtsd_events_mock.py BUS setup UID USER    GetSessionByPID (below); session 5
                                            of UID/USER, active on seat0;
                                            session 6 of nobody, in the
                                            background on seat0
  wtsd_events_mock.py BUS emit ID SIGNAL    the session's Lock or Unlock, as
                                            logind sends it to its locker

GetSessionByPID is not in the template (docs/logind-backend.md, "The
mock"). logind finds a process's session by its cgroup, which every process
started in the session inherits; the mock finds it by XDG_SESSION_ID, which
pam_systemd puts into the session's environment and every process started
in it inherits in the same way: wineserver too, which leaves the process tree
when it puts itself in the background, so a test cannot go by parents. A
session whose Leader is the pid comes first, as in tests/logind.
SPDX-License-Identifier: LGPL-2.1-or-later
"""
import sys
import time

import dbus

LOGIND = "org.freedesktop.login1"
MANAGER_PATH = "/org/freedesktop/login1"
SESSION = "org.freedesktop.login1.Session"
MOCK = "org.freedesktop.DBus.Mock"

GET_SESSION_BY_PID = """
found = None
for k, o in objects.items():
    if '/session/' in k and o.Get('org.freedesktop.login1.Session', 'Leader') == args[0]:
        found = k
if found is None:
    try:
        with open('/proc/%d/environ' % args[0], 'rb') as f:
            env = f.read().split(b'\\0')
    except OSError:
        env = []
    for e in env:
        if e.startswith(b'XDG_SESSION_ID='):
            path = '/org/freedesktop/login1/session/' + e[len(b'XDG_SESSION_ID='):].decode()
            if path in objects:
                found = path
if found is None:
    raise dbus.exceptions.DBusException('PID %d does not belong to any known session' % args[0],
                                        name='org.freedesktop.login1.NoSessionForPID')
ret = dbus.ObjectPath(found)
"""


def main():
    bus = dbus.bus.BusConnection(sys.argv[1])
    what = sys.argv[2]
    if what == "wait":
        for _ in range(100):
            if bus.name_has_owner(LOGIND):
                return 0
            time.sleep(0.1)
        sys.exit("python-dbusmock did not take " + LOGIND)
    manager = dbus.Interface(bus.get_object(LOGIND, MANAGER_PATH), MOCK)
    if what == "setup":
        uid, user = int(sys.argv[3]), sys.argv[4]
        manager.AddMethod("org.freedesktop.login1.Manager", "GetSessionByPID", "u", "o",
                          GET_SESSION_BY_PID)
        manager.AddSession("5", "seat0", dbus.UInt32(uid), user, True)
        manager.AddSession("6", "seat0", dbus.UInt32(65534), "nobody", False)
        return 0
    if what == "emit":
        session_id, signal = sys.argv[3], sys.argv[4]
        session = dbus.Interface(bus.get_object(LOGIND, MANAGER_PATH + "/session/" + session_id), MOCK)
        session.EmitSignal(SESSION, signal, "", [])
        return 0
    sys.exit("wtsd_events_mock.py: unknown command " + what)


if __name__ == "__main__":
    sys.exit(main())
