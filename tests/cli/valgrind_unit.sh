#!/bin/sh
# tests/cli/valgrind_unit.sh: every unit test program (build/tests/check_*)
# once under valgrind, in one process (CK_FORK=no), failing on any memory
# error or leak. Only in the plain pass (valgrind and ASan do not mix).
set -u
: "${TESTS:?}"
if [ "${SAN:-}" = 1 ]; then
	echo "note: valgrind runs in the plain pass only; skipped under SAN=1"
	exit 0
fi
if ! command -v valgrind >/dev/null; then
	echo "note: valgrind is not installed (apt-get install -y valgrind); skipped"
	exit 0
fi
top=$(dirname "$TESTS")
obj=${OBJ:-build}
case "$obj" in /*) ;; *) obj="$top/$obj" ;; esac
found=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for unit in "$obj"/tests/check_*; do
	[ -x "$unit" ] || continue
	found=$((found + 1))
	if CK_FORK=no valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=1 \
		"$unit" >"$log" 2>&1; then
		echo "ok: valgrind $(basename "$unit")"
	else
		tail -40 "$log"
		echo "FAIL: valgrind $(basename "$unit")"
		failed=$((failed + 1))
	fi
done
if [ "$found" = 0 ]; then
	echo "FAIL: no unit test programs in $obj/tests (build them with make test-all)"
	exit 1
fi
echo "valgrind: $found unit test programs, $failed failed"
[ "$failed" = 0 ]
