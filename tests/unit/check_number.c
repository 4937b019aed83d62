/*
 * check_number.c: number_parse and number_parse_whole of extension/money.c,
 * the one parser of every numeric input field that is not money. Their
 * grammar is money_parse's: what strtod alone takes (inf, nan, hex, hex
 * floats, "1e" cut short) is refused; a double too big is out of range.
 */
#include <stdint.h>
#include <string.h>

#include "check_util.h"
#include "money.h"

#define ROWS(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const struct {
	const char *text;
	int status;
	double value;
} number_rows[] = {
	{"1", MONEY_OK, 1}, {" 2.5 ", MONEY_OK, 2.5}, {"-0.25", MONEY_OK, -0.25},
	{"1e2", MONEY_OK, 100}, {"1.5E-3", MONEY_OK, 0.0015}, {".5", MONEY_OK, 0.5},
	{"0.333333333333333333333333", MONEY_OK, 0.333333333333333333333333},
	{"", MONEY_EMPTY, 0}, {"  ", MONEY_EMPTY, 0},
	{"inf", MONEY_SYNTAX, 0}, {"-inf", MONEY_SYNTAX, 0}, {"infinity", MONEY_SYNTAX, 0},
	{"nan", MONEY_SYNTAX, 0}, {"NaN", MONEY_SYNTAX, 0}, {"0x10", MONEY_SYNTAX, 0},
	{"0x1p3", MONEY_SYNTAX, 0}, {"1e", MONEY_SYNTAX, 0}, {"1,5", MONEY_SYNTAX, 0},
	{"1.2.3", MONEY_SYNTAX, 0}, {"two", MONEY_SYNTAX, 0}, {"+", MONEY_SYNTAX, 0},
	{"1e400", MONEY_OVERFLOW, 0}, {"-1e400", MONEY_OVERFLOW, 0},
};

START_TEST(number)
{
	double v = -7;
	const char *t = number_rows[_i].text;

	ck_assert_int_eq(number_parse(t, strlen(t), &v), number_rows[_i].status);
	if (number_rows[_i].status == MONEY_OK)
		ck_assert(v == number_rows[_i].value);
	else
		ck_assert(v == -7); /* untouched */
}
END_TEST

/* The text need not be NUL-terminated: only s[0..n) is read. */
START_TEST(number_length)
{
	double v;

	ck_assert_int_eq(number_parse("12x", 2, &v), MONEY_OK);
	ck_assert(v == 12);
}
END_TEST

static const struct {
	const char *text;
	int status;
	int64_t value;
} whole_rows[] = {
	{"0", MONEY_OK, 0}, {"42", MONEY_OK, 42}, {"-3", MONEY_OK, -3}, {"4.0", MONEY_OK, 4},
	{"1e3", MONEY_OK, 1000}, {"999999999999999999", MONEY_OK, INT64_C(999999999999999999)},
	{"9223372036854775807", MONEY_OVERFLOW, 0}, /* 18 significant digits at most */
	{"1.5", MONEY_SYNTAX, 0}, {"0x10", MONEY_SYNTAX, 0}, {"inf", MONEY_SYNTAX, 0},
	{"9223372036854775808", MONEY_OVERFLOW, 0}, {"1e19", MONEY_OVERFLOW, 0},
	{"", MONEY_EMPTY, 0},
};

START_TEST(whole)
{
	int64_t v = -7;
	const char *t = whole_rows[_i].text;

	ck_assert_int_eq(number_parse_whole(t, strlen(t), &v), whole_rows[_i].status);
	if (whole_rows[_i].status == MONEY_OK)
		ck_assert_int_eq(v, whole_rows[_i].value);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("number");
	TCase *core = tcase_create("core");

	tcase_add_loop_test(core, number, 0, ROWS(number_rows));
	tcase_add_test(core, number_length);
	tcase_add_loop_test(core, whole, 0, ROWS(whole_rows));
	suite_add_tcase(s, core);
	return s;
}

CHECK_MAIN(make_suite)
