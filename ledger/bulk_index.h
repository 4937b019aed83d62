/*
 * bulk_index.h: a large import into a small table builds the table's
 * secondary indexes once, after the rows, instead of row by row.
 *
 * Inserting a row into an index keyed in another order than the rows arrive
 * (charges_resource: resource, then time) touches a random page; once the
 * index outgrows the page cache every row costs a page read and write.
 * CREATE INDEX sorts instead, several times faster for a million rows.
 *
 * The import's transaction drops such an index and records its CREATE INDEX
 * in the table deferred_indexes; a failed import rolls both back. After the
 * import commits, bulk_index_build() creates the indexes in a second
 * transaction while another connection checkpoints the rows
 * (background_checkpoint.c): the two ran one after the other before, and
 * were a third of a million-row import. Between the two transactions readers
 * see every row but run without the dropped indexes (the same answers,
 * slower). If the second one never runs (a crash, a kill, a busy ledger),
 * the next command that opens the ledger for writing builds what
 * deferred_indexes still lists (ledger_open).
 *
 * Unique indexes stay: de-duplication needs them while rows arrive.
 */
#ifndef COSTLEDGER_BULK_INDEX_H
#define COSTLEDGER_BULK_INDEX_H

#include <sqlite3.h>

/*
 * Inside the import's transaction, before about `expected_rows` rows go into
 * `table`, whose rows arrive roughly in the order of `arrival_column`: when
 * that is at least BULK_INDEX_MIN_ROWS and more than a quarter of the rows
 * the table holds, drops the table's non-unique indexes not led by that
 * column and records them in deferred_indexes. Indexes already dropped (a
 * second file for the same table) are not there to drop. Returns an SQLite
 * code.
 */
#define BULK_INDEX_MIN_ROWS 20000
int bulk_index_defer(sqlite3 *db, const char *table, const char *arrival_column,
		     sqlite3_int64 expected_rows);

/* How many indexes deferred_indexes lists, or -1 on error. */
int bulk_index_pending(sqlite3 *db);

/*
 * Outside any transaction: creates every index deferred_indexes lists (an
 * index that exists again is only struck off) and empties the list, in one
 * transaction. Returns an SQLite code; on failure nothing changed.
 */
int bulk_index_build(sqlite3 *db);

#endif
