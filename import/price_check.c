/* price_check.c: see price_check.h. */
#include "price_check.h"

#include "money.h"
#include "price.h"

#include <stdint.h>
#include <stdlib.h>

int price_check_decimals(const char *s, size_t n)
{
	size_t i = 0;
	long decimals = 0, exponent = 0;
	int negative = 0;

	while (i < n && s[i] != '.' && s[i] != 'e' && s[i] != 'E')
		i++;
	if (i < n && s[i] == '.')
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			decimals++;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '-' || s[i] == '+'))
			negative = s[i++] == '-';
		for (; i < n && s[i] >= '0' && s[i] <= '9' && exponent < 1000; i++)
			exponent = 10 * exponent + (s[i] - '0');
		decimals += negative ? exponent : -exponent;
	}
	return decimals < 0 ? 0 : decimals > 99 ? 99 : (int)decimals;
}

enum price_check price_check_product(const char *price, size_t pn, const char *quantity, size_t qn,
				     const char *cost, size_t cn)
{
	struct decimal p, q;
	int64_t product, cost_nanos, tolerance = 1, difference;
	int decimals = price_check_decimals(cost, cn), i;

	if (decimal_parse(quantity, qn, &q, NULL) != MONEY_OK ||
	    money_parse(cost, cn, &cost_nanos, NULL) != MONEY_OK ||
	    price_parse(price, pn, &p) != MONEY_OK || price_mul(&p, &q, &product) != MONEY_OK)
		return PRICE_CHECK_UNREADABLE;
	if (decimals < MONEY_SCALE)
		for (tolerance = 5, i = decimals + 1; i < MONEY_SCALE; i++)
			tolerance *= 10;
	if ((product > 0 && cost_nanos < INT64_MIN + product) ||
	    (product < 0 && cost_nanos > INT64_MAX + product))
		return PRICE_CHECK_DIFFERS;
	difference = cost_nanos - product;
	return llabs(difference) <= tolerance ? PRICE_CHECK_MATCHES : PRICE_CHECK_DIFFERS;
}
