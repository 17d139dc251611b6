#!/usr/bin/env python3
# Writes a scenario for the sim backend with N sessions (ids 0 to N-1):
# session 0 "Services", session 1 the console, the rest RDP users in a
# mix of states, each user session with a few processes. The output is
# the same for the same arguments (no randomness), one session or process
# per line so that a diff stays readable.
#
#   examples/scenarios/make-large-scenario.py 10000 > large-10000.json
#   examples/scenarios/make-large-scenario.py 500 --processes 3 -o big.json
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import argparse
import json
import sys

STATES = ["Active", "Active", "Active", "Disconnected", "Idle"]
DOMAIN_SID = "S-1-5-21-1004336348-1177238915-682003330"
PROGRAMS = ["explorer.exe", "rdpclip.exe", "outlook.exe", "teams.exe", "chrome.exe"]


def iso(seconds):
    """2024-05-06 plus `seconds`, as ISO-8601 UTC text."""
    days, rest = divmod(seconds, 86400)
    return "2024-05-%02dT%02d:%02d:%02dZ" % (6 + days, rest // 3600, rest // 60 % 60, rest % 60)


def session(i):
    if i == 0:
        return {"id": 0, "win_station": "Services", "state": "Disconnected"}
    if i == 1:
        return {"id": 1, "win_station": "Console", "user": "Administrator", "domain": "TS01",
                "state": "Active", "logon_time": iso(0), "client": {"protocol": "console"}}
    state = STATES[i % len(STATES)]
    s = {
        "id": i,
        "win_station": "RDP-Tcp#%d" % (i + 100),
        "user": "user%05d" % i,
        "domain": "CONTOSO",
        "state": state,
        "lock_state": "locked" if state == "Disconnected" else "unlocked",
        "logon_time": iso(60 + i % 3600),
        "connect_time": iso(60 + i % 3600),
        "client": {
            "name": "WKS-%05d" % i,
            "address": "10.%d.%d.%d" % (i >> 16 & 255, i >> 8 & 255, i & 255),
            "build": 19045 if i % 2 else 22621,
            "product_id": 1,
            "protocol": "rdp",
            "hres": 1920,
            "vres": 1080,
            "color_depth": 24,
        },
    }
    if state == "Disconnected":
        s["disconnect_time"] = iso(7200 + i % 3600)
    return s


def processes(n_sessions, per_session):
    pid = 4
    yield {"pid": pid, "session": 0, "name": "System", "user_sid": "S-1-5-18", "threads": 160}
    for i in range(1, n_sessions):
        for k in range(per_session):
            pid += 4
            yield {"pid": pid, "session": i, "name": PROGRAMS[k % len(PROGRAMS)],
                   "user_sid": "%s-%d" % (DOMAIN_SID, 1000 + i), "threads": 4 + k,
                   "handles": 100 + 10 * k, "working_set": 4096 * (1000 + i % 1000)}


def main():
    p = argparse.ArgumentParser(description="Writes an N-session scenario for the sim backend.")
    p.add_argument("sessions", type=int, help="number of sessions, at least 2")
    p.add_argument("--processes", type=int, default=2, help="processes per user session (2)")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    args = p.parse_args()
    if args.sessions < 2 or args.processes < 0:
        p.error("at least 2 sessions and 0 processes per session")

    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout

    def line(obj):
        return json.dumps(obj, separators=(", ", ": "), ensure_ascii=False)

    out.write('{\n  "version": 1,\n  "server": "TS01",\n  "sessions": [\n')
    out.write(",\n".join("    " + line(session(i)) for i in range(args.sessions)))
    out.write('\n  ],\n  "processes": [\n')
    out.write(",\n".join("    " + line(p) for p in processes(args.sessions, args.processes)))
    out.write("\n  ]\n}\n")
    if args.output:
        out.close()


if __name__ == "__main__":
    main()
