/* ledger.h: opening the ledger database, its schema and its migrations. */
#ifndef COSTLEDGER_LEDGER_H
#define COSTLEDGER_LEDGER_H

#include <sqlite3.h>
#include <stddef.h>

#define LEDGER_SCHEMA_VERSION 10

/* Exit codes, as documented in `costledger -h`. */
enum exit_code {
	EXIT_OK = 0,
	EXIT_FOUND = 1,     /* ran and found something (reconcile differences) */
	EXIT_USAGE = 2,     /* bad usage or bad input */
	EXIT_LEDGER = 3,    /* the ledger could not be opened, read or written */
};

enum ledger_mode {
	LEDGER_CREATE,      /* create if missing (init) */
	LEDGER_WRITE,       /* must exist */
	LEDGER_READ,
};

/* --ledger FILE, else $COSTLEDGER_DB, else costledger.db. */
const char *ledger_path(const char *option);

/* Opens (and for LEDGER_CREATE creates) the ledger; prints the error and returns NULL on failure. */
sqlite3 *ledger_open(const char *path, enum ledger_mode mode);
void ledger_close(sqlite3 *db);

/*
 * Flushes the ledger's WAL file and its folder to disk (fdatasync, fsync),
 * through descriptors of its own. A commit made with synchronous=NORMAL is
 * durable once this returns 0; else it returns an errno value.
 */
int ledger_sync_wal(const char *path);

/* Runs SQL with no result rows; prints "costledger: ..." on error. Returns SQLite's code. */
int ledger_exec(sqlite3 *db, const char *sql);

/* Prints "costledger: MESSAGE" to stderr; returns code (for `return error(...)`).
 * A message longer than ERROR_MESSAGE_MAX bytes is cut in its middle (text_ellipsize). */
int error_exit(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define ERROR_MESSAGE_MAX 1200 /* room for the longest message of our own: auto-detection names every format */

/* Column col of st's row as text, or otherwise when it is NULL. */
const char *ledger_column_text(sqlite3_stmt *st, int col, const char *otherwise);

/* Cuts s to at most max bytes by putting "..." in place of its middle, at
 * UTF-8 character boundaries; a shorter s is left as it is. */
void text_ellipsize(char *s, size_t max);

#endif
