#!/usr/bin/env bash
# wtsd starts on a good scenario and config, and refuses to start on bad
# ones with a clear message: exit 2 for usage and configuration (a bad
# scenario with FILE:LINE:COLUMN, a backend not built in, a key file others
# may read), exit 1 for what goes wrong at run time (an address in use);
# a socket left by a killed wtsd is taken over, one in use is not.
# SPDX-License-Identifier: LGPL-2.1-or-later
. "$(dirname "$0")/wtsd_lib.sh"
T=$TEST_TMP
TS=$SCENARIOS/terminal-server.json

run 0 "$WTSD" --help
expect_in "$T/out" "--read-timeout SEC"
expect_in "$T/out" "--key-file FILE"

# A good scenario: served, and the socket is gone after SIGTERM.
start_wtsd good --scenario "$TS" --socket "$T/s"
[ -S "$T/s" ] || fail "no socket"
run 0 "$WTSCTL" --socket "$T/s" sessions
expect_in "$T/out" "^ rdp-tcp#3 +alice +2  Active  rdpwd$"
stop_wtsd "$WTSD_PID"
[ ! -e "$T/s" ] || fail "the socket outlived wtsd"
expect_in "$T/good.log" "stopping on SIGTERM"

# A scenario with a syntax error: FILE:LINE:COLUMN, exit 2, nothing served.
printf '{\n  "sessions": [\n    { "id": 1 "state": "Active" }\n  ]\n}\n' >"$T/bad.json"
run 2 "$WTSD" --scenario "$T/bad.json" --socket "$T/s"
expect_in "$T/err" "bad.json:3:15: "
[ ! -e "$T/s" ] || fail "a socket for a wtsd that did not start"
# ... and one that is JSON but not a scenario.
printf '{ "sessions": [ { "id": 1, "state": "Sleeping" } ] }\n' >"$T/bad2.json"
run 2 "$WTSD" --scenario "$T/bad2.json" --socket "$T/s"
expect_in "$T/err" "bad2.json: sessions\[0\]\.state: "
run 2 "$WTSD" --scenario "$T/missing.json" --socket "$T/s"
expect_in "$T/err" "missing.json: No such file"

# Config files: a missing backend, an unknown member, a syntax error.
printf '{ "backend": "hyperv", "scenario": "%s" }\n' "$TS" >"$T/c1.json"
run 2 "$WTSD" --config "$T/c1.json"
expect_in "$T/err" "c1.json: backend: \"hyperv\" is not built into this wtsd \(built in: sim, logind\)"
printf '{ "scenario": "%s", "listen_on": [] }\n' "$TS" >"$T/c2.json"
run 2 "$WTSD" --config "$T/c2.json"
expect_in "$T/err" "c2.json: listen_on: unknown member"
printf '{\n  "scenario": "x.json"\n  "socket": "s"\n}\n' >"$T/c3.json"
run 2 "$WTSD" --config "$T/c3.json"
expect_in "$T/err" "c3.json:3:3: "
run 2 "$WTSD" --scenario "$TS" --max-clients 0
run 2 "$WTSD" --scenario "$TS" --no-such-option
expect_in "$T/err" "unknown option: --no-such-option"
run 2 "$WTSD" --scenario "$TS" --backend hyperv
run 2 "$WTSD" --scenario "$TS" --backend logind
expect_in "$T/err" "is for the sim backend, not logind"
run 2 "$WTSD" --socket "$T/s"
expect_in "$T/err" "needs a scenario"

# The shipped example config is complete.
run 0 "$WTSD" --config "$(dirname "$0")/../../src/daemon/wtsd.example.json" --check-config

# A config with a relative scenario path (from the config's directory).
mkdir "$T/etc"
cp "$TS" "$T/etc/ts.json"
printf '{ "scenario": "ts.json", "socket": "%s", "log_level": "debug" }\n' "$T/s" >"$T/etc/wtsd.json"
start_wtsd config --config "$T/etc/wtsd.json"
expect_in "$T/config.log" "scenario $T/etc/ts.json"
CONFIG_PID=$WTSD_PID

# The socket of a running wtsd is not taken over: exit 1.
run 1 "$WTSD" --scenario "$TS" --socket "$T/s"
expect_in "$T/err" "another server is listening on it"
# Nor a TCP address in use.
start_wtsd tcp --scenario "$TS" --socket "" --listen 127.0.0.1:0
PORT=$(tcp_port tcp 127.0.0.1)
[ -n "$PORT" ] || fail "no port logged"
run 1 "$WTSD" --scenario "$TS" --socket "" --listen "127.0.0.1:$PORT"
expect_in "$T/err" "listen address 127.0.0.1:$PORT: Address already in use"
stop_wtsd "$WTSD_PID"

# A socket left by a killed wtsd is taken over.
kill9_wtsd "$CONFIG_PID"
[ -S "$T/s" ] || fail "kill -9 removed the socket?"
start_wtsd again --scenario "$TS" --socket "$T/s"
run 0 "$WTSCTL" --socket "$T/s" sessions
stop_wtsd "$WTSD_PID"

# A path that is not a socket is left alone.
touch "$T/file"
run 1 "$WTSD" --scenario "$TS" --socket "$T/file"
expect_in "$T/err" "is not a socket"

# A key file others may read is refused, and the key is never printed.
printf 'the-secret-key-0123456789\n' >"$T/key"
chmod 644 "$T/key"
run 2 "$WTSD" --scenario "$TS" --socket "$T/s" --key-file "$T/key" --remote-user nobody
expect_in "$T/err" "readable by every user"
expect_not_in "$T/err" "the-secret-key"
printf 'short\n' >"$T/key2"
chmod 600 "$T/key2"
run 2 "$WTSD" --scenario "$TS" --socket "$T/s" --key-file "$T/key2" --remote-user nobody
expect_in "$T/err" "a key is 16 to 4096 bytes long"
run 2 "$WTSD" --scenario "$TS" --socket "$T/s" --key-file "$T/key2"
expect_in "$T/err" "needs a remote user"
echo "PASS"
