/* check_ledger.h: an in-memory ledger for unit tests that run reconcile or
 * the report on rows they insert: the extension, the schema and views, and
 * import 1 (a bill) for the rows to name. */
#ifndef COSTLEDGER_CHECK_LEDGER_H
#define COSTLEDGER_CHECK_LEDGER_H

#include <check.h>
#include <sqlite3.h>

extern const char ledger_schema_sql[];
extern const char ledger_views_sql[];
int sqlite3_costledger_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

static void exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, err ? err : "");
	sqlite3_free(err);
}

static sqlite3 *memory_ledger(void)
{
	sqlite3 *db;

	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_costledger_init(db, NULL, NULL), SQLITE_OK);
	exec(db, ledger_schema_sql);
	exec(db, ledger_views_sql);
	exec(db, "INSERT INTO imports (import_id, kind, file_name, content_crc32, content_size, format,"
		 " imported_at) VALUES (1, 'bill', 'gen', 0, 0, 'focus-1.0', '2026-12-01T00:00:00Z')");
	return db;
}

#endif
