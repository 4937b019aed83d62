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

int report_commitments_json(sqlite3 *db, const char *month, struct json_writer *w)
{
	sqlite3_stmt *st;
	char used[48], unused[48];
	int rc = prepare(db, month, &st);

	if (rc != SQLITE_OK)
		return rc;
	json_open(w, '[');
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_open(w, '{');
		json_key(w, "commitment");
		json_string(w, (const char *)sqlite3_column_text(st, 0));
		json_key(w, "provider");
		json_string(w, (const char *)sqlite3_column_text(st, 1));
		json_key(w, "currency");
		json_string(w, (const char *)sqlite3_column_text(st, 2));
		reconcile_money_text(sqlite3_column_int64(st, 3), used, sizeof used);
		reconcile_money_text(sqlite3_column_int64(st, 4), unused, sizeof unused);
		json_key(w, "used");
		json_string(w, used);
		json_key(w, "unused");
		json_string(w, unused);
		json_key(w, "utilisation");
		if (sqlite3_column_type(st, 5) == SQLITE_NULL)
			json_null(w);
		else
			json_number(w, sqlite3_column_double(st, 5), 2);
		json_close(w, '}');
	}
	json_close(w, ']');
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}
