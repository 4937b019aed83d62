/*
 * ledger_uri.h: a ledger's path as the SQLite URI that opens it read-only
 * and immutable (for a ledger whose folder or file system cannot be written,
 * where WAL mode cannot create its -shm file; see ledger.c).
 */
#ifndef COSTLEDGER_LEDGER_URI_H
#define COSTLEDGER_LEDGER_URI_H

/*
 * "file:PATH?mode=ro&immutable=1", PATH percent-encoded: every byte but
 * A-Z a-z 0-9 - . _ ~ / becomes %HH, so '%', '?', '#', spaces and non-ASCII
 * bytes mean themselves; an absolute path gets the empty authority
 * ("file:///tmp/l.db") so that a leading "//" is never taken for a host.
 * Returns memory from sqlite3_malloc (free it with sqlite3_free), or NULL
 * when out of memory.
 */
char *ledger_immutable_uri(const char *path);

#endif
