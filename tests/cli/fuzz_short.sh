#!/bin/sh
# tests/cli/fuzz_short.sh: the short fuzz pass of CI: each libFuzzer harness of
# tests/fuzz/ for FUZZ_SECONDS (default 20) seconds under ASan+UBSan. Runs only
# in the sanitized pass of `make check`; needs clang:
# runs in: sanitized
. "$TESTS/cli/lib.sh"
need clang clang
cd "$top" || exit 1
# The harnesses carry their own sanitizer runtime: no preload, no options
# inherited from the sanitized test run.
unset LD_PRELOAD ASAN_OPTIONS UBSAN_OPTIONS
log="$work/fuzz.log"
make --no-print-directory -f tests/fuzz/Makefile FUZZ_SECONDS="${FUZZ_SECONDS:-20}" run >"$log" 2>&1
status=$?
grep -v '^clang ' "$log"
exit "$status"
