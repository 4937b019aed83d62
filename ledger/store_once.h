/*
 * store_once.h: a table whose rows are added once and never replaced
 * (fx_rates: store_fx.c, invoices: store_invoices.c): a statement that finds
 * the stored row of a key, one that inserts a new row, and the step that
 * runs them.
 */
#ifndef COSTLEDGER_STORE_ONCE_H
#define COSTLEDGER_STORE_ONCE_H

#include <sqlite3.h>

#include "import_error.h"
#include "store_dedup.h" /* enum store_outcome */

struct store_once {
	sqlite3_stmt *find, *insert;
};

/* Prepares find_sql and insert_sql; SQLite's code (nothing left prepared on error). */
int store_once_open(sqlite3 *db, const char *find_sql, const char *insert_sql, struct store_once *s);
void store_once_close(struct store_once *s);

/*
 * Whether the stored row (the find statement on it) holds what record
 * would: 0 when it does, else -1 with *error naming both lines (also for a
 * key stored by this import, import_id).
 */
typedef int store_once_compare(sqlite3_stmt *stored, sqlite3_int64 import_id, const char *file,
			       const void *record, struct import_error *error);

/*
 * With record's key bound to find and its row to insert: a stored row that
 * compare finds equal is STORE_DUPLICATE, none is inserted (STORE_INSERTED).
 * Returns 0, -1 when compare refused the record, or SQLite's code (> 0).
 */
int store_once_add(struct store_once *s, store_once_compare *compare, sqlite3_int64 import_id,
		   const char *file, const void *record, enum store_outcome *outcome,
		   struct import_error *error);

#endif
