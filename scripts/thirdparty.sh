#!/usr/bin/env bash
# Fetches Debian's source packages of cmocka and nanopb into DIR (default
# build/thirdparty) without touching /etc/apt, and cross-builds cmocka for
# both mingw targets. nanopb's runtime is compiled by our CMakeLists from the
# unpacked source, so the generator (Debian's nanopb) and runtime match.
# From Debian's wine source package it keeps one file, Wine's conformance
# test of wtsapi32 (DIR/wine-tests/wtsapi.c, tests/conformance/); nothing of
# Wine's is committed to this repository.
# How and why: docs/build-facts.md.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$here/build/thirdparty}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
stamp="$dir/.done-v3"
[ -f "$stamp" ] && exit 0

apt_dir="$dir/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/parts" "$dir/src"
# The mirror this machine already uses, read from its own apt sources.
uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
if [ -z "$uri" ]; then
  uri=$(awk '$1 == "deb" && $0 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
fi
if [ -z "$uri" ]; then echo "thirdparty: cannot find this machine's Debian mirror in /etc/apt" >&2; exit 1; fi
printf 'Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
  "$uri" > "$apt_dir/parts/src.sources"
A=(-o Dir::Etc::sourcelist=/dev/null -o "Dir::Etc::sourceparts=$apt_dir/parts"
   -o "Dir::State::Lists=$apt_dir/lists" -o Debug::NoLocking=1)
apt-get "${A[@]}" -q update >/dev/null
( cd "$dir/src" && apt-get "${A[@]}" -q source cmocka nanopb ) >"$dir/src/apt-source.log" 2>&1 || {
  cat "$dir/src/apt-source.log" >&2; exit 1; }

cmocka_src=$(find "$dir/src" -maxdepth 1 -type d -name 'cmocka-*' | head -n1)
nanopb_src=$(find "$dir/src" -maxdepth 1 -type d -name 'nanopb-*' | head -n1)
[ -n "$cmocka_src" ] && [ -n "$nanopb_src" ] || { echo "thirdparty: source packages not unpacked" >&2; exit 1; }
ln -sfn "$nanopb_src" "$dir/nanopb"

# Wine's test of the same release as the installed Wine, whose builtin
# wtsapi32 it is compared with; only the one file is taken out of the tarball.
wine_ver=$(dpkg-query -W -f='${Version}' wine 2>/dev/null || true)
wine_dl="$dir/src/wine"
rm -rf "$wine_dl" && mkdir -p "$wine_dl" "$dir/wine-tests"
# If the mirror has moved on from the installed version, its current one.
( cd "$wine_dl" && { apt-get "${A[@]}" -q source --download-only "wine${wine_ver:+=$wine_ver}" ||
    apt-get "${A[@]}" -q source --download-only wine; } ) \
  >"$dir/src/apt-source-wine.log" 2>&1 || { cat "$dir/src/apt-source-wine.log" >&2; exit 1; }
wine_orig=$(find "$wine_dl" -maxdepth 1 -name 'wine_*.orig.tar.*' | head -n1)
[ -n "$wine_orig" ] || { echo "thirdparty: no orig tarball of wine in $wine_dl" >&2; exit 1; }
tar -xf "$wine_orig" -C "$wine_dl" --wildcards '*/dlls/wtsapi32/tests/wtsapi.c'
wine_test=$(find "$wine_dl" -path '*/dlls/wtsapi32/tests/wtsapi.c' | head -n1)
[ -n "$wine_test" ] || { echo "thirdparty: dlls/wtsapi32/tests/wtsapi.c not in $wine_orig" >&2; exit 1; }
cp "$wine_test" "$dir/wine-tests/wtsapi.c"
echo "${wine_orig##*/}" >"$dir/wine-tests/SOURCE"
rm -rf "$wine_dl" # the tarball is large; only the test is kept

for arch in x86_64 i686; do
  b="$dir/build-cmocka-$arch"
  cmake -S "$cmocka_src" -B "$b" -DCMAKE_TOOLCHAIN_FILE="$here/toolchain-mingw.cmake" \
    -DOPENWTS_MINGW_ARCH=$arch -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
    -DWITH_STATIC_LIB=ON -DWITH_EXAMPLES=OFF -DUNIT_TESTING=OFF -DCMAKE_INSTALL_PREFIX="$dir/cmocka-$arch" >"$b.log" 2>&1 \
    && cmake --build "$b" -j2 >>"$b.log" 2>&1 && cmake --install "$b" >>"$b.log" 2>&1 \
    || { tail -30 "$b.log" >&2; echo "thirdparty: cmocka build for $arch failed (log: $b.log)" >&2; exit 1; }
done
touch "$stamp"
