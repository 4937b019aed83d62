/*
 * summary_csv.h: the month's summary as CSV, the one writer of
 * `costledger report --format csv` and `costledger export --what summary`.
 */
#ifndef COSTLEDGER_SUMMARY_CSV_H
#define COSTLEDGER_SUMMARY_CSV_H

#include "report.h"

#include <stdio.h>

/*
 * r's rows and a total row per currency, the money columns rounded half-even
 * to decimals so that, per currency, the rows add up exactly to the total
 * (csv_table.h); gpu_hours and budget_use as the report has them, budget
 * cells empty without a budget. Returns 0, -1 when out of memory or when the
 * amounts do not fit.
 */
int summary_csv_write(const struct report *r, FILE *out, int decimals, const char *eol);

#endif
