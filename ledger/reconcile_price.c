/*
 * reconcile_price.c: expected cost of a charge (reconcile_price.h).
 */
#include "reconcile_price.h"

/* fx_convert's statuses as a charge's. */
static int convert(const struct fx_table *fx, const char *from, const char *to, int64_t day,
		   int64_t *amount)
{
	int rc = fx_convert(fx, from, to, day, amount);

	return rc == FX_OK ? PRICED : rc == FX_NO_RATE ? PRICE_NO_FX : PRICE_OVERFLOW;
}

int price_charge(const struct rate_row *rt, const struct fx_table *fx, const char *currency,
		 int64_t day, const struct decimal *quantity, int64_t quantity_unit, int64_t period,
		 int64_t *expected, int64_t *listed)
{
	int rc = quantity ? rate_cost_in_unit(rt, quantity, quantity_unit, expected, listed)
			  : rate_cost_seconds(rt, period, 1, expected, listed);

	if (rc < 0)
		return PRICE_OVERFLOW;
	if ((rc = convert(fx, rt->currency, currency, day, expected)) != PRICED)
		return rc;
	return convert(fx, rt->currency, currency, day, listed);
}
