/*
 * reconcile_print.c: a stored run as text (reconcile.h).
 */
#include "reconcile.h"

#include "money.h"
#include "term_text.h"

#include <stdlib.h>
#include <string.h>

void reconcile_money_text(int64_t nanos, char *buf, size_t size)
{
	int d = 2;
	int64_t r;

	while (d < 9 && money_round(nanos, d, &r) == MONEY_OK && r != nanos)
		d++;
	if (money_format(nanos, d, buf, size) < 0)
		snprintf(buf, size, "?");
}

/* One line per currency: "USD: 7 charges; billed ..., expected ..., difference ...". */
static int print_totals(sqlite3 *db, sqlite3_int64 run_id, FILE *out)
{
	sqlite3_stmt *st;
	int lines = 0;
	char b[48], e[48], d[48], tol[48];

	if (sqlite3_prepare_v2(db,
		"SELECT currency, tolerance, charges, billed_total, expected_total, findings_count"
		" FROM reconciliation_totals WHERE reconciliation_id = ?1 ORDER BY currency", -1, &st,
		NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, run_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t billed = sqlite3_column_int64(st, 3), expected = sqlite3_column_int64(st, 4);
		const char *cur = (const char *)sqlite3_column_text(st, 0);

		reconcile_money_text(sqlite3_column_int64(st, 1), tol, sizeof tol);
		reconcile_money_text(billed, b, sizeof b);
		reconcile_money_text(expected, e, sizeof e);
		/* Both fit in int64; their difference may not. */
		if (__builtin_sub_overflow(billed, expected, &billed)) {
			amount_text((__int128)sqlite3_column_int64(st, 3) - expected, d, sizeof d);
		} else {
			reconcile_money_text(billed, d, sizeof d);
		}
		fprintf(out, "%s: %lld charges; billed %s, expected %s, difference %s;"
			" tolerance %s, %lld finding%s above it\n", cur && *cur ? cur : "(no currency)",
			(long long)sqlite3_column_int64(st, 2), b, e, d, tol,
			(long long)sqlite3_column_int64(st, 5), sqlite3_column_int64(st, 5) == 1 ? "" : "s");
		lines++;
	}
	sqlite3_finalize(st);
	return lines;
}

static void print_findings(sqlite3 *db, sqlite3_int64 run_id, FILE *out)
{
	sqlite3_stmt *st;
	char b[48], e[48], d[48];

	if (sqlite3_prepare_v2(db,
		"SELECT kind, coalesce(provider, ''), coalesce(project, ''), coalesce(resource_id, ''),"
		" substr(period_start, 1, 16), substr(period_end, 1, 16), printf('%.2f', hours),"
		" billed, expected, difference, coalesce(currency, '') FROM findings"
		" WHERE reconciliation_id = ?1 ORDER BY finding_id", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int64(st, 1, run_id);
	fprintf(out, "\n%-20s %-10s %-10s %-22s %-16s %-16s %8s %-8s %14s %14s %14s\n", "kind",
		"provider", "project", "resource", "from", "to", "hours", "currency", "billed",
		"expected", "difference");
	while (sqlite3_step(st) == SQLITE_ROW) {
		static const int text_columns[8] = {0, 1, 2, 3, 4, 5, 6, 10};
		char *shown[8];
		int k;
		reconcile_money_text(sqlite3_column_int64(st, 7), b, sizeof b);
		reconcile_money_text(sqlite3_column_int64(st, 8), e, sizeof e);
		reconcile_money_text(sqlite3_column_int64(st, 9), d, sizeof d);
		/* values from input files, as a terminal may show them (term_text.h) */
		for (k = 0; k < 8; k++)
			shown[k] = term_text((const char *)sqlite3_column_text(st, text_columns[k]));
		fprintf(out, "%-20s %-10s %-10s %-22s %-16s %-16s %8s %-8s %14s %14s %14s\n",
			shown[0] ? shown[0] : "?", shown[1] ? shown[1] : "?", shown[2] ? shown[2] : "?",
			shown[3] ? shown[3] : "?", shown[4] ? shown[4] : "?", shown[5] ? shown[5] : "?",
			shown[6] ? shown[6] : "?", shown[7] ? shown[7] : "?", b, e, d);
		for (k = 0; k < 8; k++)
			free(shown[k]);
	}
	sqlite3_finalize(st);
}

long reconcile_print(sqlite3 *db, sqlite3_int64 run_id, FILE *out)
{
	sqlite3_stmt *st;
	long count = 0;
	int lines;
	char tol[48];

	if (sqlite3_prepare_v2(db,
		"SELECT month, coalesce(provider, 'all providers'), tolerance, run_at, last_import_id,"
		" charges_seen, usage_seen, findings_count, billed_total, expected_total, month_status"
		" FROM reconciliations WHERE reconciliation_id = ?1", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, run_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return -1;
	}
	reconcile_money_text(sqlite3_column_int64(st, 2), tol, sizeof tol);
	fprintf(out, "reconciliation %lld: %s, %s, tolerance %s, run %s on imports up to %lld\n",
		(long long)run_id, sqlite3_column_text(st, 0), sqlite3_column_text(st, 1), tol,
		sqlite3_column_text(st, 3), (long long)sqlite3_column_int64(st, 4));
	fprintf(out, "%lld charges, %lld usage intervals\n", (long long)sqlite3_column_int64(st, 5),
		(long long)sqlite3_column_int64(st, 6));
	count = sqlite3_column_int64(st, 7);
	/* A run stored before totals per currency: its one total. */
	if ((lines = print_totals(db, run_id, out)) == 0 && sqlite3_column_type(st, 8) != SQLITE_NULL) {
		int64_t billed = sqlite3_column_int64(st, 8), expected = sqlite3_column_int64(st, 9);
		char b[48], e[48], d[64];

		reconcile_money_text(billed, b, sizeof b);
		reconcile_money_text(expected, e, sizeof e);
		amount_text((__int128)billed - expected, d, sizeof d);
		fprintf(out, "billed %s, expected %s, difference %s\n", b, e, d);
	}
	if (sqlite3_column_text(st, 10))
		fprintf(out, "month %s: %s\n", sqlite3_column_text(st, 0), sqlite3_column_text(st, 10));
	sqlite3_finalize(st);
	if (lines < 0)
		return -1;
	if (count == 0) {
		fputs("no findings above the tolerance: the month reconciles\n", out);
		return 0;
	}
	print_findings(db, run_id, out);
	fprintf(out, "\n%ld finding%s above the tolerance\n", count, count == 1 ? "" : "s");
	return count;
}
