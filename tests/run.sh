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
# JOBS=N runs the CLI tests N at a time (default 1).
# CI=true: a tool `make deps` installs (DEB_PACKAGES) that is missing fails
# the test instead of skipping it.
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

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); failures="$failures $1"; echo "FAIL: $1"; }

for unit in "$@"; do
	if [ "$SAN" = 1 ]; then
		# Leak checks need the whole program in one process.
		CK_FORK=no ASAN_OPTIONS=detect_leaks=1 "$unit" || { fail "$unit"; continue; }
	else
		"$unit" || { fail "$unit"; continue; }
	fi
	pass
done

for sql in tests/sql/*.sql; do
	[ -f "$sql" ] || continue
	result=$(cd tests/sql && LD_PRELOAD="$PRELOAD" sqlite3 -bail :memory: ".load $top/$OUT/costledger.so" ".read $(basename "$sql")" 2>&1)
	bad=$(printf '%s\n' "$result" | grep -v '|1$' | grep -v '^$' || true)
	if [ -n "$bad" ] || [ -z "$result" ]; then
		printf '%s\n' "$bad" | head -20
		fail "$sql"
	else
		echo "ok: $sql ($(printf '%s\n' "$result" | grep -c '|1$') checks)"
		pass
	fi
done

# The CLI tests run in JOBS lanes at once (make test: 2); each lane takes
# the next script no lane has claimed yet, and the results are printed in
# the scripts' order.
results=$(mktemp -d "${TMPDIR:-/tmp}/costledger-run.XXXXXX")
trap 'rm -rf "$results"' EXIT
not_here=""
scripts=""
for script in tests/cli/*.sh; do
	[ -f "$script" ] || continue
	[ "$script" = tests/cli/lib.sh ] && continue
	only=$(sed -n 's/^# runs in: *//p' "$script" | head -1 | tr ',' ' ')
	case " $only " in
	"  "|*" $pass_name "*) scripts="$scripts $script" ;;
	*) not_here="$not_here $(basename "$script")" ;;
	esac
done
lane() {
	for script in $scripts; do
		name=$(basename "$script" .sh)
		mkdir "$results/$name.claim" 2>/dev/null || continue
		LD_PRELOAD="" sh "$script" >"$results/$name.log" 2>&1
		echo $? > "$results/$name.rc"
	done
}
lanes=""
j=0
while [ "$j" -lt "${JOBS:-1}" ]; do
	lane &
	lanes="$lanes $!"
	j=$((j + 1))
done
# Each result as soon as it is there, in order.
for script in $scripts; do
	name=$(basename "$script" .sh)
	while [ ! -f "$results/$name.rc" ]; do
		alive=""
		for pid in $lanes; do
			kill -0 "$pid" 2>/dev/null && alive=1
		done
		[ -n "$alive" ] || break
		sleep 0.2
	done
	rc=$(cat "$results/$name.rc" 2>/dev/null || echo "no result")
	case $rc in
	0) echo "ok: $script"; pass ;;
	77) reason=$(sed -n 's/^SKIP: *//p' "$results/$name.log" | tail -1)
	    echo "SKIP: $script (${reason:-no reason given})"
	    skipped=$((skipped + 1)) ;;
	*) tail -30 "$results/$name.log"; fail "$script" ;;
	esac
done
wait

for py in tests/python/*.py; do
	[ -f "$py" ] || continue
	if LD_PRELOAD="$PRELOAD" /usr/bin/python3 "$py" "$top/$OUT/costledger.so"; then
		echo "ok: $py"
		pass
	else
		fail "$py"
	fi
done

[ -n "$not_here" ] && echo "not in the $pass_name pass:$not_here"
echo "${SAN:+sanitized: }$passed passed, $failed failed, $skipped skipped"
[ -n "${RESULT:-}" ] && echo "$passed $failed $skipped" > "$RESULT"
[ "$failed" = 0 ]
