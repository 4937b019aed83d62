#!/bin/sh
# tests/run.sh: runs the project's tests and prints one closing line
# "N passed, N failed, N skipped". Called by `make test` (FAST=1: the quick
# loop) and `make check` (once plain, once sanitized with SAN=1), with the
# unit test programs as arguments; OUT names the folder holding
# costledger.so and the costledger CLI.
#   unit tests:   tests/unit/check_*.c (Check), one program each
#   SQL tests:    tests/sql/*.sql through the sqlite3 shell after .load;
#                 every output line must end in 1
#   CLI tests:    tests/cli/*.sh (preamble tests/cli/lib.sh): exit 0 passed,
#                 exit 77 skipped (last line "SKIP: reason"), else failed
#   Python tests: tests/python/*.py with /usr/bin/python3
# A CLI test that belongs to some passes only says so in a line of its own:
#   # runs in: plain        the plain pass of `make check` (valgrind)
#   # runs in: sanitized    the sanitized pass of `make check` (fuzzing)
#   # runs in: plain, fast  both plain passes, `make check`'s and `make test`
# Such a test is not run, nor counted, in the other passes.
# JOBS=N runs N tests at a time (default 1).
# CI=true: a tool `make deps` installs (DEB_PACKAGES) that is missing fails
# the test instead of skipping it.
# TIMES=FILE: each test's wall, user and system seconds (with its children)
# go to FILE, most CPU first (needs /usr/bin/time): `make test TIMES=FILE`.
set -u
OUT=${OUT:-.}
SAN=${SAN:-}
FAST=${FAST:-}
passed=0
failed=0
skipped=0
failures=""
top=$(pwd)
export COSTLEDGER="$top/$OUT/costledger" COSTLEDGER_SO="$top/$OUT/costledger.so" TESTS="$top/tests"
export SAN FAST DEB_PACKAGES="${DEB_PACKAGES:-}" CI="${CI:-}"
if [ "$SAN" = 1 ]; then pass_name=sanitized; elif [ "$FAST" = 1 ]; then pass_name=fast; else pass_name=plain; fi
# The sqlite3 shell and python are not built with ASan: preload its runtime
# so they can load the sanitized extension.
PRELOAD=""
if [ "$SAN" = 1 ]; then
	PRELOAD="$(cc -print-file-name=libasan.so) $(cc -print-file-name=libubsan.so)"
	export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
	export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
fi
export SQLITE_PRELOAD="$PRELOAD"

# timed ID COMMAND...: runs COMMAND; with TIMES set, its times to $results/ID.time.
timed() {
	time_file=$results/$1.time
	shift
	if [ -n "${TIMES:-}" ] && [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%e %U %S' -o "$time_file" "$@"
	else
		"$@"
	fi
}
results=$(mktemp -d "${TMPDIR:-/tmp}/costledger-run.XXXXXX")
trap 'rm -rf "$results"' EXIT

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); failures="$failures $1"; echo "FAIL: $1"; }

# Every test is a job "KIND ID PATH", in the order they are printed: unit,
# sql, cli, py. The CLI tests not in this pass are left out here.
jobs="$results/jobs"
: > "$jobs"
add_job() { # add_job KIND PATH
	name=${2##*/}
	echo "$1 $1-${name%.*} $2" >> "$jobs"
}
for unit in "$@"; do
	add_job unit "$unit"
done
for sql in tests/sql/*.sql; do
	[ -f "$sql" ] && add_job sql "$sql"
done
not_here=""
for script in tests/cli/*.sh; do
	[ -f "$script" ] || continue
	[ "$script" = tests/cli/lib.sh ] && continue
	only=$(sed -n 's/^# runs in: *//p' "$script" | head -1 | tr ',' ' ')
	case " $only " in
	"  "|*" $pass_name "*) add_job cli "$script" ;;
	*) not_here="$not_here $(basename "$script")" ;;
	esac
done
for py in tests/python/*.py; do
	[ -f "$py" ] && add_job py "$py"
done

# run_job KIND PATH ID: the test, its output to ID.log, its exit status to ID.rc.
run_job() {
	case $1 in
	unit)
		if [ "$SAN" = 1 ]; then
			# Leak checks need the whole program in one process.
			CK_FORK=no ASAN_OPTIONS=detect_leaks=1 timed "$3" "$2"
		else
			timed "$3" "$2"
		fi ;;
	sql)
		# Every line the script prints must end in 1; ID.sql has them all.
		(cd tests/sql && timed "$3" env LD_PRELOAD="$PRELOAD" sqlite3 -bail :memory: \
			".load $top/$OUT/costledger.so" ".read $(basename "$2")") > "$results/$3.sql" 2>&1
		bad=$(grep -v '|1$' "$results/$3.sql" | grep -v '^$')
		if [ -n "$bad" ] || [ ! -s "$results/$3.sql" ]; then
			printf '%s\n' "$bad" | head -20
			return 1
		fi
		echo "ok: $2 ($(grep -c '|1$' "$results/$3.sql") checks)" ;;
	cli)
		LD_PRELOAD="" timed "$3" sh "$2" ;;
	py)
		timed "$3" env LD_PRELOAD="$PRELOAD" /usr/bin/python3 "$2" "$top/$OUT/costledger.so" &&
			echo "ok: $2" ;;
	esac
}
# JOBS lanes (make test: 2) run at once; each takes the next job no lane
# has claimed yet, and says on fd 3 (a FIFO) when it has done one. The
# results are printed in the jobs' order, each as soon as it and those
# before it are in.
mkfifo "$results/ready" || exit 2
exec 3<>"$results/ready"
lane() {
	while read -r kind id path; do
		mkdir "$results/$id.claim" 2>/dev/null || continue
		run_job "$kind" "$path" "$id" > "$results/$id.log" 2>&1 3>&-
		echo $? > "$results/$id.rc"
		echo "$id" >&3
	done < "$jobs"
}
lanes=${JOBS:-1}
j=0
while [ "$j" -lt "$lanes" ]; do
	# "lane done" however the lane ends, so the printer never waits forever
	{ (lane); echo "lane done" >&3; } &
	j=$((j + 1))
done
lanes_done=0
while read -r kind id path; do
	while [ ! -f "$results/$id.rc" ] && [ "$lanes_done" -lt "$lanes" ]; do
		read -r news <&3 || break
		[ "$news" = "lane done" ] && lanes_done=$((lanes_done + 1))
	done
	rc=$(cat "$results/$id.rc" 2>/dev/null || echo "no result")
	case $kind:$rc in
	cli:0) echo "ok: $path"; pass ;;
	cli:77) reason=$(sed -n 's/^SKIP: *//p' "$results/$id.log" | tail -1)
	    echo "SKIP: $path (${reason:-no reason given})"
	    skipped=$((skipped + 1)) ;;
	cli:*) tail -30 "$results/$id.log"; fail "$path" ;;
	*:0) cat "$results/$id.log"; pass ;;
	*) cat "$results/$id.log" 2>/dev/null; fail "$path" ;;
	esac
done < "$jobs"
wait
exec 3>&-

if [ -n "${TIMES:-}" ]; then
	for t in "$results"/*.time; do
		[ -f "$t" ] || continue
		id=$(basename "$t" .time)
		tail -1 "$t" | awk -v id="$id" '{ printf "%7.2f %7.2f %7.2f %7.2f  %s\n", $1 + 0, $2 + $3, $2 + 0, $3 + 0, id }'
	done | sort -k2,2nr | { echo "   wall     cpu    user     sys  test"; cat; } > "$TIMES"
fi
[ -n "$not_here" ] && echo "not in the $pass_name pass:$not_here"
echo "${SAN:+sanitized: }$passed passed, $failed failed, $skipped skipped"
[ -n "${RESULT:-}" ] && echo "$passed $failed $skipped" > "$RESULT"
[ "$failed" = 0 ]
