#!/usr/bin/env bash
# wtsd keeps answering a well-behaved client while another sends 1,000
# malformed messages and a third sends half a header and stalls (and a
# fourth connects and says nothing): robustness_clients.py. Afterwards
# wtsd is still running, logged every malformed message with its peer,
# dropped the stalled clients by itself, and stops cleanly.
# SPDX-License-Identifier: LGPL-2.1-or-later
. "$(dirname "$0")/wtsd_lib.sh"
T=$TEST_TMP
start_wtsd robust --scenario "$SCENARIOS/terminal-server.json" --socket "$T/s" --read-timeout 2
timeout 120 python3 "$(dirname "$0")/robustness_clients.py" "$T/s" "$WTSCTL" 2 \
  || fail "the clients did not all hold (see above)"
kill -0 "$WTSD_PID" || fail "wtsd died"
n=$(grep -c "unix pid [0-9]* uid [0-9]*: malformed message" "$T/robust.log" || true)
[ "$n" -ge 900 ] || fail "only $n malformed messages logged"
expect_in "$T/robust.log" "malformed frame: length 4294967280 over the bound"
expect_in "$T/robust.log" "refused: the first message is not a Hello|closed: .*no handshake"
expect_in "$T/robust.log" "closed: a frame begun was not completed within 2 s"
expect_in "$T/robust.log" "closed: no handshake within 2 s"
run 0 "$WTSCTL" --socket "$T/s" sessions
stop_wtsd "$WTSD_PID"
echo "PASS"
