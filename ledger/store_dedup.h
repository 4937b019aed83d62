/*
 * store_dedup.h: the de-duplication rule every imported table shares.
 *
 * A row is keyed by (row_key, occurrence), where occurrence counts the
 * earlier rows of the same file with the same key: genuine twin rows in one
 * file both survive, while a file delivered again adds nothing.
 */
#ifndef COSTLEDGER_STORE_DEDUP_H
#define COSTLEDGER_STORE_DEDUP_H

#include <sqlite3.h>

enum store_outcome { STORE_INSERTED, STORE_DUPLICATE };

struct dedup {
	sqlite3 *db;
	sqlite3_stmt *count_inserted, *count_skipped, *note_skipped;
};

/*
 * Prepares the counting statements for `table` (which has row_key,
 * occurrence and import_id columns) and empties its temp table of skipped
 * keys: import ids are reused when a file adds nothing.
 */
int dedup_open(struct dedup *d, sqlite3 *db, const char *table);
void dedup_close(struct dedup *d);

/*
 * Steps `insert`, an INSERT ... ON CONFLICT (row_key, occurrence) DO NOTHING
 * whose parameter 5 is the occurrence and whose other parameters are bound.
 * The fast path inserts with occurrence 0, right for every key not seen yet;
 * only on a conflict are this file's earlier rows with the key counted
 * (inserted ones in the table, skipped ones in a temp table).
 */
int dedup_insert(struct dedup *d, sqlite3_stmt *insert, const unsigned char key[16],
		 sqlite3_int64 import_id, enum store_outcome *outcome);

#endif
