#!/usr/bin/env bash
# Programs linked against either of our import libraries must import from
# wtsapi32.dll by plain name (on i686 the stdcall @N stays in the import
# library and never reaches the DLL): check_imports.sh OBJDUMP EXE...
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail
objdump=$1
shift
passed=0
for exe in "$@"; do
  # The import section lists each DLL followed by its hint/name rows.
  names=$("$objdump" -p "$exe" | awk '
    /DLL Name:/ { dll = tolower($3); next }
    dll == "wtsapi32.dll" && /^\t[0-9a-f]+[ \t]+[0-9]+[ \t]+[A-Za-z_@0-9]+$/ { print $NF }')
  if [ -z "$names" ]; then
    echo "FAIL: $exe imports nothing from wtsapi32.dll" >&2
    exit 1
  fi
  if echo "$names" | grep -q '@'; then
    echo "FAIL: $exe imports decorated names: $(echo "$names" | grep '@' | tr '\n' ' ')" >&2
    exit 1
  fi
  echo "$(basename "$exe"): $(echo "$names" | wc -l) imports from wtsapi32.dll, all plain names"
  passed=$((passed + 1))
done
echo "$passed passed, 0 failed"
