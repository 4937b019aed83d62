/* check_util.h: the main() every Check test program shares, and an
 * assertion for hot loops. */
#ifndef COSTLEDGER_CHECK_UTIL_H
#define COSTLEDGER_CHECK_UTIL_H

#include <check.h>
#include <stdlib.h>

/* Runs one suite; CK_FORK, CK_RUN_SUITE and CK_RUN_CASE work as usual. */
#define CHECK_MAIN(make_suite)                                          \
	int main(void)                                                  \
	{                                                               \
		SRunner *runner = srunner_create(make_suite());         \
		int failed;                                             \
		srunner_run_all(runner, CK_NORMAL);                     \
		failed = srunner_ntests_failed(runner);                 \
		srunner_free(runner);                                   \
		return failed ? EXIT_FAILURE : EXIT_SUCCESS;            \
	}

/* ck_assert_msg for an assertion run for every row or every random case:
 * Check's ck_assert_* record each assertion that holds (a write to the
 * runner, about 2 us of system time); this one costs nothing until it
 * fails, and then fails the test the same way. FORMAT must be a literal. */
#define ck_assert_hot(expr, ...) \
	do { \
		if (!(expr)) \
			ck_abort_msg("Assertion '" #expr "' failed: " __VA_ARGS__); \
	} while (0)

#endif
