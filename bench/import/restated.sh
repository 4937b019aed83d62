#!/bin/sh
# bench/import/restated.sh: a restated bill imported over the one it restates,
# against a first import of the same size, in turn.
#
#   sh bench/import/restated.sh COSTLEDGER [ROUNDS]
#
# From bench/data/focus_$ROWS.csv (ROWS=1000000; made by bench/import.sh) it
# writes bench/data/focus_${ROWS}_restated.csv: every 10th line's BilledCost
# changed, every 50th line dropped (the rest unchanged). Each round imports
# the original into a fresh ledger ("first"), then the restatement into a
# copy of a ledger holding the original ("restated": 98% of its lines are
# already there, 2% replaced, 2% removed). It prints wall, user+sys CPU and
# peak RSS of every run and the medians' ratio (target: restated <= 2x first).
# The machine is shared: compare runs of one round, read the medians.
set -eu
bin=${1:?usage: sh bench/import/restated.sh COSTLEDGER [ROUNDS]}
rounds=${2:-3}
ROWS=${ROWS:-1000000}
data=${DATA:-bench/data}
csv=$data/focus_$ROWS.csv
restated=$data/focus_${ROWS}_restated.csv
[ -s "$csv" ] || { echo "bench/import/restated.sh: $csv missing: run ROWS=$ROWS sh bench/import.sh first" >&2; exit 2; }
if [ ! -s "$restated" ]; then
	python3 - "$csv" "$restated.tmp" <<'PY'
import csv, sys
from decimal import Decimal
src, out = sys.argv[1], sys.argv[2]
with open(src, newline="") as f, open(out, "w", newline="") as g:
    r, w = csv.reader(f), csv.writer(g, lineterminator="\n")
    header = next(r)
    w.writerow(header)
    b = header.index("BilledCost")
    for i, row in enumerate(r):
        if i % 50 == 0:
            continue
        if i % 10 == 0:
            row[b] = str(Decimal(row[b]) + 1)
        w.writerow(row)
PY
	mv "$restated.tmp" "$restated"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/restated.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
"$bin" --ledger "$work/base.db" init > /dev/null
"$bin" --ledger "$work/base.db" import "$csv" > /dev/null
i=0
while [ "$i" -lt "$rounds" ]; do
	rm -f "$work"/run.db*
	"$bin" --ledger "$work/run.db" init > /dev/null
	/usr/bin/time -f "first %e %U %S %M" -o "$work/t" "$bin" --ledger "$work/run.db" import "$csv" > /dev/null
	tee -a "$work/all" < "$work/t"
	rm -f "$work"/run.db*
	cp "$work/base.db" "$work/run.db"
	/usr/bin/time -f "restated %e %U %S %M" -o "$work/t" "$bin" --ledger "$work/run.db" import "$restated" > "$work/out"
	tee -a "$work/all" < "$work/t"
	i=$((i + 1))
done
tail -n 1 "$work/out"
sort -k1,1 -k2,2n "$work/all" | awk '
{ n[$1]++; wall[$1, n[$1]] = $2; cpu[$1, n[$1]] = $3 + $4; if ($5 > rss[$1]) rss[$1] = $5 }
function median(a, who, k,   v, i, j, t) {
	for (i = 1; i <= k; i++) v[i] = a[who, i]
	for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
	return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
}
END {
	fw = median(wall, "first", n["first"]); rw = median(wall, "restated", n["restated"])
	fc = median(cpu, "first", n["first"]); rc = median(cpu, "restated", n["restated"])
	printf "median: first %.2f s (%.2f cpu, %d KB peak), restated %.2f s (%.2f cpu, %d KB peak)\n", fw, fc, rss["first"], rw, rc, rss["restated"]
	printf "restated / first: %.2f wall, %.2f cpu (target <= 2)\n", rw / fw, rc / fc
}'
