#!/usr/bin/env bash
# Identity from the connection, with two real Unix users: the test makes
# them (useradd, as root; removed at the end) and a scenario whose sessions
# are theirs. As the second user, wtsctl disconnecting the first user's
# session is refused with exit 1 and ERROR_ACCESS_DENIED, over the Unix
# socket (SO_PEERCRED) and over TCP loopback (the uid owning the client's
# socket in /proc/net/tcp); its own session works. A member of the
# --admin-group may act on both. What wtsd logs names the user and the pid
# of the wtsctl that called. Rights: the README's "Beyond the docs".
# Needs root (exit 77 otherwise).
# SPDX-License-Identifier: LGPL-2.1-or-later
. "$(dirname "$0")/wtsd_lib.sh"
T=$TEST_TMP
if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
  echo "SKIP: needs root, useradd and runuser"
  exit 77
fi

# Names of this run only (a parallel run makes its own).
A=wtsdta$$
B=wtsdtb$$
G=wtsdtg$$
CLEANUP_HOOKS+=("userdel $A 2>/dev/null; userdel $B 2>/dev/null; groupdel $G 2>/dev/null")
useradd --no-create-home --shell /usr/sbin/nologin "$A"
useradd --no-create-home --shell /usr/sbin/nologin "$B"
groupadd "$G"
# wtsctl runs as them: the path to it must be theirs to walk.
runuser -u "$B" -- test -x "$WTSCTL" || { echo "SKIP: $WTSCTL is not executable by other users"; exit 77; }

cat >"$T/two.json" <<JSON
{ "server": "TS",
  "sessions": [
    { "id": 0, "win_station": "Services", "state": "Disconnected" },
    { "id": 2, "win_station": "RDP-Tcp#2", "user": "$A", "state": "Active" },
    { "id": 3, "win_station": "RDP-Tcp#3", "user": "$B", "state": "Active" },
    { "id": 4, "win_station": "RDP-Tcp#4", "user": "$B", "state": "Active" }
  ] }
JSON
S=$T/s
start_wtsd two --scenario "$T/two.json" --socket "$S" --listen 127.0.0.1:0 --listen '[::1]:0' \
  --log-level debug
PORT=$(tcp_port two 127.0.0.1)
PORT6=$(tcp_port two '\[::1\]')
as() { local who=$1; shift; (cd / && runuser -u "$who" -- "$WTSCTL" "$@"); }

# The Unix socket: B may not touch A's session, may its own.
run 1 as "$B" --socket "$S" disconnect 2
expect_in "$T/err" "^wtsctl: disconnect 2: refused: error 5 ERROR_ACCESS_DENIED$"
[ "$(session_field 2 state --socket "$S")" = Active ] || fail "A's session was disconnected by B"
run 0 as "$B" --socket "$S" disconnect 3
[ "$(session_field 3 state --socket "$S")" = Disconnected ] || fail "B's own disconnect did nothing"
expect_in "$T/two.log" "unix pid [0-9]+ uid $(id -u "$B"): \"wtsctl [^\"]*\": user $B, pid [0-9]+, not an administrator, own session 3"
run 1 as "$B" --socket "$S" session add --user "$B"
expect_in "$T/err" "error 5 ERROR_ACCESS_DENIED"
# The table marks B's own session: the sim's choice, B's Active one (4, since 3 was
# disconnected; docs/sim-scenarios.md).
run 0 as "$B" --socket "$S" sessions
expect_in "$T/out" "^>rdp-tcp#4 +$B +4  Active$"

# TCP on loopback: the same rights, from /proc/net/tcp and tcp6.
run 1 as "$B" --tcp "127.0.0.1:$PORT" logoff 2
expect_in "$T/err" "error 5 ERROR_ACCESS_DENIED"
run 1 as "$B" --tcp "[::1]:$PORT6" lock 2
expect_in "$T/err" "error 5 ERROR_ACCESS_DENIED"
run 0 as "$B" --tcp "127.0.0.1:$PORT" lock 4
[ "$(session_field 4 lock_state --socket "$S")" = locked ] || fail "B could not lock its own session over TCP"
expect_in "$T/two.log" "127\.0\.0\.1:[0-9]+: \"wtsctl [^\"]*\": user $B, pid [1-9][0-9]*, not an administrator"
expect_in "$T/two.log" "\[::1\]:[0-9]+: \"wtsctl [^\"]*\": user $B, pid [1-9][0-9]*, not an administrator"
run 0 as "$A" --tcp "127.0.0.1:$PORT" disconnect 2
stop_wtsd "$WTSD_PID"

# An administrator by group (a supplementary group: getgrouplist).
usermod -a -G "$G" "$A"
start_wtsd admin --scenario "$T/two.json" --socket "$S" --admin-group "$G"
run 0 as "$A" --socket "$S" disconnect 4
[ "$(session_field 4 state --socket "$S")" = Disconnected ] || fail "the admin group member could not disconnect B's session"
expect_in "$T/admin.log" "user $A, pid [0-9]+, administrator"
run 1 as "$B" --socket "$S" connect 2
expect_in "$T/err" "error 5 ERROR_ACCESS_DENIED"
stop_wtsd "$WTSD_PID"
echo "PASS"
