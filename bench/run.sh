#!/usr/bin/env bash
# The benchmark (README, "Speed"): installs what is missing, builds
# wtsapi32.dll, wtsbench.exe and bench_empty.dll with the mingw-x86_64
# preset, then runs wtsbench under Wine in a throwaway prefix of its own
# (build/bench-wineprefix, made afresh each run, so no earlier run or test
# leaves state in it) and prints one Markdown table. Ends the prefix's
# wineserver and removes the prefix when done.
# For the column over wtsd and the scale rows it also builds, natively and
# optimized (build/bench-native, clang: no sanitizers), wtsd and
# bench_echo (bench/echo_native.c), generates sim scenarios of 2, 10, 1,000
# and 10,000 sessions there, and starts one wtsd per scenario and the echo
# server, all on 127.0.0.1 with free ports; each wtsd's VmRSS is read once
# it is listening. Every process started here is stopped at the end.
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
OPENWTS_BENCH=1 scripts/install-deps.sh >&2
scripts/thirdparty.sh >&2
cmake --preset mingw-x86_64 >/dev/null
program=wtsbench
if [ "${1:-}" = --parts ]; then
  program=wtsbench_parts
fi
cmake --build --preset mingw-x86_64 -j2 --target "$program" >/dev/null

native="$root/build/bench-native"
CC=clang cmake -S . -B "$native" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOPENWTS_SANITIZE=OFF >/dev/null
cmake --build "$native" -j2 --target wtsd >/dev/null
cc -O2 -std=c11 -Wall -Wextra -Werror -o "$native/bench_echo" bench/echo_native.c
mkdir -p "$native/scenarios"
sizes=(2 10 1000 10000)
for n in "${sizes[@]}"; do
  f="$native/scenarios/sessions-$n.json"
  [ "$f" -nt examples/scenarios/make-large-scenario.py ] ||
    python3 examples/scenarios/make-large-scenario.py "$n" -o "$f"
done
# Our DLL once more, in a folder of its own: the copy wtsbench binds to wtsd.
bin="$root/build/mingw-x86_64/bin"
mkdir -p "$bin/over-wtsd"
cp "$bin/wtsapi32.dll" "$bin/over-wtsd/wtsapi32.dll"

prefix="$root/build/bench-wineprefix"
run="$native/run"
pids=()
cleanup() {
  WINEPREFIX="$prefix" wineserver -k >/dev/null 2>&1 || true
  rm -rf "$prefix" "$prefix.lock"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
trap cleanup EXIT
cleanup
rm -rf "$run"
mkdir -p "$run"

# Waits (at most 30 s) for a line matching $2 in file $1; prints the match.
wait_for() {
  for _ in $(seq 300); do
    grep -m1 -o "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench/run.sh: no \"$2\" in $1:" >&2
  cat "$1" >&2
  return 1
}

"$native/bench_echo" "$run/echo.port" &
pids+=($!)
wait_for "$run/echo.port" '^[0-9][0-9]*$' >/dev/null
echo_port=$(cat "$run/echo.port")

scale=""
declare -A wtsd_pid
for n in "${sizes[@]}"; do
  "$native/bin/wtsd" --scenario "$native/scenarios/sessions-$n.json" --socket "" \
    --listen 127.0.0.1:0 2>"$run/wtsd-$n.log" &
  pids+=($!)
  wtsd_pid[$n]=$!
  wait_for "$run/wtsd-$n.log" 'ready: backend' >/dev/null
  port=$(grep -m1 -o 'listening on tcp 127.0.0.1:[0-9]*' "$run/wtsd-$n.log" | sed 's/.*://')
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/${wtsd_pid[$n]}/status")
  scale+="$n:$port:$rss "
  [ "$n" = 10 ] && main_port=$port
done

scripts/wine-prefix.sh "$prefix"

# n,b: ours is loaded by its path as a native DLL; the builtin by the path
# of its placeholder in system32, which Wine answers with the builtin.
WINEPREFIX="$prefix" WINEDEBUG=-all WINEDLLOVERRIDES="wtsapi32=n,b;mscoree,mshtml=" \
  OPENWTS_BENCH_WTSD="127.0.0.1:$main_port" OPENWTS_BENCH_ECHO="$echo_port" OPENWTS_BENCH_SCALE="$scale" \
  wine "build/mingw-x86_64/bin/$program.exe" </dev/null | tr -d '\r'
if [ "$program" = wtsbench ]; then
  echo
  for n in "${sizes[@]}"; do
    echo "wtsd with $n sessions: VmRSS $(awk '/^VmRSS:/ { print $2 }' "/proc/${wtsd_pid[$n]}/status") kB after the run"
  done
fi
