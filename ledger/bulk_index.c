/* bulk_index.c: see bulk_index.h. */
#include "bulk_index.h"

#include <stddef.h>

/* max(rowid): the rows a table holds, near enough, without counting them. */
static sqlite3_int64 table_rows(sqlite3 *db, const char *table)
{
	char *sql = sqlite3_mprintf("SELECT max(rowid) FROM \"%w\"", table);
	sqlite3_stmt *stmt = NULL;
	sqlite3_int64 rows = -1;

	if (sql && sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		rows = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_free(sql);
	return rows;
}

int bulk_index_defer(sqlite3 *db, const char *table, const char *arrival_column,
		     sqlite3_int64 expected_rows)
{
	/* Indexes the user or the schema created (origin 'c'), not the ones
	 * behind UNIQUE or PRIMARY KEY constraints, no unique ones, and none
	 * led by the arrival column: those grow at their end anyway, and every
	 * CREATE INDEX reads the whole table again. The INSERT ... SELECT
	 * runs to its end before any DROP: DDL under a running statement fails. */
	static const char record_sql[] =
		"INSERT OR REPLACE INTO deferred_indexes (name, tbl_name, sql)"
		" SELECT il.name, ?1, s.sql FROM pragma_index_list(?1) il"
		" JOIN sqlite_schema s ON s.type = 'index' AND s.name = il.name"
		" WHERE il.origin = 'c' AND il.\"unique\" = 0 AND s.sql IS NOT NULL"
		"   AND coalesce((SELECT ii.name FROM pragma_index_info(il.name) ii"
		"                 WHERE ii.seqno = 0), '') <> ?2";
	static const char list_sql[] =
		"SELECT name FROM deferred_indexes WHERE tbl_name = ?1 AND"
		" name IN (SELECT name FROM sqlite_schema WHERE type = 'index') ORDER BY name";
	sqlite3_stmt *stmt = NULL;
	sqlite3_int64 rows;
	int rc;

	if (expected_rows < BULK_INDEX_MIN_ROWS)
		return SQLITE_OK;
	rows = table_rows(db, table);
	if (rows < 0)
		return sqlite3_errcode(db);
	if (rows >= 4 * expected_rows)
		return SQLITE_OK;
	if ((rc = sqlite3_prepare_v2(db, record_sql, -1, &stmt, NULL)) != SQLITE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, arrival_column, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return sqlite3_errcode(db);
	/* Each drop changes the schema, so the names are read again after it. */
	for (;;) {
		char *drop;

		if ((rc = sqlite3_prepare_v2(db, list_sql, -1, &stmt, NULL)) != SQLITE_OK)
			return rc;
		sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		if (rc != SQLITE_ROW) {
			sqlite3_finalize(stmt);
			return rc == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
		}
		drop = sqlite3_mprintf("DROP INDEX \"%w\"", (const char *)sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
		rc = drop ? sqlite3_exec(db, drop, NULL, NULL, NULL) : SQLITE_NOMEM;
		sqlite3_free(drop);
		if (rc != SQLITE_OK)
			return rc;
	}
}

int bulk_index_pending(sqlite3 *db)
{
	sqlite3_stmt *stmt = NULL;
	int count = -1;

	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM deferred_indexes", -1, &stmt, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		count = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return count;
}

/* Creates the first listed index that does not exist and strikes it off;
 * SQLITE_DONE when the list is empty. */
static int build_one(sqlite3 *db)
{
	static const char next_sql[] =
		"SELECT name, sql, name IN (SELECT name FROM sqlite_schema WHERE type = 'index')"
		" FROM deferred_indexes ORDER BY name LIMIT 1";
	sqlite3_stmt *stmt = NULL;
	char *name = NULL, *create = NULL, *done = NULL;
	int rc, exists;

	if ((rc = sqlite3_prepare_v2(db, next_sql, -1, &stmt, NULL)) != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		return rc == SQLITE_DONE ? SQLITE_DONE : sqlite3_errcode(db);
	}
	name = sqlite3_mprintf("%s", (const char *)sqlite3_column_text(stmt, 0));
	create = sqlite3_mprintf("%s", (const char *)sqlite3_column_text(stmt, 1));
	exists = sqlite3_column_int(stmt, 2);
	sqlite3_finalize(stmt);
	done = name ? sqlite3_mprintf("DELETE FROM deferred_indexes WHERE name = %Q", name) : NULL;
	if (!name || !create || !done)
		rc = SQLITE_NOMEM;
	else if (!exists && (rc = sqlite3_exec(db, create, NULL, NULL, NULL)) != SQLITE_OK)
		;
	else
		rc = sqlite3_exec(db, done, NULL, NULL, NULL);
	sqlite3_free(name);
	sqlite3_free(create);
	sqlite3_free(done);
	return rc;
}

int bulk_index_build(sqlite3 *db)
{
	int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return rc;
	while ((rc = build_one(db)) == SQLITE_OK)
		;
	if (rc == SQLITE_DONE)
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		/* Keep the first error's code; ROLLBACK may fail on its own. */
		int error = sqlite3_extended_errcode(db);

		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return error != SQLITE_OK ? error : rc;
	}
	return SQLITE_OK;
}
