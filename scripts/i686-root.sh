#!/usr/bin/env bash
# Runs a command inside a minimal Debian 12 (bookworm) root that has 32-bit
# Wine, for machines whose own Debian cannot install wine32:i386
# (scripts/install-wine32.sh says which):
#   scripts/i686-root.sh [--bind DIR]... COMMAND [ARGS...]
# The root is made once with debootstrap from the Debian mirror this
# machine's apt uses, and kept in build/i686-root; it is made again when the
# package list below changes (the stamp file .openwts-root holds the list).
# COMMAND runs as root from the current directory, with the checkout
# bind-mounted at its own path so the build tree's absolute paths hold, and
# each --bind DIR (read-only) likewise. The mounts are made in a private
# mount namespace (unshare): the host never sees them, and they are undone
# when the command ends, whatever way it ends. Needs root.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)

# What runs in the root besides Debian's essential packages: Wine with its
# 32-bit half as on a Debian 12 with wine32:i386, ctest, and the tools of the
# test scripts (objdump for the export and import checks, ps and awk, and an
# X display for the tests that show windows).
packages=(wine wine64 wine32:i386 cmake binutils-mingw-w64-i686 procps gawk xvfb xauth)
# The libraries of the native stand-in wtsd that the socket transport test
# starts (tests/transport/fake_wtsd, built with ASan and UBSan on the host).
packages+=(libjson-c5 libssl3 libasan8 libubsan1)
# The Wine-run logind tests (tests/wine/logind_wine_test.sh): a private bus
# and python-dbusmock's logind for the native wtsd and logind_mock_tool.
packages+=(dbus-daemon dbus-session-bus-common python3-dbusmock)

# --- Inside the private mount namespace -------------------------------------
# i686-root.sh --in-namespace ROOT [--bind DIR]... -- COMMAND [ARGS...]
if [ "${1:-}" = --in-namespace ]; then
  root=$2
  shift 2
  extra=()
  while [ "$1" = --bind ]; do extra+=("$2"); shift 2; done
  shift # --

  mounts=()
  undo_mounts() {
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
      umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}"
    done
  }
  trap undo_mounts EXIT
  bind() { # bind DIR [ro]: DIR at the same path inside the root
    mkdir -p "$root$1"
    mount --bind "$1" "$root$1"
    mounts+=("$root$1")
    if [ "${2:-}" = ro ]; then mount -o remount,bind,ro "$root$1"; fi
  }
  mount -t proc proc "$root/proc"
  mounts+=("$root/proc")
  bind /dev
  if mountpoint -q /dev/pts; then bind /dev/pts; fi
  if mountpoint -q /dev/shm; then bind /dev/shm; fi
  bind "$src"
  for d in "${extra[@]}"; do bind "$d" ro; done

  # A clean environment, plus what steers the tests and CI.
  env=(HOME=/root USER=root LOGNAME=root LANG=C.UTF-8 TERM=dumb
       PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
  while IFS= read -r name; do env+=("$name=${!name}"); done < <(compgen -e | grep -E '^(CI|CTEST_.*|OPENWTS_.*)$' || true)
  rc=0
  chroot "$root" /usr/bin/env -i "${env[@]}" bash -c 'cd "$0" && exec "$@"' "$PWD" "$@" || rc=$?

  # Nothing the command started outlives it: a wineserver lingers a few
  # seconds after its last program by design, so wait for that first.
  leftovers() {
    local p
    for p in /proc/[0-9]*; do
      [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && echo "${p#/proc/}"
    done
    return 0
  }
  for ((i = 0; i < 100; i++)); do
    [ -z "$(leftovers)" ] && break
    sleep 0.1
  done
  for sig in TERM KILL; do
    mapfile -t pids < <(leftovers)
    [ ${#pids[@]} -eq 0 ] && break
    echo "i686-root: ending what is left in the root (SIG$sig): ${pids[*]}" >&2
    kill -"$sig" "${pids[@]}" 2>/dev/null || true
    sleep 2
  done
  exit "$rc"
fi

# --- On the host ------------------------------------------------------------
usage() { echo "usage: i686-root.sh [--bind DIR]... COMMAND [ARGS...]" >&2; exit 2; }
binds=()
while [ "${1:-}" = --bind ]; do
  [ $# -ge 2 ] || usage
  binds+=(--bind "$(cd "$2" && pwd)")
  shift 2
done
[ $# -ge 1 ] || usage
if [ "$(id -u)" != 0 ]; then echo "i686-root: needs root (mount, chroot)" >&2; exit 1; fi
root=$src/build/i686-root

enter() { # enter ROOT COMMAND [ARGS...]
  local r=$1
  shift
  unshare --mount --propagation private -- \
    bash "$here/i686-root.sh" --in-namespace "$r" "${binds[@]}" -- "$@"
}

# The mirror this machine's apt uses, read from its own sources.
mirror() {
  local uri
  uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  if [ -z "$uri" ]; then
    uri=$(awk '$1 == "deb" && $0 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  fi
  if [ -z "$uri" ]; then echo "i686-root: cannot find this machine's Debian mirror in /etc/apt" >&2; exit 1; fi
  echo "$uri"
}

make_root() {
  local want="Debian 12 (bookworm) amd64 with i386: ${packages[*]}"
  if [ -f "$root/.openwts-root" ] && [ "$(cat "$root/.openwts-root")" = "$want" ]; then return 0; fi
  local uri new=$root.new log=$root.log
  uri=$(mirror)
  echo "i686-root: making $root (once) with debootstrap from $uri; log: $log" >&2
  # Never mounted into on the host (the mounts live in their own namespace);
  # --one-file-system all the same, so a stray mount stops the removal.
  rm -rf --one-file-system "$new" "$root"
  local failed="i686-root: making the root failed; the end of $log:"
  debootstrap --variant=minbase --arch=amd64 bookworm "$new" "$uri" >"$log" 2>&1 ||
    { echo "$failed" >&2; tail -n 20 "$log" >&2; exit 1; }
  # Only the suite debootstrap used (bookworm main): the amd64 and i386
  # halves of a Multi-Arch library then come from one index, in one version.
  rm -f "$new/etc/resolv.conf"
  cp -L /etc/resolv.conf "$new/etc/resolv.conf"
  enter "$new" sh -c 'export DEBIAN_FRONTEND=noninteractive
    dpkg --add-architecture i386 && apt-get update -q &&
    apt-get install -y -q --no-install-recommends "$@" && apt-get clean' sh "${packages[@]}" >>"$log" 2>&1 ||
    { echo "$failed" >&2; tail -n 20 "$log" >&2; exit 1; }
  echo "$want" >"$new/.openwts-root"
  mv "$new" "$root"
}

make_root
enter "$root" "$@"
