#!/bin/sh
# bench/functions.sh: the cost of calling the costledger SQL functions, against
# the same work written as plain SQL (issue "Performance").
#
#   make costledger.so && sh bench/functions.sh          # ROWS=5000000, REPEAT=3
#   ROWS=200000 sh bench/functions.sh                    # a quick look
#
# Run from the project root. In one run, in a temporary file database:
#   1. t: ROWS rows of nine REAL columns a..i (pseudo-random, non-negative).
#      SELECT sum(epoch_cost(a,b,c,d,e,f,g,h,i)) FROM t
#      against SELECT sum((a*b + c*d + e*f + g*h) * i) FROM t
#      target: epoch_cost / plain SQL <= 1.10
#   2. s: ROWS decimal strings with 10 decimals such as '12.3456789012' (TEXT).
#      SELECT sum(money(x)) FROM s  against  SELECT sum(CAST(x AS REAL)) FROM s
#      target: money() >= 5 million values per second; the ratio is printed too.
# Each query runs REPEAT times, the contenders interleaved, and the best wall
# time ("Run Time: real" of the sqlite3 shell's .timer) counts. The page cache
# of SQLite is made big enough to hold the database, so the times are CPU: the
# scan plus the arithmetic or the function calls. Both contenders of a pair
# must give the same sum (checked). Wall and user+sys CPU times are both shown:
# on a loaded machine the CPU times are the steadier. Exits 0 when it could
# measure, met or not. Not a test: `make bench` runs it (bench/run.sh).
#
# Environment: ROWS (5000000), REPEAT (3), SQLITE3 (sqlite3),
# COSTLEDGER_SO (./costledger.so), TMPDIR (/tmp) for the database.
set -eu

ROWS=${ROWS:-5000000}
REPEAT=${REPEAT:-3}
SQLITE3=${SQLITE3:-sqlite3}
SO=${COSTLEDGER_SO:-./costledger.so}
case "$SO" in /*) ;; *) SO="$(pwd)/$SO" ;; esac
[ -f "$SO" ] || { echo "bench/functions.sh: no $SO: run make costledger.so first" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/costledger-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
db=$work/functions.db

echo "bench/functions.sh: $ROWS rows, best of $REPEAT, $($SQLITE3 -version | cut -d' ' -f1-2), $(nproc) CPU, load $(cut -d' ' -f1-3 /proc/loadavg)"

t0=$(date +%s.%N)
"$SQLITE3" -bail "$db" >/dev/null <<EOF
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE t(a REAL, b REAL, c REAL, d REAL, e REAL, f REAL, g REAL, h REAL, i REAL);
INSERT INTO t
	WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < $ROWS)
	SELECT abs(random() % 100000) / 1000.0, abs(random() % 100000) / 100.0,
	       abs(random() % 100000) / 1000.0, abs(random() % 100000) / 100.0,
	       abs(random() % 100000) / 10000.0, abs(random() % 100000) / 100.0,
	       abs(random() % 100000) / 100000.0, abs(random() % 100000) / 10.0,
	       1.0 + abs(random() % 64)
	FROM n;
CREATE TABLE s(x TEXT);
INSERT INTO s
	WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < $ROWS)
	SELECT printf('%d.%010d', abs(random() % 100), abs(random() % 10000000000)) FROM n;
EOF
t1=$(date +%s.%N)
echo "built t and s in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s ($(du -m "$db" | cut -f1) MB); sample: $("$SQLITE3" "$db" "SELECT x FROM s LIMIT 1")"

FUNC_T="SELECT sum(epoch_cost(a, b, c, d, e, f, g, h, i)) FROM t;"
PLAIN_T="SELECT sum((a*b + c*d + e*f + g*h) * i) FROM t;"
FUNC_S="SELECT sum(money(x)) FROM s;"
PLAIN_S="SELECT sum(CAST(x AS REAL)) FROM s;"

# One sqlite3 process runs everything: a warm-up scan of each table, then
# REPEAT rounds of the four queries, each output line tagged with its query.
script=$work/timed.sql
{
	echo "PRAGMA cache_size = -4000000;"
	echo ".load '$SO'"
	echo "SELECT 'warm', count(*) FROM t; SELECT 'warm', count(*) FROM s;"
	echo "SELECT 'warm', count(*) FROM t WHERE a + b + c + d + e + f + g + h + i < 0;"
	echo "SELECT 'warm', count(*) FROM s WHERE length(x) < 0;"
	echo ".timer on"
	r=0
	while [ "$r" -lt "$REPEAT" ]; do
		for q in FUNC_T PLAIN_T FUNC_S PLAIN_S; do
			eval "sql=\$$q"
			echo ".print @$q"
			echo "$sql"
		done
		r=$((r + 1))
	done
} > "$script"
"$SQLITE3" -bail "$db" ".read $script" > "$work/timed.out"

# Lines: "@NAME", the result, "Run Time: real X user Y sys Z". Per query: the
# best wall time, the best user+sys CPU time and the result.
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v rows="$ROWS" '
	/^@/ { q = substr($0, 2); next }
	/^Run Time:/ {
		w = $4 + 0; c = $6 + $8
		if (!(q in wall) || w < wall[q]) wall[q] = w
		if (!(q in cpu) || c < cpu[q]) cpu[q] = c
		next
	}
	q != "" && !/^warm/ { result[q] = $0 }
	function line(label, q) {
		printf "%-38s %8.3f %8.3f   %s\n", label, wall[q], cpu[q], result[q]
	}
	function ratio(label, a, b, target,   rw, rc) {
		rw = wall[a] / wall[b]; rc = cpu[a] / cpu[b]
		printf "%-38s %8.3f %8.3f", label, rw, rc
		if (target != "")
			printf "   (target <= %s: wall %s, cpu %s)", target, (rw <= target + 0 ? "met" : "MISSED"), (rc <= target + 0 ? "met" : "MISSED")
		printf "\n"
	}
	END {
		if (!("FUNC_T" in wall) || !("PLAIN_T" in wall) || !("FUNC_S" in wall) || !("PLAIN_S" in wall) ||
		    wall["PLAIN_T"] <= 0 || wall["PLAIN_S"] <= 0 || wall["FUNC_S"] <= 0 || cpu["FUNC_S"] <= 0) {
			print "bench/functions.sh: could not read the timings" > "/dev/stderr"
			exit 1
		}
		printf "\n%-38s %8s %8s   %s\n", "", "wall s", "cpu s", "result"
		line("sum(epoch_cost(a,b,c,d,e,f,g,h,i))", "FUNC_T")
		line("sum((a*b + c*d + e*f + g*h) * i)", "PLAIN_T")
		ratio("ratio epoch_cost / plain SQL", "FUNC_T", "PLAIN_T", "1.10")
		if (result["FUNC_T"] != result["PLAIN_T"])
			print "  note: the two sums differ"
		printf "\n"
		line("sum(money(x))", "FUNC_S")
		line("sum(CAST(x AS REAL))", "PLAIN_S")
		ratio("ratio money / CAST AS REAL", "FUNC_S", "PLAIN_S", "")
		rw = rows / wall["FUNC_S"] / 1e6; rc = rows / cpu["FUNC_S"] / 1e6
		printf "%-38s %8.2f %8.2f   (target >= 5 M/s: wall %s, cpu %s)\n", "money() million values per second",
		       rw, rc, (rw >= 5 ? "met" : "MISSED"), (rc >= 5 ? "met" : "MISSED")
		d = result["FUNC_S"] / 1e9 - result["PLAIN_S"]; if (d < 0) d = -d
		if (d > result["PLAIN_S"] * 1e-6)
			print "  note: the money() and CAST AS REAL sums disagree"
	}
' "$work/timed.out"
