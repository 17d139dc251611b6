#!/usr/bin/env bash
# Installs, with apt-get, whatever the build and the tests need and this
# machine lacks. Safe to run again: it only installs missing packages.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail

packages=(
  cmake make ninja-build gcc g++ pkg-config
  mingw-w64                      # x86_64 and i686 cross compilers, binutils
  wine wine64                    # runs the DLL's tests and examples
  xvfb xauth                     # an X display: the logoff and WTSSendMessage tests' windows
  libcmocka-dev                  # native unit tests
  nanopb protobuf-compiler python3-protobuf   # protocol code generator
  libwine-dev                    # Wine's headers: Windows layouts on Linux
  llvm-14                        # llvm-dlltool: the MSVC-style wtsapi32.lib
  dpkg-dev                       # apt-get source (cmocka, nanopb runtime)
  ca-certificates debian-archive-keyring xz-utils
  debootstrap                    # the Debian 12 root that runs i686 tests (scripts/i686-root.sh)
  libjson-c-dev python3          # sim backend: scenario files; the large-scenario generator
  libsystemd-dev                 # logind backend: sd-bus
  dbus-daemon dbus-session-bus-common python3-dbusmock  # its tests: a private bus, a mocked logind
  libssl-dev                     # HMAC-SHA256 of the remote-client key: wtsd, wtsctl, the stand-in wtsd
  iproute2                       # wtsd's remote-client test: an address in a network namespace
)
if [ "${OPENWTS_FUZZ:-0}" = 1 ]; then packages+=(clang-14 libclang-rt-14-dev); fi
# bench/run.sh builds an optimized wtsd with clang (gcc -O2 -Werror stops at warnings in src/backends/sim).
if [ "${OPENWTS_BENCH:-0}" = 1 ]; then packages+=(clang-14); fi

missing=()
for p in "${packages[@]}"; do
  [ "$p" = "#" ] && continue
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
