/*
 * store_charges.c: one prepared INSERT per charge.
 *
 * De-duplication: a charge is keyed by (row_key, occurrence), where
 * occurrence counts the earlier rows of the same file with the same key, so
 * genuine twin charges in one file both survive while a file delivered again
 * adds nothing. The fast path inserts with occurrence 0 and is right for
 * every row whose key has not been seen; only on a conflict do we count this
 * file's earlier rows with the key (inserted ones in charges, skipped ones in
 * a temp table) to find the row's true occurrence.
 *
 * Tags are stored as the file wrote them; json_extract() (for the project)
 * parses them once and rejects malformed JSON, which fails the import.
 */
#include "store_charges.h"

#include "timeparse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct charge_store {
	sqlite3 *db;
	sqlite3_stmt *insert, *count_inserted, *count_skipped, *note_skipped;
	char tag_path[256];
};

static const char insert_sql[] =
	"INSERT INTO charges (import_id, source_file, source_line, row_key, occurrence,"
	" line_item_id, provider, billing_account_id, sub_account_id, billing_period_start,"
	" billing_period_end, charge_period_start, charge_period_end, charge_category,"
	" charge_class, charge_description, service_name, sku_id, resource_id, instance_type,"
	" region_id, pricing_category, pricing_quantity, pricing_unit, unit_price,"
	" list_unit_price, billed_cost, effective_cost, list_cost, contracted_cost,"
	" billing_currency, invoice_id, commitment_discount_status, tags, project)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
	" ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33,"
	" ?34, CASE WHEN ?34 IS NOT NULL THEN json_extract(?34, ?35) END)"
	" ON CONFLICT (row_key, occurrence) DO NOTHING";

int charge_store_open(sqlite3 *db, const char *tag_key, struct charge_store **out)
{
	struct charge_store *s = calloc(1, sizeof *s);
	int rc;

	*out = NULL;
	if (!s)
		return SQLITE_NOMEM;
	s->db = db;
	/* A JSON path that quotes the key, so keys with dots work. */
	snprintf(s->tag_path, sizeof s->tag_path, "$.\"%s\"", tag_key ? tag_key : "project");
	rc = sqlite3_exec(db, "CREATE TEMP TABLE IF NOT EXISTS import_skipped"
			  " (import_id INTEGER, row_key BLOB, n INTEGER NOT NULL,"
			  "  PRIMARY KEY (import_id, row_key));"
			  " DELETE FROM temp.import_skipped", NULL, NULL, NULL); /* import_ids are reused */
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v3(db, insert_sql, -1, SQLITE_PREPARE_PERSISTENT, &s->insert, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM charges WHERE row_key = ?1 AND import_id = ?2",
					-1, &s->count_inserted, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "SELECT n FROM temp.import_skipped WHERE import_id = ?2 AND row_key = ?1",
					-1, &s->count_skipped, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "INSERT INTO temp.import_skipped VALUES (?2, ?1, 1)"
					" ON CONFLICT DO UPDATE SET n = n + 1", -1, &s->note_skipped, NULL);
	if (rc != SQLITE_OK) {
		charge_store_close(s);
		return rc;
	}
	*out = s;
	return SQLITE_OK;
}

void charge_store_close(struct charge_store *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->insert);
	sqlite3_finalize(s->count_inserted);
	sqlite3_finalize(s->count_skipped);
	sqlite3_finalize(s->note_skipped);
	free(s);
}

static void bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(stmt, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(stmt, i);
}

static void bind_opt(sqlite3_stmt *stmt, int i, const struct opt_i64 *v)
{
	if (v->present)
		sqlite3_bind_int64(stmt, i, v->value);
	else
		sqlite3_bind_null(stmt, i);
}

static void bind_time(sqlite3_stmt *stmt, int i, int64_t ms)
{
	char buf[32];
	int n = time_format(ms, buf, sizeof buf);

	sqlite3_bind_text(stmt, i, buf, n, SQLITE_TRANSIENT);
}

static void bind_opt_time(sqlite3_stmt *stmt, int i, const struct opt_i64 *v)
{
	if (v->present)
		bind_time(stmt, i, v->value);
	else
		sqlite3_bind_null(stmt, i);
}

/* Runs a one-number query on (row_key, import_id); -1 on error. */
static sqlite3_int64 count_query(sqlite3_stmt *stmt, const unsigned char *key, sqlite3_int64 import_id)
{
	sqlite3_int64 n = 0;
	int rc;

	sqlite3_bind_blob(stmt, 1, key, 16, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, import_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	else if (rc != SQLITE_DONE)
		n = -1;
	sqlite3_reset(stmt);
	return n;
}

static int run_insert(struct charge_store *s, sqlite3_int64 occurrence, int *inserted)
{
	int rc;

	sqlite3_bind_int64(s->insert, 5, occurrence);
	rc = sqlite3_step(s->insert);
	sqlite3_reset(s->insert);
	if (rc != SQLITE_DONE)
		return rc;
	*inserted = sqlite3_changes(s->db) > 0;
	return SQLITE_OK;
}

int charge_store_add(struct charge_store *s, sqlite3_int64 import_id, const char *source_file,
		     const struct charge *ch, enum store_outcome *outcome)
{
	sqlite3_stmt *st = s->insert;
	sqlite3_int64 inserted_here, skipped_here;
	int rc, inserted = 0;

	sqlite3_bind_int64(st, 1, import_id);
	sqlite3_bind_text(st, 2, source_file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, ch->source_line);
	sqlite3_bind_blob(st, 4, ch->row_key, 16, SQLITE_STATIC);
	bind_text(st, 6, ch->line_item_id);
	bind_text(st, 7, ch->provider);
	bind_text(st, 8, ch->billing_account_id);
	bind_text(st, 9, ch->sub_account_id);
	bind_opt_time(st, 10, &ch->billing_period_start);
	bind_opt_time(st, 11, &ch->billing_period_end);
	bind_time(st, 12, ch->charge_period_start);
	bind_time(st, 13, ch->charge_period_end);
	bind_text(st, 14, ch->charge_category);
	bind_text(st, 15, ch->charge_class);
	bind_text(st, 16, ch->charge_description);
	bind_text(st, 17, ch->service_name);
	bind_text(st, 18, ch->sku_id);
	bind_text(st, 19, ch->resource_id);
	bind_text(st, 20, ch->instance_type[0] ? ch->instance_type : NULL);
	bind_text(st, 21, ch->region_id);
	bind_text(st, 22, ch->pricing_category);
	if (ch->has_quantity)
		sqlite3_bind_double(st, 23, ch->pricing_quantity);
	else
		sqlite3_bind_null(st, 23);
	bind_text(st, 24, ch->pricing_unit);
	bind_opt(st, 25, &ch->unit_price);
	bind_opt(st, 26, &ch->list_unit_price);
	sqlite3_bind_int64(st, 27, ch->billed_cost);
	bind_opt(st, 28, &ch->effective_cost);
	bind_opt(st, 29, &ch->list_cost);
	bind_opt(st, 30, &ch->contracted_cost);
	bind_text(st, 31, ch->billing_currency);
	bind_text(st, 32, ch->invoice_id);
	bind_text(st, 33, ch->commitment_discount_status);
	bind_text(st, 34, ch->tags);
	sqlite3_bind_text(st, 35, s->tag_path, -1, SQLITE_STATIC);

	if ((rc = run_insert(s, 0, &inserted)) != SQLITE_OK)
		return rc;
	if (inserted) {
		*outcome = STORE_INSERTED;
		return SQLITE_OK;
	}
	/* Slow path: the key exists; which occurrence of it is this row? */
	inserted_here = count_query(s->count_inserted, ch->row_key, import_id);
	skipped_here = count_query(s->count_skipped, ch->row_key, import_id);
	if (inserted_here < 0 || skipped_here < 0)
		return sqlite3_errcode(s->db);
	if (inserted_here + skipped_here > 0 &&
	    (rc = run_insert(s, inserted_here + skipped_here, &inserted)) != SQLITE_OK)
		return rc;
	if (inserted) {
		*outcome = STORE_INSERTED;
		return SQLITE_OK;
	}
	count_query(s->note_skipped, ch->row_key, import_id);
	*outcome = STORE_DUPLICATE;
	return SQLITE_OK;
}
