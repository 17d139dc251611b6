#!/usr/bin/env bash
# Gives this machine's own Wine its 32-bit half (Debian's wine32:i386) if
# the machine can take it. Exit status 0: wine32:i386 is installed (it was,
# or is now); 1: it cannot be installed here, and dpkg's architectures are
# left as they were. A bare Debian 12 can install it. A machine whose amd64
# libraries are newer than the i386 ones its mirror serves cannot: a
# Multi-Arch "same" library must have one version for both architectures.
# Usage: scripts/install-wine32.sh
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail

installed() {
  dpkg-query -W -f='${Status}' wine32:i386 2>/dev/null | grep -q "install ok installed"
}
installed && exit 0

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp "${TMPDIR:-/tmp}/openwts-wine32.XXXXXX")
trap 'rm -f "$log"' EXIT

added=0
if ! dpkg --print-foreign-architectures | grep -qx i386; then
  $SUDO dpkg --add-architecture i386
  added=1
fi
# A failed index (a mirror in sync) is judged by the install that follows.
$SUDO apt-get update -q >/dev/null 2>&1 || true
if $SUDO apt-get install -y -q --no-install-recommends wine wine32:i386 >"$log" 2>&1 && installed; then
  echo "install-wine32: installed wine32:i386" >&2
  exit 0
fi
echo "install-wine32: wine32:i386 cannot be installed on this machine:" >&2
grep -E '^(E:| [^ ].* : Depends:)' "$log" | head -n 4 | sed 's/^/  /' >&2 || true
if [ "$added" = 1 ]; then
  $SUDO dpkg --remove-architecture i386 ||
    echo "install-wine32: i386 packages got installed; dpkg keeps the i386 architecture" >&2
fi
exit 1
