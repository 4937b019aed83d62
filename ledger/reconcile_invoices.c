/* reconcile_invoices.c: see reconcile_invoices.h. The rules are the views'
 * (sql/views.sql): this only selects a month and stores or words them. */
#include "reconcile_invoices.h"

#include <stdio.h>

int reconcile_invoices(sqlite3 *db, sqlite3_int64 run_id, const char *month, const char *provider,
		       int64_t tolerance, long *stored)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
		"INSERT INTO findings (reconciliation_id, kind, provider, period_start, period_end,"
		" billed, expected, difference, charge_ids, detail)"
		" SELECT ?1, kind, provider, month || '-01T00:00:00Z',"
		"  strftime('%Y-%m-%dT%H:%M:%SZ', month || '-01', '+1 month'), billed, invoiced, difference,"
		"  charge_ids, 'invoice ' || invoice_id || ' of account ' || billing_account_id || ', '"
		"  || lines || ' charge' || CASE lines WHEN 1 THEN '' ELSE 's' END"
		"  || coalesce(', ' || source_file || ':' || source_line, '')"
		" FROM invoice_check WHERE month = ?2 AND (?3 IS NULL OR provider = ?3 COLLATE NOCASE)"
		"  AND (abs(difference) > ?4 OR kind <> 'invoice_mismatch')"
		" ORDER BY kind, provider, billing_account_id, invoice_id", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_text(st, 2, month, -1, SQLITE_STATIC);
	if (provider)
		sqlite3_bind_text(st, 3, provider, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, tolerance);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc;
	*stored += sqlite3_changes(db);
	return SQLITE_OK;
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
