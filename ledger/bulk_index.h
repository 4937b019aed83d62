/*
 * bulk_index.h: a large import into a small table builds the table's
 * secondary indexes once at the end instead of row by row.
 *
 * Inserting a row into an index keyed in another order than the rows arrive
 * (charges_resource: resource, then time) touches a random page; once the
 * index outgrows the page cache every row costs a page read and write.
 * CREATE INDEX sorts instead, several times faster for a million rows.
 * DDL is transactional in SQLite, so inside the import's transaction the
 * indexes are dropped and created again before COMMIT; a failed import rolls
 * back to the ledger with its indexes, and readers never see it without them.
 * Unique indexes stay: de-duplication needs them while rows arrive.
 */
#ifndef COSTLEDGER_BULK_INDEX_H
#define COSTLEDGER_BULK_INDEX_H

#include <sqlite3.h>

struct bulk_index;

/*
 * Starts a bulk load of about `expected_rows` rows into `table`, whose rows
 * arrive roughly in the order of `arrival_column`: when that is at least
 * BULK_INDEX_MIN_ROWS and more than a quarter of the rows the table holds,
 * drops the table's non-unique indexes not led by that column and remembers
 * them. Calling it again for a table already seen does nothing. Returns an
 * SQLite code.
 */
#define BULK_INDEX_MIN_ROWS 20000
int bulk_index_defer(struct bulk_index **bulk, sqlite3 *db, const char *table,
		     const char *arrival_column, sqlite3_int64 expected_rows);

/* Creates every deferred index again (before COMMIT). Returns an SQLite code. */
int bulk_index_restore(struct bulk_index *bulk, sqlite3 *db);

/* Forgets the deferred indexes (after ROLLBACK, which restored them). */
void bulk_index_free(struct bulk_index *bulk);

#endif
