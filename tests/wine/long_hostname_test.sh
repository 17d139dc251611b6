#!/usr/bin/env bash
# A host name longer than NetBIOS's 15 characters: the machine's full name
# must still name this machine (test_server_handles.exe, test_open_dns_names).
# Runs in a UTS namespace of its own (unshare -u, root) with such a name and
# a throwaway prefix, since Wine reads the host name when a prefix starts.
# Usage: long_hostname_test.sh BIN_DIR PREFIX_DIR
# SPDX-License-Identifier: LGPL-2.1-or-later
set -u
bin=$(cd "${1:?usage: long_hostname_test.sh BIN_DIR PREFIX_DIR}" && pwd)
prefix=$(realpath -m "${2:?usage: long_hostname_test.sh BIN_DIR PREFIX_DIR}")
if ! unshare -u true 2>/dev/null; then
  echo "long_hostname_test: cannot make a UTS namespace here (needs root): not run" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
exec unshare -u bash -c '
  set -u
  hostname openwts-long-host-name-beyond-netbios
  export WINEPREFIX=$2 WINEDEBUG=-all WINEDLLOVERRIDES="wtsapi32=n;mscoree,mshtml="
  rm -rf "$WINEPREFIX"
  wineboot -i >/dev/null 2>&1
  timeout 120 wineserver -w
  timeout 120 wine "$1/test_server_handles.exe"
  rc=$?
  wineserver -k
  timeout 30 wineserver -w
  rm -rf "$WINEPREFIX"
  exit $rc
' long_hostname_test "$bin" "$prefix"
