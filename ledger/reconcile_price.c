/*
 * reconcile_price.c: expected cost of a charge (reconcile_price.h).
 */
#include "reconcile_price.h"

#include <stdlib.h>
#include <string.h>

static int fx_cmp(const void *pa, const void *pb)
{
	const struct fx_row *a = pa, *b = pb;
	int c = strcmp(a->from, b->from);

	if (!c)
		c = strcmp(a->to, b->to);
	if (!c)
		c = a->day < b->day ? -1 : a->day > b->day;
	return c;
}

int fx_load(sqlite3 *db, struct fx_table *fx)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(fx, 0, sizeof *fx);
	rc = sqlite3_prepare_v2(db, "SELECT from_currency, to_currency, unixepoch(rate_date) / 86400, rate"
				" FROM fx_rates", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *from = (const char *)sqlite3_column_text(st, 0);
		const char *to = (const char *)sqlite3_column_text(st, 1);
		const char *rate = (const char *)sqlite3_column_text(st, 3);
		struct fx_row *row;

		if (!from || !to || !rate || strlen(from) > 3 || strlen(to) > 3)
			continue;
		if (fx->n == cap) {
			struct fx_row *grown;
			cap = cap ? 2 * cap : 64;
			if (!(grown = realloc(fx->v, cap * sizeof *grown))) {
				rc = SQLITE_NOMEM;
				break;
			}
			fx->v = grown;
		}
		row = &fx->v[fx->n];
		strcpy(row->from, from);
		strcpy(row->to, to);
		row->day = sqlite3_column_int64(st, 2);
		if (decimal_parse(rate, strlen(rate), &row->rate, NULL) == MONEY_OK)
			fx->n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		fx_free(fx);
		return rc;
	}
	if (fx->n > 1)
		qsort(fx->v, fx->n, sizeof *fx->v, fx_cmp);
	return SQLITE_OK;
}

void fx_free(struct fx_table *fx)
{
	free(fx->v);
	memset(fx, 0, sizeof *fx);
}

const struct decimal *fx_find(const struct fx_table *fx, const char *from, const char *to,
			      int64_t day)
{
	struct fx_row key;
	size_t lo = 0, hi = fx->n;

	if (strlen(from) > 3 || strlen(to) > 3)
		return NULL;
	strcpy(key.from, from);
	strcpy(key.to, to);
	key.day = day;
	/* The first row after (from, to, day); the one before it, if of the pair. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (fx_cmp(&fx->v[mid], &key) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	if (strcmp(fx->v[lo - 1].from, from) || strcmp(fx->v[lo - 1].to, to))
		return NULL;
	return &fx->v[lo - 1].rate;
}

int price_convert(const struct fx_table *fx, const char *from, const char *to, int64_t day,
		  int64_t *amount)
{
	const struct decimal *rate;

	if (!to || !*to || !from || !*from || !strcmp(from, to))
		return PRICED;
	if (!(rate = fx_find(fx, from, to, day)))
		return PRICE_NO_FX;
	return money_mul(*amount, rate, amount) == MONEY_OK ? PRICED : PRICE_OVERFLOW;
}

int price_charge(const struct rate_row *rt, const struct fx_table *fx, const char *currency,
		 int64_t day, const struct decimal *quantity, int64_t period, int64_t *expected,
		 int64_t *listed)
{
	int rc = quantity ? rate_cost(rt, quantity, expected, listed)
			  : rate_cost_seconds(rt, period, 1, expected, listed);

	if (rc < 0)
		return PRICE_OVERFLOW;
	if ((rc = price_convert(fx, rt->currency, currency, day, expected)) != PRICED)
		return rc;
	return price_convert(fx, rt->currency, currency, day, listed);
}
