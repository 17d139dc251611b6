#!/usr/bin/env bash
# README command 1: builds wtsapi32.dll and qwinsta.exe for x86_64 and runs
# qwinsta under Wine twice, first with Wine's builtin wtsapi32 (a stub: no
# sessions), then with ours (this machine's real sessions).
# Installs what is missing first. Usage: scripts/demo.sh
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

scripts/install-deps.sh
scripts/thirdparty.sh
cmake --preset mingw-x86_64 >/dev/null
cmake --build build/mingw-x86_64 --target wtsapi32 qwinsta >/dev/null

bin=build/mingw-x86_64/bin
prefix=build/mingw-x86_64/wineprefix
scripts/wine-prefix.sh "$prefix"
export WINEPREFIX="$root/$prefix" WINEDEBUG=-all

echo "== qwinsta.exe with Wine's builtin wtsapi32 (WINEDLLOVERRIDES=wtsapi32=b):"
WINEDLLOVERRIDES="wtsapi32=b;mscoree,mshtml=" wine "$bin/qwinsta.exe" || true
echo
echo "== qwinsta.exe with OpenWTS's wtsapi32.dll (WINEDLLOVERRIDES=wtsapi32=n):"
WINEDLLOVERRIDES="wtsapi32=n;mscoree,mshtml=" wine "$bin/qwinsta.exe"
