/* report_commitments.c: see report_commitments.h. The rule is the view's. */
#include "report_commitments.h"

#include "json_text.h"
#include "reconcile.h"

#include <stdio.h>
#include <string.h>

static const char commitments_sql[] =
	"SELECT commitment_discount_id, coalesce(provider, ''), coalesce(currency, ''), used, unused,"
	" utilisation FROM commitment_use WHERE month = ?1 ORDER BY provider, commitment_discount_id, currency";

static int prepare(sqlite3 *db, const char *month, sqlite3_stmt **st)
{
	int rc = sqlite3_prepare_v2(db, commitments_sql, -1, st, NULL);

	if (rc == SQLITE_OK)
		sqlite3_bind_text(*st, 1, month, -1, SQLITE_STATIC);
	return rc;
}

static void utilisation_text(sqlite3_stmt *st, char *buf, size_t size)
{
	if (sqlite3_column_type(st, 5) == SQLITE_NULL)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.2f%%", sqlite3_column_double(st, 5));
}

int report_commitments_table(sqlite3 *db, const char *month, FILE *out)
{
	sqlite3_stmt *st;
	char used[48], unused[48], use[16];
	int rc = prepare(db, month, &st), n = 0;

	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!n++)
			fprintf(out, "\ncommitment use in %s (effective cost)\n%-40s %-10s %-8s %13s %13s %11s\n",
				month, "commitment", "provider", "currency", "used", "unused", "utilisation");
		reconcile_money_text(sqlite3_column_int64(st, 3), used, sizeof used);
		reconcile_money_text(sqlite3_column_int64(st, 4), unused, sizeof unused);
		utilisation_text(st, use, sizeof use);
		fprintf(out, "%-40s %-10s %-8s %13s %13s %11s\n", (const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2),
			used, unused, use);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int report_commitments_json(sqlite3 *db, const char *month, FILE *out)
{
	sqlite3_stmt *st;
	char used[48], unused[48];
	int rc = prepare(db, month, &st), n = 0;

	if (rc != SQLITE_OK)
		return rc;
	fputc('[', out);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fputs(n++ ? ",{\"commitment\":" : "{\"commitment\":", out);
		json_text_write_string(out, (const char *)sqlite3_column_text(st, 0));
		fputs(",\"provider\":", out);
		json_text_write_string(out, (const char *)sqlite3_column_text(st, 1));
		fputs(",\"currency\":", out);
		json_text_write_string(out, (const char *)sqlite3_column_text(st, 2));
		reconcile_money_text(sqlite3_column_int64(st, 3), used, sizeof used);
		reconcile_money_text(sqlite3_column_int64(st, 4), unused, sizeof unused);
		fprintf(out, ",\"used\":\"%s\",\"unused\":\"%s\",\"utilisation\":", used, unused);
		if (sqlite3_column_type(st, 5) == SQLITE_NULL)
			fputs("null}", out);
		else
			fprintf(out, "%.2f}", sqlite3_column_double(st, 5));
	}
	fputc(']', out);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}
