/*
 * store_charges.c: one prepared INSERT per charge.
 *
 * De-duplication by (row_key, occurrence) is store_dedup.c's.
 *
 * Tags are stored as the file wrote them. The project is the tag's text,
 * found by json_text.c on the mapping thread (charge_binding_make); only a
 * project tag that is not plain text (escapes, a number, an object) is left
 * to json_extract() in the INSERT, so that it converts as SQLite does.
 */
#include "store_charges.h"

#include "json_text.h"
#include "timeparse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct charge_store {
	sqlite3_stmt *insert;
	struct dedup dedup;
	struct statement_note note;
	sqlite3_int64 first_id;             /* to bind to the first row, else 0 */
	char tag_path[256];
	/* What ?1 and ?2 hold (NULL: nothing yet): the same for every row of a
	 * file, and bindings outlive sqlite3_reset(), so they are bound when
	 * they change. */
	sqlite3_int64 bound_import_id;
	const char *bound_source_file;
};

static const char insert_sql[] =
	"INSERT INTO charges (import_id, source_file, source_line, row_key, occurrence,"
	" line_item_id, provider, billing_account_id, sub_account_id, billing_period_start,"
	" billing_period_end, charge_period_start, charge_period_end, charge_category,"
	" charge_class, charge_description, service_name, sku_id, resource_id, instance_type,"
	" region_id, pricing_category, pricing_quantity, pricing_unit, unit_price,"
	" list_unit_price, billed_cost, effective_cost, list_cost, contracted_cost,"
	" billing_currency, invoice_id, commitment_discount_status, tags, project,"
	" commitment_discount_id, charge_id, billing_account_name, sub_account_name,"
	" invoice_issuer_name, publisher_name, host_provider_name, service_category, sku_price_id,"
	" resource_name, region_name, commitment_discount_category, commitment_discount_type,"
	" commitment_discount_name)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
	" ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33,"
	" ?34, CASE WHEN ?36 THEN json_extract(?34, ?37) ELSE ?35 END, ?38, ?39, ?40, ?41, ?42,"
	" ?43, ?44, ?45, ?46, ?47, ?48, ?49, ?50, ?51)"
	" ON CONFLICT (row_key, occurrence) DO NOTHING";

int charge_store_open(sqlite3 *db, const char *tag_key, const struct delivery *delivery,
		      sqlite3_int64 import_id, struct charge_store **out)
{
	struct charge_store *s = calloc(1, sizeof *s);
	int rc;

	*out = NULL;
	if (!s)
		return SQLITE_NOMEM;
	/* A JSON path that quotes the key, so keys with dots work. */
	snprintf(s->tag_path, sizeof s->tag_path, "$.\"%s\"", tag_key ? tag_key : "project");
	rc = dedup_open(&s->dedup, db, "charges", import_id);
	if (rc == SQLITE_OK)
		rc = statement_note_open(&s->note, db);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v3(db, insert_sql, -1, SQLITE_PREPARE_PERSISTENT, &s->insert, NULL);
	if (rc == SQLITE_OK)
		rc = delivery_first_row_id(delivery, "charges", &s->first_id);
	if (rc == SQLITE_OK && s->first_id)
		rc = sqlite3_bind_int64(s->insert, 39, s->first_id);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(s->insert, 37, s->tag_path, -1, SQLITE_STATIC);
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
	dedup_close(&s->dedup);
	statement_note_close(&s->note);
	free(s);
}

/* The text columns in the order of charge_binding.text_length. */
#define TEXT_TAGS 17
static void charge_texts(const struct charge *ch, const char *texts[CHARGE_TEXTS])
{
	texts[0] = ch->line_item_id;
	texts[1] = ch->provider;
	texts[2] = ch->billing_account_id;
	texts[3] = ch->sub_account_id;
	texts[4] = ch->charge_category;
	texts[5] = ch->charge_class;
	texts[6] = ch->charge_description;
	texts[7] = ch->service_name;
	texts[8] = ch->sku_id;
	texts[9] = ch->resource_id;
	texts[10] = ch->instance_type[0] ? ch->instance_type : NULL;
	texts[11] = ch->region_id;
	texts[12] = ch->pricing_category;
	texts[13] = ch->pricing_unit;
	texts[14] = ch->billing_currency;
	texts[15] = ch->invoice_id;
	texts[16] = ch->commitment_discount_status;
	texts[TEXT_TAGS] = ch->tags;
	texts[18] = ch->commitment_discount_id;
	texts[19] = ch->billing_account_name;
	texts[20] = ch->sub_account_name;
	texts[21] = ch->invoice_issuer_name;
	texts[22] = ch->publisher_name;
	texts[23] = ch->host_provider_name;
	texts[24] = ch->service_category;
	texts[25] = ch->sku_price_id;
	texts[26] = ch->resource_name;
	texts[27] = ch->region_name;
	texts[28] = ch->commitment_discount_category;
	texts[29] = ch->commitment_discount_type;
	texts[30] = ch->commitment_discount_name;
}

/* The parameter each of charge_texts() binds to. */
static const int text_parameter[CHARGE_TEXTS] = {6, 7, 8, 9, 14, 15, 16, 17, 18, 19, 20, 21, 22, 24,
						     31, 32, 33, 34, 38, 40, 41, 42, 43, 44, 45,
						     46, 47, 48, 49, 50, 51};

static void format_time(const struct opt_i64 *v, char *buf, int *length)
{
	*length = v->present ? time_format(v->value, buf, 32) : 0;
}

int charge_binding_make(const struct charge *ch, const char *tag_key, struct charge_binding *b)
{
	const char *texts[CHARGE_TEXTS];
	struct opt_i64 start = {1, ch->charge_period_start}, end = {1, ch->charge_period_end};
	struct json_member member;
	int i;

	charge_texts(ch, texts);
	for (i = 0; i < CHARGE_TEXTS; i++)
		b->text_length[i] = texts[i] ? (int)strlen(texts[i]) : -1;
	format_time(&ch->billing_period_start, b->time[0], &b->time_length[0]);
	format_time(&ch->billing_period_end, b->time[1], &b->time_length[1]);
	format_time(&start, b->time[2], &b->time_length[2]);
	format_time(&end, b->time[3], &b->time_length[3]);
	b->project = NULL;
	b->project_length = 0;
	b->project_by_sql = 0;
	if (!ch->tags)
		return 0;
	if (!tag_key)
		tag_key = "project";
	if (json_text_find(ch->tags, (size_t)b->text_length[TEXT_TAGS], tag_key, strlen(tag_key), &member) < 0)
		return -1;
	/* A key with a quote ends json_extract's "$.\"key\"" path early: keep
	 * SQLite's answer (an error) rather than invent another. */
	if (member.kind == JSON_MEMBER_OTHER || strchr(tag_key, '"')) {
		b->project_by_sql = 1;
	} else if (member.kind == JSON_MEMBER_PLAIN_STRING) {
		b->project = member.value;
		b->project_length = (int)member.length;
	}
	return 0;
}

static void bind_opt(sqlite3_stmt *stmt, int i, const struct opt_i64 *v)
{
	if (v->present)
		sqlite3_bind_int64(stmt, i, v->value);
	else
		sqlite3_bind_null(stmt, i);
}

/* A unit price's canonical text ("" absent: NULL); ch outlives the step. */
static void bind_price(sqlite3_stmt *stmt, int i, const char *price)
{
	if (*price)
		sqlite3_bind_text(stmt, i, price, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(stmt, i);
}

int charge_store_add(struct charge_store *s, sqlite3_int64 import_id, const char *source_file,
		     const struct charge *ch, const struct charge_binding *binding,
		     enum store_outcome *outcome)
{
	sqlite3_stmt *st = s->insert;
	const char *texts[CHARGE_TEXTS];
	int i, rc;

	charge_texts(ch, texts);
	for (i = 0; i < CHARGE_TEXTS; i++) {
		if (binding->text_length[i] >= 0)
			sqlite3_bind_text(st, text_parameter[i], texts[i], binding->text_length[i],
					  SQLITE_STATIC);
		else
			sqlite3_bind_null(st, text_parameter[i]);
	}
	/* Times: the binding outlives the step (reset below, in dedup_insert). */
	for (i = 0; i < 4; i++) {
		if (binding->time_length[i] > 0)
			sqlite3_bind_text(st, 10 + i, binding->time[i], binding->time_length[i],
					  SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 10 + i);
	}
	if (s->bound_source_file != source_file || s->bound_import_id != import_id) {
		sqlite3_bind_int64(st, 1, import_id);
		sqlite3_bind_text(st, 2, source_file, -1, SQLITE_STATIC);
		s->bound_import_id = import_id;
		s->bound_source_file = source_file;
	}
	sqlite3_bind_int64(st, 3, ch->source_line);
	sqlite3_bind_blob(st, 4, ch->row_key, 16, SQLITE_STATIC);
	if (ch->has_quantity)
		sqlite3_bind_double(st, 23, ch->pricing_quantity);
	else
		sqlite3_bind_null(st, 23);
	bind_price(st, 25, ch->unit_price);
	bind_price(st, 26, ch->list_unit_price);
	sqlite3_bind_int64(st, 27, ch->billed_cost);
	bind_opt(st, 28, &ch->effective_cost);
	bind_opt(st, 29, &ch->list_cost);
	bind_opt(st, 30, &ch->contracted_cost);
	if (binding->project)
		sqlite3_bind_text(st, 35, binding->project, binding->project_length, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 35);
	sqlite3_bind_int(st, 36, binding->project_by_sql);

	rc = statement_note_add(&s->note, import_id, ch->provider, ch->billing_account_id,
				binding->time[0], binding->time_length[0]);
	if (rc == SQLITE_OK)
		rc = dedup_insert(&s->dedup, st, ch->row_key, outcome);
	if (rc == SQLITE_OK && s->first_id && *outcome == STORE_INSERTED) {
		s->first_id = 0;
		sqlite3_bind_null(st, 39);
	}
	return rc;
}
