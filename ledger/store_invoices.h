/* store_invoices.h: writes invoice totals (invoices) into the ledger. */
#ifndef COSTLEDGER_STORE_INVOICES_H
#define COSTLEDGER_STORE_INVOICES_H

#include <sqlite3.h>

#include "import_error.h"
#include "invoices.h"
#include "store_charges.h" /* enum store_outcome */

struct invoice_store;

int invoice_store_open(sqlite3 *db, struct invoice_store **store);
void invoice_store_close(struct invoice_store *store);

/*
 * One row per (provider, billing account, invoice id). The same invoice
 * (period, amount, currency) from an earlier import is a duplicate; another
 * total for it, or the same invoice twice in one import, is refused: -1
 * with *error naming both lines (an issued invoice is not restated: a
 * correction is another invoice). SQLite errors: the code (> 0).
 */
int invoice_store_add(struct invoice_store *store, sqlite3_int64 import_id, const char *file,
		      const struct invoice *invoice, enum store_outcome *outcome,
		      struct import_error *error);

#endif
