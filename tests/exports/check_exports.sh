#!/usr/bin/env bash
# The DLL's export table must name exactly what Windows' wtsapi32.dll
# exports: check_exports.sh OBJDUMP DLL EXPORTS_TSV
# EXPORTS_TSV lists Windows' exports (name, i686 import name, argument
# count, whether Wine 8's builtin and mingw-w64 10's header have it).
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail
objdump=$1 dll=$2 tsv=$3

expected=$(tail -n +2 "$tsv" | cut -f1 | LC_ALL=C sort)
# objdump -p prints the name pointer table as "\t[   N] Name".
actual=$("$objdump" -p "$dll" | awk '/\[Ordinal\/Name Pointer\] Table/ {t=1; next} t && /^\t\[ *[0-9]+\] / {print $3} t && /^$/ {t=0}' | LC_ALL=C sort)

if [ "$expected" != "$actual" ]; then
  echo "FAIL: export table of $dll differs from $tsv" >&2
  diff <(echo "$expected") <(echo "$actual") | sed 's/^</missing:/; s/^>/extra:  /' >&2 || true
  exit 1
fi
n=$(echo "$actual" | wc -l)
echo "$n exports of $(basename "$dll") match $(basename "$tsv")"
echo "1 passed, 0 failed"
