/* plan_output.h: the rows of `costledger plan` as a table, CSV or JSON. */
#ifndef COSTLEDGER_PLAN_OUTPUT_H
#define COSTLEDGER_PLAN_OUTPUT_H

#include <sqlite3.h>
#include <stdio.h>

#include "plan_ledger.h"

struct plan_args {
	double gpu_hours, params, tokens, peak_flops, mfu, checkpoint_min, restart_min, mtbf;
	int gpus;
	char at[32], gpu_hours_source[200];
	const char *format;
};

/*
 * Writes the entries (sorted) into TEMP tables plan_rows and
 * plan_break_even, with the saving against the cheapest on-demand option of
 * the same currency and, for own machines, the break-even against each
 * cloud option. Returns SQLite's code.
 */
int plan_store_rows(sqlite3 *db, const struct plan_entries *e);

/* Prints plan_rows in a->format. Returns SQLite's code. */
int plan_print(sqlite3 *db, const struct plan_args *a, FILE *out);

#endif
