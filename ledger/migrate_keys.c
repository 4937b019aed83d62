/* migrate_keys.c: the row keys of an older ledger, recomputed. See migrate_keys.h. */
#include "migrate_keys.h"

#include "charge.h"
#include "timeparse.h"

#include <stdio.h>
#include <string.h>

/* The columns charge_row_key() reads, in the order row_from_columns() takes them. */
#define KEY_COLUMNS \
	"rowid, line_item_id, provider, billing_account_id, sub_account_id," \
	" billing_period_start, billing_period_end, charge_period_start, charge_period_end," \
	" charge_category, charge_class, charge_description, service_name, sku_id, resource_id," \
	" instance_type, region_id, pricing_category, pricing_quantity, pricing_unit, unit_price," \
	" list_unit_price, billed_cost, effective_cost, list_cost, contracted_cost," \
	" billing_currency, invoice_id, commitment_discount_status, tags, commitment_discount_id," \
	" billing_account_name, sub_account_name, invoice_issuer_name, publisher_name," \
	" host_provider_name, service_category, sku_price_id, resource_name, region_name," \
	" commitment_discount_category, commitment_discount_type, commitment_discount_name"

static const char *text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

static void opt_time(sqlite3_stmt *s, int i, struct opt_i64 *v)
{
	const char *t = text(s, i);

	v->present = t && time_parse(t, strlen(t), 0, &v->value) == TIME_OK;
	if (!v->present)
		v->value = 0;
}

static void opt_int(sqlite3_stmt *s, int i, struct opt_i64 *v)
{
	v->present = sqlite3_column_type(s, i) != SQLITE_NULL;
	v->value = v->present ? sqlite3_column_int64(s, i) : 0;
}

static void copy_text(sqlite3_stmt *s, int i, char *out, size_t size)
{
	snprintf(out, size, "%s", text(s, i) ? text(s, i) : "");
}

/* The typed record a stored row was made from (texts point into the row). */
static void row_from_columns(sqlite3_stmt *s, struct charge *ch)
{
	const char **texts[] = {
		&ch->line_item_id, &ch->provider, &ch->billing_account_id, &ch->sub_account_id,
	};
	const char **later[] = {
		&ch->billing_currency, &ch->invoice_id, &ch->commitment_discount_status, &ch->tags,
		&ch->commitment_discount_id, &ch->billing_account_name, &ch->sub_account_name,
		&ch->invoice_issuer_name, &ch->publisher_name, &ch->host_provider_name,
		&ch->service_category, &ch->sku_price_id, &ch->resource_name, &ch->region_name,
		&ch->commitment_discount_category, &ch->commitment_discount_type,
		&ch->commitment_discount_name,
	};
	struct opt_i64 start, end;
	size_t i;

	memset(ch, 0, sizeof *ch);
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
		*texts[i] = text(s, 1 + (int)i);
	opt_time(s, 5, &ch->billing_period_start);
	opt_time(s, 6, &ch->billing_period_end);
	opt_time(s, 7, &start);
	opt_time(s, 8, &end);
	ch->charge_period_start = start.value;
	ch->charge_period_end = end.value;
	ch->charge_category = text(s, 9);
	ch->charge_class = text(s, 10);
	ch->charge_description = text(s, 11);
	ch->service_name = text(s, 12);
	ch->sku_id = text(s, 13);
	ch->resource_id = text(s, 14);
	copy_text(s, 15, ch->instance_type, sizeof ch->instance_type);
	ch->region_id = text(s, 16);
	ch->pricing_category = text(s, 17);
	ch->has_quantity = sqlite3_column_type(s, 18) != SQLITE_NULL;
	ch->pricing_quantity = ch->has_quantity ? sqlite3_column_double(s, 18) : 0;
	ch->pricing_unit = text(s, 19);
	copy_text(s, 20, ch->unit_price, sizeof ch->unit_price);
	copy_text(s, 21, ch->list_unit_price, sizeof ch->list_unit_price);
	ch->billed_cost = sqlite3_column_int64(s, 22);
	opt_int(s, 23, &ch->effective_cost);
	opt_int(s, 24, &ch->list_cost);
	opt_int(s, 25, &ch->contracted_cost);
	for (i = 0; i < sizeof later / sizeof later[0]; i++)
		*later[i] = text(s, 26 + (int)i);
}

/* temp.new_keys gets (rowid, row_key) of every row of `table`. */
static int compute_keys(sqlite3 *db, const char *table)
{
	char sql[2048];
	sqlite3_stmt *rows = NULL, *insert = NULL;
	struct charge ch;
	int rc;

	snprintf(sql, sizeof sql, "SELECT " KEY_COLUMNS " FROM %s", table);
	rc = sqlite3_exec(db, "CREATE TEMP TABLE IF NOT EXISTS new_keys (id INTEGER PRIMARY KEY,"
			  " row_key BLOB NOT NULL); DELETE FROM temp.new_keys", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, sql, -1, &rows, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "INSERT INTO temp.new_keys VALUES (?1, ?2)", -1, &insert, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
		row_from_columns(rows, &ch);
		charge_row_key(&ch);
		sqlite3_bind_int64(insert, 1, sqlite3_column_int64(rows, 0));
		sqlite3_bind_blob(insert, 2, ch.row_key, sizeof ch.row_key, SQLITE_STATIC);
		rc = sqlite3_step(insert) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
		sqlite3_reset(insert);
	}
	sqlite3_finalize(rows);
	sqlite3_finalize(insert);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int migrate_charge_keys(sqlite3 *db)
{
	int rc = compute_keys(db, "charges");

	/* The occurrences by new key, then both columns at once, the old
	 * occurrences first moved out of the way (negative, one per row), so
	 * that no row meets another's (row_key, occurrence) on the way. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db,
				  "CREATE TEMP TABLE new_occurrences (id INTEGER PRIMARY KEY, n INTEGER);"
				  "INSERT INTO temp.new_occurrences SELECT k.id, row_number() OVER (PARTITION BY"
				  " k.row_key ORDER BY c.import_id, c.source_line, c.charge_id) - 1"
				  " FROM temp.new_keys k JOIN charges c ON c.charge_id = k.id;"
				  "UPDATE charges SET occurrence = -charge_id;"
				  "UPDATE charges SET row_key = (SELECT k.row_key FROM temp.new_keys k"
				  " WHERE k.id = charges.charge_id), occurrence = (SELECT o.n FROM"
				  " temp.new_occurrences o WHERE o.id = charges.charge_id);"
				  "DROP TABLE temp.new_occurrences;",
				  NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = compute_keys(db, "charge_history");
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db,
				  "UPDATE charge_history SET row_key = (SELECT k.row_key FROM temp.new_keys k"
				  " WHERE k.id = charge_history.rowid);"
				  "DROP TABLE temp.new_keys;",
				  NULL, NULL, NULL);
	return rc;
}
