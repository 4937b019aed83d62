/*
 * money.c: exact decimal money in int64 nanos. See money.h.
 *
 * Text is scanned once into "digits D and exponent E" (value = D * 10^E) and
 * then scaled to the wanted number of decimals by picking digits, so no
 * value ever passes through binary floating point.
 */
#include "money.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *money_strerror(int status)
{
	switch (status) {
	case MONEY_OK: return "ok";
	case MONEY_EMPTY: return "empty";
	case MONEY_SYNTAX: return "not a number";
	case MONEY_OVERFLOW: return "out of range";
	case MONEY_RANGE: return "invalid argument";
	case MONEY_PRECISION: return "more than 18 significant digits";
	}
	return "unknown error";
}

/* A scanned decimal: digits int_part then frac_part, times 10^exponent. */
struct number_text {
	int negative;
	const char *int_part, *frac_part;
	size_t n_int, n_frac;
	long exponent;
};

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int scan_number(const char *s, size_t n, struct number_text *num)
{
	const char *p = s, *end = s + n;

	memset(num, 0, sizeof *num);
	while (p < end && is_space(*p))
		p++;
	while (end > p && is_space(end[-1]))
		end--;
	if (p == end)
		return MONEY_EMPTY;
	if (*p == '+' || *p == '-')
		num->negative = *p++ == '-';
	num->int_part = p;
	while (p < end && is_digit(*p))
		p++;
	num->n_int = (size_t)(p - num->int_part);
	if (p < end && *p == '.') {
		num->frac_part = ++p;
		while (p < end && is_digit(*p))
			p++;
		num->n_frac = (size_t)(p - num->frac_part);
	}
	if (num->n_int + num->n_frac == 0)
		return MONEY_SYNTAX;
	if (p < end && (*p == 'e' || *p == 'E')) {
		int exp_negative = 0;
		long exponent = 0;
		const char *digits;

		p++;
		if (p < end && (*p == '+' || *p == '-'))
			exp_negative = *p++ == '-';
		digits = p;
		while (p < end && is_digit(*p)) {
			/* Past this the value is 0 or an overflow anyway; stop growing. */
			if (exponent < 100000)
				exponent = exponent * 10 + (*p - '0');
			p++;
		}
		if (p == digits)
			return MONEY_SYNTAX;
		num->exponent = exp_negative ? -exponent : exponent;
	}
	if (p != end)
		return MONEY_SYNTAX;
	num->exponent -= (long)num->n_frac;
	return MONEY_OK;
}

static int digit_at(const struct number_text *num, size_t i)
{
	return i < num->n_int ? num->int_part[i] - '0'
			      : num->frac_part[i - num->n_int] - '0';
}

/*
 * |value| * 10^shift rounded half-even to an integer no larger than limit.
 * Digits are taken from the left; the first dropped digit and whether any
 * later one is non-zero decide the rounding.
 */
static int scale_digits(const struct number_text *num, long shift,
			uint64_t limit, uint64_t *out, int *rounded)
{
	size_t n = num->n_int + num->n_frac, i;
	long keep = (long)n + shift; /* digits that land left of the point */
	uint64_t acc = 0;
	int round_digit = 0, sticky = 0;

	if (keep > (long)n + 40)
		keep = (long)n + 40; /* 10^40 overflows anyway, unless D is 0 */
	for (i = 0; (long)i < keep; i++) {
		int d = i < n ? digit_at(num, i) : 0;

		if (acc > (limit - (uint64_t)d) / 10) {
			/* Only an overflow if the value is not zero after all. */
			size_t j;
			for (j = 0; j < n; j++)
				if (digit_at(num, j))
					return MONEY_OVERFLOW;
			*out = 0;
			return MONEY_OK;
		}
		acc = acc * 10 + (uint64_t)d;
	}
	if (keep < 0) {
		for (i = 0; i < n; i++)
			sticky |= digit_at(num, i) != 0;
	} else if ((size_t)keep < n) {
		round_digit = digit_at(num, (size_t)keep);
		for (i = (size_t)keep + 1; i < n; i++)
			sticky |= digit_at(num, i) != 0;
	}
	if (round_digit || sticky) {
		if (rounded)
			*rounded = 1;
		if (round_digit > 5 || (round_digit == 5 && (sticky || (acc & 1)))) {
			if (acc == limit)
				return MONEY_OVERFLOW;
			acc++;
		}
	}
	*out = acc;
	return MONEY_OK;
}

int money_parse(const char *s, size_t n, int64_t *nanos, int *rounded)
{
	struct number_text num;
	uint64_t magnitude;
	int status;

	if (rounded)
		*rounded = 0;
	if ((status = scan_number(s, n, &num)) != MONEY_OK)
		return status;
	status = scale_digits(&num, num.exponent + MONEY_SCALE,
			      num.negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX,
			      &magnitude, rounded);
	if (status != MONEY_OK)
		return status;
	*nanos = num.negative ? (int64_t)(0 - magnitude) : (int64_t)magnitude;
	return MONEY_OK;
}

int money_from_units(int64_t units, int64_t *nanos)
{
	if (units > INT64_MAX / MONEY_NANOS_PER_UNIT || units < INT64_MIN / MONEY_NANOS_PER_UNIT)
		return MONEY_OVERFLOW;
	*nanos = units * MONEY_NANOS_PER_UNIT;
	return MONEY_OK;
}

/* The shortest "%.*g" text (15 to 17 digits) that reads back as x. */
static int shortest_text(double x, char *buf, size_t size)
{
	int precision;

	for (precision = 15; precision <= 17; precision++) {
		snprintf(buf, size, "%.*g", precision, x);
		if (strtod(buf, NULL) == x)
			break;
	}
	return (int)strlen(buf);
}

int money_from_double(double x, int64_t *nanos, int *rounded)
{
	char buf[40];

	if (!isfinite(x))
		return MONEY_RANGE;
	return money_parse(buf, (size_t)shortest_text(x, buf, sizeof buf), nanos, rounded);
}

static const int64_t pow10_table[] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
};

int money_round(int64_t nanos, int decimals, int64_t *out)
{
	int64_t unit, q, r, half;

	if (decimals < 0 || decimals > MONEY_SCALE)
		return MONEY_RANGE;
	unit = pow10_table[MONEY_SCALE - decimals];
	q = nanos / unit; /* truncates toward zero */
	r = nanos % unit;
	half = unit / 2;
	if (r > half || (r == half && unit > 1 && (q & 1)))
		q++;
	else if (r < -half || (r == -half && unit > 1 && (q & 1)))
		q--;
	if (q > INT64_MAX / unit || q < INT64_MIN / unit)
		return MONEY_OVERFLOW;
	*out = q * unit;
	return MONEY_OK;
}

/* Writes |v| (a 128-bit magnitude) as decimal digits; returns the length. */
static int format_u128(unsigned __int128 v, char *buf)
{
	char tmp[48];
	int n = 0, i;

	do {
		tmp[n++] = (char)('0' + (int)(v % 10));
		v /= 10;
	} while (v);
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = 0;
	return n;
}

/* value (in units of 10^-9) as text with `decimals` places, no rounding. */
static int format_scaled(__int128 value, int decimals, char *buf, size_t size)
{
	char digits[48], out[64];
	unsigned __int128 magnitude = value < 0 ? -(unsigned __int128)value : (unsigned __int128)value;
	int n, pos = 0, int_digits, i;

	magnitude /= (unsigned __int128)pow10_table[MONEY_SCALE - decimals];
	n = format_u128(magnitude, digits);
	if (value < 0 && magnitude != 0)
		out[pos++] = '-';
	int_digits = n - decimals;
	if (int_digits <= 0) {
		out[pos++] = '0';
	} else {
		memcpy(out + pos, digits, (size_t)int_digits);
		pos += int_digits;
	}
	if (decimals > 0) {
		out[pos++] = '.';
		for (i = 0; i < decimals; i++) {
			int k = int_digits + i; /* index into digits */
			out[pos++] = k < 0 ? '0' : digits[k];
		}
	}
	if ((size_t)pos + 1 > size)
		return -1;
	memcpy(buf, out, (size_t)pos);
	buf[pos] = 0;
	return pos;
}

int money_format(int64_t nanos, int decimals, char *buf, size_t size)
{
	int64_t rounded_nanos;

	if (decimals < 0 || decimals > MONEY_SCALE)
		return -1;
	if (money_round(nanos, decimals, &rounded_nanos) != MONEY_OK) {
		/* Near INT64 limits: round in 128 bits instead. */
		__int128 unit = pow10_table[MONEY_SCALE - decimals], v = nanos;
		__int128 q = v / unit, r = v % unit, half = unit / 2;

		if (r > half || (r == half && (q & 1)))
			q++;
		else if (r < -half || (r == -half && (q & 1)))
			q--;
		return format_scaled(q * unit, decimals, buf, size);
	}
	return format_scaled(rounded_nanos, decimals, buf, size);
}

#define DECIMAL_DIGITS 18

int decimal_parse(const char *s, size_t n, struct decimal *d, int *rounded)
{
	struct number_text num;
	size_t first = 0, last, total;
	long trailing, scale;
	uint64_t magnitude;
	int status;

	if (rounded)
		*rounded = 0;
	if ((status = scan_number(s, n, &num)) != MONEY_OK)
		return status;
	total = num.n_int + num.n_frac;
	while (first < total && digit_at(&num, first) == 0)
		first++;
	if (first == total) {
		d->mantissa = 0;
		d->scale = 0;
		return MONEY_OK;
	}
	last = total - 1;
	while (digit_at(&num, last) == 0)
		last--;
	/*
	 * More digits than int64 holds exactly would have to be rounded here and
	 * again after the multiplication: refuse them rather than round twice.
	 */
	if (last - first + 1 > DECIMAL_DIGITS)
		return MONEY_PRECISION;
	/* value = digits[first..last] * 10^-scale, trailing zeros dropped. */
	trailing = (long)(total - 1 - last);
	scale = -(num.exponent + trailing);
	if (scale > 400 || scale < -400)
		return MONEY_OVERFLOW;
	status = scale_digits(&num, -trailing, (uint64_t)INT64_MAX, &magnitude, rounded);
	if (status != MONEY_OK)
		return status;
	d->mantissa = num.negative ? -(int64_t)magnitude : (int64_t)magnitude;
	d->scale = (int)scale;
	return MONEY_OK;
}

int decimal_from_double(double x, struct decimal *d)
{
	char buf[40];

	if (!isfinite(x))
		return MONEY_RANGE;
	return decimal_parse(buf, (size_t)shortest_text(x, buf, sizeof buf), d, NULL);
}

static const __int128 I128_MAX = (__int128)(((unsigned __int128)1 << 127) - 1);

int money_from_scaled(__int128 value, int shift, int64_t *nanos)
{
	if (value == 0) {
		*nanos = 0;
		return MONEY_OK;
	}
	if (shift < 0) {
		for (; shift < 0; shift++) {
			if (value > I128_MAX / 10 || value < -(I128_MAX / 10))
				return MONEY_OVERFLOW;
			value *= 10;
		}
	} else if (shift > 0) {
		__int128 unit = 1, q, r, half;
		int i;

		if (shift > 38) {
			*nanos = 0; /* |value| < 2^127 < 10^39 / 2 */
			return MONEY_OK;
		}
		for (i = 0; i < shift; i++)
			unit *= 10;
		q = value / unit;
		r = value % unit;
		half = unit / 2;
		if (r > half || (r == half && (q & 1)))
			q++;
		else if (r < -half || (r == -half && (q & 1)))
			q--;
		value = q;
	}
	if (value > INT64_MAX || value < INT64_MIN)
		return MONEY_OVERFLOW;
	*nanos = (int64_t)value;
	return MONEY_OK;
}

int money_mul(int64_t nanos, const struct decimal *quantity, int64_t *out)
{
	/* |nanos| <= 2^63 and |mantissa| <= 2^63: the product fits in 127 bits. */
	return money_from_scaled((__int128)nanos * quantity->mantissa, quantity->scale, out);
}

static __int128 sum_total(const struct money_sum *sum)
{
	return (__int128)(((unsigned __int128)(uint64_t)sum->total_high << 64) | sum->total_low);
}

void money_sum_add(struct money_sum *sum, int64_t nanos)
{
	__int128 total = sum_total(sum) + nanos;

	sum->total_low = (uint64_t)total;
	sum->total_high = (int64_t)(total >> 64);
	sum->count++;
}

int money_sum_result(const struct money_sum *sum, int64_t *nanos)
{
	__int128 total = sum_total(sum);

	if (total > INT64_MAX || total < INT64_MIN)
		return MONEY_OVERFLOW;
	*nanos = (int64_t)total;
	return MONEY_OK;
}

int money_sum_format(const struct money_sum *sum, char *buf, size_t size)
{
	return format_scaled(sum_total(sum), MONEY_SCALE, buf, size);
}

int currency_code(const char *text, char code[4])
{
	int i;

	for (i = 0; i < 3; i++) {
		char c = text[i];

		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c < 'A' || c > 'Z')
			return -1;
		code[i] = c;
	}
	code[3] = 0;
	return text[3] ? -1 : 0;
}
