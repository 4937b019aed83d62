#!/bin/sh
# tests/cli/demo.sh: samples/demo.sh (what `make demo` runs) exits 0 in under
# a minute although reconcile finds the planted problems, and writes every
# file it announces.
. "$TESTS/cli/lib.sh"
start=$(date +%s)
COSTLEDGER="$COSTLEDGER" DEMO_OUT="$work/out" sh "$top/samples/demo.sh" >"$work/demo.txt" 2>&1
rc=$?
took=$(($(date +%s) - start))
[ "$rc" = 0 ] || { tail -20 "$work/demo.txt"; echo "FAIL: demo exit status $rc"; exit 1; }
[ "$took" -lt 60 ] || { echo "FAIL: demo took ${took}s"; exit 1; }
grep -q "exit 1: findings above the tolerance" "$work/demo.txt" || { echo "FAIL: reconcile's exit 1 not shown"; exit 1; }
for f in demo.db report-2026-10.html summary-2026-10.csv findings-2026-10.csv charges-2026-10.csv \
	usage-2026-10.csv charges-2026-10.focus.csv; do
	[ -s "$work/out/$f" ] || { echo "FAIL: $f not written"; exit 1; }
	grep -q "out/$f" "$work/demo.txt" || { echo "FAIL: $f not announced"; exit 1; }
done
[ "$(wc -l < "$work/out/findings-2026-10.csv")" = 7 ] || { echo "FAIL: findings export"; exit 1; }
echo "demo: ok in ${took}s"
