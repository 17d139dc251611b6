#!/usr/bin/env bash
# WTSQueryUserToken for the console after a logoff: nobody is logged on,
# so ERROR_NO_TOKEN. Logging off ends every program of the session, the
# caller included, so no test program can do it and then look: logoff.exe
# (examples/logoff.c) logs the console off, then test_tokens.exe
# after-logoff checks the error and logs the console back on.
#   token_after_logoff.sh RUNNER PREFIX BIN_DIR
# RUNNER is scripts/wine-run.sh. The prefix is the build's, shared by the
# Wine tests: ctest runs this under their lock, when no other test program
# runs there, and Wine's own service processes outlive a logoff
# (local_logoff.c), so it ends nothing but logoff.exe.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -u
run=${1:?usage: token_after_logoff.sh RUNNER PREFIX BIN_DIR}
prefix=${2:?usage: token_after_logoff.sh RUNNER PREFIX BIN_DIR}
bin=${3:?usage: token_after_logoff.sh RUNNER PREFIX BIN_DIR}

# logoff.exe ends itself with the session: its exit status tells nothing.
# Whether the logoff happened is checked by the next program.
timeout 60 "$run" "$prefix" "$bin/logoff.exe" </dev/null >/dev/null 2>&1
timeout 120 "$run" "$prefix" "$bin/test_tokens.exe" after-logoff </dev/null
