/*
 * check_invoices.c: import/invoices.c and import/named_columns.c. Detection
 * of an invoice totals header (not a bill's), columns by name in any order,
 * billing periods as months, dates or timestamps, exact amounts, and the
 * file:line: column 'X' errors.
 */
#include "check_usage_util.h" /* make_row */
#include "check_util.h"
#include "invoices.h"

#define HEADER "InvoiceId|ProviderName|BillingAccountId|BillingPeriod|Amount|Currency"

static char message[2048];

static const char *format_error(const struct import_error *error)
{
	import_error_format(error, message, sizeof message);
	return message;
}

START_TEST(detect)
{
	ck_assert(invoices_detect("InvoiceId,ProviderName,BillingAccountId,BillingPeriod,Amount,Currency"));
	ck_assert(invoices_detect("\"amount\",\"invoice_id\"\r"));
	/* a FOCUS bill has an InvoiceId but no Amount */
	ck_assert(!invoices_detect("BilledCost,ChargePeriodStart,ChargePeriodEnd,InvoiceId"));
	ck_assert(!invoices_detect("date,from,to,rate"));
}
END_TEST

static struct invoices_reader *reader(const char *header)
{
	struct test_row t;
	struct import_error error;
	struct invoices_reader *r;

	ck_assert_msg(invoices_reader_new(make_row(&t, 1, header, '|'), "inv.csv", &r, &error) == 0, "%s",
		      format_error(&error));
	return r;
}

START_TEST(rows)
{
	static const struct {
		const char *row, *period;
		long long amount;
	} cases[] = {
		{"INV-1|AWS|123|2023-11|1234.56|usd", "2023-11", 1234560000000LL},
		{"INV-2|AWS|123|2023-11-01|0.000000001|USD", "2023-11", 1},
		{"INV-3|AWS|123|2023-11-30T23:59:59Z|-5|EUR", "2023-11", -5000000000LL},
		{" INV-4 | AWS | 123 | 2024-02 | 1E3 | JPY ", "2024-02", 1000000000000LL},
	};
	struct invoices_reader *r = reader(HEADER);
	struct test_row t;
	struct import_error error;
	struct invoice inv;
	int i;

	for (i = 0; i < ROWS(cases); i++) {
		ck_assert_msg(invoices_reader_row(r, make_row(&t, i + 2, cases[i].row, '|'), &inv, &error) == 0,
			      "%s", format_error(&error));
		ck_assert_str_eq(inv.billing_period, cases[i].period);
		ck_assert_int_eq(inv.amount, cases[i].amount);
		ck_assert_int_eq(inv.source_line, i + 2);
		ck_assert_int_eq(strlen(inv.currency), 3);
	}
	ck_assert_str_eq(inv.invoice_id, "INV-4");
	ck_assert_str_eq(inv.provider, "AWS");
	invoices_reader_report(r, message, sizeof message);
	ck_assert_str_eq(message, "{\"format\":\"invoices\",\"ignored_columns\":0}");
	invoices_reader_free(r);
}
END_TEST

START_TEST(columns_by_name)
{
	struct invoices_reader *r = reader("currency|note|amount|billing_period_start|billing_account|provider|invoice_id");
	struct test_row t;
	struct import_error error;
	struct invoice inv;

	ck_assert_int_eq(invoices_reader_row(r, make_row(&t, 2, "GBP|x|7.5|2024-01|acct|GCP|G-1", '|'), &inv, &error), 0);
	ck_assert_str_eq(inv.currency, "GBP");
	ck_assert_int_eq(inv.amount, 7500000000LL);
	ck_assert_str_eq(inv.billing_account_id, "acct");
	invoices_reader_report(r, message, sizeof message);
	ck_assert_str_eq(message, "{\"format\":\"invoices\",\"ignored_columns\":1}");
	invoices_reader_free(r);
}
END_TEST

START_TEST(errors)
{
	static const struct {
		const char *row, *error;
	} cases[] = {
		{"INV|AWS|1|2023-13|1|USD", "inv.csv:2: column 'BillingPeriod': not a month YYYY-MM or a date in it: \"2023-13\""},
		{"INV|AWS|1|2023-11|12|5|USD", "inv.csv:2: 7 fields where the header has 6"}, /* 12,5 unquoted */
		{"INV|AWS|1|2023-11|1.2.3|USD", "inv.csv:2: column 'Amount': not a number: \"1.2.3\""},
		{"INV|AWS|1|2023-11|1|US", "inv.csv:2: column 'Currency': not a three-letter currency code (ISO 4217): \"US\""},
		{"INV|AWS|1|2023-11|1|USDX", "inv.csv:2: column 'Currency': not a three-letter currency code (ISO 4217): \"USDX\""},
		{"|AWS|1|2023-11|1|USD", "inv.csv:2: column 'InvoiceId': missing a required value: \"\""},
		{"INV|NULL|1|2023-11|1|USD", "inv.csv:2: column 'ProviderName': missing a required value: \"NULL\""},
	};
	struct invoices_reader *r = reader(HEADER);
	struct test_row t;
	struct import_error error;
	struct invoice inv;
	int i;

	for (i = 0; i < ROWS(cases); i++) {
		ck_assert_int_eq(invoices_reader_row(r, make_row(&t, 2, cases[i].row, '|'), &inv, &error), -1);
		ck_assert_str_eq(format_error(&error), cases[i].error);
	}
	invoices_reader_free(r);
}
END_TEST

START_TEST(header_errors)
{
	struct test_row t;
	struct import_error error;
	struct invoices_reader *r;

	ck_assert_int_eq(invoices_reader_new(make_row(&t, 1, "InvoiceId|Amount", '|'), "inv.csv", &r, &error), -1);
	ck_assert_str_eq(format_error(&error), "inv.csv:1: invoice totals CSV: no column 'ProviderName'");
	ck_assert_int_eq(invoices_reader_new(make_row(&t, 1, HEADER "|amount", '|'), "inv.csv", &r, &error), -1);
	ck_assert_str_eq(format_error(&error), "inv.csv:1: column 'amount': column given twice");
}
END_TEST

static Suite *invoices_suite(void)
{
	Suite *s = suite_create("invoices");
	TCase *c = tcase_create("core");

	tcase_add_test(c, detect);
	tcase_add_test(c, rows);
	tcase_add_test(c, columns_by_name);
	tcase_add_test(c, errors);
	tcase_add_test(c, header_errors);
	suite_add_tcase(s, c);
	return s;
}

CHECK_MAIN(invoices_suite)
