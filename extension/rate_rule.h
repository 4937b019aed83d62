/*
 * rate_rule.h: the rate in force, the one rule every caller uses (the
 * usage views through rate_in_force() and usage_cost() in SQL, the report,
 * reconcile). No SQLite here; sql_rates.c loads the card and registers the
 * SQL functions. docs/reconcile.md states the rule with examples.
 *
 * A rate card row applies to a line when
 *   - its provider equals the line's, ASCII case-folded ("AWS" is "aws");
 *   - its sku equals the line's SKU (instance type, or else SkuId) or is '*';
 *   - its pricing_category equals the line's (a line without one: Standard;
 *     usage logs say on-demand/spot/reserved/own, see pricing_category());
 *   - its region is empty, or equals the line's region; a line without a
 *     region (usage logs) takes any region;
 *   - valid_from <= t < valid_to (valid_to empty: still in force).
 * Of the rows that apply, the one that wins is: an exact SKU before '*';
 * then the line's own region before a region-less row before another region
 * (only a line without a region sees those); then the latest valid_from;
 * then the lowest rate_id.
 */
#ifndef COSTLEDGER_RATE_RULE_H
#define COSTLEDGER_RATE_RULE_H

#include <stddef.h>
#include <stdint.h>

#include "money.h"

struct rate_row {
	int64_t rate_id;
	char *provider, *sku, *region, *category, *unit, *currency;
	char *unit_price;     /* canonical decimal text, as rates holds it */
	struct decimal price; /* the same, parsed (price.h) */
	struct decimal discount;  /* 0.15: 15% off the cost */
	int has_discount;
	int running;          /* billing_rule 'running': pauses are not billed */
	int per_gpu;          /* unit 'GPU-hour': times the GPUs */
	int64_t from, to;     /* unix seconds, [from, to); to INT64_MAX when open */
	int64_t unit_seconds; /* rate_unit_seconds(unit): 0 when not a unit of time */
};

/* The card sorted by case-folded provider (rate_card_sort). */
struct rate_card {
	struct rate_row *v;
	size_t n;
};

struct rate_query {
	const char *provider;
	const char *sku, *sku2;   /* sku2: a second name of the SKU, or NULL */
	const char *category;     /* FOCUS PricingCategory; NULL: Standard */
	const char *region;       /* NULL or "": none known */
	int64_t at;               /* unix seconds */
};

/* Sorts the card for rate_in_force; call once after filling v. */
void rate_card_sort(struct rate_card *card);

/* The row that wins for q, or NULL when none applies. */
const struct rate_row *rate_in_force(const struct rate_card *card, const struct rate_query *q);

/* The FOCUS pricing category of a usage log's pricing: on-demand (or none)
 * Standard, spot Dynamic, reserved Committed, own Other; NULL for anything
 * else. Written once: the views, the report and reconcile all map with it. */
const char *pricing_category(const char *pricing);

/*
 * The cost of a quantity at rate r: *list = price_mul(price, quantity), the
 * one exact product; *net = *list less money_mul(*list, discount). Returns
 * 0, or -1 when a result does not fit in int64 nanos.
 */
int rate_cost(const struct rate_row *r, const struct decimal *quantity, int64_t *net,
	      int64_t *list);

/*
 * The same for a quantity in units of quantity_unit_seconds each (a bill's
 * PricingUnit of time, rate_unit_seconds): price x quantity x
 * quantity_unit_seconds / the rate's unit seconds, rounded once. 0, or a
 * rate whose unit is not one of time: the quantity is in the rate's unit
 * (rate_cost).
 */
int rate_cost_in_unit(const struct rate_row *r, const struct decimal *quantity,
		      int64_t quantity_unit_seconds, int64_t *net, int64_t *list);

/*
 * Seconds in one unit of a rate card's unit, ASCII case-insensitive: second
 * (seconds, sec, secs, s) 1, minute (minutes, min, mins) 60, hour (hours, hr,
 * hrs, h) and GPU-hour 3600, day (days, d) 86400; 0 for a unit that is not
 * one of time (GB-month, request).
 */
int64_t rate_unit_seconds(const char *unit);

/*
 * The cost of seconds (x gpus for a GPU-hour rate, gpus < 1 counts as 1)
 * at rate r, net of the discount: price_mul_ratio(price, seconds x gpus,
 * unit seconds), the exact product rounded once (a rate whose unit is not
 * one of time is taken per hour). list may be NULL. Returns 0, or -1 when
 * it does not fit in int64 nanos.
 */
int rate_cost_seconds(const struct rate_row *r, int64_t seconds, int64_t gpus, int64_t *net,
		      int64_t *list);

/*
 * The cost of [start, end) on gpus at the rates in force, split where the
 * rate changes: each piece at the rate in force at the piece's start, in
 * that rate's currency. A piece with no rate, or with a rate in another
 * currency than the first piece's, is left out and *unpriced_seconds counts
 * it. *first is the rate of the first priced piece (NULL: nothing priced).
 * Returns 0, or -1 when the sum does not fit in int64 nanos.
 */
int rate_usage_cost(const struct rate_card *card, const struct rate_query *q, int64_t start,
		    int64_t end, int64_t gpus, int64_t *cost, int64_t *unpriced_seconds,
		    const struct rate_row **first);

#endif
