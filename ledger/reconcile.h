/*
 * reconcile.h: the monthly reconciliation of charges against usage and the
 * rate card (docs/reconcile.md). A run is computed inside one write
 * transaction and stored whole in `reconciliations`, `reconciliation_totals`,
 * `findings` and `reconciliation_parts`; printing always reads the stored
 * run back, so `reconcile --show ID` prints exactly what the run printed.
 */
#ifndef COSTLEDGER_RECONCILE_H
#define COSTLEDGER_RECONCILE_H

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>

#include "reconcile_store.h"

/* Checks "YYYY-MM" and fills the month's bounds as "YYYY-MM-01T00:00:00Z"
 * texts (32-byte buffers); returns 0, or -1 when month is not a month. */
int reconcile_month_bounds(const char *month, char *start, char *end);

/*
 * Reconciles month ("YYYY-MM") for provider (NULL: all) and stores the run;
 * findings whose |difference| is not above their currency's tolerance are
 * not kept as findings. The caller holds the write transaction. Returns
 * SQLITE_OK and *run_id, or an error code with err saying what failed.
 */
int reconcile_run(sqlite3 *db, const char *month, const char *provider,
		  const struct tolerance *tolerance, sqlite3_int64 *run_id, char *err,
		  size_t err_size);

/* Prints a stored run: its header line, totals per currency and the table
 * of findings. Returns the number of findings, or -1 when there is no such
 * run. */
long reconcile_print(sqlite3 *db, sqlite3_int64 run_id, FILE *out);

/* Money as text with 2 decimals, or as many as it takes (up to 9) to be exact. */
void reconcile_money_text(int64_t nanos, char *buf, size_t size);

#endif
