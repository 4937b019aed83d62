/*
 * price.h: unit prices at the bill's full precision, and the one exact
 * product of a unit price and a quantity.
 *
 * A unit price is not an amount. Per-GB-second, per-request and per-token
 * prices carry digits past the 9th decimal (AWS Lambda: 0.0000166667 per
 * GB-second); rounded to nanos (16667) they put every line they price off
 * the bill. So a price keeps the decimal it was given: a struct decimal
 * (money.h), at most PRICE_DIGITS significant digits, at most
 * PRICE_MAX_DECIMALS places after the point and PRICE_MAX_INT_DIGITS before
 * it, stored as canonical text (price_format). Only the product with a
 * quantity becomes money, rounded half-even to the nano once (price_mul).
 */
#ifndef COSTLEDGER_PRICE_H
#define COSTLEDGER_PRICE_H

#include <stddef.h>
#include <stdint.h>

#include "money.h"

#define PRICE_DIGITS 18         /* significant digits; trailing zeros do not count */
#define PRICE_MAX_DECIMALS 36   /* 1e-36 is the finest price */
#define PRICE_MAX_INT_DIGITS 18 /* every price is below 1e18 */
/* Longest canonical text, NUL included: "-0." and 36 decimals. */
#define PRICE_TEXT_MAX 48

/* Statuses beyond money.h's (money_status values are used as they are). */
enum price_status {
	PRICE_TOO_FINE = 100, /* more than PRICE_MAX_DECIMALS decimal places */
	PRICE_TOO_LARGE,      /* more than PRICE_MAX_INT_DIGITS digits before the point */
};

/* A short lowercase description of a price_* or money_* status. */
const char *price_strerror(int status);

/*
 * Parses a unit price from decimal text s[0..n), exactly: the syntax of
 * money_parse (spaces around, sign, digits, '.', an exponent as CUR writes
 * 1.81E-8). More than 18 significant digits: MONEY_PRECISION, never rounded.
 */
int price_parse(const char *s, size_t n, struct decimal *price);

/*
 * Decimal text to its canonical text in buf (PRICE_TEXT_MAX bytes): what
 * the ledger stores. price_parse's statuses; buf is "" unless MONEY_OK.
 */
int price_canonical(const char *s, size_t n, char *buf, size_t size);

/* A price from an integer number of units, or from nanos (exact both). */
int price_from_units(int64_t units, struct decimal *price);
int price_from_nanos(int64_t nanos, struct decimal *price);

/*
 * A price from a double, through the shortest decimal text that reads back
 * as the same double (0.1 is 0.1): what the double was written as, as far
 * as it can be known.
 */
int price_from_double(double x, struct decimal *price);

/*
 * Writes the canonical text of a price: no exponent, no trailing zeros, no
 * '+', "0" for zero ("-0" is "0"), a leading "0" before a point
 * (0.0000166667, 12.5, 300). Two prices are equal exactly when their texts
 * are. Returns the length, or -1 when buf is too small (PRICE_TEXT_MAX is
 * always enough) or the price is out of the limits above.
 */
int price_format(const struct decimal *price, char *buf, size_t size);

/*
 * price x quantity in nanos: the exact product (128 bits) rounded half-even
 * to the nano once. MONEY_OVERFLOW when it does not fit in int64 nanos.
 * Every caller that prices a quantity uses this.
 */
int price_mul(const struct decimal *price, const struct decimal *quantity, int64_t *nanos);

/*
 * price x numerator / denominator in nanos: the same exact product, with the
 * division inside it, so that it is rounded half-even to the nano once (a
 * price per hour times seconds / 3600: rounding seconds / 3600, or the
 * product before the division, can be a nano off at a tie). MONEY_RANGE when
 * denominator <= 0, MONEY_OVERFLOW when the result does not fit in int64.
 */
int price_mul_ratio(const struct decimal *price, int64_t numerator, int64_t denominator,
		    int64_t *nanos);

#endif
