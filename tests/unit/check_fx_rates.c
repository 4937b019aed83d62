/*
 * check_fx_rates.c: import/fx_rates.c. Header detection, dates, currency
 * codes, and rows of the fx rates CSV to records or to the exact
 * "file:line: column 'X': ..." message.
 */
#include <stdio.h>
#include <string.h>

#include "check_util.h"
#include "fx_rates.h"

#include "check_usage_util.h"

static const struct {
	const char *line;
	int fx;
} detect_rows[] = {
	{"date,from,to,rate", 1},
	{"rate,to,from,date", 1},
	{"\"date\",\"from\",\"to\",\"rate\"\r", 1},
	{"Date, From, To, Rate, source", 1},
	{"\xEF\xBB\xBF" "date,from,to,rate", 1},
	{"rate_date,from_currency,to_currency,rate", 1},
	{"RATE_DATE,FROM_CURRENCY,TO_CURRENCY,RATE", 1},
	{"date,from,to", 1},            /* then: no column 'rate' */
	{"date,from,to,price", 1},
	{"date,from,rate", 0},
	{"from,to,rate", 0},
	{"provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to", 0},
	{"project,period,amount,currency,alert_ratio", 0},
	{"BillingAccountId,ChargePeriodStart,BilledCost", 0},
	{"timestamp,event,job_id", 0},
	{"", 0},
	{",,,", 0},
};

START_TEST(core_detect)
{
	ck_assert_int_eq(fx_detect(detect_rows[_i].line), detect_rows[_i].fx);
}
END_TEST

static const struct {
	const char *text, *problem; /* NULL: a date */
} date_rows[] = {
	{"2026-10-01", NULL}, {"2026-12-31", NULL}, {"2024-02-29", NULL}, {"2000-02-29", NULL},
	{"1999-01-01", NULL}, {"2026-02-29", "no such day"}, {"2100-02-29", "no such day"},
	{"2026-04-31", "no such day"}, {"2026-10-00", "no such day"}, {"2026-13-01", "no such month"},
	{"2026-00-10", "no such month"}, {"2026-1-01", "not a date YYYY-MM-DD"},
	{"26-10-01", "not a date YYYY-MM-DD"}, {"2026/10/01", "not a date YYYY-MM-DD"},
	{"2026-10-01T00:00:00Z", "not a date YYYY-MM-DD"}, {"2026-1a-01", "not a date YYYY-MM-DD"},
	{"", "not a date YYYY-MM-DD"}, {"+026-10-01", "not a date YYYY-MM-DD"},
};

START_TEST(core_date)
{
	const char *got = fx_date_problem(date_rows[_i].text);

	if (!date_rows[_i].problem)
		ck_assert_ptr_null(got);
	else
		ck_assert_str_eq(got, date_rows[_i].problem);
}
END_TEST

/* Rows under the header "date,from,to,rate" to "date from to rate mantissa scale". */
static const struct {
	const char *row, *record;
} good_rows[] = {
	{"2026-10-01|EUR|USD|1.0852", "2026-10-01 EUR USD 1.0852 10852 4"},
	{" 2026-10-01 |EUR| USD |1.0852 ", "2026-10-01 EUR USD 1.0852 10852 4"},
	{"2026-10-01|USD|EUR|0.921490", "2026-10-01 USD EUR 0.921490 92149 5"},
	{"2026-10-01|USD|JPY|149.5", "2026-10-01 USD JPY 149.5 1495 1"},
	{"2026-10-01|USD|KRW|1380", "2026-10-01 USD KRW 1380 138 -1"},
	{"2026-10-01|JPY|USD|0.006688963210702341", "2026-10-01 JPY USD 0.006688963210702341 6688963210702341 18"},
	{"2026-10-01|EUR|USD|1.0852e0", "2026-10-01 EUR USD 1.0852e0 10852 4"},
	{"2026-10-01|eur|Usd|1.0852", "2026-10-01 EUR USD 1.0852 10852 4"}, /* codes upper-cased */
	{"2024-02-29|GBP|EUR|1.17", "2024-02-29 GBP EUR 1.17 117 2"},
};

START_TEST(core_rows)
{
	struct fx_reader *r;
	struct fx_rate rate;
	struct import_error e;
	struct test_row t;
	char got[256];

	ck_assert_int_eq(fx_reader_new(make_row(&t, 1, "date|from|to|rate", '|'), "fx.csv", &r, &e), 0);
	ck_assert_int_eq(fx_reader_row(r, make_row(&t, 2, good_rows[_i].row, '|'), &rate, &e), 0);
	snprintf(got, sizeof got, "%s %s %s %s %lld %d", rate.date, rate.from, rate.to, rate.rate,
		 (long long)rate.value.mantissa, rate.value.scale);
	ck_assert_str_eq(got, good_rows[_i].record);
	ck_assert_int_eq(rate.source_line, 2);
	fx_reader_free(r);
}
END_TEST

static const struct {
	const char *row, *message;
} bad_rows[] = {
	{"2026-02-30|EUR|USD|1.08", "b.csv:7: column 'date': no such day: \"2026-02-30\""},
	{"01.10.2026|EUR|USD|1.08", "b.csv:7: column 'date': not a date YYYY-MM-DD: \"01.10.2026\""},
	{"|EUR|USD|1.08", "b.csv:7: column 'date': empty: \"\""},
	{"2026-10-01|EU|USD|1.08",
	 "b.csv:7: column 'from': not a three-letter currency code (ISO 4217): \"EU\""},
	{"2026-10-01|EUR|US$|1.08",
	 "b.csv:7: column 'to': not a three-letter currency code (ISO 4217): \"US$\""},
	{"2026-10-01|EUR|eur|1", "b.csv:7: column 'to': the same currency as 'from': \"EUR\""},
	{"2026-10-01|EUR||1.08", "b.csv:7: column 'to': empty: \"\""},
	{"2026-10-01|EUR|EUR|1", "b.csv:7: column 'to': the same currency as 'from': \"EUR\""},
	{"2026-10-01|EUR|USD|0", "b.csv:7: column 'rate': not above 0: \"0\""},
	{"2026-10-01|EUR|USD|0.000", "b.csv:7: column 'rate': not above 0: \"0.000\""},
	{"2026-10-01|EUR|USD|-1.08", "b.csv:7: column 'rate': not above 0: \"-1.08\""},
	{"2026-10-01|EUR|USD|", "b.csv:7: column 'rate': empty: \"\""},
	{"2026-10-01|EUR|USD|1|08", "b.csv:7: 5 fields where the header has 4"}, /* 1,08 unquoted */
	{"2026-10-01|EUR|USD|1,08", "b.csv:7: column 'rate': not a number: \"1,08\""}, /* \"1,08\" */
	{"2026-10-01|EUR|USD", "b.csv:7: 3 fields where the header has 4"},
	{"2026-10-01|EUR|USD|1.08 USD", "b.csv:7: column 'rate': not a number: \"1.08 USD\""},
	{"2026-10-01|EUR|USD|NaN", "b.csv:7: column 'rate': not a number: \"NaN\""},
	{"2026-10-01|EUR|USD|inf", "b.csv:7: column 'rate': not a number: \"inf\""},
	{"2026-10-01|EUR|USD|1.0852000000000000001",
	 "b.csv:7: column 'rate': more than 18 significant digits: \"1.0852000000000000001\""},
	{"2026-10-01|EUR|USD|1e500", "b.csv:7: column 'rate': out of range: \"1e500\""},
	{"2026-10-01|EUR|USD|0.00000000000000000000000000000000000000000000000000000000000001",
	 "b.csv:7: column 'rate': longer than 63 characters: \"0.000000000000000000...\""},
};

START_TEST(core_bad_rows)
{
	struct fx_reader *r;
	struct fx_rate rate;
	struct import_error e;
	struct test_row t;
	char message[512];

	ck_assert_int_eq(fx_reader_new(make_row(&t, 1, "date|from|to|rate", '|'), "b.csv", &r, &e), 0);
	ck_assert_int_eq(fx_reader_row(r, make_row(&t, 7, bad_rows[_i].row, '|'), &rate, &e), -1);
	error_text(&e, message, sizeof message);
	ck_assert_str_eq(message, bad_rows[_i].message);
	fx_reader_free(r);
}
END_TEST

/* Headers: aliases, any order, extra columns ignored and counted; missing or doubled columns. */
START_TEST(limits_header)
{
	struct fx_reader *r;
	struct fx_rate rate;
	struct import_error e;
	struct test_row t;
	char message[512];

	ck_assert_int_eq(fx_reader_new(make_row(&t, 1, "source|Rate|To_Currency|From_Currency|Rate_Date", '|'),
				       "a.csv", &r, &e), 0);
	ck_assert_int_eq(fx_reader_row(r, make_row(&t, 2, "ECB|0.92|EUR|USD|2026-10-31", '|'), &rate, &e), 0);
	ck_assert_str_eq(rate.date, "2026-10-31");
	ck_assert_str_eq(rate.from, "USD");
	ck_assert_str_eq(rate.to, "EUR");
	ck_assert_str_eq(rate.rate, "0.92");
	fx_reader_report(r, message, sizeof message);
	ck_assert_str_eq(message, "{\"format\":\"fx-rates\",\"ignored_columns\":1}");
	fx_reader_free(r);

	ck_assert_int_eq(fx_reader_new(make_row(&t, 1, "date|from|rate", '|'), "m.csv", &r, &e), -1);
	ck_assert_ptr_null(r);
	error_text(&e, message, sizeof message);
	ck_assert_str_eq(message, "m.csv:1: fx rates CSV: no column 'to'");

	ck_assert_int_eq(fx_reader_new(make_row(&t, 1, "date|from|to|rate|rate_date", '|'), "d.csv", &r, &e), -1);
	error_text(&e, message, sizeof message);
	ck_assert_str_eq(message, "d.csv:1: column 'rate_date': column given twice");
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("fx_rates");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");

	tcase_add_loop_test(core, core_detect, 0, ROWS(detect_rows));
	tcase_add_loop_test(core, core_date, 0, ROWS(date_rows));
	tcase_add_loop_test(core, core_rows, 0, ROWS(good_rows));
	tcase_add_loop_test(core, core_bad_rows, 0, ROWS(bad_rows));
	tcase_add_test(limits, limits_header);
	suite_add_tcase(s, core);
	suite_add_tcase(s, limits);
	return s;
}

CHECK_MAIN(make_suite)
