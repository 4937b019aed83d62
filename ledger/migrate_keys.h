/*
 * migrate_keys.h: schema step 9 -> 10 recomputes the row keys of charges and
 * charge_history from their stored columns with charge_row_key()
 * (import/charge_key.c), the one rule an import uses, so that a ledger
 * written before the keys came from the typed record recognises an
 * unchanged line of its next delivery as unchanged.
 */
#ifndef COSTLEDGER_MIGRATE_KEYS_H
#define COSTLEDGER_MIGRATE_KEYS_H

#include <sqlite3.h>

/*
 * Inside the step's transaction. Occurrences are numbered again per new
 * key, in import and line order: twin lines of one file stay 0, 1, ...
 * (as an import numbers them); a line an older version stored twice from
 * two deliveries gets the next number, so the next statement that repeats
 * it once keeps one and moves the other to history. SQLite's code.
 */
int migrate_charge_keys(sqlite3 *db);

#endif
