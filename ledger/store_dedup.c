/* store_dedup.c: (row_key, occurrence) de-duplication. See store_dedup.h. */
#include "store_dedup.h"

#include <string.h>

int dedup_open(struct dedup *d, sqlite3 *db, const char *table)
{
	char *sql;
	int rc;

	memset(d, 0, sizeof *d);
	d->db = db;
	sql = sqlite3_mprintf("CREATE TEMP TABLE IF NOT EXISTS %s_skipped"
			      " (import_id INTEGER, row_key BLOB, n INTEGER NOT NULL,"
			      "  PRIMARY KEY (import_id, row_key));"
			      " DELETE FROM temp.%s_skipped", table, table);
	rc = sql ? sqlite3_exec(db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc == SQLITE_OK) {
		sql = sqlite3_mprintf("SELECT count(*) FROM %s WHERE row_key = ?1 AND import_id = ?2", table);
		rc = sql ? sqlite3_prepare_v2(db, sql, -1, &d->count_inserted, NULL) : SQLITE_NOMEM;
		sqlite3_free(sql);
	}
	if (rc == SQLITE_OK) {
		sql = sqlite3_mprintf("SELECT n FROM temp.%s_skipped WHERE import_id = ?2 AND row_key = ?1", table);
		rc = sql ? sqlite3_prepare_v2(db, sql, -1, &d->count_skipped, NULL) : SQLITE_NOMEM;
		sqlite3_free(sql);
	}
	if (rc == SQLITE_OK) {
		sql = sqlite3_mprintf("INSERT INTO temp.%s_skipped VALUES (?2, ?1, 1)"
				      " ON CONFLICT DO UPDATE SET n = n + 1", table);
		rc = sql ? sqlite3_prepare_v2(db, sql, -1, &d->note_skipped, NULL) : SQLITE_NOMEM;
		sqlite3_free(sql);
	}
	if (rc != SQLITE_OK)
		dedup_close(d);
	return rc;
}

void dedup_close(struct dedup *d)
{
	sqlite3_finalize(d->count_inserted);
	sqlite3_finalize(d->count_skipped);
	sqlite3_finalize(d->note_skipped);
	d->count_inserted = d->count_skipped = d->note_skipped = NULL;
}

/* Runs a one-number statement on (row_key, import_id); -1 on error. */
static sqlite3_int64 count_query(sqlite3_stmt *stmt, const unsigned char *key, sqlite3_int64 import_id)
{
	sqlite3_int64 n = 0;
	int rc;

	sqlite3_bind_blob(stmt, 1, key, 16, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, import_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	else if (rc != SQLITE_DONE)
		n = -1;
	sqlite3_reset(stmt);
	return n;
}

static int run_insert(struct dedup *d, sqlite3_stmt *insert, sqlite3_int64 occurrence, int *inserted)
{
	int rc;

	sqlite3_bind_int64(insert, 5, occurrence);
	rc = sqlite3_step(insert);
	sqlite3_reset(insert);
	if (rc != SQLITE_DONE)
		return rc;
	*inserted = sqlite3_changes(d->db) > 0;
	return SQLITE_OK;
}

int dedup_insert(struct dedup *d, sqlite3_stmt *insert, const unsigned char key[16],
		 sqlite3_int64 import_id, enum store_outcome *outcome)
{
	sqlite3_int64 inserted_here, skipped_here;
	int rc, inserted = 0;

	if ((rc = run_insert(d, insert, 0, &inserted)) != SQLITE_OK)
		return rc;
	if (inserted) {
		*outcome = STORE_INSERTED;
		return SQLITE_OK;
	}
	/* Slow path: the key exists; which occurrence of it is this row? */
	inserted_here = count_query(d->count_inserted, key, import_id);
	skipped_here = count_query(d->count_skipped, key, import_id);
	if (inserted_here < 0 || skipped_here < 0)
		return sqlite3_errcode(d->db);
	if (inserted_here + skipped_here > 0 &&
	    (rc = run_insert(d, insert, inserted_here + skipped_here, &inserted)) != SQLITE_OK)
		return rc;
	if (inserted) {
		*outcome = STORE_INSERTED;
		return SQLITE_OK;
	}
	if (count_query(d->note_skipped, key, import_id) < 0)
		return sqlite3_errcode(d->db);
	*outcome = STORE_DUPLICATE;
	return SQLITE_OK;
}
