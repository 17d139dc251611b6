#!/usr/bin/env bash
# 10,000 sessions (examples/scenarios: the generated large scenario)
# through wtsd to wtsctl: every one present in the JSON, with its fields.
# The answer comes in several parts (answer.c).
# SPDX-License-Identifier: LGPL-2.1-or-later
. "$(dirname "$0")/wtsd_lib.sh"
T=$TEST_TMP
: "${LARGE_SCENARIO:?}"
[ -f "$LARGE_SCENARIO" ] || fail "no $LARGE_SCENARIO (target openwts_large_scenario)"

start_wtsd large --scenario "$LARGE_SCENARIO" --socket "$T/s" --log-level debug
run 0 "$WTSCTL" --socket "$T/s" sessions --json
python3 - "$T/out" <<'PY'
import json, sys
sessions = json.load(open(sys.argv[1]))
ids = [s["id"] for s in sessions]
assert len(sessions) == 10000, len(sessions)
assert ids == list(range(10000)), "ids out of order or missing"
s = sessions[1234]
# As make-large-scenario.py writes session 1234.
assert s["user"] == "user01234" and s["domain"] == "CONTOSO", s
assert s["win_station"] == "RDP-Tcp#1334", s
assert s["client"]["name"] == "WKS-01234" and s["client"]["address"] == "10.0.4.210", s
assert s["client"]["protocol"] == "rdp" and s["client"]["hres"] == 1920, s
assert sessions[0]["win_station"] == "Services" and sessions[1]["user"] == "Administrator"
print("10,000 sessions, fields as generated")
PY
expect_in "$T/large.log" "request 2 enumerate_sessions: status 0"
stop_wtsd "$WTSD_PID"
echo "PASS"
