/*
 * check_money.c: exact money of extension/money.c. Ordinary values ("core")
 * and the edges ("limits"): int64 nanos at both ends, half-even ties both
 * ways, E notation that underflows to 0 or overflows, sums past int64.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check_util.h"
#include "money.h"

#define ROWS(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* --- money_parse ---------------------------------------------------------- */

struct parse_row {
	const char *text;
	int status;
	int64_t nanos;   /* MONEY_OK */
	int rounded;     /* MONEY_OK: expected *rounded */
};

#define P_OK(t, v, r) { t, MONEY_OK, v, r }
#define P_ERR(t, st) { t, st, 0, 0 }

static const struct parse_row parse_core[] = {
	P_OK("0", 0, 0),
	P_OK("-0", 0, 0),
	P_OK("+0", 0, 0),
	P_OK("0.000000000", 0, 0),
	P_OK("1", 1000000000, 0),
	P_OK("1.624", 1624000000, 0),
	P_OK("-2.6137", -2613700000, 0),
	P_OK("+3.5", 3500000000, 0),
	P_OK(".5", 500000000, 0),
	P_OK("5.", 5000000000, 0),
	P_OK("0.000000001", 1, 0),
	P_OK("-0.000000001", -1, 0),
	/* 9 decimals are exact; the 10th rounds half-even. */
	P_OK("0.123456789", 123456789, 0),
	P_OK("0.1234567891", 123456789, 1),
	P_OK("0.1234567896", 123456790, 1),
	P_OK("1.00000000000", 1000000000, 0), /* zeros past 9 decimals change nothing */
	/* the 11-decimal costs of the FOCUS sample */
	P_OK("0.00524799996", 5248000, 1),
	/* ties */
	P_OK("0.0000000005", 0, 1),
	P_OK("0.0000000015", 2, 1),
	P_OK("0.0000000025", 2, 1),
	P_OK("0.0000000035", 4, 1),
	P_OK("-0.0000000005", 0, 1),
	P_OK("-0.0000000015", -2, 1),
	P_OK("-0.0000000025", -2, 1),
	P_OK("0.00000000050000000001", 1, 1), /* just past the tie */
	P_OK("0.00000000049999999999", 0, 1),
	/* E notation, as in the CUR sample */
	P_OK("1.81E-8", 18, 1),
	P_OK("1.85E-8", 18, 1),    /* 18.5 -> 18 */
	P_OK("1.95e-8", 20, 1),    /* 19.5 -> 20 */
	P_OK("35.2E-7", 3520, 0),
	P_OK("1E3", 1000000000000, 0),
	P_OK("1e+3", 1000000000000, 0),
	P_OK("-2.5E0", -2500000000, 0),
	P_OK("0e400", 0, 0),
	P_OK("0.0E-5", 0, 0),
	P_OK("1e-400", 0, 1),
	P_OK("-1e-400", 0, 1),
	P_OK("5e-10", 0, 1),
	P_OK("6e-10", 1, 1),
	P_OK("15e-10", 2, 1),
	/* spaces around, not inside */
	P_OK("  12.5  ", 12500000000, 0),
	P_OK("\t-1\t", -1000000000, 0),
	P_OK(" \r\n7\r\n", 7000000000, 0),
	/* many digits */
	P_OK("000000000000000000000000000001.5", 1500000000, 0),
	P_OK("1.000000000000000000000000000001", 1000000000, 1),
};

static const struct parse_row parse_limits[] = {
	/* INT64_MAX and INT64_MIN nanos */
	P_OK("9223372036.854775807", INT64_MAX, 0),
	P_OK("-9223372036.854775808", INT64_MIN, 0),
	P_OK("9223372036854775807e-9", INT64_MAX, 0),
	P_OK("-9223372036854775808E-9", INT64_MIN, 0),
	P_OK("9223372036.8547758074", INT64_MAX, 1),   /* rounds down, fits */
	P_OK("-9223372036.8547758084", INT64_MIN, 1),
	P_ERR("9223372036.854775808", MONEY_OVERFLOW),
	P_ERR("-9223372036.854775809", MONEY_OVERFLOW),
	P_ERR("9223372036.8547758075", MONEY_OVERFLOW), /* rounds up past the top */
	P_ERR("9223372037", MONEY_OVERFLOW),
	P_ERR("99999999999999999999999999999", MONEY_OVERFLOW),
	P_ERR("1e400", MONEY_OVERFLOW),
	P_ERR("-1e400", MONEY_OVERFLOW),
	P_ERR("1e99999999999999999999", MONEY_OVERFLOW),
	P_OK("1e-99999999999999999999", 0, 1),
	P_OK("9.223372036854775807E9", INT64_MAX, 0),
	/* empty and syntax */
	P_ERR("", MONEY_EMPTY),
	P_ERR("   ", MONEY_EMPTY),
	P_ERR("12,5", MONEY_SYNTAX),
	P_ERR("1.2.3", MONEY_SYNTAX),
	P_ERR("-", MONEY_SYNTAX),
	P_ERR("+", MONEY_SYNTAX),
	P_ERR(".", MONEY_SYNTAX),
	P_ERR("-.", MONEY_SYNTAX),
	P_ERR("e5", MONEY_SYNTAX),
	P_ERR("1e", MONEY_SYNTAX),
	P_ERR("1e+", MONEY_SYNTAX),
	P_ERR("1e-", MONEY_SYNTAX),
	P_ERR("1 000", MONEY_SYNTAX),
	P_ERR("- 1", MONEY_SYNTAX),
	P_ERR("--1", MONEY_SYNTAX),
	P_ERR("+-1", MONEY_SYNTAX),
	P_ERR("$1", MONEY_SYNTAX),
	P_ERR("1$", MONEY_SYNTAX),
	P_ERR("0x10", MONEY_SYNTAX),
	P_ERR("NaN", MONEY_SYNTAX),
	P_ERR("inf", MONEY_SYNTAX),
	P_ERR("1.5e2.5", MONEY_SYNTAX),
	P_ERR("NULL", MONEY_SYNTAX),
};

static void check_parse_row(const struct parse_row *r)
{
	int64_t nanos = 12345;
	int rounded = -1;
	int status = money_parse(r->text, strlen(r->text), &nanos, &rounded);

	ck_assert_msg(status == r->status, "money_parse('%s'): status %d (%s), want %d",
		      r->text, status, money_strerror(status), r->status);
	if (r->status == MONEY_OK) {
		ck_assert_msg(nanos == r->nanos, "money_parse('%s'): %lld, want %lld", r->text,
			      (long long)nanos, (long long)r->nanos);
		ck_assert_msg(rounded == r->rounded, "money_parse('%s'): rounded %d, want %d",
			      r->text, rounded, r->rounded);
		/* NULL for rounded is allowed */
		ck_assert_int_eq(money_parse(r->text, strlen(r->text), &nanos, NULL), MONEY_OK);
	}
}

START_TEST(core_parse)
{
	check_parse_row(&parse_core[_i]);
}
END_TEST

START_TEST(limits_parse)
{
	check_parse_row(&parse_limits[_i]);
}
END_TEST

/* Only s[0..n) is read: the bytes after n are never looked at. */
START_TEST(limits_parse_length)
{
	int64_t v = 0;

	ck_assert_int_eq(money_parse("12.5xyz", 4, &v, NULL), MONEY_OK);
	ck_assert_int_eq(v, 12500000000);
	ck_assert_int_eq(money_parse("1e5", 1, &v, NULL), MONEY_OK);
	ck_assert_int_eq(v, 1000000000);
	ck_assert_int_eq(money_parse("7", 0, &v, NULL), MONEY_EMPTY);
	ck_assert_str_eq(money_strerror(MONEY_SYNTAX), "not a number");
	ck_assert_str_eq(money_strerror(MONEY_OVERFLOW), "out of range");
	ck_assert_str_eq(money_strerror(999), "unknown error");
}
END_TEST

/* --- money_format and money_round ----------------------------------------- */

struct format_row {
	int64_t nanos;
	int decimals;
	const char *want;   /* NULL: money_format returns -1 */
};

static const struct format_row format_core[] = {
	{0, 0, "0"}, {0, 2, "0.00"}, {0, 9, "0.000000000"},
	{1624000000, 2, "1.62"}, {1624000000, 3, "1.624"}, {1624000000, 9, "1.624000000"},
	{-2613700000, 2, "-2.61"}, {-2613700000, 4, "-2.6137"},
	/* the header's examples: 1.235 -> 1.24, 1.225 -> 1.22, 1.2251 -> 1.23 */
	{1235000000, 2, "1.24"}, {1225000000, 2, "1.22"}, {1225100000, 2, "1.23"},
	{-1235000000, 2, "-1.24"}, {-1225000000, 2, "-1.22"}, {-1225100000, 2, "-1.23"},
	/* every number of decimals on one value */
	{123456789, 0, "0"}, {123456789, 1, "0.1"}, {123456789, 2, "0.12"},
	{123456789, 3, "0.123"}, {123456789, 4, "0.1235"}, {123456789, 5, "0.12346"},
	{123456789, 6, "0.123457"}, {123456789, 7, "0.1234568"}, {123456789, 8, "0.12345679"},
	{123456789, 9, "0.123456789"},
	/* ties to even at 0 decimals */
	{500000000, 0, "0"}, {1500000000, 0, "2"}, {2500000000, 0, "2"}, {3500000000, 0, "4"},
	{-500000000, 0, "0"}, {-1500000000, 0, "-2"}, {-2500000000, 0, "-2"},
	/* a small negative that rounds to zero is "0", not "-0" */
	{-1, 2, "0.00"}, {-4999999, 2, "0.00"}, {-5000000, 2, "0.00"}, {-5000001, 2, "-0.01"},
	{1, 9, "0.000000001"}, {-1, 9, "-0.000000001"}, {5, 8, "0.00000000"}, {15, 8, "0.00000002"},
	{999999999, 2, "1.00"}, {-999999999, 0, "-1"},
};

static const struct format_row format_limits[] = {
	{INT64_MAX, 9, "9223372036.854775807"},
	{INT64_MIN, 9, "-9223372036.854775808"},
	{INT64_MAX, 0, "9223372037"},   /* rounds past int64 nanos: still printed */
	{INT64_MIN, 0, "-9223372037"},
	{INT64_MAX, 2, "9223372036.85"},
	{INT64_MIN, 2, "-9223372036.85"},
	{INT64_MAX, 8, "9223372036.85477581"},
	{INT64_MIN, 8, "-9223372036.85477581"},
	{0, -1, NULL}, {0, 10, NULL}, {INT64_MAX, 10, NULL},
};

static void check_format_row(const struct format_row *r)
{
	char buf[MONEY_TEXT_MAX];
	int n;

	memset(buf, 'x', sizeof buf);
	n = money_format(r->nanos, r->decimals, buf, sizeof buf);
	if (!r->want) {
		ck_assert_msg(n == -1, "money_format(%lld, %d): %d, want -1",
			      (long long)r->nanos, r->decimals, n);
		return;
	}
	ck_assert_msg(n == (int)strlen(r->want) && strcmp(buf, r->want) == 0,
		      "money_format(%lld, %d): '%s' (%d), want '%s'", (long long)r->nanos,
		      r->decimals, n >= 0 ? buf : "-", n, r->want);
	/* Exactly big enough works; one byte less does not. */
	ck_assert_int_eq(money_format(r->nanos, r->decimals, buf, (size_t)n + 1), n);
	ck_assert_int_eq(money_format(r->nanos, r->decimals, buf, (size_t)n), -1);
}

START_TEST(core_format)
{
	check_format_row(&format_core[_i]);
}
END_TEST

START_TEST(limits_format)
{
	check_format_row(&format_limits[_i]);
}
END_TEST

struct round_row {
	int64_t nanos;
	int decimals;
	int status;
	int64_t want;
};

static const struct round_row round_rows[] = {
	{1235000000, 2, MONEY_OK, 1240000000},
	{1225000000, 2, MONEY_OK, 1220000000},
	{1225000001, 2, MONEY_OK, 1230000000},
	{-1235000000, 2, MONEY_OK, -1240000000},
	{-1225000000, 2, MONEY_OK, -1220000000},
	{2500000000, 0, MONEY_OK, 2000000000},
	{-2500000000, 0, MONEY_OK, -2000000000},
	{3500000000, 0, MONEY_OK, 4000000000},
	{5, 8, MONEY_OK, 0},
	{15, 8, MONEY_OK, 20},
	{-15, 8, MONEY_OK, -20},
	{123456789, 9, MONEY_OK, 123456789},
	{0, 0, MONEY_OK, 0},
	{INT64_MAX, 9, MONEY_OK, INT64_MAX},
	{INT64_MIN, 9, MONEY_OK, INT64_MIN},
	{INT64_MAX, 2, MONEY_OK, 9223372036850000000},
	{INT64_MIN, 2, MONEY_OK, -9223372036850000000},
	{INT64_MAX, 0, MONEY_OVERFLOW, 0},   /* 9223372037 units do not fit */
	{INT64_MIN, 0, MONEY_OVERFLOW, 0},
	{INT64_MAX, 8, MONEY_OVERFLOW, 0},   /* ...810 > ...807 */
	{1, -1, MONEY_RANGE, 0},
	{1, 10, MONEY_RANGE, 0},
};

START_TEST(limits_round)
{
	const struct round_row *r = &round_rows[_i];
	int64_t out = 777;
	int status = money_round(r->nanos, r->decimals, &out);

	ck_assert_msg(status == r->status, "money_round(%lld, %d): status %d, want %d",
		      (long long)r->nanos, r->decimals, status, r->status);
	if (r->status == MONEY_OK)
		ck_assert_msg(out == r->want, "money_round(%lld, %d): %lld, want %lld",
			      (long long)r->nanos, r->decimals, (long long)out, (long long)r->want);
}
END_TEST

/* --- decimal_parse and money_mul ------------------------------------------ */

struct decimal_row {
	const char *text;
	int status;
	int64_t mantissa;
	int scale;
	int rounded;
};

static const struct decimal_row decimal_rows[] = {
	{"1.5", MONEY_OK, 15, 1, 0},
	{"0", MONEY_OK, 0, 0, 0},
	{"-0.000", MONEY_OK, 0, 0, 0},
	{"100", MONEY_OK, 1, -2, 0},          /* trailing zeros go into the scale */
	{"1.50000000000000000000", MONEY_OK, 15, 1, 0}, /* and do not count as digits */
	{"5E+3", MONEY_OK, 5, -3, 0},
	{"-2.5e-3", MONEY_OK, -25, 4, 0},
	{"0.001", MONEY_OK, 1, 3, 0},
	{"123456789012345678", MONEY_OK, 123456789012345678, 0, 0},
	/* 19 significant digits would be rounded, then rounded again by money_mul: refused */
	{"1234567890123456789", MONEY_PRECISION, 0, 0, 0},
	{"1234567890123456785", MONEY_PRECISION, 0, 0, 0},
	{"0.1234567890123456789", MONEY_PRECISION, 0, 0, 0},
	{"1e400", MONEY_OK, 1, -400, 0},
	{"1e-400", MONEY_OK, 1, 400, 0},
	{"1e401", MONEY_OVERFLOW, 0, 0, 0},
	{"", MONEY_EMPTY, 0, 0, 0},
	{"1.2.3", MONEY_SYNTAX, 0, 0, 0},
	{"12,5", MONEY_SYNTAX, 0, 0, 0},
	{"e5", MONEY_SYNTAX, 0, 0, 0},
};

START_TEST(core_decimal)
{
	const struct decimal_row *r = &decimal_rows[_i];
	struct decimal d = {-1, -1};
	int rounded = -1;
	int status = decimal_parse(r->text, strlen(r->text), &d, &rounded);

	ck_assert_msg(status == r->status, "decimal_parse('%s'): status %d, want %d", r->text,
		      status, r->status);
	if (status != MONEY_OK)
		return;
	ck_assert_msg(d.mantissa == r->mantissa && d.scale == r->scale,
		      "decimal_parse('%s'): {%lld, %d}, want {%lld, %d}", r->text,
		      (long long)d.mantissa, d.scale, (long long)r->mantissa, r->scale);
	ck_assert_msg(rounded == r->rounded, "decimal_parse('%s'): rounded %d, want %d",
		      r->text, rounded, r->rounded);
}
END_TEST

struct mul_row {
	const char *money;
	const char *quantity;
	int status;
	int64_t want;
};

static const struct mul_row mul_rows[] = {
	/* README: money_mul(money('1.624'), '1.5') = 2.436 */
	{"1.624", "1.5", MONEY_OK, 2436000000},
	{"1.624", "24", MONEY_OK, 38976000000},
	{"1.624", "0", MONEY_OK, 0},
	{"0", "1e300", MONEY_OK, 0},
	{"2", "-0.5", MONEY_OK, -1000000000},
	{"-2", "-0.5", MONEY_OK, 1000000000},
	{"1", "5E+3", MONEY_OK, 5000000000000},
	/* half-even on the nano: 0.000000001 * 0.5 = 0.0000000005 -> 0 */
	{"0.000000001", "0.5", MONEY_OK, 0},
	{"0.000000003", "0.5", MONEY_OK, 2},     /* 1.5 -> 2 */
	{"0.000000005", "0.5", MONEY_OK, 2},     /* 2.5 -> 2 */
	{"-0.000000005", "0.5", MONEY_OK, -2},
	{"-0.000000003", "0.5", MONEY_OK, -2},
	{"0.000000001", "0.50000000001", MONEY_OK, 1},
	{"0.000000001", "0.49999999999", MONEY_OK, 0},
	{"1", "1e-10", MONEY_OK, 0},
	{"1", "0.0000000015", MONEY_OK, 2},
	{"1", "1e-300", MONEY_OK, 0},
	{"9223372036.854775807", "1", MONEY_OK, INT64_MAX},
	{"-9223372036.854775808", "1", MONEY_OK, INT64_MIN},
	{"9223372036.854775807", "-1", MONEY_OK, -INT64_MAX},
	{"9223372036.854775807", "0.5", MONEY_OK, 4611686018427387904}, /* .5 tie: to even */
	{"-9223372036.854775808", "-1", MONEY_OVERFLOW, 0},
	{"9223372036.854775807", "1.000000001", MONEY_OVERFLOW, 0},
	{"4611686018.427387904", "2", MONEY_OVERFLOW, 0},
	{"4611686018.427387903", "2", MONEY_OK, 9223372036854775806},
	{"0.5", "1e10", MONEY_OK, 5000000000000000000},
	{"1", "1e10", MONEY_OVERFLOW, 0},
	{"1000", "1e10", MONEY_OVERFLOW, 0},
	{"1", "1e300", MONEY_OVERFLOW, 0},
};

START_TEST(limits_mul)
{
	const struct mul_row *r = &mul_rows[_i];
	struct decimal q;
	int64_t nanos, out = 777;
	int status;

	ck_assert_int_eq(money_parse(r->money, strlen(r->money), &nanos, NULL), MONEY_OK);
	ck_assert_int_eq(decimal_parse(r->quantity, strlen(r->quantity), &q, NULL), MONEY_OK);
	status = money_mul(nanos, &q, &out);
	ck_assert_msg(status == r->status, "money_mul(%s, %s): status %d, want %d", r->money,
		      r->quantity, status, r->status);
	if (status == MONEY_OK)
		ck_assert_msg(out == r->want, "money_mul(%s, %s): %lld, want %lld", r->money,
			      r->quantity, (long long)out, (long long)r->want);
}
END_TEST

/* --- money_from_double ---------------------------------------------------- */

struct double_row {
	double x;
	int status;
	int64_t want;
	int rounded;
};

static const struct double_row double_rows[] = {
	{0.1, MONEY_OK, 100000000, 0},   /* the shortest text, not 0.1000000000000000055 */
	{1.624, MONEY_OK, 1624000000, 0},
	{-2.6137, MONEY_OK, -2613700000, 0},
	{0.0, MONEY_OK, 0, 0},
	{-0.0, MONEY_OK, 0, 0},
	{1.81e-8, MONEY_OK, 18, 1},
	{5e-10, MONEY_OK, 0, 1},
	{1.5e-9, MONEY_OK, 2, 1},
	{1e300, MONEY_OVERFLOW, 0, 0},
	{1e-300, MONEY_OK, 0, 1},
	{9.3e9, MONEY_OVERFLOW, 0, 0},
	{9.2e9, MONEY_OK, 9200000000000000000, 0},
	{DBL_MAX, MONEY_OVERFLOW, 0, 0},
	{DBL_MIN, MONEY_OK, 0, 1},
};

START_TEST(limits_from_double)
{
	const struct double_row *r = &double_rows[_i];
	int64_t out = 777;
	int rounded = -1;
	int status = money_from_double(r->x, &out, &rounded);

	ck_assert_msg(status == r->status, "money_from_double(%.17g): status %d, want %d", r->x,
		      status, r->status);
	if (status == MONEY_OK) {
		ck_assert_msg(out == r->want, "money_from_double(%.17g): %lld, want %lld", r->x,
			      (long long)out, (long long)r->want);
		ck_assert_msg(rounded == r->rounded, "money_from_double(%.17g): rounded %d",
			      r->x, rounded);
	}
}
END_TEST

START_TEST(limits_not_finite)
{
	int64_t out;
	struct decimal d;

	ck_assert_int_eq(money_from_double(NAN, &out, NULL), MONEY_RANGE);
	ck_assert_int_eq(money_from_double(INFINITY, &out, NULL), MONEY_RANGE);
	ck_assert_int_eq(money_from_double(-INFINITY, &out, NULL), MONEY_RANGE);
	ck_assert_int_eq(decimal_from_double(NAN, &d), MONEY_RANGE);
	ck_assert_int_eq(decimal_from_double(0.1, &d), MONEY_OK);
	ck_assert_int_eq(d.mantissa, 1);
	ck_assert_int_eq(d.scale, 1);
	ck_assert_int_eq(money_from_units(3, &out), MONEY_OK);
	ck_assert_int_eq(out, 3000000000);
	ck_assert_int_eq(money_from_units(9223372036, &out), MONEY_OK);
	ck_assert_int_eq(money_from_units(9223372037, &out), MONEY_OVERFLOW);
	ck_assert_int_eq(money_from_units(-9223372037, &out), MONEY_OVERFLOW);
}
END_TEST

/* --- money_sum ------------------------------------------------------------ */

START_TEST(core_sum)
{
	struct money_sum sum = {0};
	int64_t out = 0;
	char buf[48];
	int i;

	ck_assert_int_eq(money_sum_result(&sum, &out), MONEY_OK);
	ck_assert_int_eq(out, 0);
	/* 0.1 ten times is exactly 1 */
	for (i = 0; i < 10; i++)
		money_sum_add(&sum, 100000000);
	ck_assert_int_eq(money_sum_result(&sum, &out), MONEY_OK);
	ck_assert_int_eq(out, 1000000000);
	ck_assert_int_eq(sum.count, 10);
	ck_assert_int_eq(money_sum_format(&sum, buf, sizeof buf), 11);
	ck_assert_str_eq(buf, "1.000000000");
}
END_TEST

/* Past INT64_MAX and back: the intermediate total does not wrap. */
START_TEST(limits_sum)
{
	struct money_sum sum = {0};
	int64_t out = 0;
	char buf[48];

	money_sum_add(&sum, INT64_MAX);
	money_sum_add(&sum, INT64_MAX);
	money_sum_add(&sum, 1);
	ck_assert_int_eq(money_sum_result(&sum, &out), MONEY_OVERFLOW);
	ck_assert_int_gt(money_sum_format(&sum, buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "18446744073.709551615");
	money_sum_add(&sum, INT64_MIN);
	money_sum_add(&sum, INT64_MIN);
	ck_assert_int_eq(money_sum_result(&sum, &out), MONEY_OK);
	ck_assert_int_eq(out, -1);
	ck_assert_int_eq(sum.count, 5);

	/* Below INT64_MIN and back. */
	memset(&sum, 0, sizeof sum);
	money_sum_add(&sum, INT64_MIN);
	money_sum_add(&sum, -1);
	ck_assert_int_eq(money_sum_result(&sum, &out), MONEY_OVERFLOW);
	money_sum_format(&sum, buf, sizeof buf);
	ck_assert_str_eq(buf, "-9223372036.854775809");
	money_sum_add(&sum, 2);
	ck_assert_int_eq(money_sum_result(&sum, &out), MONEY_OK);
	ck_assert_int_eq(out, INT64_MIN + 1);

	/* Exactly the ends. */
	memset(&sum, 0, sizeof sum);
	money_sum_add(&sum, INT64_MIN);
	ck_assert_int_eq(money_sum_result(&sum, &out), MONEY_OK);
	ck_assert_int_eq(out, INT64_MIN);
	money_sum_format(&sum, buf, sizeof buf);
	ck_assert_str_eq(buf, "-9223372036.854775808");

	/* A million INT64_MAX: far past int64, formatted exactly. */
	{
		int i;
		memset(&sum, 0, sizeof sum);
		for (i = 0; i < 1000000; i++)
			money_sum_add(&sum, INT64_MAX);
		ck_assert_int_eq(money_sum_result(&sum, &out), MONEY_OVERFLOW);
		money_sum_format(&sum, buf, sizeof buf);
		ck_assert_str_eq(buf, "9223372036854775.807000000");
		for (i = 0; i < 1000000; i++)
			money_sum_add(&sum, -INT64_MAX);
		ck_assert_int_eq(money_sum_result(&sum, &out), MONEY_OK);
		ck_assert_int_eq(out, 0);
	}
}
END_TEST

/* A parse and a format round-trip at 9 decimals. */
START_TEST(core_round_trip)
{
	static const char *const texts[] = {
		"0.000000000", "1.624000000", "-2.613700000", "9223372036.854775807",
		"-9223372036.854775808", "0.000000001", "-0.000000001", "123.456789012",
	};
	size_t i;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		int64_t v;
		char buf[MONEY_TEXT_MAX];

		ck_assert_int_eq(money_parse(texts[i], strlen(texts[i]), &v, NULL), MONEY_OK);
		ck_assert_int_gt(money_format(v, 9, buf, sizeof buf), 0);
		ck_assert_str_eq(buf, texts[i]);
	}
}
END_TEST

/* Currency codes: three ASCII letters, upper-cased; NULL: refused. */
static const struct {
	const char *text, *code;
} currency_rows[] = {
	{"EUR", "EUR"}, {"usd", "USD"}, {"Jpy", "JPY"}, {"zzz", "ZZZ"}, {"EU", NULL},
	{"EURO", NULL}, {"E1R", NULL}, {"", NULL}, {"US$", NULL}, {" EU", NULL}, {"EU ", NULL},
	{"\xc3\x89UR", NULL}, {"\xe2\x82\xac", NULL}, {"[AB", NULL}, {"@BC", NULL}, {"{bc", NULL},
};

START_TEST(core_currency_code)
{
	char code[4] = "---";
	int rc = currency_code(currency_rows[_i].text, code);

	if (currency_rows[_i].code) {
		ck_assert_int_eq(rc, 0);
		ck_assert_str_eq(code, currency_rows[_i].code);
	} else {
		ck_assert_int_eq(rc, -1);
	}
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("money");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");

	tcase_add_loop_test(core, core_parse, 0, ROWS(parse_core));
	tcase_add_loop_test(core, core_format, 0, ROWS(format_core));
	tcase_add_loop_test(core, core_decimal, 0, ROWS(decimal_rows));
	tcase_add_test(core, core_sum);
	tcase_add_test(core, core_round_trip);
	tcase_add_loop_test(core, core_currency_code, 0, ROWS(currency_rows));
	tcase_add_loop_test(limits, limits_parse, 0, ROWS(parse_limits));
	tcase_add_test(limits, limits_parse_length);
	tcase_add_loop_test(limits, limits_format, 0, ROWS(format_limits));
	tcase_add_loop_test(limits, limits_round, 0, ROWS(round_rows));
	tcase_add_loop_test(limits, limits_mul, 0, ROWS(mul_rows));
	tcase_add_loop_test(limits, limits_from_double, 0, ROWS(double_rows));
	tcase_add_test(limits, limits_not_finite);
	tcase_add_test(limits, limits_sum);
	suite_add_tcase(s, core);
	suite_add_tcase(s, limits);
	return s;
}

CHECK_MAIN(make_suite)
