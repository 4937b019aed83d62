#!/bin/sh
# tests/cli/fuzz_short.sh: the short fuzz pass of CI: each libFuzzer harness of
# tests/fuzz/ for FUZZ_SECONDS (default 20) seconds under ASan+UBSan. Runs only
# in the sanitized pass (SAN=1); needs clang.
set -u
: "${TESTS:?}"
if [ "${SAN:-}" != 1 ]; then
	echo "note: the short fuzz pass runs in the sanitized pass only (SAN=1); skipped"
	exit 0
fi
if ! command -v clang >/dev/null; then
	echo "FAIL: the fuzz pass needs clang: apt-get install -y clang (or make deps as root)"
	exit 1
fi
top=$(dirname "$TESTS")
cd "$top" || exit 1
# The harnesses carry their own sanitizer runtime: no preload, no options
# inherited from the sanitized test run.
unset LD_PRELOAD ASAN_OPTIONS UBSAN_OPTIONS
log=$(mktemp)
trap 'rm -f "$log"' EXIT
make --no-print-directory -f tests/fuzz/Makefile FUZZ_SECONDS="${FUZZ_SECONDS:-20}" run >"$log" 2>&1
status=$?
grep -v '^clang ' "$log"
exit "$status"
