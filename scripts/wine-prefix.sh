#!/usr/bin/env bash
# Makes the Wine prefix PREFIX (one per build directory, never ~/.wine)
# if it does not exist yet. Concurrent callers wait for the first.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail
prefix=$(realpath -m "${1:?usage: wine-prefix.sh PREFIX}") # Wine wants it absolute
mkdir -p "$(dirname "$prefix")"
exec 9>"$prefix.lock"
flock 9
if [ ! -f "$prefix/system.reg" ]; then
  # mscoree/mshtml disabled: no Mono or Gecko install prompts.
  WINEPREFIX="$prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" wineboot -i >/dev/null 2>&1 || true
  WINEPREFIX="$prefix" wineserver -w || true
  if [ ! -f "$prefix/system.reg" ]; then
    echo "wine-prefix: could not create the Wine prefix $prefix" >&2
    exit 1
  fi
fi
