/* query_lines.h: printing the text column of a query's rows. */
#ifndef COSTLEDGER_QUERY_LINES_H
#define COSTLEDGER_QUERY_LINES_H

#include <sqlite3.h>

/*
 * SQL text for an amount of nanos x (an SQL expression given as a string
 * literal) written exactly: two decimals when they say all, else as many
 * as it takes (24.225). For the commands that show what changed.
 */
#define SQL_EXACT_AMOUNT(x) \
	"(CASE WHEN money(money_text(" x ", 2)) = (" x ") THEN money_text(" x ", 2)" \
	" ELSE rtrim(money_text(" x ", 9), '0') END)"

/*
 * Runs sql with ?1 = param and prints its rows' first column joined by sep
 * after prefix, then a newline; prints nothing for no rows. Returns
 * SQLITE_OK or the SQLite error (the message is sqlite3_errmsg(db)).
 */
int query_lines(sqlite3 *db, const char *sql, sqlite3_int64 param, const char *prefix, const char *sep);

#endif
