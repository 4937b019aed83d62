/*
 * check_price.c: exact unit prices of extension/price.c: parsing to the
 * bill's full precision, the canonical text, and price x quantity rounded
 * half-even to the nano once ("core" for ordinary values, "limits" for the
 * edges: 18 digits, 36 decimals, int64 nanos at both ends, ties).
 *
 * Every expected product was computed with Python's decimal module, exactly:
 *   (Decimal(price) * Decimal(quantity) * 10**9).quantize(1, ROUND_HALF_EVEN)
 * with the context's precision and exponent range raised so nothing rounds
 * on the way; "over" where the result is not in int64.
 * tests/python/price_mul.py repeats the comparison on random values.
 */
#include <stdio.h>
#include <string.h>

#include "check_util.h"
#include "price.h"

#define ROWS(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* --- price_parse and price_format ---------------------------------------- */

struct parse_row {
	const char *text;
	int status;
	const char *canonical; /* MONEY_OK */
};

#define C_OK(t, c) { t, MONEY_OK, c }
#define C_ERR(t, st) { t, st, NULL }

static const struct parse_row parse_rows[] = {
	/* the AWS Lambda prices of the FOCUS samples, as written */
	C_OK("0.0000166667", "0.0000166667"),
	C_OK("0.0000097222", "0.0000097222"),
	C_OK("0.00001666670", "0.0000166667"), /* trailing zeros go */
	C_OK("000.0000166667", "0.0000166667"),
	C_OK("1.66667E-5", "0.0000166667"),       /* an exponent comes in, never goes out */
	C_OK("1.81E-8", "0.0000000181"),
	C_OK("5E+3", "5000"),
	C_OK("300", "300"),
	C_OK("300.000", "300"),
	C_OK("+12.50", "12.5"),
	C_OK(".5", "0.5"),
	C_OK("5.", "5"),
	C_OK("0", "0"),
	C_OK("-0", "0"),
	C_OK("-0.000", "0"),
	C_OK("0e400", "0"),
	C_OK("-0.0000166667", "-0.0000166667"),
	C_OK("  2.5  ", "2.5"),
	C_OK("32.77", "32.77"),
	/* 18 significant digits are kept, wherever the point is */
	C_OK("123456789012345678", "123456789012345678"),
	C_OK("0.123456789012345678", "0.123456789012345678"),
	C_OK("1.23456789012345678", "1.23456789012345678"),
	C_OK("999999999999999999", "999999999999999999"),
	C_OK("-999999999999999999", "-999999999999999999"),
	C_OK("1.50000000000000000000000", "1.5"), /* zeros past 18 digits are not digits */
	/* 36 decimals is the finest, 18 integer digits the largest */
	C_OK("1e-36", "0.000000000000000000000000000000000001"),
	C_OK("-0.000000000000000000123456789012345678",
	     "-0.000000000000000000123456789012345678"),
	C_OK("1e17", "100000000000000000"),
	C_OK("9.99999999999999999e17", "999999999999999999"),
	/* refused, never rounded */
	C_ERR("1234567890123456789", MONEY_PRECISION),
	C_ERR("0.00001666670000000000001", MONEY_PRECISION),
	C_ERR("0.1234567890123456789", MONEY_PRECISION),
	C_ERR("1e-37", PRICE_TOO_FINE),
	C_ERR("0.0000000000000000000000000000000000015", PRICE_TOO_FINE),
	C_ERR("1e18", PRICE_TOO_LARGE),
	C_ERR("1000000000000000000", PRICE_TOO_LARGE),
	C_ERR("1e401", MONEY_OVERFLOW),
	C_ERR("1e-401", MONEY_OVERFLOW),
	C_ERR("", MONEY_EMPTY),
	C_ERR("   ", MONEY_EMPTY),
	C_ERR("12,5", MONEY_SYNTAX),
	C_ERR("1.2.3", MONEY_SYNTAX),
	C_ERR("$0.10", MONEY_SYNTAX),
	C_ERR("inf", MONEY_SYNTAX),
	C_ERR("nan", MONEY_SYNTAX),
	C_ERR("0x10", MONEY_SYNTAX),
	C_ERR("1e", MONEY_SYNTAX),
	C_ERR("1 000", MONEY_SYNTAX),
};

START_TEST(core_parse_format)
{
	const struct parse_row *r = &parse_rows[_i];
	struct decimal p = {-1, -1}, again;
	char buf[PRICE_TEXT_MAX];
	int status = price_parse(r->text, strlen(r->text), &p), n;

	ck_assert_msg(status == r->status, "price_parse('%s'): status %d (%s), want %d", r->text,
		      status, price_strerror(status), r->status);
	if (status != MONEY_OK)
		return;
	n = price_format(&p, buf, sizeof buf);
	ck_assert_msg(n == (int)strlen(r->canonical) && strcmp(buf, r->canonical) == 0,
		      "price_format(price_parse('%s')): '%s', want '%s'", r->text, buf, r->canonical);
	/* the canonical text reads back as the same price */
	ck_assert_int_eq(price_parse(buf, (size_t)n, &again), MONEY_OK);
	ck_assert(again.mantissa == p.mantissa && again.scale == p.scale);
}
END_TEST

START_TEST(limits_format_buffer)
{
	struct decimal p;
	char buf[PRICE_TEXT_MAX];
	const char *longest = "-0.000000000000000000123456789012345678";

	ck_assert_int_eq(price_parse(longest, strlen(longest), &p), MONEY_OK);
	ck_assert_int_eq(price_format(&p, buf, strlen(longest) + 1), (int)strlen(longest));
	ck_assert_int_eq(price_format(&p, buf, strlen(longest)), -1); /* no room for the NUL */
	/* a struct decimal beyond the limits is not formatted */
	p.mantissa = 1;
	p.scale = 37;
	ck_assert_int_eq(price_format(&p, buf, sizeof buf), -1);
	p.scale = -18;
	ck_assert_int_eq(price_format(&p, buf, sizeof buf), -1);
	/* not normalized: trailing zeros in the mantissa are dropped */
	p.mantissa = 1500;
	p.scale = 3;
	ck_assert_int_eq(price_format(&p, buf, sizeof buf), 3);
	ck_assert_str_eq(buf, "1.5");
}
END_TEST

START_TEST(core_from_nanos_units_double)
{
	struct decimal p;
	char buf[PRICE_TEXT_MAX];
	static const struct {
		int64_t nanos;
		const char *text;
	} nanos_rows[] = {
		{16667, "0.000016667"}, {0, "0"}, {1, "0.000000001"}, {-1, "-0.000000001"},
		{32770000000, "32.77"}, {INT64_C(999999999999999999), "999999999.999999999"},
		{-INT64_C(999999999999999999), "-999999999.999999999"}, {1000000000, "1"},
	};
	size_t i;

	for (i = 0; i < sizeof nanos_rows / sizeof nanos_rows[0]; i++) {
		ck_assert_int_eq(price_from_nanos(nanos_rows[i].nanos, &p), MONEY_OK);
		ck_assert_int_gt(price_format(&p, buf, sizeof buf), 0);
		ck_assert_str_eq(buf, nanos_rows[i].text);
	}
	/* 19-digit nanos (a billion units and more) are past 18 digits: refused */
	ck_assert_int_eq(price_from_nanos(INT64_MAX, &p), MONEY_PRECISION);
	ck_assert_int_eq(price_from_nanos(INT64_MIN, &p), MONEY_PRECISION);
	ck_assert_int_eq(price_from_units(300, &p), MONEY_OK);
	price_format(&p, buf, sizeof buf);
	ck_assert_str_eq(buf, "300");
	ck_assert_int_eq(price_from_units(INT64_MAX, &p), MONEY_PRECISION); /* 19 digits */
	ck_assert_int_eq(price_from_units(INT64_C(999999999999999999), &p), MONEY_OK);
	ck_assert_int_eq(price_from_double(0.0000166667, &p), MONEY_OK);
	price_format(&p, buf, sizeof buf);
	ck_assert_str_eq(buf, "0.0000166667"); /* the shortest round trip, not the binary value */
	ck_assert_int_eq(price_from_double(0.1, &p), MONEY_OK);
	price_format(&p, buf, sizeof buf);
	ck_assert_str_eq(buf, "0.1");
	ck_assert_int_eq(price_from_double(1e300, &p), PRICE_TOO_LARGE);
	ck_assert_int_eq(price_from_double(1.0 / 0.0, &p), MONEY_RANGE);
}
END_TEST

/* --- price_mul ------------------------------------------------------------- */

struct mul_row {
	const char *price, *quantity;
	int status;
	int64_t nanos;
};

#define M_OK(p, q, v) { p, q, MONEY_OK, v }
#define M_OVER(p, q) { p, q, MONEY_OVERFLOW, 0 }

static const struct mul_row mul_rows[] = {
	/* FOCUS 1.3 AWS sample: 0.0000166667 x 1286990.7358 = 21.44988849635786 */
	M_OK("0.0000166667", "1286990.7358", 21449888496),
	/* one hour of 1000 GB: 3,600,000 GB-seconds */
	M_OK("0.0000166667", "3600000", 60000120000),
	M_OK("0.0000097222", "1000", 9722200),
	M_OK("0.0000166667", "0.5", 8333),
	/* half-even on the nano, from either factor */
	M_OK("0.0000000015", "1", 2),
	M_OK("0.0000000025", "1", 2),
	M_OK("0.0000000005", "1", 0),
	M_OK("-0.0000000025", "1", -2),
	M_OK("0.000000001", "2.5", 2),
	M_OK("0.000000001", "3.5", 4),
	M_OK("0.000000001", "-3.5", -4),
	M_OK("0.0000000025000000001", "1", 3),
	M_OK("0.0000000024999999999", "1", 2),
	M_OK("5e-36", "1e26", 0),
	M_OK("15e-36", "1e26", 2),
	M_OK("2.5", "-0.0000000003", -1),
	/* 18 digits times 18 digits: a 36-digit intermediate, rounded once */
	M_OK("0.123456789012345678", "1000000000", 123456789012345678),
	M_OK("3.14159265358979", "2.71828182845904", 8539734223),
	M_OK("123456789012345678", "0.000000001", 123456789012345678),
	M_OVER("999999999999999999", "999999999999999999"),
	M_OK("1e-36", "1", 0),
	M_OK("1e-36", "1e27", 1),
	M_OK("0.000020000000000000", "12.5", 250000),
	M_OK("1.81E-8", "3600", 65160),
	M_OK("0.0000004", "2500000", 1000000000),
	M_OK("0.00000187", "1234.567", 2308640),
	M_OK("0", "1e300", 0),
	M_OVER("1e-30", "1e300"),
	M_OK("0.000001", "1e-400", 0),
	/* int64 nanos at both ends */
	M_OK("9.2233720368547758", "1000000000", 9223372036854775800),
	M_OVER("9.2233720368547759", "1000000000"),
	M_OK("-9.2233720368547758", "1000000000", -9223372036854775800),
	M_OVER("-9.2233720368547759", "1000000000"),
};

START_TEST(core_mul)
{
	const struct mul_row *r = &mul_rows[_i];
	struct decimal p, q;
	int64_t out = 777;
	int status;

	ck_assert_int_eq(price_parse(r->price, strlen(r->price), &p), MONEY_OK);
	ck_assert_int_eq(decimal_parse(r->quantity, strlen(r->quantity), &q, NULL), MONEY_OK);
	status = price_mul(&p, &q, &out);
	ck_assert_msg(status == r->status, "price_mul(%s, %s): status %d, want %d", r->price,
		      r->quantity, status, r->status);
	if (status == MONEY_OK)
		ck_assert_msg(out == r->nanos, "price_mul(%s, %s): %lld, want %lld", r->price,
			      r->quantity, (long long)out, (long long)r->nanos);
	else
		ck_assert_msg(out == 777, "price_mul(%s, %s) wrote a result on overflow", r->price,
			      r->quantity);
}
END_TEST

/* Quantities of 19 digits come only as SQL INTEGERs, not through decimal_parse. */
static const struct {
	const char *price;
	int64_t quantity;
	int status;
	int64_t nanos;
} int_rows[] = {
	{"0.000000001", INT64_MAX, MONEY_OK, INT64_MAX},
	{"0.000000001", INT64_MIN, MONEY_OK, INT64_MIN},
	{"-0.000000001", INT64_MIN, MONEY_OVERFLOW, 0},
	{"0.0000000005", INT64_MAX, MONEY_OK, INT64_C(4611686018427387904)}, /* .5: to even */
	{"0.0000000015", INT64_MAX, MONEY_OVERFLOW, 0},
	{"0.999999999999999999", INT64_MIN, MONEY_OVERFLOW, 0},
	{"-999999999999999999", INT64_MIN, MONEY_OVERFLOW, 0}, /* 2^63 * 10^18 * 10^9 */
};

START_TEST(limits_mul_int64)
{
	struct decimal p, q = {int_rows[_i].quantity, 0};
	int64_t out = 777;
	int status;

	ck_assert_int_eq(price_parse(int_rows[_i].price, strlen(int_rows[_i].price), &p), MONEY_OK);
	status = price_mul(&p, &q, &out);
	ck_assert_msg(status == int_rows[_i].status, "price_mul(%s, %lld): status %d",
		      int_rows[_i].price, (long long)int_rows[_i].quantity, status);
	if (status == MONEY_OK)
		ck_assert_msg(out == int_rows[_i].nanos, "price_mul(%s, %lld): %lld",
			      int_rows[_i].price, (long long)int_rows[_i].quantity, (long long)out);
}
END_TEST

/* Rounding the price to nanos first is what the ledger did before: it is off. */
START_TEST(core_mul_once_not_twice)
{
	struct decimal p, q, rounded;
	int64_t exact, twice, price_nanos;

	ck_assert_int_eq(price_parse("0.0000166667", 12, &p), MONEY_OK);
	ck_assert_int_eq(decimal_parse("1286990.7358", 12, &q, NULL), MONEY_OK);
	ck_assert_int_eq(price_mul(&p, &q, &exact), MONEY_OK);
	ck_assert_int_eq(money_parse("0.0000166667", 12, &price_nanos, NULL), MONEY_OK);
	ck_assert_int_eq(price_from_nanos(price_nanos, &rounded), MONEY_OK);
	ck_assert_int_eq(price_mul(&rounded, &q, &twice), MONEY_OK);
	ck_assert_int_eq(exact, INT64_C(21449888496));
	ck_assert_int_eq(twice, INT64_C(21450274594)); /* 21.4502745935786: 0.00039 off */
	/* money_mul on nanos and price_mul on the same value agree */
	ck_assert_int_eq(money_mul(price_nanos, &q, &exact), MONEY_OK);
	ck_assert_int_eq(exact, twice);
}
END_TEST

/* --- price_mul_ratio: price x numerator / denominator, rounded once --------- */
static const struct {
	const char *price;
	int64_t numerator, denominator;
	int status;
	int64_t nanos;
} ratio_rows[] = {
	/* 1.0000000286 per hour for 7 s: 1944444.50005... nanos. The product
	 * rounded to nanos first (7000000200) and then divided gives 1944444. */
	{"1.0000000286", 7, 3600, MONEY_OK, 1944445},
	/* ties go to the even nano, both signs */
	{"0.000000001", 1, 2, MONEY_OK, 0},
	{"0.000000001", 3, 2, MONEY_OK, 2},
	{"0.000000001", 5, 2, MONEY_OK, 2},
	{"-0.000000001", 3, 2, MONEY_OK, -2},
	{"0.5", 1, 1000000000, MONEY_OK, 0},
	{"0.5", 3, 1000000000, MONEY_OK, 2},
	{"0.0000000000025", 3600, 9, MONEY_OK, 1},   /* 1.0000... exactly: 10 decimals */
	{"1.000000001", 1800, 3600, MONEY_OK, 500000000}, /* 0.5000000005: even */
	{"1.000000003", 1800, 3600, MONEY_OK, 500000002}, /* 0.5000000015: even */
	{"5E+3", 1, 3, MONEY_OK, INT64_C(1666666666667)},
	{"10", 86400, 86400, MONEY_OK, INT64_C(10000000000)},
	/* 36 decimals against a huge numerator: far below half a nano */
	{"0.000000000000000000000000000000000001", INT64_MAX, 1, MONEY_OK, 0},
	{"0.000000000000000000000000000000000009", INT64_MAX, 1, MONEY_OK, 0},
	/* exactly int64 at both ends, and one past */
	{"0.000000001", INT64_MAX, 1, MONEY_OK, INT64_MAX},
	{"-0.000000001", INT64_MAX, 1, MONEY_OK, -INT64_MAX},
	{"0.000000002", INT64_MAX, 2, MONEY_OK, INT64_MAX},
	{"0.000000001", INT64_MAX, 1, MONEY_OK, INT64_MAX},
	{"1", INT64_MAX, 1, MONEY_OVERFLOW, 0},
	{"999999999999999999", INT64_MAX, 3600, MONEY_OVERFLOW, 0},
	{"1", 1, 0, MONEY_RANGE, 0},
	{"1", 1, -3600, MONEY_RANGE, 0},
};

START_TEST(core_mul_ratio)
{
	struct decimal p;
	int64_t out = 777;
	int status;

	ck_assert_int_eq(price_parse(ratio_rows[_i].price, strlen(ratio_rows[_i].price), &p), MONEY_OK);
	status = price_mul_ratio(&p, ratio_rows[_i].numerator, ratio_rows[_i].denominator, &out);
	ck_assert_msg(status == ratio_rows[_i].status, "price_mul_ratio(%s, %lld, %lld): status %d",
		      ratio_rows[_i].price, (long long)ratio_rows[_i].numerator,
		      (long long)ratio_rows[_i].denominator, status);
	if (status == MONEY_OK)
		ck_assert_msg(out == ratio_rows[_i].nanos, "price_mul_ratio(%s, %lld, %lld): %lld",
			      ratio_rows[_i].price, (long long)ratio_rows[_i].numerator,
			      (long long)ratio_rows[_i].denominator, (long long)out);
	else
		ck_assert_int_eq(out, 777);
}
END_TEST

START_TEST(core_strerror)
{
	ck_assert_str_eq(price_strerror(MONEY_PRECISION), "more than 18 significant digits");
	ck_assert_str_eq(price_strerror(PRICE_TOO_FINE), "more than 36 decimal places");
	ck_assert_str_eq(price_strerror(PRICE_TOO_LARGE),
			 "more than 18 digits before the decimal point");
	ck_assert_str_eq(price_strerror(MONEY_SYNTAX), "not a number");
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("price");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");

	tcase_add_loop_test(core, core_parse_format, 0, ROWS(parse_rows));
	tcase_add_test(core, core_from_nanos_units_double);
	tcase_add_loop_test(core, core_mul, 0, ROWS(mul_rows));
	tcase_add_test(core, core_mul_once_not_twice);
	tcase_add_loop_test(core, core_mul_ratio, 0, ROWS(ratio_rows));
	tcase_add_test(core, core_strerror);
	tcase_add_test(limits, limits_format_buffer);
	tcase_add_loop_test(limits, limits_mul_int64, 0, ROWS(int_rows));
	suite_add_tcase(s, core);
	suite_add_tcase(s, limits);
	return s;
}

CHECK_MAIN(make_suite)
