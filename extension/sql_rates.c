/*
 * sql_rates.c: the rate card in SQL (rate_rule.h has the rule).
 *
 * SQL Function: rate_in_force(provider, sku, sku2, category, region, at)
 *                 -> the rate_id of the row in force at `at`, or NULL
 * SQL Function: usage_cost(provider, sku, pricing, start, end, gpus)
 *                 -> nanos: [start, end) at the rates in force, split where
 *                    the rate changes, discounted, per GPU for GPU-hour rates
 * SQL Function: pricing_category(pricing) -> Standard, Dynamic, Committed, Other
 *
 * rate_in_force and usage_cost read the ledger's rates table, once per
 * statement: the card is kept with the statement (auxiliary data under a
 * negative key, which SQLite keeps until the statement is reset).
 */
#include "sql_glue.h"
SQLITE_EXTENSION_INIT3

#include "money.h"
#include "price.h"
#include "rate_card.h"
#include "timeparse.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The statement-wide key of the loaded card. */
#define RATE_CARD_AUX (-0x7261)

static char *dup_column(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	return strdup(s ? (const char *)s : "");
}

static int read_row(sqlite3_stmt *st, struct rate_row *r)
{
	const char *discount = (const char *)sqlite3_column_text(st, 8);
	const char *unit, *rule;
	struct decimal d = {0, 0};

	memset(r, 0, sizeof *r);
	r->rate_id = sqlite3_column_int64(st, 0);
	r->provider = dup_column(st, 1);
	r->sku = dup_column(st, 2);
	r->region = dup_column(st, 3);
	r->category = dup_column(st, 4);
	r->unit = dup_column(st, 5);
	r->currency = dup_column(st, 7);
	if (!r->provider || !r->sku || !r->region || !r->category || !r->unit || !r->currency)
		return SQLITE_NOMEM;
	r->unit_price = dup_column(st, 6);
	if (!r->unit_price)
		return SQLITE_NOMEM;
	if (price_parse(r->unit_price, strlen(r->unit_price), &r->price) != MONEY_OK)
		r->price = (struct decimal){0, 0};
	if (discount && decimal_parse(discount, strlen(discount), &d, NULL) == MONEY_OK)
		r->discount = d;
	r->has_discount = r->discount.mantissa != 0;
	unit = r->unit;
	rule = (const char *)sqlite3_column_text(st, 9);
	r->per_gpu = strcasecmp(unit, "gpu-hour") == 0;
	r->unit_seconds = rate_unit_seconds(unit);
	r->running = rule && strcmp(rule, "running") == 0;
	r->from = sqlite3_column_int64(st, 10);
	r->to = sqlite3_column_int64(st, 11);
	return SQLITE_OK;
}

void rate_card_free(struct rate_card *card)
{
	for (size_t i = 0; i < card->n; i++) {
		struct rate_row *r = &card->v[i];
		free(r->provider);
		free(r->sku);
		free(r->region);
		free(r->category);
		free(r->unit);
		free(r->currency);
		free(r->unit_price);
	}
	free(card->v);
	card->v = NULL;
	card->n = 0;
}

int rate_card_load(sqlite3 *db, struct rate_card *card)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	card->v = NULL;
	card->n = 0;
	rc = sqlite3_prepare_v2(db,
		"SELECT rate_id, provider, sku, region, pricing_category, unit, unit_price, currency,"
		" discount, billing_rule, unixepoch(valid_from),"
		" coalesce(unixepoch(valid_to), 9223372036854775807) FROM rates ORDER BY rate_id",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (card->n == cap) {
			struct rate_row *grown;
			cap = cap ? 2 * cap : 64;
			if (!(grown = realloc(card->v, cap * sizeof *grown))) {
				rc = SQLITE_NOMEM;
				break;
			}
			card->v = grown;
		}
		if ((rc = read_row(st, &card->v[card->n++])) != SQLITE_OK)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rate_card_free(card);
		return rc == SQLITE_ROW ? SQLITE_ERROR : rc;
	}
	rate_card_sort(card);
	return SQLITE_OK;
}

static int card_load(sqlite3 *db, void *card)
{
	return rate_card_load(db, card);
}

static void card_delete(void *card)
{
	rate_card_free(card);
	sqlite3_free(card);
}

/* The statement's card, loaded on first use; NULL after an error on ctx. */
static struct rate_card *statement_card(sqlite3_context *ctx, const char *function)
{
	return sql_statement_data(ctx, RATE_CARD_AUX, sizeof(struct rate_card), card_load,
				  card_delete, function, "rates");
}

static const char *arg_text(sqlite3_value *v)
{
	return (const char *)sqlite3_value_text(v);
}

void sql_rate_in_force(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct rate_query q;
	const struct rate_row *r;
	struct rate_card *card;
	int got;

	memset(&q, 0, sizeof q);
	q.provider = arg_text(argv[0]);
	q.sku = arg_text(argv[1]);
	q.sku2 = arg_text(argv[2]);
	q.category = arg_text(argv[3]);
	q.region = arg_text(argv[4]);
	if ((got = sql_arg_time(ctx, argv[5], "rate_in_force", 5, "at", &q.at)) <= 0)
		return;
	if (!q.provider || !(card = statement_card(ctx, "rate_in_force")))
		return;
	if ((r = rate_in_force(card, &q)))
		sqlite3_result_int64(ctx, r->rate_id);
}

void sql_usage_cost(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct rate_query q;
	const struct rate_row *first;
	struct rate_card *card;
	int64_t start, end, gpus = 1, cost, unpriced;
	int got;

	memset(&q, 0, sizeof q);
	q.provider = arg_text(argv[0]);
	q.sku = arg_text(argv[1]);
	if (sqlite3_value_type(argv[2]) != SQLITE_NULL &&
	    !(q.category = pricing_category(arg_text(argv[2])))) {
		sql_arg_error(ctx, "usage_cost", 2, "pricing", "is not a pricing: \"%s\"",
			      arg_text(argv[2]));
		return;
	}
	if ((got = sql_arg_time(ctx, argv[3], "usage_cost", 3, "start", &start)) <= 0 ||
	    (got = sql_arg_time(ctx, argv[4], "usage_cost", 4, "end", &end)) <= 0)
		return;
	if (sqlite3_value_type(argv[5]) != SQLITE_NULL &&
	    sql_arg_int64(ctx, argv[5], "usage_cost", 5, "gpus", &gpus) < 0)
		return;
	if (!q.provider || !(card = statement_card(ctx, "usage_cost")))
		return;
	if (rate_usage_cost(card, &q, start, end, gpus, &cost, &unpriced, &first) < 0) {
		sqlite3_result_error(ctx, "usage_cost: the cost does not fit in 64-bit nanos", -1);
		return;
	}
	if (first)
		sqlite3_result_int64(ctx, cost);
}

void sql_pricing_category(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *c;

	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	if (!(c = pricing_category(arg_text(argv[0])))) {
		sql_arg_error(ctx, "pricing_category", 0, "pricing", "is not a pricing: \"%s\"",
			      arg_text(argv[0]));
		return;
	}
	sqlite3_result_text(ctx, c, -1, SQLITE_STATIC);
}
