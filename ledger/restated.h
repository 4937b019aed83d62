/* restated.h: saying that a reconciled month's bill was restated since. */
#ifndef COSTLEDGER_RESTATED_H
#define COSTLEDGER_RESTATED_H

#include <sqlite3.h>
#include <stdio.h>

/*
 * When the month (YYYY-MM; provider NULL: all) has a stored reconciliation
 * run and its charges changed since (a later delivery replaced or added
 * lines), prints a note to out: the run, what the month billed at that run's
 * ledger state and now, and the difference, exact. Returns SQLITE_OK or
 * the SQLite error.
 */
int restated_note(sqlite3 *db, const char *month, const char *provider, FILE *out);

#endif
