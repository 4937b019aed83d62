#!/bin/sh
# bench/import/scale.sh: a 10x larger bill imports in at most 11x the time,
# with peak memory flat (issue 13: 10M rows against 1M).
#
#   make && sh bench/import/scale.sh                 # SMALL=1000000 LARGE=10000000
#   SMALL=10000 LARGE=100000 sh bench/import/scale.sh  # a quick try of the script
#
# Run from the project root. In one run: generates bench/data/focus_N.csv for
# both sizes with bench/import/gen_focus.py (deterministic) when missing, or
# focus_N.csv.gz with GZIP=1 (for a disk that cannot hold ~760 bytes x LARGE
# of plain CSV; gzip adds CPU alike to both sizes); reads each file once
# right before its import so that both start from the page cache (as far as
# memory allows: say which, with `free`); imports each into a fresh ledger
# (`costledger init` + `import`, timed by /usr/bin/time -f '%e %U %S %M');
# prints wall seconds, user+sys CPU seconds, peak RSS, the ledger's size,
# the ratios LARGE/SMALL and the targets; `uptime` before and after (the
# machine is shared: a ratio under load is only as good as the load was
# even). The ledgers are deleted after each import, the generated files at
# the end unless KEEP=1.
#
# Environment: SMALL (1000000), LARGE (10000000), GZIP (0), KEEP (0),
# COSTLEDGER (./costledger), PYTHON (/usr/bin/python3), DATA (bench/data).
set -eu

SMALL=${SMALL:-1000000}
LARGE=${LARGE:-10000000}
GZIP=${GZIP:-0}
KEEP=${KEEP:-0}
COSTLEDGER=${COSTLEDGER:-./costledger}
PYTHON=${PYTHON:-/usr/bin/python3}
DATA=${DATA:-bench/data}
WORK=$DATA/scale.$$
made=""

die() { echo "bench/import/scale.sh: $*" >&2; exit 2; }

[ -f bench/import/gen_focus.py ] || die "run from the project root"
[ -x "$COSTLEDGER" ] || die "$COSTLEDGER missing: run make first"
[ -x /usr/bin/time ] || die "/usr/bin/time missing: apt-get install time"
mkdir -p "$DATA" "$WORK"
cleanup() {
	rm -rf "$WORK"
	[ "$KEEP" = 1 ] || for f in $made; do rm -f "$f"; done
}
trap cleanup EXIT
trap 'exit 2' INT TERM

input() { # the bill of $1 rows
	if [ "$GZIP" = 1 ]; then echo "$DATA/focus_$1.csv.gz"; else echo "$DATA/focus_$1.csv"; fi
}
generate() { # generate ROWS
	f=$(input "$1")
	[ -s "$f" ] && return 0
	echo "generating $f"
	if [ "$GZIP" = 1 ]; then
		/usr/bin/time -f '  %e s' sh -c "'$PYTHON' bench/import/gen_focus.py $1 | gzip -c -6 > '$f.tmp'"
	else
		/usr/bin/time -f '  %e s' "$PYTHON" bench/import/gen_focus.py "$1" > "$f.tmp"
	fi
	mv "$f.tmp" "$f"
	made="$made $f"
}

echo "load before: $(uptime)"
df -h "$DATA" | sed 's/^/  /'
generate "$SMALL"
generate "$LARGE"

# measure ROWS: one import of the bill into a fresh ledger; prints
# "ROWS wall cpu peak_kb ledger_bytes" into $WORK/runs.
measure() {
	f=$(input "$1")
	ledger=$WORK/ledger_$1.db
	rm -f "$ledger" "$ledger-wal" "$ledger-shm"
	cat "$f" > /dev/null
	echo "importing $f ($(wc -c < "$f") bytes) at $(date -u +%H:%M:%S); $(free -m | awk '/^Mem:/ {print $7 " MB available"}')"
	/usr/bin/time -f '%e %U %S %M' -o "$WORK/time" sh -c \
		"'$COSTLEDGER' --ledger '$ledger' init > /dev/null && '$COSTLEDGER' --ledger '$ledger' import '$f' > '$WORK/out' 2>&1" ||
		die "import of $f failed: $(tail -3 "$WORK/out")"
	sed 's/^/  /' "$WORK/out" | cut -c1-200
	size=$(( $(wc -c < "$ledger") + $( [ -f "$ledger-wal" ] && wc -c < "$ledger-wal" || echo 0) ))
	awk -v rows="$1" -v size="$size" '{printf "%s %s %.2f %s %s\n", rows, $1, $2 + $3, $4, size}' \
		"$WORK/time" >> "$WORK/runs"
	rm -f "$ledger" "$ledger-wal" "$ledger-shm"
}
: > "$WORK/runs"
measure "$SMALL"
measure "$LARGE"
echo "load after: $(uptime)"

awk -v small="$SMALL" -v large="$LARGE" '
	{ wall[$1] = $2; cpu[$1] = $3; rss[$1] = $4; size[$1] = $5 }
	END {
		printf "\n| rows | wall s | cpu s | peak RSS MB | ledger MB |\n|---|---|---|---|---|\n"
		for (i = 0; i < 2; i++) {
			n = i ? large : small
			printf "| %d | %.2f | %.2f | %.1f | %.0f |\n", n, wall[n], cpu[n], rss[n] / 1024, size[n] / 1048576
		}
		f = large / small
		printf "| ratio %d/%d | %.2f | %.2f | %.2f | %.2f |\n", large, small, wall[large] / wall[small],
		       cpu[large] / cpu[small], rss[large] / rss[small], size[large] / size[small]
		printf "\ntarget: wall <= %.1fx (%.2f: %s), cpu <= %.1fx (%.2f: %s), peak RSS flat <= 1.10x (%.2f: %s)\n",
		       f * 1.1, wall[large] / wall[small], wall[large] / wall[small] <= f * 1.1 ? "met" : "MISSED",
		       f * 1.1, cpu[large] / cpu[small], cpu[large] / cpu[small] <= f * 1.1 ? "met" : "MISSED",
		       rss[large] / rss[small], rss[large] / rss[small] <= 1.10 ? "met" : "MISSED"
	}' "$WORK/runs"
