#!/usr/bin/env bash
# ctest's emulator for Windows programs: wine-run.sh PREFIX PROGRAM [ARGS].
# Runs PROGRAM under Wine in PREFIX with our wtsapi32.dll (the one beside
# the program) preferred over Wine's builtin.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix=$(realpath -m "${1:?usage: wine-run.sh PREFIX PROGRAM [ARGS]}")
shift
"$here/wine-prefix.sh" "$prefix"
export WINEPREFIX="$prefix"
export WINEDEBUG="${WINEDEBUG:--all}"
export WINEDLLOVERRIDES="wtsapi32=n;mscoree,mshtml="
exec wine "$@"
