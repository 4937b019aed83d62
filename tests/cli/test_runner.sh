#!/bin/sh
# tests/cli/test_runner.sh: tests/run.sh on a made-up tests/ folder: a test
# that exits 77 is counted as skipped with its reason; need TOOL PACKAGE
# skips when TOOL is missing, but fails under CI=true when PACKAGE is one
# `make deps` installs (DEB_PACKAGES), and still skips for one it does not;
# '# runs in:' keeps a test out of the other passes; JOBS=2 gives the same
# results in the same order; the closing line counts all three.
. "$TESTS/cli/lib.sh"
fake=tests/cli # the made-up folder, as run.sh names its tests
mkdir -p fake/tests/cli
cp "$TESTS/cli/lib.sh" fake/tests/cli/
printf '#!/bin/sh\n. "$TESTS/cli/lib.sh"\necho fine\n' > fake/tests/cli/a_pass.sh
printf '#!/bin/sh\n. "$TESTS/cli/lib.sh"\nneed no-such-tool-1 valgrind\necho ran anyway\n' > fake/tests/cli/b_deps_tool.sh
printf '#!/bin/sh\n. "$TESTS/cli/lib.sh"\nneed no-such-tool-2 chromium\n' > fake/tests/cli/c_optional_tool.sh
printf '#!/bin/sh\n# runs in: sanitized\n. "$TESTS/cli/lib.sh"\nfail "not in this pass"\n' > fake/tests/cli/d_sanitized.sh
printf '#!/bin/sh\n. "$TESTS/cli/lib.sh"\nfail "broken"\n' > fake/tests/cli/e_fail.sh
runner() { # runner ENV...: tests/run.sh in fake/, its output in run.txt, its status echoed
	(cd fake && env -u CI -u FAST -u SAN -u RESULT -u JOBS "$@" DEB_PACKAGES="sqlite3 valgrind clang" sh "$top/tests/run.sh") > run.txt 2>&1
	echo $?
}
expect "plain: exit" "$(runner)" 1
grep -qxF "SKIP: $fake/b_deps_tool.sh (no-such-tool-1 is not installed; apt-get install -y valgrind)" run.txt ||
	fail "skip line: $(cat run.txt)"
grep -qxF "SKIP: $fake/c_optional_tool.sh (no-such-tool-2 is not installed; apt-get install -y chromium)" run.txt ||
	fail "optional skip line: $(cat run.txt)"
grep -q 'ran anyway' run.txt && fail "a skipped test went on"
grep -qxF 'not in the plain pass: d_sanitized.sh' run.txt || fail "pass filter: $(cat run.txt)"
expect "plain: closing line" "$(tail -1 run.txt)" "1 passed, 1 failed, 2 skipped"
cp run.txt serial.txt
expect "JOBS=2: exit" "$(runner JOBS=2)" 1
cmp -s serial.txt run.txt || { diff serial.txt run.txt; fail "JOBS=2 differs"; }
expect "CI=true: exit" "$(runner CI=true)" 1
grep -q 'FAIL: b_deps_tool: no-such-tool-1 is missing under CI=true, yet make deps installs it (package valgrind)' run.txt ||
	fail "CI=true: $(cat run.txt)"
expect "CI=true: closing line" "$(tail -1 run.txt)" "1 passed, 2 failed, 1 skipped"
rm fake/tests/cli/e_fail.sh
expect "all good: exit" "$(runner)" 0
expect "all good: closing line" "$(tail -1 run.txt)" "1 passed, 0 failed, 2 skipped"
echo "test_runner: ok"
