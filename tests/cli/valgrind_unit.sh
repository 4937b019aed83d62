#!/bin/sh
# tests/cli/valgrind_unit.sh: every unit test program (build/tests/check_*)
# once under valgrind, in one process (CK_FORK=no), failing on any memory
# error or leak. Valgrind and ASan do not mix, and it takes minutes:
# runs in: plain
. "$TESTS/cli/lib.sh"
need valgrind valgrind
obj=${OBJ:-build}
case "$obj" in /*) ;; *) obj="$top/$obj" ;; esac
found=0
failed=0
log="$work/valgrind.log"
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
	fail "no unit test programs in $obj/tests (build them with make check)"
fi
echo "valgrind: $found unit test programs, $failed failed"
[ "$failed" = 0 ]
