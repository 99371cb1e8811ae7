#!/bin/sh
# tests/seed/run.sh FAZHI — the tests built from the three real reports in
# ../shared/seeds: 000.sh (浚县 2024), 001.sh (交口县 2020), 002.sh (立山区
# 2024). Each imports, through `fazhi import` only, the records behind every
# figure its seed states that fazhi's mechanisms can produce, asserts that
# the report states the same figures, and documents (as info lines) the
# figures no mechanism records and the places where the seed contradicts
# itself. Prints each script's lines, then "N passed, N failed" over all;
# exit status non-zero on any failure. FZ_PG_BASE: on PostgreSQL.
FZ=${1:-build/fazhi}
case $FZ in /*) ;; *) FZ=$(pwd)/$FZ ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
P=0; F=0
for s in 000 001 002; do
  out=$(sh "$HERE/$s.sh" "$FZ" 2>&1)
  printf '%s\n' "$out" | sed '$d'
  last=$(printf '%s\n' "$out" | tail -1)
  p=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
  f=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
  if [ -z "$p" ]; then echo "FAIL  seed $s ended without a count: $last"; F=$((F+1)); continue; fi
  echo "== seed $s: $last"
  P=$((P+p)); F=$((F+f))
done
echo "$P passed, $F failed"
[ "$F" -eq 0 ]
