/* migrate.h: older ledgers carried forward to LEDGER_SCHEMA_VERSION. */
#ifndef COSTLEDGER_MIGRATE_H
#define COSTLEDGER_MIGRATE_H

#include <sqlite3.h>

/*
 * Inside no transaction: takes the ledger from schema version `from` to
 * LEDGER_SCHEMA_VERSION, one version a transaction; each step drops the
 * views and the last creates those of sql/views.sql. Returns 0, or -1 with
 * the error printed (the steps before the failed one stay committed).
 */
int ledger_migrate(sqlite3 *db, int from);

#endif
