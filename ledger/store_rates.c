/* store_rates.c: rate card lines (with the overlap rule) and budgets. */
#include "store_rates.h"

#include "money.h"
#include "timeparse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rate_store {
	sqlite3 *db;
	sqlite3_stmt *overlap, *insert_rate, *find_budget, *upsert_budget;
};

int rate_store_open(sqlite3 *db, struct rate_store **out)
{
	struct rate_store *s = calloc(1, sizeof *s);
	int rc;

	*out = NULL;
	if (!s)
		return SQLITE_NOMEM;
	s->db = db;
	rc = sqlite3_prepare_v2(db,
		"SELECT import_id, source_file, source_line, valid_from, valid_to, unit, unit_price,"
		" currency, discount, billing_rule FROM rates WHERE provider = ?1 AND sku = ?2"
		" AND region = ?3 AND pricing_category = ?4 AND (valid_to IS NULL OR valid_to > ?5)"
		" AND (?6 IS NULL OR valid_from < ?6) ORDER BY valid_from LIMIT 1", -1, &s->overlap, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db,
			"INSERT INTO rates (import_id, source_file, source_line, provider, sku, region,"
			" pricing_category, unit, unit_price, currency, discount, billing_rule, valid_from,"
			" valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
			-1, &s->insert_rate, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db,
			"SELECT import_id, source_file, source_line, amount, currency, alert_ratio"
			" FROM budgets WHERE project = ?1 AND period = ?2", -1, &s->find_budget, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db,
			"INSERT INTO budgets (import_id, source_file, source_line, project, period, amount,"
			" currency, alert_ratio) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
			" ON CONFLICT (project, period) DO UPDATE SET import_id = excluded.import_id,"
			" source_file = excluded.source_file, source_line = excluded.source_line,"
			" amount = excluded.amount, currency = excluded.currency,"
			" alert_ratio = excluded.alert_ratio", -1, &s->upsert_budget, NULL);
	if (rc != SQLITE_OK) {
		rate_store_close(s);
		return rc;
	}
	*out = s;
	return SQLITE_OK;
}

void rate_store_close(struct rate_store *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->overlap);
	sqlite3_finalize(s->insert_rate);
	sqlite3_finalize(s->find_budget);
	sqlite3_finalize(s->upsert_budget);
	free(s);
}

static int same_text(sqlite3_stmt *st, int col, const char *s)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	if (!t || !s)
		return !t && !s;
	return !strcmp((const char *)t, s);
}

int rate_store_add(struct rate_store *s, sqlite3_int64 import_id, const char *file,
		   const struct rate *r, enum store_outcome *outcome, struct import_error *error)
{
	char from[32], to[32];
	sqlite3_stmt *st = s->overlap;
	int rc;

	time_format(r->valid_from, from, sizeof from);
	if (r->has_valid_to)
		time_format(r->valid_to, to, sizeof to);
	sqlite3_bind_text(st, 1, r->provider, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->sku, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->region, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, r->pricing_category, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, from, -1, SQLITE_STATIC);
	if (r->has_valid_to)
		sqlite3_bind_text(st, 6, to, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 6);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		int same = sqlite3_column_int64(st, 0) != import_id && same_text(st, 3, from) &&
			   same_text(st, 4, r->has_valid_to ? to : NULL) && same_text(st, 5, r->unit) &&
			   same_text(st, 6, r->unit_price) && same_text(st, 7, r->currency) &&
			   same_text(st, 8, r->discount) && same_text(st, 9, r->billing_rule);
		if (!same) {
			const unsigned char *other_to = sqlite3_column_text(st, 4);
			import_error_set(error, file, r->source_line, NULL,
					 "overlaps the rate of %s:%lld (%s %s region '%s' %s, valid %s to %s)",
					 (const char *)sqlite3_column_text(st, 1),
					 (long long)sqlite3_column_int64(st, 2), r->provider, r->sku,
					 r->region, r->pricing_category,
					 (const char *)sqlite3_column_text(st, 3),
					 other_to ? (const char *)other_to : "open end");
			sqlite3_reset(st);
			return -1;
		}
		sqlite3_reset(st);
		*outcome = STORE_DUPLICATE;
		return 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return rc;
	st = s->insert_rate;
	sqlite3_bind_int64(st, 1, import_id);
	sqlite3_bind_text(st, 2, file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, r->source_line);
	sqlite3_bind_text(st, 4, r->provider, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, r->sku, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, r->region, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, r->pricing_category, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, r->unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, r->unit_price, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, r->currency, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, r->discount, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, r->billing_rule, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, from, -1, SQLITE_STATIC);
	if (r->has_valid_to)
		sqlite3_bind_text(st, 14, to, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 14);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return rc;
	*outcome = STORE_INSERTED;
	return 0;
}

int budget_store_add(struct rate_store *s, sqlite3_int64 import_id, const char *file,
		     const struct budget *b, enum store_outcome *outcome, struct import_error *error)
{
	sqlite3_stmt *st = s->find_budget;
	int rc;

	sqlite3_bind_text(st, 1, b->project, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b->period, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (sqlite3_column_int64(st, 0) == import_id) {
			import_error_set(error, file, b->source_line, NULL,
					 "a second budget for project '%s' period %s (the first is %s:%lld)",
					 b->project, b->period, (const char *)sqlite3_column_text(st, 1),
					 (long long)sqlite3_column_int64(st, 2));
			sqlite3_reset(st);
			return -1;
		}
		if (sqlite3_column_int64(st, 3) == b->amount && same_text(st, 4, b->currency) &&
		    sqlite3_column_double(st, 5) == b->alert_ratio) {
			sqlite3_reset(st);
			*outcome = STORE_DUPLICATE;
			return 0;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return rc;
	st = s->upsert_budget;
	sqlite3_bind_int64(st, 1, import_id);
	sqlite3_bind_text(st, 2, file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, b->source_line);
	sqlite3_bind_text(st, 4, b->project, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, b->period, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, b->amount);
	sqlite3_bind_text(st, 7, b->currency, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 8, b->alert_ratio);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return rc;
	*outcome = STORE_INSERTED;
	return 0;
}
