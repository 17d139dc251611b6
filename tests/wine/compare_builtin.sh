#!/usr/bin/env bash
# Never worse than Wine's builtin: runs compare_builtin.exe (every export of
# wtsapi32 once, valid and harmless arguments; see compare_builtin.c) in the
# Wine prefix PREFIX, once on Wine's builtin DLL (WINEDLLOVERRIDES
# wtsapi32=b) and once on ours beside the program (=n), and fails
#   - for every export that succeeds with the builtin and fails with ours,
#   - if WTSLogoffSession or WTSShutdownSystem succeed with the builtin:
#     they are called only there (--destructive; Wine 8.0's stubs fail
#     them), never with ours in this shared prefix, so a builtin that one
#     day does them would be noticed here,
#   - if a run did not report every export of DEF exactly once, did not
#     finish, or did not load the DLL it was meant to.
#   compare_builtin.sh PROGRAM PREFIX DEF
# SPDX-License-Identifier: LGPL-2.1-or-later
set -u
here=$(cd "$(dirname "$0")" && pwd)
exe=${1:?usage: compare_builtin.sh PROGRAM PREFIX DEF}
prefix=$(realpath -m "${2:?usage: compare_builtin.sh PROGRAM PREFIX DEF}")
def=${3:?usage: compare_builtin.sh PROGRAM PREFIX DEF}
RUN_TIMEOUT=120 # s per run
DESTRUCTIVE="WTSLogoffSession WTSShutdownSystem"

"$here/../../scripts/wine-prefix.sh" "$prefix" || exit 1
export WINEPREFIX=$prefix
export WINEDEBUG=-all
work=$(mktemp -d "${TMPDIR:-/tmp}/openwts-builtin.XXXXXX")
cleanup() {
  wineserver -k >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

# The exports: the names after EXPORTS, without the i686 @N.
names=$(awk '/^EXPORTS/ {on = 1; next} on && NF && $1 !~ /^;/ {sub(/@[0-9]+$/, "", $1); print $1}' "$def")
[ -n "$names" ] || { echo "FAIL: no exports read from $def"; exit 1; }

run() { # run NAME OVERRIDE [ARGS]: output in $work/NAME.out
  local who=$1 override=$2
  shift 2
  WINEDLLOVERRIDES="wtsapi32=$override;mscoree,mshtml=" timeout "$RUN_TIMEOUT" wine "$exe" "$@" \
    >"$work/$who.out" 2>"$work/$who.err" </dev/null
  local rc=$?
  sed -i 's/\r$//' "$work/$who.out"
  echo "$who run: exit status $rc"
}
run builtin b --destructive
run ours n

status=0
fail() { echo "FAIL: $*"; status=1; }

result() { # result WHO NAME: the status word of NAME's one line
  awk -v n="$2" '$1 == n {print $2}' "$work/$1.out"
}

for who in builtin ours; do
  grep -qx '# done' "$work/$who.out" || fail "the $who run did not finish"
  for name in $names; do
    lines=$(awk -v n="$name" '$1 == n' "$work/$who.out" | wc -l)
    [ "$lines" -eq 1 ] || fail "the $who run reported $name $lines times, not once"
  done
done
grep -q "^# module .*(Wine's builtin)\$" "$work/builtin.out" || fail "the builtin run did not load Wine's builtin DLL"
grep -q "^# module .*(not Wine's builtin)\$" "$work/ours.out" || fail "our run did not load our DLL"

worse=""
for name in $names; do
  b=$(result builtin "$name")
  o=$(result ours "$name")
  case " $DESTRUCTIVE " in
    *" $name "*)
      [ "$b" = fail ] || fail "$name: Wine's builtin was expected to fail it, but says '$b'"
      [ "$o" = not-called ] || fail "$name: must not be called with our DLL here, yet says '$o'"
      continue ;;
  esac
  [ "$o" = absent ] && fail "$name: our DLL does not export it"
  if [ "$b" = ok ] && [ "$o" != ok ]; then
    worse="$worse $name"
    fail "$name succeeds with Wine's builtin, with ours: $(awk -v n="$name" '$1 == n' "$work/ours.out")"
  fi
done

echo "-- both runs (export: builtin | ours):"
for name in $names; do
  printf '  %-36s %-28s | %s\n' "$name" \
    "$(awk -v n="$name" '$1 == n {$1 = ""; print substr($0, 2)}' "$work/builtin.out")" \
    "$(awk -v n="$name" '$1 == n {$1 = ""; print substr($0, 2)}' "$work/ours.out")"
done
grep -h '^# ' "$work/builtin.out" | sed 's/^/  builtin /'
grep -h '^# ' "$work/ours.out" | sed 's/^/  ours /'
if [ "$status" -eq 0 ]; then
  echo "PASS: nothing that succeeds with Wine's builtin fails with ours"
else
  echo "worse than the builtin:${worse:- (none; see the failures above)}"
fi
exit "$status"
