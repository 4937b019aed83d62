/*
 * store_dedup.h: the de-duplication rule every imported table shares.
 *
 * A row is keyed by (row_key, occurrence), where row_key is its content
 * (charge_row_key, usage_record_key) and occurrence counts the earlier rows
 * of the same file with the same key: genuine twin rows in one file both
 * survive, while content delivered again (also twice in one command: a
 * bill given as .csv and as .csv.gz) adds nothing. A row that matches a row
 * of an earlier file is "kept": that row stays, and temp.TABLE_kept lists it
 * for the whole delivery, so that a statement can tell the earlier rows it
 * did not repeat (delivery.h).
 */
#ifndef COSTLEDGER_STORE_DEDUP_H
#define COSTLEDGER_STORE_DEDUP_H

#include <sqlite3.h>

enum store_outcome { STORE_INSERTED, STORE_DUPLICATE };

struct dedup {
	sqlite3 *db;
	sqlite3_int64 import_id;            /* the file's import */
	sqlite3_stmt *owner, *next_get, *next_set, *note_kept;
};

/*
 * Creates (once per connection) and empties the temp tables of a delivery
 * for `table` (charges or usage): the next occurrence per key (per file),
 * and the earlier rows kept. Called when an import command starts.
 */
int dedup_begin_delivery(sqlite3 *db, const char *table);

/*
 * Prepares the statements for `table` (which has row_key, occurrence and
 * import_id columns) for the file whose rows get import_id.
 */
int dedup_open(struct dedup *d, sqlite3 *db, const char *table, sqlite3_int64 import_id);
void dedup_close(struct dedup *d);

/*
 * Steps `insert`, an INSERT ... ON CONFLICT (row_key, occurrence) DO NOTHING
 * whose parameter 5 is the occurrence and whose other parameters are bound.
 * The fast path inserts with occurrence 0, right for every key not seen yet;
 * only on a conflict is the key's next occurrence in this delivery looked up
 * (an index seek, whatever the number of twins).
 */
int dedup_insert(struct dedup *d, sqlite3_stmt *insert, const unsigned char key[16],
		 enum store_outcome *outcome);

#endif
