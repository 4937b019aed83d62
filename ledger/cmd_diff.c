/*
 * cmd_diff.c: costledger diff [--ledger FILE] [--month YYYY-MM]
 *
 * For each statement key (provider, billing account, billing period), what
 * its latest delivery changed against the statement before it: lines
 * changed (the same line, by line id or by period, resource, SKU, category
 * and description, with another content), removed and added, and the billed
 * totals before and after per currency, exact. Read only.
 */
#include "commands.h"
#include "ledger.h"
#include "query_lines.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
	"usage: costledger diff [--ledger FILE] [--month YYYY-MM]\n"
	"\n"
	"For each statement (provider / billing account / billing period; --month:\n"
	"only periods starting in that month), what its latest delivery changed\n"
	"against the one before: lines changed, removed and added, and the billed\n"
	"totals before and after, exact.\n";

/* The statements, each with its latest delivery and the one before. */
static const char keys_sql[] =
	"SELECT provider, billing_account_id, billing_period_start, max(delivery_id),"
	" (SELECT max(p.delivery_id) FROM delivery_statements p WHERE p.provider IS s.provider"
	"  AND p.billing_account_id IS s.billing_account_id"
	"  AND p.billing_period_start IS s.billing_period_start AND p.delivery_id < max(s.delivery_id))"
	" FROM delivery_statements s WHERE ?1 IS NULL OR substr(billing_period_start, 1, 7) = ?1"
	" GROUP BY 1, 2, 3 ORDER BY 3, 1, 2";

/* What makes two versions the same line. */
#define LINE_IDENTITY \
	"coalesce(line_item_id, '') || char(31) || charge_period_start || char(31) ||" \
	" charge_period_end || char(31) || coalesce(resource_id, '') || char(31) ||" \
	" coalesce(sku_id, '') || char(31) || coalesce(charge_category, '') || char(31) ||" \
	" coalesce(charge_description, '') || char(31) || coalesce(sub_account_id, '')"
#define OF_KEY " provider IS ?2 AND billing_account_id IS ?3 AND billing_period_start IS ?4"

static const char lines_sql[] =
	"WITH removed AS (SELECT *, row_number() OVER (PARTITION BY ident ORDER BY source_file,"
	"  source_line) AS rn FROM (SELECT source_file, source_line, billed_cost, billing_currency,"
	"  " LINE_IDENTITY " AS ident FROM charge_history WHERE superseded_by = ?1 AND" OF_KEY ")),"
	" added AS (SELECT *, row_number() OVER (PARTITION BY ident ORDER BY source_file,"
	"  source_line) AS rn FROM (SELECT source_file, source_line, billed_cost, billing_currency,"
	"  " LINE_IDENTITY " AS ident FROM charge_versions WHERE delivery_id = ?1 AND" OF_KEY "))"
	" SELECT 'changed', a.source_file || ':' || a.source_line || ' (was ' || r.source_file || ':'"
	"  || r.source_line || ')', 'billed ' || " SQL_EXACT_AMOUNT("r.billed_cost") " || ' -> ' ||"
	SQL_EXACT_AMOUNT("a.billed_cost") " || ' ' || coalesce(a.billing_currency, '') || ' (difference ' ||"
	SQL_EXACT_AMOUNT("(a.billed_cost - r.billed_cost)") " || ')'"
	" FROM removed r JOIN added a ON a.ident = r.ident AND a.rn = r.rn"
	" UNION ALL SELECT 'removed', r.source_file || ':' || r.source_line, 'billed ' ||"
	SQL_EXACT_AMOUNT("r.billed_cost") " || ' ' || coalesce(r.billing_currency, '') FROM removed r"
	"  WHERE NOT EXISTS (SELECT 1 FROM added a WHERE a.ident = r.ident AND a.rn = r.rn)"
	" UNION ALL SELECT 'added', a.source_file || ':' || a.source_line, 'billed ' ||"
	SQL_EXACT_AMOUNT("a.billed_cost") " || ' ' || coalesce(a.billing_currency, '') FROM added a"
	"  WHERE NOT EXISTS (SELECT 1 FROM removed r WHERE r.ident = a.ident AND r.rn = a.rn)"
	" ORDER BY 1, 2";

/* The statement just before the delivery (b) and just after it (a). */
static const char totals_sql[] =
	"SELECT coalesce(billing_currency, '(no currency)'),"
	" coalesce(" SQL_EXACT_AMOUNT("money_total(CASE WHEN b THEN billed_cost END)") ", '0'),"
	" coalesce(" SQL_EXACT_AMOUNT("money_total(CASE WHEN a THEN billed_cost END)") ", '0'),"
	" coalesce(" SQL_EXACT_AMOUNT("money_total(CASE WHEN a AND NOT b THEN billed_cost"
	" WHEN b AND NOT a THEN -billed_cost END)") ", '0')"
	" FROM (SELECT billing_currency, billed_cost,"
	"  delivery_id < ?1 AND (superseded_by IS NULL OR superseded_by >= ?1) AS b,"
	"  delivery_id <= ?1 AND (superseded_by IS NULL OR superseded_by > ?1) AS a"
	"  FROM charge_versions WHERE" OF_KEY ")"
	" GROUP BY 1 HAVING count(CASE WHEN a OR b THEN 1 END) > 0 ORDER BY 1";

static void bind_key(sqlite3_stmt *stmt, sqlite3_stmt *key)
{
	int i;

	sqlite3_bind_value(stmt, 1, sqlite3_column_value(key, 3));
	for (i = 0; i < 3; i++)
		sqlite3_bind_value(stmt, i + 2, sqlite3_column_value(key, i));
}

static int print_statement(sqlite3 *db, sqlite3_stmt *key)
{
	sqlite3_stmt *lines = NULL, *totals = NULL;
	int rc, n = 0;

	printf("statement %s / %s / %.10s: delivery %s against %s\n", ledger_column_text(key, 0, "-"),
	       ledger_column_text(key, 1, "-"), ledger_column_text(key, 2, "-"),
	       ledger_column_text(key, 3, "?"), sqlite3_column_type(key, 4) == SQLITE_NULL ?
	       "nothing (its first)" : ledger_column_text(key, 4, "?"));
	rc = sqlite3_prepare_v2(db, lines_sql, -1, &lines, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, totals_sql, -1, &totals, NULL);
	if (rc == SQLITE_OK) {
		bind_key(lines, key);
		while ((rc = sqlite3_step(lines)) == SQLITE_ROW && ++n)
			printf("  %-8s %s: %s\n", ledger_column_text(lines, 0, ""),
			       ledger_column_text(lines, 1, ""), ledger_column_text(lines, 2, ""));
	}
	if (rc == SQLITE_DONE) {
		if (!n)
			printf("  no line changed\n");
		bind_key(totals, key);
		while ((rc = sqlite3_step(totals)) == SQLITE_ROW)
			printf("  billed %s: %s -> %s (difference %s)\n", ledger_column_text(totals, 0, ""),
			       ledger_column_text(totals, 1, ""), ledger_column_text(totals, 2, ""),
			       ledger_column_text(totals, 3, ""));
	}
	sqlite3_finalize(lines);
	sqlite3_finalize(totals);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int cmd_diff(int argc, char **argv)
{
	const char *path = global_ledger_option, *month = NULL;
	sqlite3_stmt *key = NULL;
	sqlite3 *db;
	int rc, n = 0;

	if ((rc = ledger_month_arguments("diff", usage, argc, argv, &path, &month)) >= 0)
		return rc;
	if (!(db = ledger_open(ledger_path(path), LEDGER_READ)))
		return EXIT_LEDGER;
	rc = sqlite3_prepare_v2(db, keys_sql, -1, &key, NULL);
	if (rc == SQLITE_OK && month)
		sqlite3_bind_text(key, 1, month, -1, SQLITE_STATIC);
	while (rc == SQLITE_OK && (rc = sqlite3_step(key)) == SQLITE_ROW && ++n)
		rc = print_statement(db, key);
	sqlite3_finalize(key);
	if (rc != SQLITE_DONE && rc != SQLITE_OK) {
		error_exit(EXIT_LEDGER, "diff: %s", sqlite3_errmsg(db));
		ledger_close(db);
		return EXIT_LEDGER;
	}
	if (!n)
		printf("no statements%s%s\n", month ? " for " : "", month ? month : "");
	ledger_close(db);
	return EXIT_OK;
}
