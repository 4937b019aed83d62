/*
 * ledger.c: the ledger is a SQLite file in WAL mode whose schema comes from
 * sql/schema.sql and sql/views.sql (compiled in). PRAGMA user_version holds
 * the schema version; migrations[] carries an older ledger forward, one
 * version at a time, each in its own transaction.
 */
#include "ledger.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

extern const char ledger_schema_sql[];
extern const char ledger_views_sql[];

/* migrations[i] takes a ledger from version i + 1 to i + 2. */
static const char *const migrations[] = {
	NULL,
};

int error_exit(int code, const char *fmt, ...)
{
	va_list ap;

	fputs("costledger: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

const char *ledger_path(const char *option)
{
	const char *env = getenv("COSTLEDGER_DB");

	if (option && *option)
		return option;
	if (env && *env)
		return env;
	return "costledger.db";
}

int ledger_exec(sqlite3 *db, const char *sql)
{
	char *message = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &message);

	if (rc != SQLITE_OK) {
		error_exit(EXIT_LEDGER, "%s", message ? message : sqlite3_errstr(rc));
		sqlite3_free(message);
	}
	return rc;
}

static int user_version(sqlite3 *db)
{
	sqlite3_stmt *stmt;
	int version = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		version = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return version;
}

static int apply_schema(sqlite3 *db)
{
	char version_sql[64];

	snprintf(version_sql, sizeof version_sql, "PRAGMA user_version = %d;", LEDGER_SCHEMA_VERSION);
	if (ledger_exec(db, "BEGIN IMMEDIATE") != SQLITE_OK)
		return -1;
	if (ledger_exec(db, ledger_schema_sql) != SQLITE_OK ||
	    ledger_exec(db, ledger_views_sql) != SQLITE_OK ||
	    ledger_exec(db, version_sql) != SQLITE_OK) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return ledger_exec(db, "COMMIT") == SQLITE_OK ? 0 : -1;
}

static int migrate(sqlite3 *db, int from)
{
	int version;

	for (version = from; version < LEDGER_SCHEMA_VERSION; version++) {
		char sql[64];

		snprintf(sql, sizeof sql, "PRAGMA user_version = %d;", version + 1);
		if (ledger_exec(db, "BEGIN IMMEDIATE") != SQLITE_OK)
			return -1;
		if ((migrations[version - 1] && ledger_exec(db, migrations[version - 1]) != SQLITE_OK) ||
		    ledger_exec(db, ledger_views_sql) != SQLITE_OK || ledger_exec(db, sql) != SQLITE_OK) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
		if (ledger_exec(db, "COMMIT") != SQLITE_OK)
			return -1;
	}
	return 0;
}

sqlite3 *ledger_open(const char *path, enum ledger_mode mode)
{
	sqlite3 *db = NULL;
	/* One connection per process, used by one thread: no mutexes. */
	int flags = (mode == LEDGER_READ ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		    SQLITE_OPEN_NOMUTEX;
	int version;

	if (mode == LEDGER_CREATE)
		flags |= SQLITE_OPEN_CREATE;
	else if (access(path, F_OK) != 0) {
		error_exit(EXIT_LEDGER, "no ledger at '%s' (create one with 'costledger init %s')",
			   path, path);
		return NULL;
	}
	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		error_exit(EXIT_LEDGER, "cannot open ledger '%s': %s", path,
			   db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 10000);
	sqlite3_extended_result_codes(db, 1);
	version = user_version(db);
	if (version < 0) {
		error_exit(EXIT_LEDGER, "'%s' is not a costledger ledger: %s", path, sqlite3_errmsg(db));
		goto fail;
	}
	/* 64 KiB pages for a new ledger (a no-op on an existing one): a ledger is
	 * loaded in bulk and read in ranges, and with 4 KiB pages an import made
	 * 16 times the write calls and took a third longer (docs/ledger.md). */
	if (mode == LEDGER_CREATE && version == 0)
		sqlite3_exec(db, "PRAGMA page_size = 65536", NULL, NULL, NULL);
	if (mode != LEDGER_READ &&
	    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;", NULL, NULL, NULL) != SQLITE_OK) {
		error_exit(EXIT_LEDGER, "cannot write ledger '%s': %s", path, sqlite3_errmsg(db));
		goto fail;
	}
	if (version == 0) {
		sqlite3_stmt *stmt;
		int tables = 0;

		if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL) == SQLITE_OK &&
		    sqlite3_step(stmt) == SQLITE_ROW)
			tables = sqlite3_column_int(stmt, 0);
		sqlite3_finalize(stmt);
		if (tables > 0) {
			error_exit(EXIT_LEDGER, "'%s' is a SQLite database but not a costledger ledger", path);
			goto fail;
		}
		if (mode != LEDGER_CREATE) {
			error_exit(EXIT_LEDGER, "'%s' is empty (create it with 'costledger init %s')", path, path);
			goto fail;
		}
		if (apply_schema(db) < 0)
			goto fail;
	} else if (version > LEDGER_SCHEMA_VERSION) {
		error_exit(EXIT_LEDGER, "ledger '%s' has schema version %d, newer than this costledger (%d)",
			   path, version, LEDGER_SCHEMA_VERSION);
		goto fail;
	} else if (version < LEDGER_SCHEMA_VERSION) {
		if (mode == LEDGER_READ) {
			error_exit(EXIT_LEDGER, "ledger '%s' has schema version %d; open it for writing once to migrate",
				   path, version);
			goto fail;
		}
		if (migrate(db, version) < 0)
			goto fail;
	}
	return db;
fail:
	sqlite3_close(db);
	return NULL;
}

void ledger_close(sqlite3 *db)
{
	sqlite3_close(db);
}
