#!/usr/bin/env bash
# Runs Wine's conformance test (built against our import library) twice in
# the Wine prefix PREFIX: with Wine's builtin wtsapi32 (WINEDLLOVERRIDES
# wtsapi32=b) and with ours, the DLL beside the program (wtsapi32=n). Fails
# if our run skips anything the builtin run executes: each "Tests skipped"
# line of ours must also be in the builtin's output, and our skipped count
# must not exceed the builtin's. Failures of either run are shown, not
# judged here: wine.conformance.wtsapi judges ours.
#   compare_skips.sh TEST_EXE PREFIX
# SPDX-License-Identifier: LGPL-2.1-or-later
set -u
here=$(cd "$(dirname "$0")" && pwd)
exe=${1:?usage: compare_skips.sh TEST_EXE PREFIX}
prefix=$(realpath -m "${2:?usage: compare_skips.sh TEST_EXE PREFIX}")
RUN_TIMEOUT=90 # s per run

"$here/../../scripts/wine-prefix.sh" "$prefix" || exit 1
export WINEPREFIX=$prefix
# Wine's loader says which wtsapi32 it loaded: "Loaded L"...\wtsapi32.dll"
# at ...: builtin" (or native). A builtin it loads in place of a DLL beside
# the program keeps that DLL's path, so only this word tells them apart.
export WINEDEBUG=-all,+loaddll
work=$(mktemp -d "${TMPDIR:-/tmp}/openwts-skips.XXXXXX")
cleanup() {
  wineserver -k >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

summary_re='^wtsapi: [0-9]+ tests executed \([0-9]+ marked as todo, [0-9]+ failures?\), [0-9]+ skipped\.$'
skip_re='^[^ :]+:[0-9]+: Tests skipped: '

run() { # run NAME OVERRIDE: output in $work/NAME.out, exit status returned
  WINEDLLOVERRIDES="wtsapi32=$2;mscoree,mshtml=" timeout "$RUN_TIMEOUT" wine "$exe" \
    >"$work/$1.out" 2>"$work/$1.err" </dev/null
  local rc=$?
  sed -i 's/\r$//' "$work/$1.out"
  return $rc
}

run builtin b
builtin_rc=$?
run ours n
ours_rc=$?

status=0
loaded() { sed -nE 's/.*Loaded L".*\\wtsapi32\.dll" at [0-9A-Fa-f]+: ([a-z]+).*/\1/p' "$work/$1.err" | head -n1; }
[ "$(loaded builtin)" = builtin ] || { echo "FAIL: the builtin run loaded '$(loaded builtin)' wtsapi32, not builtin"; status=1; }
[ "$(loaded ours)" = native ] || { echo "FAIL: our run loaded '$(loaded ours)' wtsapi32, not ours (native)"; status=1; }
for who in builtin ours; do
  rc_var=${who}_rc
  line=$(grep -E "$summary_re" "$work/$who.out" | tail -n1)
  if [ -z "$line" ]; then
    echo "FAIL: the $who run printed no summary line (exit status ${!rc_var}); its output:"
    sed 's/^/  /' "$work/$who.out"
    grep -v ':trace:loaddll:' "$work/$who.err" | sed 's/^/  /'
    status=1
  else
    echo "$who: $line (exit status ${!rc_var}; wtsapi32 loaded as $(loaded $who))"
  fi
done
[ "$status" -eq 0 ] || exit 1

skipped() { grep -E "$summary_re" "$work/$1.out" | tail -n1 | sed -E 's/.*, ([0-9]+) skipped\.$/\1/'; }
grep -E "$skip_re" "$work/builtin.out" | sort >"$work/builtin.skips"
grep -E "$skip_re" "$work/ours.out" | sort >"$work/ours.skips"

extra=$(comm -23 "$work/ours.skips" "$work/builtin.skips")
if [ -n "$extra" ]; then
  echo "FAIL: skipped with our DLL but executed with Wine's builtin:"
  echo "$extra" | sed 's/^/  /'
  status=1
fi
if [ "$(skipped ours)" -gt "$(skipped builtin)" ]; then
  echo "FAIL: our run skipped $(skipped ours), the builtin's $(skipped builtin)"
  status=1
fi
if [ "$status" -eq 0 ]; then
  echo "PASS: our DLL skips nothing the builtin executes ($(skipped ours) vs $(skipped builtin) skipped)"
fi
echo "-- failures with our DLL (judged by wine.conformance.wtsapi):"
grep -E '^[^ :]+:[0-9]+: Test failed: ' "$work/ours.out" | sed 's/^/  /'
echo "-- failures with the builtin (shown only):"
grep -E '^[^ :]+:[0-9]+: Test failed: ' "$work/builtin.out" | sed 's/^/  /'
exit "$status"
