/* store_usage.h: writes struct usage_record intervals into the ledger's usage table. */
#ifndef COSTLEDGER_STORE_USAGE_H
#define COSTLEDGER_STORE_USAGE_H

#include <sqlite3.h>

#include "store_charges.h" /* enum store_outcome */
#include "usage.h"

struct usage_store;

/* The intervals are the file import_id of `delivery` (delivery.h). */
int usage_store_open(sqlite3 *db, const struct delivery *delivery, sqlite3_int64 import_id,
		     struct usage_store **store);
void usage_store_close(struct usage_store *store);

/*
 * Inserts one interval unless the ledger already has it (same row key and
 * occurrence from an earlier delivery, as for charges). Returns SQLITE_OK and *outcome, or an SQLite
 * error code.
 */
int usage_store_add(struct usage_store *store, sqlite3_int64 import_id, const char *source_file,
		    const struct usage_record *record, enum store_outcome *outcome);

#endif
