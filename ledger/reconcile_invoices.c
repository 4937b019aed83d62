/* reconcile_invoices.c: see reconcile_invoices.h. The rules are the views'
 * (sql/views.sql): this only selects a month and stores or words them. */
#include "reconcile_invoices.h"

#include <stdio.h>
#include <string.h>

/* The view's rows of one month; ?1 run, ?2 month, ?3 provider or NULL. A
 * mismatch is kept only above its currency's tolerance (?4 is unused here:
 * the tolerance is per currency, tested in C). */
static const char invoice_findings_sql[] =
	"SELECT kind, provider, month || '-01T00:00:00Z',"
	"  strftime('%Y-%m-%dT%H:%M:%SZ', month || '-01', '+1 month'), billed, invoiced, difference,"
	"  charge_ids, 'invoice ' || invoice_id || ' of account ' || billing_account_id || ', '"
	"  || lines || ' charge' || CASE lines WHEN 1 THEN '' ELSE 's' END"
	"  || coalesce(', ' || source_file || ':' || source_line, ''), coalesce(currency, '')"
	" FROM invoice_check WHERE month = ?2 AND (?3 IS NULL OR provider = ?3 COLLATE NOCASE)"
	" ORDER BY kind, provider, billing_account_id, invoice_id";

int reconcile_invoices(sqlite3 *db, sqlite3_int64 run_id, const char *month, const char *provider,
		       const struct tolerance *tolerance, long *stored)
{
	sqlite3_stmt *st, *ins = NULL;
	int rc = sqlite3_prepare_v2(db, invoice_findings_sql, -1, &st, NULL), c;

	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db,
			"INSERT INTO findings (reconciliation_id, kind, provider, period_start, period_end,"
			" billed, expected, difference, charge_ids, detail, currency)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", -1, &ins, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_text(st, 2, month, -1, SQLITE_STATIC);
	if (provider)
		sqlite3_bind_text(st, 3, provider, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(st, 0);
		const char *currency = (const char *)sqlite3_column_text(st, 9);
		int64_t difference = sqlite3_column_int64(st, 6);

		if (!strcmp(kind, "invoice_mismatch") &&
		    (difference < 0 ? -(uint64_t)difference : (uint64_t)difference) <=
			    (uint64_t)tolerance_for(tolerance, currency))
			continue;
		sqlite3_bind_int64(ins, 1, run_id);
		for (c = 0; c < 10; c++)
			sqlite3_bind_value(ins, c + 2, sqlite3_column_value(st, c));
		if (sqlite3_step(ins) != SQLITE_DONE) {
			rc = sqlite3_errcode(db);
			break;
		}
		sqlite3_reset(ins);
		(*stored)++;
	}
	sqlite3_finalize(st);
	sqlite3_finalize(ins);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int month_status_text(sqlite3 *db, const char *month, const char *provider, char *buf, size_t size)
{
	sqlite3_stmt *st;
	long long lines = 0, missing = 0;
	int rc = sqlite3_prepare_v2(db,
		"SELECT coalesce(sum(lines), 0), coalesce(sum(lines_without_invoice), 0) FROM month_status"
		" WHERE month = ?1 AND (?2 IS NULL OR provider = ?2 COLLATE NOCASE)", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	if (provider)
		sqlite3_bind_text(st, 2, provider, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		lines = sqlite3_column_int64(st, 0);
		missing = sqlite3_column_int64(st, 1);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (!lines)
		snprintf(buf, size, "no charges");
	else if (!missing)
		snprintf(buf, size, "final");
	else
		snprintf(buf, size, "estimated: %lld of %lld charges have no invoice id", missing, lines);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}
