#!/bin/sh
# bench/reconcile.sh: `costledger reconcile --month 2026-10` on a month of N
# charges against N usage intervals, at several N, against the same matching
# written as one plain SQL join without the project's indexes (issue 5,
# "Performance").
#
#   make && sh bench/reconcile.sh                  # SIZES="100000 1000000 4000000"
#   SIZES="100000 1000000" PLAIN_SIZES=100000 sh bench/reconcile.sh   # a quicker look
#
# Run from the project root. For each N in SIZES:
#   1. $DATA/reconcile_N.db (git-ignored), made when missing or older than the
#      generator: `costledger init`, then bench/reconcile/month.sql through
#      the sqlite3 shell (N hourly charges and N usage intervals of October
#      2026 over ceil(N/744) resources, with planted differences; see the
#      file), then the ledger's own indexes again. Deterministic.
#   2. `costledger reconcile --month 2026-10` on a fresh copy of it, REPEAT
#      times (best wall, best user+sys CPU, /usr/bin/time -f '%e %U %S %M');
#      it must see N charges and N usage intervals and report findings (exit
#      status 1); the kinds found are listed.
# Then the growth: per size cpu / (n log2 n), normalised to the smallest size,
# and for each pair of consecutive sizes (and smallest to largest) the ratio
# t(n2)/t(n1) against (n2 log2 n2)/(n1 log2 n1).
# Rule: "grows no worse than n log n" is met when the CPU-time ratio is at
# most SLACK (1.25) x the n log n ratio; the wall-time ratio is shown too.
#
# The peer, for N in PLAIN_SIZES: bench/reconcile/plain_join.sql (for every
# charge of the month, the overlapping usage of the same provider and
# resource: covered and stopped seconds; reconcile.c's core join) run by the
# sqlite3 shell on a copy of the ledger from which the project's indexes on
# charges and usage (charges_period, charges_resource, usage_resource,
# usage_job) are dropped, under `timeout PLAIN_TIMEOUT` ("> 600 s" when it
# runs out). The shell's defaults apply, so SQLite may build an automatic
# (transient) index for the join; its query plan is printed. The same join
# with `PRAGMA automatic_index = OFF` (a nested loop: quadratic) runs once at
# the smallest of PLAIN_SIZES under `timeout NOAUTO_TIMEOUT`. Ratios
# costledger / plain join are printed (CPU and wall).
#
# The machine may be shared: CPU time (user+sys) is the fairer number; the
# load average is printed before and after. Exits 0 when it could measure,
# met or not; 2 when it could not run. Not a test: `make bench` runs it.
#
# Environment: SIZES ("100000 1000000 4000000"), REPEAT (1), DATA (bench/data),
# PLAIN_SIZES ("100000 1000000"), PLAIN_TIMEOUT (600), NOAUTO_TIMEOUT (300),
# SLACK (1.25), COSTLEDGER (./costledger), SQLITE3 (sqlite3), KEEP (1: keep
# the generated ledgers in DATA for the next run; 0: delete them).
set -eu

SIZES=${SIZES:-"100000 1000000 4000000"}
REPEAT=${REPEAT:-1}
DATA=${DATA:-bench/data}
PLAIN_SIZES=${PLAIN_SIZES-"100000 1000000"}
PLAIN_TIMEOUT=${PLAIN_TIMEOUT:-600}
NOAUTO_TIMEOUT=${NOAUTO_TIMEOUT:-300}
SLACK=${SLACK:-1.25}
COSTLEDGER=${COSTLEDGER:-./costledger}
SQLITE3=${SQLITE3:-sqlite3}
KEEP=${KEEP:-1}
MONTH=2026-10
GEN=bench/reconcile/month.sql
JOIN=bench/reconcile/plain_join.sql

die() { echo "bench/reconcile.sh: $*" >&2; exit 2; }

[ -f "$GEN" ] && [ -f "$JOIN" ] || die "run from the project root"
[ -x "$COSTLEDGER" ] || die "$COSTLEDGER missing: run make first"
command -v "$SQLITE3" >/dev/null || die "sqlite3 missing (apt-get install sqlite3)"
command -v timeout >/dev/null || die "timeout (coreutils) missing"
[ -x /usr/bin/time ] || die "/usr/bin/time missing: apt-get install time"
"$SQLITE3" :memory: "SELECT count(*) FROM generate_series(1, 3)" >/dev/null 2>&1 ||
	die "this sqlite3 shell has no generate_series (needs 3.38 or the series extension)"

mkdir -p "$DATA"
WORK=$(mktemp -d "$DATA/reconcile-run.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# A ledger made earlier is used again while its tables are this costledger's.
SCHEMA_SQL="SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_schema WHERE type = 'table' ORDER BY name)"
"$COSTLEDGER" --ledger "$WORK/schema.db" init > /dev/null || die "costledger init failed"
schema=$("$SQLITE3" "$WORK/schema.db" "$SCHEMA_SQL")

# ledger N: echoes the path of the generated ledger for N, making it first.
ledger() {
	n=$1
	db=$DATA/reconcile_$n.db
	if [ ! -s "$db" ] || [ "$GEN" -nt "$db" ] ||
	   [ "$("$SQLITE3" "$db" "$SCHEMA_SQL" 2> /dev/null)" != "$schema" ]; then
		rm -f "$db" "$db-wal" "$db-shm" "$db.tmp" "$db.tmp-wal" "$db.tmp-shm"
		t0=$(date +%s.%N)
		"$COSTLEDGER" --ledger "$db.tmp" init > /dev/null || die "costledger init failed"
		idx=$("$SQLITE3" "$db.tmp" "SELECT sql || ';' FROM sqlite_schema WHERE type = 'index'
			AND tbl_name IN ('charges', 'usage') AND sql IS NOT NULL")
		"$SQLITE3" -bail "$db.tmp" ".parameter set @n $n" ".read $GEN" > /dev/null ||
			die "generating $n rows failed"
		"$SQLITE3" -bail "$db.tmp" "PRAGMA cache_size = -400000" "$idx" "PRAGMA journal_mode = WAL" \
			> /dev/null || die "creating the indexes failed"
		mv "$db.tmp" "$db"
		t1=$(date +%s.%N)
		echo "  generated $db: $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s," \
		     "$(du -m "$db" | cut -f1) MB" >&2
	fi
	echo "$db"
}

# timed NAME LIMIT COMMAND...: runs COMMAND under `timeout LIMIT` (0: none)
# and /usr/bin/time; sets secs, cpu, kb and status (124: ran out of time).
timed() {
	name=$1 limit=$2
	shift 2
	status=0
	if [ "$limit" = 0 ]; then
		/usr/bin/time -f '%e %U %S %M' -o "$WORK/time" "$@" > "$WORK/out" 2> "$WORK/err" || status=$?
	else
		/usr/bin/time -f '%e %U %S %M' -o "$WORK/time" timeout "$limit" "$@" \
			> "$WORK/out" 2> "$WORK/err" || status=$?
	fi
	tail -n 1 "$WORK/time" | { read -r s u y k; echo "$s $(awk -v u="$u" -v y="$y" 'BEGIN { print u + y }') $k"; } \
		> "$WORK/time.1"
	read -r secs cpu kb < "$WORK/time.1"
}

echo "bench/reconcile.sh: sizes $SIZES, best of $REPEAT; $(nproc) cpus;" \
     "$("$SQLITE3" --version | cut -d' ' -f1-2); costledger $COSTLEDGER"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (wall times are only comparable on an idle machine; CPU time is the fairer number)"

: > "$WORK/results"
for n in $SIZES; do
	db=$(ledger "$n")
	best="" best_cpu="" peak=0 i=0
	while [ "$i" -lt "$REPEAT" ]; do
		rm -f "$WORK"/run.db*
		cp "$db" "$WORK/run.db"
		timed reconcile 0 "$COSTLEDGER" --ledger "$WORK/run.db" reconcile --month "$MONTH"
		if [ "$status" != 1 ]; then
			cat "$WORK/out" "$WORK/err" >&2
			die "reconcile of $n rows: exit status $status, not 1 (findings)"
		fi
		best=$(awk -v a="$best" -v b="$secs" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }')
		best_cpu=$(awk -v a="$best_cpu" -v b="$cpu" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }')
		[ "$kb" -gt "$peak" ] && peak=$kb
		i=$((i + 1))
	done
	seen=$(sed -n 2p "$WORK/out")
	case $seen in
	"$n charges, $n usage intervals"*) ;;
	*) die "reconcile of $n rows saw: $seen" ;;
	esac
	found=$(sed -n 's/^\([0-9][0-9]*\) findings\{0,1\} above the tolerance$/\1/p' "$WORK/out")
	[ -n "$found" ] && [ "$found" -gt 0 ] || die "reconcile of $n rows: no findings"
	kinds=$(awk 'f && NF > 5 { c[$1]++ } /^kind / { f = 1 } END { for (k in c) printf "%s %d, ", k, c[k] }' \
		"$WORK/out" | sed 's/, $//')
	for k in billed_while_paused duplicate_charge rate_mismatch discount_missing correction \
		 unbilled_usage unexplained_charge; do
		case $kinds in *"$k "*) ;; *) echo "  note: no $k finding at $n rows" ;; esac
	done
	printf '  %8d rows: %8.2f s wall %8.2f s cpu %7.1f MB; %s findings (%s)\n' "$n" "$best" "$best_cpu" \
		"$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" "$found" "$kinds"
	echo "  $(sed -n 2p "$WORK/out")"
	echo "R $n $best $best_cpu $peak $found" >> "$WORK/results"
	rm -f "$WORK"/run.db*
done

first_plain=""
for n in $PLAIN_SIZES; do
	db=$(ledger "$n")
	rm -f "$WORK"/plain.db*
	cp "$db" "$WORK/plain.db"
	drops=$("$SQLITE3" "$WORK/plain.db" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_schema
		WHERE type = 'index' AND tbl_name IN ('charges', 'usage') AND sql IS NOT NULL")
	"$SQLITE3" -bail "$WORK/plain.db" "PRAGMA journal_mode = DELETE" "$drops" > /dev/null
	plan=$("$SQLITE3" "$WORK/plain.db" "EXPLAIN QUERY PLAN $(sed '/^--/d' "$JOIN")" | grep 'u ' | sed 's/^[-|` ]*//')
	timed plain "$PLAIN_TIMEOUT" "$SQLITE3" "$WORK/plain.db" ".read $JOIN"
	if [ "$status" = 124 ]; then
		echo "  plain join, $n rows: > $PLAIN_TIMEOUT s (timed out; $cpu s cpu)   [$plan]"
		echo "P $n - $cpu $PLAIN_TIMEOUT" >> "$WORK/results"
	elif [ "$status" = 0 ]; then
		printf '  plain join, %8d rows: %8.2f s wall %8.2f s cpu; result %s   [%s]\n' "$n" "$secs" "$cpu" \
			"$(cat "$WORK/out")" "$plan"
		echo "P $n $secs $cpu" >> "$WORK/results"
	else
		cat "$WORK/err" >&2
		die "plain join of $n rows: exit status $status"
	fi
	if [ -z "$first_plain" ]; then
		first_plain=$n
		timed noauto "$NOAUTO_TIMEOUT" "$SQLITE3" "$WORK/plain.db" "PRAGMA automatic_index = OFF" ".read $JOIN"
		if [ "$status" = 124 ]; then
			echo "  plain join, automatic_index off, $n rows: > $NOAUTO_TIMEOUT s (timed out; $cpu s cpu)"
			echo "N $n - $cpu $NOAUTO_TIMEOUT" >> "$WORK/results"
		elif [ "$status" = 0 ]; then
			printf '  plain join, automatic_index off, %8d rows: %8.2f s wall %8.2f s cpu; result %s\n' \
				"$n" "$secs" "$cpu" "$(cat "$WORK/out")"
			echo "N $n $secs $cpu" >> "$WORK/results"
		else
			cat "$WORK/err" >&2
			die "plain join (automatic_index off) of $n rows: exit status $status"
		fi
	fi
	rm -f "$WORK"/plain.db*
done

if [ "$KEEP" = 0 ]; then
	for n in $SIZES $PLAIN_SIZES; do rm -f "$DATA/reconcile_$n.db" "$DATA/reconcile_$n.db-wal" "$DATA/reconcile_$n.db-shm"; done
fi

echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v slack="$SLACK" '
	BEGIN { k = 0; np = 0; nn = "" }
	function nlogn(x) { return x * log(x) / log(2) }
	function verdict(r, q) { return r <= slack * q ? "met" : "MISSED" }
	$1 == "R" { n[k] = $2; w[k] = $3; c[k] = $4; m[k] = $5 / 1024; f[k] = $6; k++ }
	$1 == "P" { pw[$2] = $3; pc[$2] = $4; pt[$2] = $5; pn[np++] = $2 }
	$1 == "N" { nw = $3; nc = $4; nt = $5; nn = $2 }
	END {
		if (k == 0) exit
		printf "\n%10s %9s %9s %9s %9s %16s %16s\n", "n", "wall s", "cpu s", "peak MB", "findings",
		       "cpu/nlog2n norm", "wall/nlog2n norm"
		for (i = 0; i < k; i++)
			printf "%10d %9.2f %9.2f %9.1f %9d %16.2f %16.2f\n", n[i], w[i], c[i], m[i], f[i],
			       (c[i] / nlogn(n[i])) / (c[0] / nlogn(n[0])), (w[i] / nlogn(n[i])) / (w[0] / nlogn(n[0]))
		printf "\nrule: grows no worse than n log n when t(n2)/t(n1) <= %.2f x (n2 log2 n2)/(n1 log2 n1), on CPU time\n", slack
		printf "%-22s %10s %10s %10s %10s %8s\n", "sizes", "n ratio", "nlogn", "cpu ratio", "wall ratio", "verdict"
		for (i = 1; i < k; i++) {
			q = nlogn(n[i]) / nlogn(n[i - 1])
			printf "%-22s %10.2f %10.2f %10.2f %10.2f %8s\n", n[i - 1] " -> " n[i], n[i] / n[i - 1], q,
			       c[i] / c[i - 1], w[i] / w[i - 1], verdict(c[i] / c[i - 1], q)
		}
		if (k > 2) {
			q = nlogn(n[k - 1]) / nlogn(n[0])
			printf "%-22s %10.2f %10.2f %10.2f %10.2f %8s\n", n[0] " -> " n[k - 1], n[k - 1] / n[0], q,
			       c[k - 1] / c[0], w[k - 1] / w[0], verdict(c[k - 1] / c[0], q)
		}
		if (np == 0) exit
		printf "\n%-36s %10s %10s %14s %14s\n", "costledger reconcile vs plain join", "plain wall", "plain cpu",
		       "ratio cpu", "ratio wall"
		for (j = 0; j < np; j++) {
			s = pn[j]
			for (i = 0; i < k && n[i] != s; i++) ;
			if (pw[s] == "-") {
				printf "%-36s %10s %10s %14s %14s\n", s " rows", "> " pt[s] " s", "> " pc[s],
				       (i < k && pc[s] > 0 ? sprintf("< %.4f", c[i] / pc[s]) : "-"), (i < k ? sprintf("< %.4f", w[i] / pt[s]) : "-")
			} else {
				printf "%-36s %10.2f %10.2f %14s %14s\n", s " rows", pw[s], pc[s],
				       (i < k && pc[s] > 0 ? sprintf("%.4f", c[i] / pc[s]) : "-"),
				       (i < k && pw[s] > 0 ? sprintf("%.4f", w[i] / pw[s]) : "-")
			}
		}
		if (nn != "") {
			for (i = 0; i < k && n[i] != nn; i++) ;
			if (nw == "-")
				printf "%-36s %10s %10s %14s %14s\n", nn " rows, automatic_index off", "> " nt " s", "> " nc,
				       (i < k && nc > 0 ? sprintf("< %.4f", c[i] / nc) : "-"), (i < k ? sprintf("< %.4f", w[i] / nt) : "-")
			else
				printf "%-36s %10.2f %10.2f %14s %14s\n", nn " rows, automatic_index off", nw, nc,
				       (i < k && nc > 0 ? sprintf("%.4f", c[i] / nc) : "-"), (i < k && nw > 0 ? sprintf("%.4f", w[i] / nw) : "-")
		}
		printf "(ratio: costledger reconcile time / plain join time; below 1 costledger is faster;\n"
		printf " a join that timed out is bounded by the time and the CPU it had used when stopped)\n"
	}' "$WORK/results"
