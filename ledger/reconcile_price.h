/*
 * reconcile_price.h: what a charge should have cost, in its own currency:
 * the rate in force (rate_rule.h) times the bill's quantity (price_mul, the
 * one product), converted by the one fx rule (fx_rule.h) on the charge's
 * day when the rate is in another currency.
 */
#ifndef COSTLEDGER_RECONCILE_PRICE_H
#define COSTLEDGER_RECONCILE_PRICE_H

#include <sqlite3.h>
#include <stdint.h>

#include "fx_rule.h"
#include "money.h"
#include "rate_rule.h"

enum charge_price_status {
	PRICED = 0,
	PRICE_NO_FX,            /* the rate's currency is not the charge's, no fx rate */
	PRICE_OVERFLOW,         /* does not fit in int64 nanos */
};

/*
 * The expected (net price) and listed (undiscounted) cost of a charge of
 * `period` seconds and quantity (NULL: the period in hours; in units of
 * quantity_unit seconds each, or 0: in the rate's unit) at rate rt, in
 * `currency` (NULL or "": the rate's), converted on `day` when the rate is
 * in another currency.
 */
int price_charge(const struct rate_row *rt, const struct fx_table *fx, const char *currency,
		 int64_t day, const struct decimal *quantity, int64_t quantity_unit, int64_t period,
		 int64_t *expected, int64_t *listed);

#endif
