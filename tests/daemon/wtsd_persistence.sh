#!/usr/bin/env bash
# Changes made through wtsd survive a crash: a session disconnected and
# one added with wtsctl, wtsd killed with SIGKILL, a new wtsd on the same
# state file (and the socket the dead one left) shows both.
# What persists and how: docs/sim-scenarios.md ("state file").
# SPDX-License-Identifier: LGPL-2.1-or-later
. "$(dirname "$0")/wtsd_lib.sh"
T=$TEST_TMP
TS=$SCENARIOS/terminal-server.json
S=$T/s
ctl() { "$WTSCTL" --socket "$S" "$@"; }

BEFORE=$(sha256sum <"$TS")
start_wtsd first --scenario "$TS" --state "$T/state.json" --socket "$S"
[ "$(session_field 2 state --socket "$S")" = Active ] || fail "session 2 is not Active to begin with"
run 0 ctl disconnect 2
[ "$(session_field 2 state --socket "$S")" = Disconnected ] || fail "disconnect did nothing"
run 0 ctl session add --user carol --id 40 --client-name WKS-CAROL --client-address 10.1.2.3
expect_in "$T/out" "^40$"
run 0 ctl lock 1
kill9_wtsd "$WTSD_PID"

# The scenario is not read again: the state file is the truth now.
start_wtsd second --scenario "$TS" --state "$T/state.json" --socket "$S"
[ "$(session_field 2 state --socket "$S")" = Disconnected ] || fail "session 2 is connected again after kill -9"
[ "$(session_field 40 user --socket "$S")" = carol ] || fail "session 40 is gone after kill -9"
[ "$(session_field 1 lock_state --socket "$S")" = locked ] || fail "session 1 is unlocked after kill -9"
run 0 ctl sessions
expect_in "$T/out" "^ rdp-tcp#3 +alice +2  Disc  +rdpwd$"
expect_in "$T/out" "^ rdp-tcp +carol +40  Active  rdpwd$"
# ... and the input scenario was never written.
[ "$(sha256sum <"$TS")" = "$BEFORE" ] || fail "the scenario file changed"
stop_wtsd "$WTSD_PID"
echo "PASS"
