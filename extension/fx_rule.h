/*
 * fx_rule.h: the exchange rate of a day, the one rule every conversion
 * uses (reconcile's expected amounts, the budget_status view and report
 * --currency, through fx_convert() in SQL). No SQLite here; sql_fx.c loads
 * the table and registers the SQL function. docs/functions.md states it.
 *
 * An fx_rates row (date, from, to, rate) says: from `date` on, 1 unit of
 * `from` is `rate` units of `to`. Converting an amount from F to T on day d:
 *   - F or T missing (NULL or ""), or F equal to T (ASCII case-folded,
 *     "usd" is "USD"): the amount as it is;
 *   - else the row F -> T with the latest date on or before d; no inverse
 *     is derived (a T -> F row does not convert F into T), no chain;
 *   - the amount x rate is money_mul: the exact 128-bit product rounded
 *     half-even to the nano once;
 *   - no such row: no conversion (FX_NO_RATE; NULL in SQL).
 */
#ifndef COSTLEDGER_FX_RULE_H
#define COSTLEDGER_FX_RULE_H

#include <stddef.h>
#include <stdint.h>

#include "money.h"

struct fx_row {
	char from[4], to[4];    /* upper-case */
	int64_t day;            /* days since 1970-01-01 */
	struct decimal rate;
};

/* fx_rates sorted by (from, to, day): fill v, then fx_table_sort. */
struct fx_table {
	struct fx_row *v;
	size_t n;
};

/* Sorts the table for fx_find; call once after filling v. */
void fx_table_sort(struct fx_table *fx);

/* The day (days since 1970-01-01, UTC) of unix seconds t, rounded down. */
int64_t fx_day(int64_t unix_seconds);

/* The rate from -> to in force on day (case-folded codes), or NULL. */
const struct decimal *fx_find(const struct fx_table *fx, const char *from, const char *to,
			      int64_t day);

enum fx_status {
	FX_OK = 0,      /* *amount converted, or left as it is (same or no currency) */
	FX_NO_RATE,     /* no rate from -> to on or before day: *amount unchanged */
	FX_OVERFLOW,    /* the result does not fit in int64 nanos: *amount unchanged */
};

/* *amount (nanos of from) in `to` on day, by the rule above. */
int fx_convert(const struct fx_table *fx, const char *from, const char *to, int64_t day,
	       int64_t *amount);

#endif
