/* check_util.h: the main() every Check test program shares. */
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

#endif
