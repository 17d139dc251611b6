#!/usr/bin/env bash
# README command 2 (and CI's .ci/run): builds everything (x86_64 and i686
# DLLs with their import libraries, examples and test programs; the native
# core) and runs every test: the Windows tests under Wine with each DLL
# (the i686 one under 32-bit Wine), export checks of both DLLs, and the
# native cmocka tests with ASan and UBSan. Installs what is missing first.
# 32-bit Wine is the machine's own wine32:i386 where it can be installed,
# else a Debian 12 root made once in build/i686-root (scripts/i686-root.sh).
# Usage: scripts/test-all.sh
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

scripts/install-deps.sh
scripts/thirdparty.sh

passed=0 failed=0 status=0
for preset in native mingw-i686 mingw-x86_64; do
  echo "==== $preset: configure and build"
  cmake --preset "$preset" >"build/$preset.configure.log" 2>&1 || {
    cat "build/$preset.configure.log"; exit 1; }
  cmake --build --preset "$preset" -j2
  echo "==== $preset: test"
  log="build/$preset.ctest.log"
  run=(ctest --preset "$preset" -j2)
  if [ "$preset" = mingw-i686 ]; then
    if scripts/install-wine32.sh; then
      echo "i686: running under the machine's wine32"
    else
      echo "i686: running inside a Debian 12 root made with debootstrap at build/i686-root"
      run=(scripts/i686-root.sh "${run[@]}")
    fi
  fi
  "${run[@]}" 2>&1 | tee "$log" || status=1
  # ctest's summary: "100% tests passed, 0 tests failed out of 12"
  summary=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n1 || true)
  if [ -z "$summary" ]; then
    echo "test-all: no test summary from ctest for $preset" >&2
    status=1
    continue
  fi
  f=$(echo "$summary" | sed -E 's/.*passed, ([0-9]+) tests? failed out of ([0-9]+).*/\1/')
  t=$(echo "$summary" | sed -E 's/.*failed out of ([0-9]+).*/\1/')
  passed=$((passed + t - f))
  failed=$((failed + f))
done
echo
echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
