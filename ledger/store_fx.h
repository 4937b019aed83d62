/* store_fx.h: writes dated exchange rates (fx_rates) into the ledger. */
#ifndef COSTLEDGER_STORE_FX_H
#define COSTLEDGER_STORE_FX_H

#include <sqlite3.h>

#include "fx_rates.h"
#include "import_error.h"
#include "store_charges.h" /* enum store_outcome */

struct fx_store;

int fx_store_open(sqlite3 *db, struct fx_store **store);
void fx_store_close(struct fx_store *store);

/*
 * One rate per (date, from, to). The same rate (by value: 1.085 is 1.0850)
 * from an earlier import is a duplicate; another rate for it, or the same
 * key twice in one import, is refused: -1 with *error naming both lines. A
 * stored rate is never replaced. SQLite errors: the code (> 0).
 */
int fx_store_add(struct fx_store *store, sqlite3_int64 import_id, const char *file,
		 const struct fx_rate *rate, enum store_outcome *outcome, struct import_error *error);

#endif
