#!/bin/sh
# bench/run.sh: runs every benchmark bench/*.sh (but itself), one after the
# other, from the project root; `make bench` calls it after building.
#   sh bench/run.sh              all of them
#   sh bench/run.sh functions    only those whose name contains "functions"
# The benchmarks: bench/functions.sh (SQL functions against plain SQL),
# bench/import.sh (import against sqlite3 .import and Python), bench/reconcile.sh
# (reconcile at 100k, 1M and 4M rows against one plain SQL join; ~10 minutes).
# Each prints its own figures; a benchmark that fails to run is reported at the
# end, and the exit status is 1 when any did.
set -u
cd "$(dirname "$0")/.." || exit 2
filter=${1:-}
failed=""
ran=0
for bench in bench/*.sh; do
	[ -f "$bench" ] || continue
	[ "$bench" = bench/run.sh ] && continue
	case "$bench" in *"$filter"*) ;; *) continue ;; esac
	echo "=== $bench ($(date '+%Y-%m-%d %H:%M:%S'))"
	if sh "$bench"; then
		:
	else
		echo "=== $bench: exit status $?"
		failed="$failed $bench"
	fi
	ran=$((ran + 1))
	echo
done
if [ -n "$failed" ]; then
	echo "bench/run.sh: $ran run, failed:$failed"
	exit 1
fi
echo "bench/run.sh: $ran run"
