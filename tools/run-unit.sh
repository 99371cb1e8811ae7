#!/bin/sh
# Runs each unit-test binary and sums their "N passed, N failed" lines.
p=0; f=0
for t in "$@"; do
  out=$("$t" 2>&1); rc=$?
  line=$(printf '%s\n' "$out" | tail -n 1)
  np=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
  nf=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
  if [ -z "$np" ]; then np=0; nf=1; fi
  if [ $rc -ne 0 ] || [ "$nf" -ne 0 ]; then printf '%s\n' "$out"; [ "$nf" -eq 0 ] && nf=1; fi
  echo "unit $(basename "$t"): $np passed, $nf failed"
  p=$((p+np)); f=$((f+nf))
done
echo "unit: $p passed, $f failed"
[ $f -eq 0 ]
