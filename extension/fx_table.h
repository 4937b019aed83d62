/*
 * fx_table.h: the fx_rates table of a ledger as an fx_table (fx_rule.h),
 * for the SQL functions of sql_fx.c and for ledger/ (reconcile), so that
 * both read the dates, codes and rates the same way.
 */
#ifndef COSTLEDGER_FX_TABLE_H
#define COSTLEDGER_FX_TABLE_H

#include "fx_rule.h"

#include <sqlite3.h>

/* Reads every row of fx_rates into fx (sorted). Returns SQLITE_OK, or an
 * error code with the table empty; a row whose date, codes or rate cannot
 * be read (the importer never writes one) is SQLITE_MISMATCH. */
int fx_table_load(sqlite3 *db, struct fx_table *fx);
void fx_table_free(struct fx_table *fx);

#endif
