/*
 * ledger.c: the ledger is a SQLite file in WAL mode whose schema comes from
 * sql/schema.sql and sql/views.sql (compiled in). PRAGMA user_version holds
 * the schema version; ledger_migrate() (migrate.c) carries an older ledger
 * forward, one version at a time, each in its own transaction.
 *
 * A ledger that cannot be written stays readable. WAL mode needs the -shm
 * file next to the ledger; SQLite (3.22+) reads without write access when
 * the -shm and -wal files exist or can be created, else refuses with
 * SQLITE_READONLY_DIRECTORY. Then a reading command opens the ledger again
 * as immutable (ledger_uri.c), unless a -wal file holds changes that only a
 * writer can fold in. A writing command says why it cannot write.
 */
#include "ledger.h"

#include "bulk_index.h"
#include "migrate.h"
#include "ledger_uri.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern const char ledger_schema_sql[];
extern const char ledger_views_sql[];

/* Where to cut s at or before byte at: not inside a UTF-8 character. */
static size_t char_boundary(const char *s, size_t at)
{
	while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
		at--;
	return at;
}

const char *ledger_column_text(sqlite3_stmt *st, int col, const char *otherwise)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t ? (const char *)t : otherwise;
}

void text_ellipsize(char *s, size_t max)
{
	size_t n = strlen(s), head, tail;

	if (n <= max || max < 16)
		return;
	/* The start says what failed, the end often what to do: keep both. */
	head = char_boundary(s, max * 2 / 3);
	tail = char_boundary(s, n - (max - head - 3));
	memmove(s + head + 3, s + tail, n - tail + 1);
	memcpy(s + head, "...", 3);
}

int error_exit(int code, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *message;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(message = malloc((size_t)n + 1))) {
		fprintf(stderr, "costledger: %s\n", fmt);
		return code;
	}
	va_start(ap, fmt);
	vsnprintf(message, (size_t)n + 1, fmt, ap);
	va_end(ap);
	/* An echoed argument can be 10 MB: the message stays readable. */
	text_ellipsize(message, ERROR_MESSAGE_MAX);
	fprintf(stderr, "costledger: %s\n", message);
	free(message);
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

/* How long a command waits for another one's lock: 10 s, or
 * $COSTLEDGER_BUSY_TIMEOUT_MS (tests make it short). */
static int busy_timeout_ms(void)
{
	const char *env = getenv("COSTLEDGER_BUSY_TIMEOUT_MS");
	long ms = env && *env ? strtol(env, NULL, 10) : 0;

	return ms > 0 && ms <= 3600000 ? (int)ms : 10000;
}

int ledger_exec(sqlite3 *db, const char *sql)
{
	char *message = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &message);
	const char *path = sqlite3_db_filename(db, "main");

	if ((rc & 0xff) == SQLITE_BUSY)
		error_exit(EXIT_LEDGER, "ledger '%s' is locked: another command (costledger import or"
			   " reconcile, or a sqlite3 shell with a write open) kept it for %.1f s; try"
			   " again once it is done ('fuser %s' names the process)",
			   path && *path ? path : "?", busy_timeout_ms() / 1000.0, path && *path ? path : "FILE");
	else if (rc != SQLITE_OK)
		error_exit(EXIT_LEDGER, "%s", message ? message : sqlite3_errstr(rc));
	sqlite3_free(message);
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

static int count_tables(sqlite3 *db)
{
	sqlite3_stmt *stmt;
	int tables = -1;

	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		tables = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return tables;
}

/* The folder a ledger path is in ("." for a bare name), from sqlite3_mprintf. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? sqlite3_mprintf("%.*s", slash > path ? (int)(slash - path) : 1, path)
		     : sqlite3_mprintf(".");
}

/* Prints why the ledger cannot be written (the file, its file system or its
 * folder) and returns 1; returns 0 when the file and its folder look
 * writable. */
static int print_not_writable(const char *path)
{
	char *folder = folder_of(path);
	int file_writable = access(path, W_OK) == 0, file_errno = errno;
	int folder_writable = !folder || access(folder, W_OK) == 0, folder_errno = errno;
	static const char readable[] = "; it can still be read (sql, report, export)";

	if ((!file_writable && file_errno == EROFS) || (!folder_writable && folder_errno == EROFS))
		error_exit(EXIT_LEDGER, "cannot write ledger '%s': it is on a read-only file system%s",
			   path, readable);
	else if (!file_writable)
		error_exit(EXIT_LEDGER, "cannot write ledger '%s': the file is read-only%s", path, readable);
	else if (!folder_writable)
		error_exit(EXIT_LEDGER, "cannot write ledger '%s': its folder '%s' is not writable"
			   " (SQLite keeps '%s-wal' and '%s-shm' next to the ledger)%s",
			   path, folder, path, path, readable);
	sqlite3_free(folder);
	return !file_writable || !folder_writable;
}

/* The size of PATH-suffix, or -1 when there is none. */
static long long side_file_size(const char *path, const char *suffix)
{
	char *name = sqlite3_mprintf("%s%s", path, suffix);
	struct stat st;
	long long size = name && stat(name, &st) == 0 ? (long long)st.st_size : -1;

	sqlite3_free(name);
	return size;
}

/* Opens name (a path, or a URI with SQLITE_OPEN_URI); prints the error and
 * returns NULL on failure. */
static sqlite3 *open_connection(const char *path, const char *name, int flags)
{
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(name, &db, flags, NULL) != SQLITE_OK) {
		error_exit(EXIT_LEDGER, "cannot open ledger '%s': %s", path,
			   db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, busy_timeout_ms());
	sqlite3_extended_result_codes(db, 1);
	return db;
}

/* The ledger's folder or file system cannot be written and there is no -shm
 * file: open it immutable, so that SQLite needs neither -shm nor locks. An
 * immutable connection reads the ledger file only, so a -wal file with
 * changes in it would be left out: then it is an error. So is a -shm file
 * that SQLite could not open: some connection may be writing. */
static sqlite3 *open_immutable(const char *path)
{
	char *uri;
	sqlite3 *db;

	if (side_file_size(path, "-shm") >= 0) {
		error_exit(EXIT_LEDGER, "cannot read ledger '%s': '%s-shm' exists but cannot be opened",
			   path, path);
		return NULL;
	}
	if (side_file_size(path, "-wal") > 0) {
		error_exit(EXIT_LEDGER, "cannot read ledger '%s': '%s-wal' holds changes, and reading"
			   " them needs '%s-shm', which cannot be created here (open the ledger once with"
			   " write access, e.g. 'costledger init %s', to fold them in)", path, path, path, path);
		return NULL;
	}
	if (!(uri = ledger_immutable_uri(path))) {
		error_exit(EXIT_LEDGER, "cannot open ledger '%s': out of memory", path);
		return NULL;
	}
	db = open_connection(path, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX);
	sqlite3_free(uri);
	return db;
}

sqlite3 *ledger_open(const char *path, enum ledger_mode mode)
{
	sqlite3 *db;
	/* One connection per process, used by one thread: no mutexes. */
	int flags = (mode == LEDGER_READ ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		    SQLITE_OPEN_NOMUTEX;
	int version, rc;

	if (mode == LEDGER_CREATE)
		flags |= SQLITE_OPEN_CREATE;
	else if (access(path, F_OK) != 0) {
		error_exit(EXIT_LEDGER, "no ledger at '%s' (create one with 'costledger init %s')",
			   path, path);
		return NULL;
	}
	if (!(db = open_connection(path, path, flags)))
		return NULL;
	/* SQLite opens a file it may not write read-only, without an error. */
	if (mode != LEDGER_READ && sqlite3_db_readonly(db, "main") == 1) {
		if (!print_not_writable(path))
			error_exit(EXIT_LEDGER, "cannot write ledger '%s': SQLite opened it read-only", path);
		goto fail;
	}
	version = user_version(db);
	/* The -shm file cannot be created: SQLITE_READONLY_DIRECTORY when that
	 * is denied (EACCES), SQLITE_CANTOPEN otherwise (EPERM, EROFS, a -wal
	 * file that cannot be opened without it). */
	if (version < 0 && (sqlite3_extended_errcode(db) == SQLITE_READONLY_DIRECTORY ||
			    sqlite3_extended_errcode(db) == SQLITE_CANTOPEN)) {
		if (mode != LEDGER_READ) {
			if (print_not_writable(path))
				goto fail;
		} else {
			sqlite3_close(db);
			if (!(db = open_immutable(path)))
				return NULL;
			version = user_version(db);
		}
	}
	if (version < 0) {
		error_exit(EXIT_LEDGER, "'%s' is not a costledger ledger: %s", path, sqlite3_errmsg(db));
		goto fail;
	}
	/* Someone else's database is refused before anything in it changes
	 * (the WAL switch below rewrites its header). */
	if (version == 0 && count_tables(db) > 0) {
		error_exit(EXIT_LEDGER, "'%s' is a SQLite database but not a costledger ledger", path);
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
		if (ledger_migrate(db, version) < 0)
			goto fail;
	}
	/* An import that committed its rows but not the indexes it deferred
	 * (killed in between, or the ledger was busy): build them now. */
	if (mode != LEDGER_READ && bulk_index_pending(db) > 0 &&
	    (rc = bulk_index_build(db)) != SQLITE_OK) {
		error_exit(EXIT_LEDGER, "cannot build the indexes of ledger '%s' that an earlier import "
			   "left to build: %s", path, sqlite3_errstr(rc));
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

/* fsync() of a file or folder opened read-only here; 0 or an errno value. */
static int sync_path(const char *path, int data_only)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc = 0;

	if (fd < 0)
		return errno;
	if ((data_only ? fdatasync(fd) : fsync(fd)) != 0)
		rc = errno;
	close(fd);
	return rc;
}

int ledger_sync_wal(const char *path)
{
	char *wal = sqlite3_mprintf("%s-wal", path);
	/* The folder too: a WAL created by this command is not durable until
	 * its name is (SQLite syncs the folder when it syncs a new WAL itself,
	 * ignoring a failure). */
	char *folder = folder_of(path);
	int rc = !wal || !folder ? ENOMEM : sync_path(wal, 1);

	/* No WAL: the ledger is not in WAL mode after all, and its file holds
	 * the commit. */
	if (rc == ENOENT)
		rc = sync_path(path, 1);
	/* As SQLite does, the folder's sync is best effort: some file systems
	 * refuse fsync on a folder. */
	if (rc == 0)
		sync_path(folder, 0);
	sqlite3_free(wal);
	sqlite3_free(folder);
	return rc;
}
