#!/bin/sh
# bench/validate.sh: `costledger validate` of the large FOCUS bench bill
# against `costledger import` of the same file, in the same run.
#
#   make && sh bench/validate.sh            # ROWS=1000000 (~755 MB CSV)
#   ROWS=200000 REPEAT=3 sh bench/validate.sh
#
# Run from the project root. Generates bench/data/focus_ROWS.csv
# (bench/import/gen_focus.py, deterministic) when missing and reads it once
# so both read from the page cache. Each round runs import (into a fresh
# ledger, deleted afterwards) and validate, alternating which goes first,
# and prints both wall times and validate / import; the last line is the
# median ratio. Target (issue 17): validate <= import, a ratio <= 1.
# On a machine shared with other work the times drift: compare the ratio
# of one round, not times across runs.
#
# Environment: ROWS (1000000), REPEAT (3), COSTLEDGER (./costledger),
# PYTHON (/usr/bin/python3), DATA (bench/data).
set -eu

ROWS=${ROWS:-1000000}
REPEAT=${REPEAT:-3}
COSTLEDGER=${COSTLEDGER:-./costledger}
PYTHON=${PYTHON:-/usr/bin/python3}
DATA=${DATA:-bench/data}
CSV=$DATA/focus_$ROWS.csv
WORK=$DATA/validate.$$

die() { echo "bench/validate.sh: $*" >&2; exit 2; }
[ -f bench/import/gen_focus.py ] || die "run from the project root"
[ -x "$COSTLEDGER" ] || die "$COSTLEDGER missing: run make first"
mkdir -p "$DATA" "$WORK"
trap 'rm -rf "$WORK"' EXIT
if [ ! -f "$CSV" ]; then
	echo "generating $CSV ..."
	"$PYTHON" bench/import/gen_focus.py "$ROWS" >"$CSV.tmp" && mv "$CSV.tmp" "$CSV"
fi
cat "$CSV" >/dev/null

# seconds of wall time of a command, to the millisecond
wall() {
	start=$("$PYTHON" -c 'import time; print(time.monotonic())')
	"$@" >/dev/null 2>"$WORK/err" || { rc=$?; [ "$rc" = 1 ] && [ "$1" = "$COSTLEDGER" ] && [ "$2" = validate ] || { cat "$WORK/err" >&2; die "$* failed ($rc)"; }; }
	"$PYTHON" -c 'import sys, time; print("%.3f" % (time.monotonic() - float(sys.argv[1])))' "$start"
}
run_import() {
	rm -f "$WORK/l.db" "$WORK/l.db-wal" "$WORK/l.db-shm"
	"$COSTLEDGER" --ledger "$WORK/l.db" init >/dev/null
	wall "$COSTLEDGER" --ledger "$WORK/l.db" import "$CSV"
}

echo "validate vs import, $ROWS rows ($CSV), $REPEAT rounds"
ratios=""
i=1
while [ "$i" -le "$REPEAT" ]; do
	if [ $((i % 2)) = 1 ]; then
		imp=$(run_import); val=$(wall "$COSTLEDGER" validate "$CSV")
	else
		val=$(wall "$COSTLEDGER" validate "$CSV"); imp=$(run_import)
	fi
	ratio=$("$PYTHON" -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$val" "$imp")
	echo "round $i: import ${imp}s  validate ${val}s  validate/import $ratio"
	ratios="$ratios $ratio"
	i=$((i + 1))
done
"$PYTHON" -c 'import sys, statistics; print("median validate/import: %.2f (target <= 1)" % statistics.median(map(float, sys.argv[1:])))' $ratios
