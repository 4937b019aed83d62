/*
 * money.h: exact money as int64 nano-units (1e-9 of the currency unit, as
 * google.type.Money). Nothing here ever goes through a double, except
 * money_from_double, whose input already is one.
 *
 * Rounding everywhere is half-even ("banker's"): a value exactly halfway
 * between two results goes to the one whose last digit is even, so rounding
 * many values introduces no drift up or down.
 */
#ifndef COSTLEDGER_MONEY_H
#define COSTLEDGER_MONEY_H

#include <stddef.h>
#include <stdint.h>

#define MONEY_SCALE 9
#define MONEY_NANOS_PER_UNIT INT64_C(1000000000)
/* Longest text money_format writes, NUL included. */
#define MONEY_TEXT_MAX 32

enum money_status {
	MONEY_OK = 0,
	MONEY_EMPTY,     /* nothing but spaces */
	MONEY_SYNTAX,    /* not a decimal number */
	MONEY_OVERFLOW,  /* does not fit in int64 nanos */
	MONEY_RANGE,     /* an argument out of its range (decimals, NaN, inf) */
	MONEY_PRECISION, /* a quantity with more than 18 significant digits */
};

/* A short lowercase description of a status, for error messages. */
const char *money_strerror(int status);

/*
 * Parses decimal text s[0..n): optional surrounding spaces, optional sign,
 * digits with an optional '.', an optional exponent (1.81E-8), any number of
 * digits. Digits past the 9th decimal are rounded half-even and *rounded (if
 * not NULL) is set to 1 when that changed the value.
 */
int money_parse(const char *s, size_t n, int64_t *nanos, int *rounded);

/* Whole currency units to nanos. */
int money_from_units(int64_t units, int64_t *nanos);

/*
 * A double to nanos: takes the shortest decimal text that reads back as the
 * same double (so 0.1 is 0.1, not 0.1000000000000000055...) and parses it.
 */
int money_from_double(double x, int64_t *nanos, int *rounded);

/* nanos rounded half-even to `decimals` places (0..9), still in nanos. */
int money_round(int64_t nanos, int decimals, int64_t *out);

/*
 * Writes nanos as decimal text with exactly `decimals` places (0..9),
 * rounded half-even: 1.235 with 2 decimals is "1.24", 1.225 is "1.22",
 * 1.2251 is "1.23". Returns the length written, or -1 when decimals is out
 * of range or buf is too small.
 */
int money_format(int64_t nanos, int decimals, char *buf, size_t size);

/*
 * A decimal quantity: value = mantissa * 10^-scale. Holds at most 18
 * significant digits (trailing zeros do not count); decimal_parse refuses
 * more with MONEY_PRECISION, so that money_mul rounds exactly once.
 */
struct decimal {
	int64_t mantissa;
	int scale;       /* may be negative: 5E+3 is {5, -3} */
};
int decimal_parse(const char *s, size_t n, struct decimal *d, int *rounded);
int decimal_from_double(double x, struct decimal *d);

/* nanos * quantity with a 128-bit intermediate, rounded half-even. */
int money_mul(int64_t nanos, const struct decimal *quantity, int64_t *out);

/*
 * value * 10^-shift rounded half-even to an integer: the one rounding of a
 * product to nanos, shared by money_mul and price_mul (price.h). Fails with
 * MONEY_OVERFLOW when the result does not fit in int64, never wraps.
 */
int money_from_scaled(__int128 value, int shift, int64_t *nanos);

/*
 * An exact running sum that never wraps: 128 bits hold the sum of 2^64
 * int64 values. money_sum_result fails with MONEY_OVERFLOW when the total
 * does not fit in int64.
 */
struct money_sum {
	/* The 128-bit total as two halves: sqlite3_aggregate_context() gives
	 * 8-byte alignment, and an __int128 member would want 16. */
	uint64_t total_low;
	int64_t total_high;
	int64_t count;
};
void money_sum_add(struct money_sum *sum, int64_t nanos);
int money_sum_result(const struct money_sum *sum, int64_t *nanos);
/* The exact total as decimal text with 9 decimals, even past int64 (for
 * error messages); needs a buffer of 48 bytes. */
int money_sum_format(const struct money_sum *sum, char *buf, size_t size);

/*
 * A currency code as the ledger stores it: three ASCII letters, the shape of
 * an ISO 4217 code (whether it is an assigned one is not checked), written
 * upper-case to code. Every reader and option takes codes through this, so
 * "usd" in a bill and "USD" in a rate card are the same currency. Returns 0,
 * or -1 for anything else.
 */
int currency_code(const char *text, char code[4]);

#endif
