/*
 * price.c: exact unit prices and price x quantity. See price.h.
 *
 * Parsing is decimal_parse (money.c), which already keeps up to 18
 * significant digits exactly; a price adds the bounds that keep its
 * canonical text short. The rounding of the product is money_from_scaled,
 * the same one money_mul uses.
 */
#include "price.h"

#include <math.h>
#include <string.h>

/* The largest __int128. */
#define I128_LIMIT ((__int128)(((unsigned __int128)1 << 127) - 1))

const char *price_strerror(int status)
{
	switch (status) {
	case PRICE_TOO_FINE: return "more than 36 decimal places";
	case PRICE_TOO_LARGE: return "more than 18 digits before the decimal point";
	}
	return money_strerror(status);
}

/* Number of decimal digits of |m| (m != 0). */
static int digit_count(int64_t m)
{
	uint64_t v = m < 0 ? 0 - (uint64_t)m : (uint64_t)m;
	int n = 0;

	do {
		n++;
		v /= 10;
	} while (v);
	return n;
}

/* Drops trailing zeros into the scale and checks the bounds of price.h. */
static int price_normalize(struct decimal *price)
{
	if (price->mantissa == 0) {
		price->scale = 0;
		return MONEY_OK;
	}
	while (price->mantissa % 10 == 0) {
		price->mantissa /= 10;
		price->scale--;
	}
	if (digit_count(price->mantissa) > PRICE_DIGITS)
		return MONEY_PRECISION;
	if (price->scale > PRICE_MAX_DECIMALS)
		return PRICE_TOO_FINE;
	if (digit_count(price->mantissa) - price->scale > PRICE_MAX_INT_DIGITS)
		return PRICE_TOO_LARGE;
	return MONEY_OK;
}

int price_parse(const char *s, size_t n, struct decimal *price)
{
	struct decimal d;
	/* decimal_parse keeps every digit or refuses (MONEY_PRECISION); its
	 * MONEY_OVERFLOW is an exponent past +-400, out of range either way. */
	int status = decimal_parse(s, n, &d, NULL);

	if (status == MONEY_OK)
		status = price_normalize(&d);
	if (status == MONEY_OK)
		*price = d;
	return status;
}

int price_canonical(const char *s, size_t n, char *buf, size_t size)
{
	struct decimal price;
	int status = price_parse(s, n, &price);

	if (size)
		buf[0] = 0;
	if (status == MONEY_OK && price_format(&price, buf, size) < 0)
		status = MONEY_RANGE;
	return status;
}

int price_from_units(int64_t units, struct decimal *price)
{
	struct decimal d = {units, 0};
	int status = price_normalize(&d);

	if (status == MONEY_OK)
		*price = d;
	return status;
}

int price_from_nanos(int64_t nanos, struct decimal *price)
{
	struct decimal d = {nanos, MONEY_SCALE};
	int status = price_normalize(&d);

	if (status == MONEY_OK)
		*price = d;
	return status;
}

int price_from_double(double x, struct decimal *price)
{
	struct decimal d;
	int status;

	if (!isfinite(x))
		return MONEY_RANGE;
	status = decimal_from_double(x, &d);
	if (status == MONEY_OK)
		status = price_normalize(&d);
	if (status == MONEY_OK)
		*price = d;
	return status;
}

int price_format(const struct decimal *price, char *buf, size_t size)
{
	struct decimal d = *price;
	char digits[24], out[PRICE_TEXT_MAX];
	uint64_t v;
	int n = 0, pos = 0, i, int_digits;

	if (price_normalize(&d) != MONEY_OK)
		return -1;
	v = d.mantissa < 0 ? 0 - (uint64_t)d.mantissa : (uint64_t)d.mantissa;
	do {
		digits[n++] = (char)('0' + (int)(v % 10));
		v /= 10;
	} while (v);
	if (d.mantissa < 0)
		out[pos++] = '-';
	int_digits = n - d.scale; /* digits left of the point */
	if (int_digits <= 0)
		out[pos++] = '0';
	for (i = 0; i < int_digits; i++)
		out[pos++] = i < n ? digits[n - 1 - i] : '0';
	if (d.scale > 0) {
		out[pos++] = '.';
		for (i = int_digits; i < n; i++)
			out[pos++] = i < 0 ? '0' : digits[n - 1 - i];
	}
	if ((size_t)pos + 1 > size)
		return -1;
	memcpy(buf, out, (size_t)pos);
	buf[pos] = 0;
	return pos;
}

int price_mul(const struct decimal *price, const struct decimal *quantity, int64_t *nanos)
{
	/* Both mantissas are below 2^63 in magnitude: the product fits in 127 bits.
	 * value = product * 10^-(price scale + quantity scale); nanos shift 9 less. */
	__int128 product = (__int128)price->mantissa * quantity->mantissa;

	return money_from_scaled(product, price->scale + quantity->scale - MONEY_SCALE, nanos);
}

/* value / divisor (divisor > 0) rounded half-even. */
static __int128 div_half_even(__int128 value, __int128 divisor)
{
	__int128 q = value / divisor, r = value % divisor;
	__int128 twice = r < 0 ? -2 * r : 2 * r;

	if (twice > divisor || (twice == divisor && (q & 1)))
		q += value < 0 ? -1 : 1;
	return q;
}

int price_mul_ratio(const struct decimal *price, int64_t numerator, int64_t denominator,
		    int64_t *nanos)
{
	/* |mantissa| < 10^18 and |numerator| < 2^63: the product fits in 127 bits. */
	__int128 value = (__int128)price->mantissa * numerator, divisor = denominator;
	__int128 magnitude = value < 0 ? -value : value;
	int shift = price->scale - MONEY_SCALE;

	if (denominator <= 0)
		return MONEY_RANGE;
	for (; shift < 0; shift++) {
		/* Past 2^127 / 10 the quotient by an int64 is past int64 too. */
		if (magnitude > I128_LIMIT / 10)
			return MONEY_OVERFLOW;
		value *= 10;
		magnitude *= 10;
	}
	for (; shift > 0; shift--) {
		/* The final divisor, 10 x this at least, is then beyond twice the
		 * value: the quotient rounds to 0 (and this x 10 cannot overflow). */
		if (divisor > magnitude / 5) {
			*nanos = 0;
			return MONEY_OK;
		}
		divisor *= 10;
	}
	value = div_half_even(value, divisor);
	if (value > INT64_MAX || value < INT64_MIN)
		return MONEY_OVERFLOW;
	*nanos = (int64_t)value;
	return MONEY_OK;
}
