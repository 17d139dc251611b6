#!/usr/bin/env bash
# ctest's emulator for Windows programs: wine-run.sh PREFIX PROGRAM [ARGS].
# Runs PROGRAM under Wine in PREFIX with our wtsapi32.dll (the one beside
# the program) preferred over Wine's builtin.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix=$(realpath -m "${1:?usage: wine-run.sh PREFIX PROGRAM [ARGS]}")
shift
: "${1:?usage: wine-run.sh PREFIX PROGRAM [ARGS]}"

# Wine 8.0 without its 32-bit half (Debian's wine32) "runs" a 32-bit program
# by failing to load the 32-bit ntdll.dll, says nothing under WINEDEBUG=-all,
# and exits 0 (measured): the test would pass without having run. So a
# 32-bit program needs Wine's i386 PE libraries to be there.
pe_signature() { # "50 45 00 00 MM MM": the PE signature and Machine of FILE
  local off
  off=$(od -An -tu4 -j60 -N4 "$1" 2>/dev/null | tr -d ' \n') || return 0
  [ -n "$off" ] && od -An -tx1 -j"$off" -N6 "$1" 2>/dev/null | tr -s ' \n' ' ' | sed 's/^ //; s/ $//'
}
if [ "$(pe_signature "$1")" = "50 45 00 00 4c 01" ] &&
  ! compgen -G '/usr/lib/*/wine/i386-windows/ntdll.dll' >/dev/null &&
  ! compgen -G '/usr/lib/wine/i386-windows/ntdll.dll' >/dev/null &&
  ! compgen -G '/usr/local/lib/wine/i386-windows/ntdll.dll' >/dev/null; then
  echo "wine-run: $1 is a 32-bit program and this Wine has no 32-bit half" \
    "(wine32:i386); scripts/test-all.sh runs the i686 tests where there is one" >&2
  exit 1
fi

"$here/wine-prefix.sh" "$prefix"
export WINEPREFIX="$prefix"
export WINEDEBUG="${WINEDEBUG:--all}"
export WINEDLLOVERRIDES="wtsapi32=n;mscoree,mshtml="
exec wine "$@"
