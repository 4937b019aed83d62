/*
 * cmd_imports.c: costledger imports [--ledger FILE]
 *
 * The deliveries, oldest first: each file with its format and rows, the
 * statement keys it covered, what the statements it covered billed after it
 * (per currency, exact), and what it replaced (charge_history,
 * usage_history). Read only.
 */
#include "commands.h"
#include "ledger.h"
#include "query_lines.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
	"usage: costledger imports [--ledger FILE]\n"
	"\n"
	"Lists the deliveries (the files of one import command), oldest first:\n"
	"file, format, rows, the statements (provider / billing account / billing\n"
	"period) each covered, what they billed after it per currency, and the rows\n"
	"it replaced. docs/ledger.md explains statements.\n";

/* One line per import; deliveries of bills and usage logs get their details. */
static const char imports_sql[] =
	"SELECT i.import_id, coalesce(d.delivery_id, i.import_id), coalesce(d.mode, i.kind),"
	" i.file_name, i.format, i.rows_read, i.rows_inserted, i.rows_duplicate"
	" FROM imports i LEFT JOIN import_deliveries d ON d.import_id = i.import_id"
	" ORDER BY i.import_id";

static const char keys_sql[] =
	"SELECT coalesce(provider, '-') || ' / ' || coalesce(billing_account_id, '-') || ' / ' ||"
	" coalesce(substr(billing_period_start, 1, 10), '-') FROM import_statements"
	" WHERE import_id = ?1 ORDER BY 1";

/* The statements a delivery covered, as they stood after it. */
static const char billed_after_sql[] =
	"SELECT " SQL_EXACT_AMOUNT("money_total(v.billed_cost)") " || ' ' || coalesce(v.billing_currency, '(no currency)')"
	" FROM charge_versions v WHERE v.delivery_id <= ?1"
	" AND (v.superseded_by IS NULL OR v.superseded_by > ?1)"
	" AND EXISTS (SELECT 1 FROM delivery_statements s WHERE s.delivery_id = ?1"
	"  AND s.provider IS v.provider AND s.billing_account_id IS v.billing_account_id"
	"  AND s.billing_period_start IS v.billing_period_start)"
	" GROUP BY v.billing_currency ORDER BY v.billing_currency";

static const char replaced_sql[] =
	"SELECT (SELECT count(*) FROM charge_history WHERE superseded_by = ?1) || ' charges ('"
	" || coalesce((SELECT group_concat(t, ', ') FROM (SELECT "
	SQL_EXACT_AMOUNT("money_total(billed_cost)")
	"  || ' ' || coalesce(billing_currency, '(no currency)') AS t FROM charge_history"
	"  WHERE superseded_by = ?1 GROUP BY billing_currency)), 'nothing') || ' billed), '"
	" || (SELECT count(*) FROM usage_history WHERE superseded_by = ?1) || ' usage intervals'";

static int print_import(sqlite3 *db, sqlite3_stmt *row)
{
	sqlite3_int64 import_id = sqlite3_column_int64(row, 0), delivery = sqlite3_column_int64(row, 1);
	const char *mode = (const char *)sqlite3_column_text(row, 2);
	int rc = SQLITE_OK;

	if (import_id == delivery)
		printf("delivery %lld (%s)\n", (long long)delivery, mode);
	printf("  import %lld: %s, %s, %lld rows: %lld new, %lld already in the ledger\n",
	       (long long)import_id, (const char *)sqlite3_column_text(row, 3),
	       (const char *)sqlite3_column_text(row, 4), sqlite3_column_int64(row, 5),
	       sqlite3_column_int64(row, 6), sqlite3_column_int64(row, 7));
	if (!strcmp(mode, "statement") || !strcmp(mode, "incremental"))
		rc = query_lines(db, keys_sql, import_id, "    covers: ", ", ");
	if (rc == SQLITE_OK && import_id == delivery &&
	    (!strcmp(mode, "statement") || !strcmp(mode, "incremental")))
		rc = query_lines(db, billed_after_sql, delivery, "  billed after it: ", ", ");
	if (rc == SQLITE_OK && import_id == delivery && (!strcmp(mode, "statement") || !strcmp(mode, "usage")))
		rc = query_lines(db, replaced_sql, delivery, "  replaced: ", ", ");
	return rc;
}

int cmd_imports(int argc, char **argv)
{
	const char *path = global_ledger_option;
	sqlite3_stmt *row;
	sqlite3 *db;
	int rc;

	if ((rc = ledger_month_arguments("imports", usage, argc, argv, &path, NULL)) >= 0)
		return rc;
	if (!(db = ledger_open(ledger_path(path), LEDGER_READ)))
		return EXIT_LEDGER;
	rc = sqlite3_prepare_v2(db, imports_sql, -1, &row, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(row)) == SQLITE_ROW)
		rc = print_import(db, row);
	sqlite3_finalize(row);
	if (rc != SQLITE_DONE && rc != SQLITE_OK) {
		error_exit(EXIT_LEDGER, "imports: %s", sqlite3_errmsg(db));
		ledger_close(db);
		return EXIT_LEDGER;
	}
	ledger_close(db);
	return EXIT_OK;
}
