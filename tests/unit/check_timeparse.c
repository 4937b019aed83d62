/*
 * check_timeparse.c: extension/timeparse.c. Every shape the header lists
 * ("core"), and invalid dates, offsets, fractions and the formatter at its
 * edges ("limits"). Expected values are unix milliseconds computed by hand
 * from days_from_civil's known points (2024-09-18 is day 19984).
 */
#include <string.h>

#include "check_util.h"
#include "timeparse.h"

#define ROWS(a) ((int)(sizeof(a) / sizeof((a)[0])))

#define DAY INT64_C(86400000)
#define HOUR INT64_C(3600000)
#define MIN INT64_C(60000)
#define SEC INT64_C(1000)

/* Known days since 1970-01-01. */
#define D_2024_09_18 INT64_C(19984)
#define D_2023_11_01 INT64_C(19662)
#define D_2020_11_09 INT64_C(18575)
#define D_2023_11_13 INT64_C(19674)
#define D_2024_11_23 INT64_C(20050)
#define D_2024_02_29 INT64_C(19782)

struct parse_row {
	const char *text;
	int default_offset;  /* minutes east of UTC */
	int status;
	int64_t ms;          /* TIME_OK */
};

#define T_OK(t, ms) { t, 0, TIME_OK, ms }
#define T_OFF(t, off, ms) { t, off, TIME_OK, ms }
#define T_ERR(t, st) { t, 0, st, 0 }

static const struct parse_row core_rows[] = {
	/* the shapes of the header comment */
	T_OK("2024-09-18 22:00:00", D_2024_09_18 * DAY + 22 * HOUR),
	T_OK("2024-09-18T22:00:00Z", D_2024_09_18 * DAY + 22 * HOUR),
	T_OK("2023-11-01T00:00:00.000Z", D_2023_11_01 * DAY),
	T_OK("2020-11-09 23:00:00+00:00", D_2020_11_09 * DAY + 23 * HOUR),
	T_OK("2023-11-13T10:00Z", D_2023_11_13 * DAY + 10 * HOUR),
	T_OK("2024-09-18", D_2024_09_18 * DAY),
	T_OK("2024/11/23 12:23:29.950", D_2024_11_23 * DAY + 12 * HOUR + 23 * MIN + 29 * SEC + 950),
	/* lowercase t and z */
	T_OK("2024-09-18t22:00:00z", D_2024_09_18 * DAY + 22 * HOUR),
	/* offsets: +HH:MM, +HHMM, +HH, negative, a space before */
	T_OK("2024-09-18T22:00:00+02:00", D_2024_09_18 * DAY + 20 * HOUR),
	T_OK("2024-09-18T22:00:00+0200", D_2024_09_18 * DAY + 20 * HOUR),
	T_OK("2024-09-18T22:00:00+02", D_2024_09_18 * DAY + 20 * HOUR),
	T_OK("2024-09-18T22:00:00-05:30", D_2024_09_18 * DAY + 27 * HOUR + 30 * MIN),
	T_OK("2024-09-18T22:00:00-0530", D_2024_09_18 * DAY + 27 * HOUR + 30 * MIN),
	T_OK("2024-09-18T22:00:00-00:00", D_2024_09_18 * DAY + 22 * HOUR),
	T_OK("2024-09-18 22:00:00 +00:00", D_2024_09_18 * DAY + 22 * HOUR),
	T_OK("2024-09-18T00:30:00+01:00", D_2024_09_18 * DAY - 30 * MIN), /* the day before in UTC */
	T_OK("2024-09-18T22:00+02:00", D_2024_09_18 * DAY + 20 * HOUR),
	/* milliseconds: fewer digits scale, more are truncated, comma works */
	T_OK("2024-09-18T22:00:00.5Z", D_2024_09_18 * DAY + 22 * HOUR + 500),
	T_OK("2024-09-18T22:00:00.05Z", D_2024_09_18 * DAY + 22 * HOUR + 50),
	T_OK("2024-09-18T22:00:00.123Z", D_2024_09_18 * DAY + 22 * HOUR + 123),
	T_OK("2024-09-18T22:00:00.123999Z", D_2024_09_18 * DAY + 22 * HOUR + 123),
	T_OK("2024-09-18T22:00:00.999999999Z", D_2024_09_18 * DAY + 22 * HOUR + 999),
	T_OK("2024-09-18T22:00:00,250Z", D_2024_09_18 * DAY + 22 * HOUR + 250),
	T_OK("2024-09-18T22:00:00.250+01:00", D_2024_09_18 * DAY + 21 * HOUR + 250),
	/* surrounding spaces */
	T_OK("  2024-09-18 22:00:00\t", D_2024_09_18 * DAY + 22 * HOUR),
	T_OK("2024-09-18T22:00:00Z\r", D_2024_09_18 * DAY + 22 * HOUR),
	/* the default offset applies only without a zone */
	T_OFF("2024-09-18 22:00:00", 120, D_2024_09_18 * DAY + 20 * HOUR),
	T_OFF("2024-09-18 22:00:00", -300, D_2024_09_18 * DAY + 27 * HOUR),
	T_OFF("2024-09-18", 60, D_2024_09_18 * DAY - HOUR),
	T_OFF("2024-09-18T22:00:00Z", 120, D_2024_09_18 * DAY + 22 * HOUR),
	T_OFF("2024-09-18T22:00:00+00:00", 120, D_2024_09_18 * DAY + 22 * HOUR),
	/* epoch and before */
	T_OK("1970-01-01T00:00:00Z", 0),
	T_OK("1970-01-01T00:00:00.001Z", 1),
	T_OK("1969-12-31T23:59:59Z", -SEC),
	T_OK("1970-01-01T00:00:00+00:01", -MIN),
};

static const struct parse_row limit_rows[] = {
	/* leap days */
	T_OK("2024-02-29", D_2024_02_29 * DAY),
	T_OK("2024-02-29T23:59:59Z", D_2024_02_29 * DAY + DAY - SEC),
	T_OK("2000-02-29", INT64_C(11016) * DAY),
	T_ERR("2023-02-29", TIME_INVALID),
	T_ERR("1900-02-29", TIME_INVALID),
	T_ERR("2024-02-30", TIME_INVALID),
	T_ERR("2024-04-31", TIME_INVALID),
	T_OK("2024-12-31T23:59:59Z", INT64_C(20088) * DAY + DAY - SEC),
	/* out-of-range fields */
	T_ERR("2023-02-01T30:00:00Z", TIME_INVALID),
	T_ERR("2024-13-01", TIME_INVALID),
	T_ERR("2024-00-10", TIME_INVALID),
	T_ERR("2024-01-00", TIME_INVALID),
	T_ERR("2024-01-32", TIME_INVALID),
	T_ERR("2024-01-01T25:00:00Z", TIME_INVALID),
	T_ERR("2024-01-01T12:60:00Z", TIME_INVALID),
	T_ERR("2024-01-01T12:00:61Z", TIME_INVALID),
	T_ERR("2024-01-01T24:00:01Z", TIME_INVALID),
	T_ERR("2024-01-01T24:00:00.001Z", TIME_INVALID),
	T_ERR("2024-01-01T12:00:00+24:00", TIME_INVALID),
	T_ERR("2024-01-01T12:00:00+05:60", TIME_INVALID),
	/* 24:00:00 is the next midnight; a leap second is held at :59 */
	T_OK("2024-09-17T24:00:00Z", D_2024_09_18 * DAY),
	T_OK("2016-12-31T23:59:60Z", INT64_C(17166) * DAY + DAY - SEC),
	/* empty and syntax */
	T_ERR("", TIME_EMPTY),
	T_ERR("   ", TIME_EMPTY),
	T_ERR("2024", TIME_SYNTAX),
	T_ERR("2024-9-18", TIME_SYNTAX),
	T_ERR("2024-09-8", TIME_SYNTAX),
	T_ERR("24-09-18", TIME_SYNTAX),
	T_ERR("2024.09.18", TIME_SYNTAX),
	T_ERR("2024-09/18", TIME_SYNTAX),
	T_ERR("2024/09-18", TIME_SYNTAX),
	T_ERR("18/09/2024", TIME_SYNTAX),
	T_ERR("2024-09-18T", TIME_SYNTAX),
	T_ERR("2024-09-18T22", TIME_SYNTAX),
	T_ERR("2024-09-18T22:0", TIME_SYNTAX),
	T_ERR("2024-09-18T22:00:0", TIME_SYNTAX),
	T_ERR("2024-09-18T22:00:00.", TIME_SYNTAX),
	T_ERR("2024-09-18T22:00:00ZZ", TIME_SYNTAX),
	T_ERR("2024-09-18T22:00:00+2", TIME_SYNTAX),
	T_ERR("2024-09-18T22:00:00 UTC", TIME_SYNTAX),
	T_ERR("2024-09-18Z", TIME_SYNTAX),
	T_ERR("2024-09-18X22:00:00", TIME_SYNTAX),
	T_ERR("Unknown", TIME_SYNTAX),
	T_ERR("NULL", TIME_SYNTAX),
	T_ERR("1700000000", TIME_SYNTAX),
	T_ERR("2023-11-01T00:00:00Z/2023-11-02T00:00:00Z", TIME_SYNTAX),
};

static void check_parse_row(const struct parse_row *r)
{
	int64_t ms = -42;
	int status = time_parse(r->text, strlen(r->text), r->default_offset, &ms);

	ck_assert_msg(status == r->status, "time_parse('%s', %d): status %d (%s), want %d",
		      r->text, r->default_offset, status, time_strerror(status), r->status);
	if (status == TIME_OK)
		ck_assert_msg(ms == r->ms, "time_parse('%s', %d): %lld, want %lld", r->text,
			      r->default_offset, (long long)ms, (long long)r->ms);
}

START_TEST(core_parse)
{
	check_parse_row(&core_rows[_i]);
}
END_TEST

START_TEST(limits_parse)
{
	check_parse_row(&limit_rows[_i]);
}
END_TEST

/* Only s[0..n) is read. */
START_TEST(limits_length)
{
	int64_t ms;
	const char *s = "2024-09-18T22:00:00Zgarbage";

	ck_assert_int_eq(time_parse(s, 20, 0, &ms), TIME_OK);
	ck_assert_int_eq(ms, D_2024_09_18 * DAY + 22 * HOUR);
	ck_assert_int_eq(time_parse(s, 10, 0, &ms), TIME_OK);
	ck_assert_int_eq(ms, D_2024_09_18 * DAY);
	ck_assert_int_eq(time_parse(s, 0, 0, &ms), TIME_EMPTY);
	ck_assert_int_eq(time_parse(s, strlen(s), 0, &ms), TIME_SYNTAX);
	ck_assert_str_eq(time_strerror(TIME_INVALID), "invalid date or time");
	ck_assert_str_eq(time_strerror(TIME_SYNTAX), "not a timestamp");
	ck_assert_str_eq(time_strerror(99), "unknown error");
}
END_TEST

/* --- days_from_civil ------------------------------------------------------ */

struct civil_row {
	int64_t year;
	unsigned month, day;
	int64_t days;
};

static const struct civil_row civil_rows[] = {
	{1970, 1, 1, 0},
	{1970, 1, 2, 1},
	{1969, 12, 31, -1},
	{1972, 2, 29, 789},
	{1972, 3, 1, 790},
	{2000, 1, 1, 10957},
	{2000, 2, 29, 11016},
	{2000, 3, 1, 11017},
	{2001, 1, 1, 11323},
	{2016, 12, 31, 17166},
	{2020, 11, 9, 18575},
	{2023, 11, 1, 19662},
	{2023, 11, 13, 19674},
	{2024, 1, 1, 19723},
	{2024, 2, 29, 19782},
	{2024, 3, 1, 19783},
	{2024, 9, 18, 19984},
	{2024, 11, 23, 20050},
	{2024, 12, 31, 20088},
	{2038, 1, 19, 24855},   /* the 32-bit time_t end */
	{1900, 3, 1, -25508},   /* 1900 is not a leap year */
	{1600, 3, 1, -135080},
	{1, 1, 1, -719162},
	{0, 3, 1, -719468},
	{-1, 1, 1, -719893},
	{9999, 12, 31, 2932896},
	{10000, 1, 1, 2932897},
};

START_TEST(core_civil)
{
	const struct civil_row *r = &civil_rows[_i];
	int64_t d = days_from_civil(r->year, r->month, r->day);

	ck_assert_msg(d == r->days, "days_from_civil(%lld, %u, %u): %lld, want %lld",
		      (long long)r->year, r->month, r->day, (long long)d, (long long)r->days);
}
END_TEST

/* Consecutive days are consecutive numbers over four centuries. */
START_TEST(limits_civil_walk)
{
	static const unsigned month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int64_t y, expect = days_from_civil(1800, 1, 1);
	unsigned m, d;

	for (y = 1800; y < 2200; y++)
		for (m = 1; m <= 12; m++) {
			unsigned last = month_days[m - 1] +
				(m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
			for (d = 1; d <= last; d++, expect++)
				if (days_from_civil(y, m, d) != expect)
					ck_abort_msg("days_from_civil(%lld, %u, %u) breaks the run",
						     (long long)y, m, d);
		}
	ck_assert_int_eq(expect, days_from_civil(2200, 1, 1));
}
END_TEST

/* --- time_format ---------------------------------------------------------- */

struct format_row {
	int64_t ms;
	const char *want;
};

static const struct format_row format_rows[] = {
	{0, "1970-01-01T00:00:00Z"},
	{999, "1970-01-01T00:00:00Z"},
	{1000, "1970-01-01T00:00:01Z"},
	{-1, "1969-12-31T23:59:59Z"},       /* truncated toward the past */
	{-1000, "1969-12-31T23:59:59Z"},
	{-1001, "1969-12-31T23:59:58Z"},
	{-DAY, "1969-12-31T00:00:00Z"},
	{-DAY - 1, "1969-12-30T23:59:59Z"},
	{D_2024_09_18 * DAY + 22 * HOUR, "2024-09-18T22:00:00Z"},
	{D_2023_11_01 * DAY + 123, "2023-11-01T00:00:00Z"},
	{D_2024_02_29 * DAY + DAY - 1, "2024-02-29T23:59:59Z"},
	{D_2024_11_23 * DAY + 12 * HOUR + 23 * MIN + 29 * SEC + 950, "2024-11-23T12:23:29Z"},
	{INT64_C(24855) * DAY + 3 * HOUR + 14 * MIN + 7 * SEC, "2038-01-19T03:14:07Z"},
	{INT64_C(2932896) * DAY + DAY - 1, "9999-12-31T23:59:59Z"},
	{INT64_C(-719162) * DAY, "0001-01-01T00:00:00Z"},
};

START_TEST(core_format)
{
	const struct format_row *r = &format_rows[_i];
	char buf[32];
	int n;

	memset(buf, 'x', sizeof buf);
	n = time_format(r->ms, buf, sizeof buf);
	ck_assert_msg(n == 20 && strcmp(buf, r->want) == 0, "time_format(%lld): '%s' (%d), want '%s'",
		      (long long)r->ms, n > 0 ? buf : "-", n, r->want);
	ck_assert_int_eq(time_format(r->ms, buf, 21), 20);
}
END_TEST

/* Parse what was formatted: the same second; format what was parsed: the same text. */
START_TEST(limits_round_trip)
{
	static const char *const texts[] = {
		"1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2024-02-29T12:34:56Z",
		"2000-03-01T00:00:00Z", "2099-12-31T23:59:59Z", "1900-03-01T00:00:00Z",
		"0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
	};
	char buf[32];
	int64_t ms, back, t;
	size_t i;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		ck_assert_int_eq(time_parse(texts[i], strlen(texts[i]), 0, &ms), TIME_OK);
		ck_assert_int_eq(time_format(ms, buf, sizeof buf), 20);
		ck_assert_str_eq(buf, texts[i]);
	}
	/* every 7h13m17s over 60 years, either side of the epoch */
	for (t = INT64_C(-946684800000); t < INT64_C(946684800000); t += 25997 * SEC) {
		ck_assert_int_eq(time_format(t, buf, sizeof buf), 20);
		ck_assert_int_eq(time_parse(buf, 20, 0, &back), TIME_OK);
		if (back != t)
			ck_abort_msg("round trip of %lld: '%s' reads as %lld", (long long)t, buf,
				     (long long)back);
	}
	/* fractions are dropped by time_format, toward the past */
	ck_assert_int_eq(time_parse("1969-12-31T23:59:59.500Z", 24, 0, &ms), TIME_OK);
	ck_assert_int_eq(ms, -500);
	time_format(ms, buf, sizeof buf);
	ck_assert_str_eq(buf, "1969-12-31T23:59:59Z");
	/* too small a buffer */
	ck_assert_int_eq(time_format(0, buf, 20), -1);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("timeparse");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");

	tcase_add_loop_test(core, core_parse, 0, ROWS(core_rows));
	tcase_add_loop_test(core, core_civil, 0, ROWS(civil_rows));
	tcase_add_loop_test(core, core_format, 0, ROWS(format_rows));
	tcase_add_loop_test(limits, limits_parse, 0, ROWS(limit_rows));
	tcase_add_test(limits, limits_length);
	tcase_add_test(limits, limits_civil_walk);
	tcase_add_test(limits, limits_round_trip);
	suite_add_tcase(s, core);
	suite_add_tcase(s, limits);
	return s;
}

CHECK_MAIN(make_suite)
