/* restated.c: see restated.h. */
#include "restated.h"

#include "query_lines.h"
#include "reconcile.h"

/*
 * The latest run of the month and, per currency, the month's billed total
 * as the ledger stood at that run (imports up to last_import_id) and now.
 * A row only when something changed.
 */
static const char note_sql[] =
	"WITH run AS (SELECT reconciliation_id, coalesce(last_import_id, 0) AS last FROM reconciliations"
	"  WHERE month = ?1 AND provider IS ?4 ORDER BY reconciliation_id DESC LIMIT 1),"
	" month AS (SELECT v.billing_currency AS currency, v.billed_cost,"
	"  v.import_id <= run.last AND (v.superseded_by IS NULL OR v.superseded_by > run.last) AS then_,"
	"  v.superseded_by IS NULL AS now_ FROM charge_versions v, run"
	"  WHERE v.charge_period_start >= ?2 AND v.charge_period_start < ?3"
	"  AND (?4 IS NULL OR v.provider = ?4 COLLATE NOCASE))"
	" SELECT (SELECT reconciliation_id FROM run), (SELECT last FROM run),"
	"  coalesce(currency, '(no currency)'),"
	"  coalesce(" SQL_EXACT_AMOUNT("money_total(CASE WHEN then_ THEN billed_cost END)") ", '0'),"
	"  coalesce(" SQL_EXACT_AMOUNT("money_total(CASE WHEN now_ THEN billed_cost END)") ", '0'),"
	"  coalesce(" SQL_EXACT_AMOUNT("money_total(CASE WHEN now_ AND NOT then_ THEN billed_cost"
	"   WHEN then_ AND NOT now_ THEN -billed_cost END)") ", '0')"
	" FROM month GROUP BY currency HAVING count(CASE WHEN then_ <> now_ THEN 1 END) > 0"
	" ORDER BY currency";

int restated_note(sqlite3 *db, const char *month, const char *provider, FILE *out)
{
	sqlite3_stmt *stmt;
	char start[32], end[32];
	int rc;

	if (reconcile_month_bounds(month, start, end) < 0)
		return SQLITE_OK;
	rc = sqlite3_prepare_v2(db, note_sql, -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, month, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, start, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, end, -1, SQLITE_STATIC);
	if (provider)
		sqlite3_bind_text(stmt, 4, provider, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		fprintf(out, "costledger: note: %s was restated since reconciliation run %lld (imports up "
			"to %lld): billed %s then, %s now (difference %s %s); 'costledger diff' lists the "
			"lines\n", month, sqlite3_column_int64(stmt, 0), sqlite3_column_int64(stmt, 1),
			(const char *)sqlite3_column_text(stmt, 3), (const char *)sqlite3_column_text(stmt, 4),
			(const char *)sqlite3_column_text(stmt, 5), (const char *)sqlite3_column_text(stmt, 2));
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}
