#!/usr/bin/env bash
# WINEDEBUG=+wtsapi (the builtin's channel) makes our exports print Wine's
# trace lines, and a stub its fixme line once per process; by default
# (fixme on, trace off) only the fixme line shows, and -all silences both.
# Usage: trace_test.sh WINE_RUN PREFIX BIN_DIR
# SPDX-License-Identifier: LGPL-2.1-or-later
set -u
wine_run=$1 prefix=$2 bin=$3
passed=0 failed=0
check() { # check DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@"; then echo "PASS: $what"; passed=$((passed + 1)); else echo "FAIL: $what"; failed=$((failed + 1)); fi
}
err=$(mktemp)
trap 'rm -f "$err"' EXIT

run() { WINEDEBUG=$1 "$wine_run" "$prefix" "$bin/trace_probe.exe" 2>"$err" >/dev/null; }
count() { grep -cE "$1" "$err"; }

run "+wtsapi"; rc=$?
check "trace_probe.exe exits 0 with +wtsapi (status $rc)" [ "$rc" -eq 0 ]
# Wine's format: [tid:]trace:CHANNEL:FUNCTION ARGS
check "one trace line for WTSEnumerateSessionsW with its five arguments" \
  [ "$(count '^([0-9a-f]+:)*trace:wtsapi:WTSEnumerateSessionsW 0+, 0, 0x1, [0-9A-Fa-f]+, [0-9A-Fa-f]+$')" -eq 1 ]
check "WTSOpenServerW's name printed as Wine's debugstr_w" \
  [ "$(count '^([0-9a-f]+:)*trace:wtsapi:WTSOpenServerW L"openwts-trace"$')" -eq 1 ]
check "WTSCloseServer traced" [ "$(count '^([0-9a-f]+:)*trace:wtsapi:WTSCloseServer ')" -eq 1 ]
check "the stub's fixme line once for two calls" \
  [ "$(count '^([0-9a-f]+:)*fixme:wtsapi:WTSVirtualChannelOpen not implemented$')" -eq 1 ]

run "warn-all"; rc=$? # names no fixme or trace: Wine's defaults for those
check "by default: no trace line" [ "$(count ':trace:wtsapi:')" -eq 0 ]
check "by default: the fixme line, once" [ "$(count ':?fixme:wtsapi:WTSVirtualChannelOpen')" -eq 1 ]

run "-all"; rc=$?
check "WINEDEBUG=-all: nothing from wtsapi" [ "$(count 'wtsapi')" -eq 0 ]

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
