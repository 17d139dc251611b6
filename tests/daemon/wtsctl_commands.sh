#!/usr/bin/env bash
# wtsctl's commands against a wtsd on the three-session scenario, and its
# exit codes: 0 done; 1 refused, with the Win32 error's number and name;
# 2 usage; 3 wtsd not reachable, naming the socket. `watch` prints events
# as they happen and stops on SIGINT with 0, or with 3 when wtsd goes away.
# Expected values: the scenario (examples/scenarios/terminal-server.json),
# docs/sim-scenarios.md for what each operation does, the README's
# "Beyond the docs" for the errors (session 0: ERROR_ACCESS_DENIED; no
# such session: ERROR_CTX_WINSTATION_NOT_FOUND).
# SPDX-License-Identifier: LGPL-2.1-or-later
. "$(dirname "$0")/wtsd_lib.sh"
T=$TEST_TMP
S=$T/s
ctl() { "$WTSCTL" --socket "$S" "$@"; }

# Not reachable: 3, and the message names the socket.
run 3 ctl sessions
expect_in "$T/err" "wtsd is not reachable: unix socket $S: No such file or directory"
OPENWTS_SOCKET=$S run 3 "$WTSCTL" sessions
expect_in "$T/err" "unix socket $S"

# Usage: 2, with the usage on stderr; --help everywhere: 0.
run 2 "$WTSCTL"
run 2 "$WTSCTL" frobnicate
expect_in "$T/err" "unknown command: frobnicate"
run 2 "$WTSCTL" --bogus sessions
run 2 ctl disconnect
run 2 ctl disconnect 1 2
run 2 ctl disconnect x
run 2 ctl disconnect 4294967295
run 2 ctl sessions --tabular
run 2 ctl session add --id 5
expect_in "$T/err" "needs --user"
run 2 ctl session add --user u --state Sleeping
run 2 ctl session add --user u --client-address 300.1.1.1
run 2 ctl session frob
run 2 ctl msg 2
run 2 ctl processes --session
for c in sessions disconnect connect logoff lock unlock session processes msg watch; do
  run 0 ctl "$c" --help
  expect_in "$T/out" "^Usage: wtsctl \[OPTION\]\.\.\. $c"
done
run 0 "$WTSCTL" --help
expect_in "$T/out" "^  watch "

start_wtsd ctl --scenario "$SCENARIOS/terminal-server.json" --socket "$S"

run 0 ctl sessions
cat >"$T/want" <<'TABLE'
 SESSIONNAME       USERNAME                 ID  STATE   TYPE        DEVICE
 services                                    0  Disc
 console           Administrator             1  Active
 rdp-tcp#3         alice                     2  Active  rdpwd
 rdp-tcp#5         bob                       3  Disc    rdpwd
TABLE
diff -u "$T/want" "$T/out" || fail "the table is not qwinsta's"

# Refused: 1, the number and its name.
run 1 ctl disconnect 0
expect_in "$T/err" "^wtsctl: disconnect 0: refused: error 5 ERROR_ACCESS_DENIED$"
run 1 ctl logoff 99
expect_in "$T/err" "^wtsctl: logoff 99: refused: error 7022 ERROR_CTX_WINSTATION_NOT_FOUND$"
run 1 ctl session add --user dave --id 2
expect_in "$T/err" "error 183 ERROR_ALREADY_EXISTS"

# Watch, in the background, while things change.
"$WTSCTL" --socket "$S" watch --json >"$T/events" 2>"$T/watch.err" &
WATCH=$!
CLEANUP_HOOKS+=("kill $WATCH 2>/dev/null")
for _ in $(seq 100); do grep -q "subscribed to session events" "$T/ctl.log" && break; sleep 0.05; done

run 0 ctl disconnect 2
[ "$(session_field 2 state --socket "$S")" = Disconnected ] || fail "session 2 not disconnected"
run 0 ctl connect 2
[ "$(session_field 2 state --socket "$S")" = Active ] || fail "session 2 not connected again"
run 0 ctl lock 2
[ "$(session_field 2 lock_state --socket "$S")" = locked ] || fail "session 2 not locked"
run 0 ctl unlock 2
run 0 ctl session add --user dave --winstation RDP-Tcp#9 --client-name WKS-DAVE --client-address 2001:db8::7
ID=$(cat "$T/out")
[ "$(session_field "$ID" user --socket "$S")" = dave ] || fail "session $ID is not dave's"
python3 - "$S" "$ID" "$WTSCTL" <<'PY'
import json, subprocess, sys
out = subprocess.run([sys.argv[3], "--socket", sys.argv[1], "sessions", "--json"],
                     check=True, capture_output=True, text=True).stdout
s = [x for x in json.loads(out) if x["id"] == int(sys.argv[2])][0]
assert s["win_station"] == "RDP-Tcp#9" and s["state"] == "Active", s
assert s["client"]["name"] == "WKS-DAVE" and s["client"]["address"] == "2001:db8::7", s
assert s["client"]["protocol"] == "rdp" and s["logon_time"], s
PY
run 0 ctl session remove "$ID"
run 1 ctl session remove "$ID"
expect_in "$T/err" "error 7022 ERROR_CTX_WINSTATION_NOT_FOUND"
run 0 ctl logoff 3

# msg: the scenario's answers (alice IDYES, bob never answers).
run 0 ctl msg 2 "Server going down" --title Admin --wait
expect_in "$T/out" "^IDYES$"
run 0 ctl msg 2 "no wait"
[ ! -s "$T/out" ] || fail "msg without --wait printed an answer"
run 0 ctl session add --user bob --id 7
run 0 ctl msg 7 hello --wait --timeout 1
expect_in "$T/out" "^IDOK$"

# processes: all, and one session's.
run 0 ctl processes
expect_in "$T/out" "^ +2 +2348 +7 +231 +15360 K  notepad.exe$"
run 0 ctl processes --session 2 --json
python3 - "$T/out" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
assert sorted(x["pid"] for x in p) == [2216, 2348], p
assert all(x["session"] == 2 for x in p)
assert p[0]["user_sid"] == "S-1-5-21-1004336348-1177238915-682003330-1107", p[0]
PY

# The events, in order, one sequence: disconnect, connect, lock, unlock,
# create/connect/logon, delete (with logoff), ...
for _ in $(seq 100); do [ "$(wc -l <"$T/events")" -ge 8 ] && break; sleep 0.05; done
kill -INT "$WATCH"
rc=0
wait "$WATCH" || rc=$?
[ "$rc" = 0 ] || fail "watch exited with $rc on SIGINT"
python3 - "$T/events" "$ID" <<'PY'
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])]
seq = [e["sequence"] for e in ev]
assert seq == list(range(seq[0], seq[0] + len(seq))), seq
got = [(e["session_id"], e["kind"]) for e in ev]
i = int(sys.argv[2])
want = [(2, "disconnect"), (2, "connect"), (2, "lock"), (2, "unlock"),
        (i, "create"), (i, "connect"), (i, "logon")]
assert got[:len(want)] == want, got
assert (i, "delete") in got and (3, "logoff") in got, got
PY

# watch ends with 3 when wtsd goes away.
"$WTSCTL" --socket "$S" watch >"$T/events2" 2>"$T/watch2.err" &
WATCH=$!
CLEANUP_HOOKS+=("kill $WATCH 2>/dev/null")
for _ in $(seq 100); do grep -q "^watching" "$T/events2" && break; sleep 0.05; done
stop_wtsd "$WTSD_PID"
rc=0
wait "$WATCH" || rc=$?
[ "$rc" = 3 ] || fail "watch exited with $rc when wtsd stopped"
expect_in "$T/watch2.err" "wtsd closed the connection"
echo "PASS"
