/* store_rates.h: writes rate card lines and budgets into the ledger. */
#ifndef COSTLEDGER_STORE_RATES_H
#define COSTLEDGER_STORE_RATES_H

#include <sqlite3.h>

#include "import_error.h"
#include "rates.h"
#include "store_charges.h" /* enum store_outcome */

struct rate_store;

int rate_store_open(sqlite3 *db, struct rate_store **store);
void rate_store_close(struct rate_store *store);

/*
 * A rate whose validity overlaps another of the same (provider, sku, region,
 * pricing_category) is refused: -1 with *error naming both lines. The same
 * rate from an earlier import is a duplicate. SQLite errors: the code (> 0).
 */
int rate_store_add(struct rate_store *store, sqlite3_int64 import_id, const char *file,
		   const struct rate *rate, enum store_outcome *outcome, struct import_error *error);

/*
 * A budget replaces an earlier import's budget for the same (project,
 * period); the same budget twice in one import is refused (-1).
 */
int budget_store_add(struct rate_store *store, sqlite3_int64 import_id, const char *file,
		     const struct budget *budget, enum store_outcome *outcome,
		     struct import_error *error);

#endif
