/* store_hardware.h: writes hardware CSV rows into the ledger's hardware table. */
#ifndef COSTLEDGER_STORE_HARDWARE_H
#define COSTLEDGER_STORE_HARDWARE_H

#include <sqlite3.h>

#include "hardware.h"
#include "import_error.h"
#include "store_charges.h" /* enum store_outcome */

struct hardware_store;

int hardware_store_open(sqlite3 *db, struct hardware_store **store);
void hardware_store_close(struct hardware_store *store);

/*
 * A machine is (machine, purchase_date): a row from a later import replaces
 * the stored one (a corrected cost or wattage), the same values again are a
 * duplicate, the same machine twice in one import is refused (-1, *error
 * naming both lines). SQLite errors: the code (> 0).
 */
int hardware_store_add(struct hardware_store *store, sqlite3_int64 import_id, const char *file,
		       const struct hardware *hw, enum store_outcome *outcome,
		       struct import_error *error);

#endif
