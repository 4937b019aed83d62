#!/bin/sh
# tests/run.sh: runs every test of the project and prints one closing line
# "N passed, N failed". Called by `make check` (once plain, once sanitized)
# with the unit test programs as arguments; OUT names the folder holding
# costledger.so and the costledger CLI, SAN=1 a sanitized build.
#   unit tests:   tests/unit/check_*.c (Check), one program each
#   SQL tests:    tests/sql/*.sql through the sqlite3 shell after .load;
#                 every output line must end in 1
#   CLI tests:    tests/cli/*.sh, each exits 0 on success
#   Python tests: tests/python/*.py with /usr/bin/python3
set -u
OUT=${OUT:-.}
SAN=${SAN:-}
passed=0
failed=0
failures=""
top=$(pwd)
export COSTLEDGER="$top/$OUT/costledger" COSTLEDGER_SO="$top/$OUT/costledger.so" TESTS="$top/tests"
# The sqlite3 shell and python are not built with ASan: preload its runtime
# so they can load the sanitized extension.
PRELOAD=""
if [ "$SAN" = 1 ]; then
	PRELOAD="$(cc -print-file-name=libasan.so) $(cc -print-file-name=libubsan.so)"
	export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
	export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
fi

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

for script in tests/cli/*.sh; do
	[ -f "$script" ] || continue
	if LD_PRELOAD="" sh "$script" >"/tmp/costledger-test.$$" 2>&1; then
		echo "ok: $script"
		pass
	else
		tail -30 "/tmp/costledger-test.$$"
		fail "$script"
	fi
	rm -f "/tmp/costledger-test.$$"
done

for py in tests/python/*.py; do
	[ -f "$py" ] || continue
	if LD_PRELOAD="$PRELOAD" /usr/bin/python3 "$py" "$top/$OUT/costledger.so"; then
		echo "ok: $py"
		pass
	else
		fail "$py"
	fi
done

echo "${SAN:+sanitized: }$passed passed, $failed failed"
[ -n "${RESULT:-}" ] && echo "$passed $failed" > "$RESULT"
[ "$failed" = 0 ]
