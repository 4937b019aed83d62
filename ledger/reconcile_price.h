/*
 * reconcile_price.h: what a charge should have cost, in its own currency:
 * the rate in force (rate_rule.h) times the bill's quantity (price_mul, the
 * one product), converted with fx_rates on the charge's day when the rate
 * is in another currency.
 */
#ifndef COSTLEDGER_RECONCILE_PRICE_H
#define COSTLEDGER_RECONCILE_PRICE_H

#include <sqlite3.h>
#include <stdint.h>

#include "money.h"
#include "rate_rule.h"

/* 1 unit of from is rate units of to on day (and after, until the next). */
struct fx_row {
	char from[4], to[4];
	int64_t day;            /* days since 1970-01-01 */
	struct decimal rate;
};

/* fx_rates sorted by (from, to, day). */
struct fx_table {
	struct fx_row *v;
	size_t n;
};

int fx_load(sqlite3 *db, struct fx_table *fx);
void fx_free(struct fx_table *fx);

/* The latest rate from -> to on or before day, or NULL. */
const struct decimal *fx_find(const struct fx_table *fx, const char *from, const char *to,
			      int64_t day);

enum charge_price_status {
	PRICED = 0,
	PRICE_NO_FX,            /* the rate's currency is not the charge's, no fx rate */
	PRICE_OVERFLOW,         /* does not fit in int64 nanos */
};

/*
 * The expected (net price) and listed (undiscounted) cost of a charge of
 * `period` seconds and quantity (NULL: the period in hours) at rate rt, in
 * `currency` (NULL or "": the rate's), converted on `day` when the rate is
 * in another currency.
 */
int price_charge(const struct rate_row *rt, const struct fx_table *fx, const char *currency,
		 int64_t day, const struct decimal *quantity, int64_t period, int64_t *expected,
		 int64_t *listed);

/* amount (in from) converted to `to` on day; PRICE_NO_FX without a rate. */
int price_convert(const struct fx_table *fx, const char *from, const char *to, int64_t day,
		  int64_t *amount);

#endif
