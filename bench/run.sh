#!/usr/bin/env bash
# The benchmark (README, "Speed"): installs what is missing, builds
# wtsapi32.dll, wtsbench.exe and bench_empty.dll with the mingw-x86_64
# preset, then runs wtsbench under Wine in a throwaway prefix of its own
# (build/bench-wineprefix, made afresh each run, so no earlier run or test
# leaves state in it) and prints one Markdown table. Ends the prefix's
# wineserver and removes the prefix when done.
#   bench/run.sh           the table: ours, Wine's builtin, the baselines
#   bench/run.sh --parts   where the time of a query goes, layer by layer
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

case "${1:-}" in
  "" | --parts) ;;
  *) echo "usage: bench/run.sh [--parts]" >&2; exit 2 ;;
esac
# What a fresh clone lacks (packages, third-party sources), as demo.sh.
scripts/install-deps.sh >&2
scripts/thirdparty.sh >&2
cmake --preset mingw-x86_64 >/dev/null
program=wtsbench
if [ "${1:-}" = --parts ]; then
  program=wtsbench_parts
fi
cmake --build --preset mingw-x86_64 -j2 --target "$program" >/dev/null

prefix="$root/build/bench-wineprefix"
cleanup() {
  WINEPREFIX="$prefix" wineserver -k >/dev/null 2>&1 || true
  rm -rf "$prefix" "$prefix.lock"
}
trap cleanup EXIT
cleanup
scripts/wine-prefix.sh "$prefix"

# n,b: ours is loaded by its path as a native DLL; the builtin by the path
# of its placeholder in system32, which Wine answers with the builtin.
WINEPREFIX="$prefix" WINEDEBUG=-all WINEDLLOVERRIDES="wtsapi32=n,b;mscoree,mshtml=" \
  wine "build/mingw-x86_64/bin/$program.exe" </dev/null | tr -d '\r'
