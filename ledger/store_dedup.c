/* store_dedup.c: (row_key, occurrence) de-duplication. See store_dedup.h. */
#include "store_dedup.h"

#include <string.h>

int dedup_begin_delivery(sqlite3 *db, const char *table)
{
	char *sql = sqlite3_mprintf(
		"CREATE TEMP TABLE IF NOT EXISTS %s_next (row_key BLOB PRIMARY KEY, n INTEGER NOT NULL);"
		"CREATE TEMP TABLE IF NOT EXISTS %s_kept (row_key BLOB, occurrence INTEGER,"
		" PRIMARY KEY (row_key, occurrence)) WITHOUT ROWID;"
		"DELETE FROM temp.%s_next; DELETE FROM temp.%s_kept;", table, table, table, table);
	int rc = sql ? sqlite3_exec(db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;

	sqlite3_free(sql);
	return rc;
}

static int prepare(sqlite3 *db, const char *format, const char *table, sqlite3_stmt **stmt)
{
	char *sql = sqlite3_mprintf(format, table);
	int rc = sql ? sqlite3_prepare_v2(db, sql, -1, stmt, NULL) : SQLITE_NOMEM;

	sqlite3_free(sql);
	return rc;
}

int dedup_open(struct dedup *d, sqlite3 *db, const char *table, sqlite3_int64 import_id)
{
	char *sql = sqlite3_mprintf("DELETE FROM temp.%s_next", table);
	int rc = sql ? sqlite3_exec(db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;

	sqlite3_free(sql);
	memset(d, 0, sizeof *d);
	d->db = db;
	d->import_id = import_id;
	if (rc == SQLITE_OK)
		rc = prepare(db, "SELECT import_id FROM %s WHERE row_key = ?1 AND occurrence = ?2", table,
		     &d->owner);
	if (rc == SQLITE_OK)
		rc = prepare(db, "SELECT n FROM temp.%s_next WHERE row_key = ?1", table, &d->next_get);
	if (rc == SQLITE_OK)
		rc = prepare(db, "INSERT INTO temp.%s_next VALUES (?1, ?2)"
			     " ON CONFLICT (row_key) DO UPDATE SET n = excluded.n", table, &d->next_set);
	if (rc == SQLITE_OK)
		rc = prepare(db, "INSERT OR IGNORE INTO temp.%s_kept VALUES (?1, ?2)", table,
			     &d->note_kept);
	if (rc != SQLITE_OK)
		dedup_close(d);
	return rc;
}

void dedup_close(struct dedup *d)
{
	sqlite3_finalize(d->owner);
	sqlite3_finalize(d->next_get);
	sqlite3_finalize(d->next_set);
	sqlite3_finalize(d->note_kept);
	d->owner = d->next_get = d->next_set = d->note_kept = NULL;
}

/* Steps a statement on (key, n); *value gets column 0 of its row, if any.
 * Returns SQLITE_ROW, SQLITE_DONE or an error. */
static int run_keyed(sqlite3_stmt *stmt, const unsigned char *key, sqlite3_int64 n,
		     sqlite3_int64 *value)
{
	int rc;

	sqlite3_bind_blob(stmt, 1, key, 16, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(stmt) >= 2)
		sqlite3_bind_int64(stmt, 2, n);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW && value)
		*value = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return rc;
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
		 enum store_outcome *outcome)
{
	sqlite3_int64 n = 0, owner = 0;
	int rc, inserted = 0;

	if ((rc = run_insert(d, insert, 0, &inserted)) != SQLITE_OK)
		return rc;
	if (inserted) {
		*outcome = STORE_INSERTED;
		return SQLITE_OK;
	}
	/* Slow path: the key is taken. temp.next holds the next occurrence this
	 * file has not accounted for; without it only occurrence 0 was met,
	 * inserted by this file (its fast path) or kept from an earlier one. */
	rc = run_keyed(d->next_get, key, 0, &n);
	if (rc == SQLITE_DONE) {
		rc = run_keyed(d->owner, key, 0, &owner);
		if (rc != SQLITE_ROW)
			return rc == SQLITE_DONE ? SQLITE_INTERNAL : rc;
		n = owner >= d->import_id ? 1 : 0;
	} else if (rc != SQLITE_ROW) {
		return rc;
	}
	if (n > 0 && (rc = run_insert(d, insert, n, &inserted)) != SQLITE_OK)
		return rc;
	if (!inserted && (rc = run_keyed(d->note_kept, key, n, NULL)) != SQLITE_DONE)
		return rc;
	if ((rc = run_keyed(d->next_set, key, n + 1, NULL)) != SQLITE_DONE)
		return rc;
	*outcome = inserted ? STORE_INSERTED : STORE_DUPLICATE;
	return SQLITE_OK;
}
