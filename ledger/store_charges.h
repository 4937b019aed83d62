/* store_charges.h: writes struct charge rows into the ledger's charges table. */
#ifndef COSTLEDGER_STORE_CHARGES_H
#define COSTLEDGER_STORE_CHARGES_H

#include <sqlite3.h>

#include "charge.h"
#include "store_dedup.h" /* enum store_outcome */

struct charge_store;

/* Prepares the statements; tag_key names the tag that gives a charge its project. */
int charge_store_open(sqlite3 *db, const char *tag_key, struct charge_store **store);
void charge_store_close(struct charge_store *store);

/*
 * Inserts one charge unless the ledger already has it (same row key and
 * occurrence from an earlier import). Returns SQLITE_OK and *outcome, or an
 * SQLite error code (the message is sqlite3_errmsg(db)).
 */
int charge_store_add(struct charge_store *store, sqlite3_int64 import_id, const char *source_file,
		     const struct charge *charge, enum store_outcome *outcome);

#endif
