/*
 * check_bill.c: import/bill.c. Header rows to a format and a mapping, and
 * bill rows to struct charge or to the exact "file:line: column 'X': ..."
 * message ("core"); vocabularies, nulls, keys and odd headers ("limits").
 *
 * Rows are written as one string with '|' between fields, so values can hold
 * commas ("12,5").
 */
#include <stdio.h>
#include <string.h>

#include "bill.h"
#include "check_util.h"
#include "money.h"
#include "timeparse.h"

#define ROWS(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define MAX_FIELDS 64
#define FILE_NAME "bill.csv"

/* A csv_row made from "a|b|c"; the strings live in the struct. */
struct test_row {
	char buf[4096];
	const char *fields[MAX_FIELDS];
	size_t lengths[MAX_FIELDS];
	struct csv_row row;
};

static const struct csv_row *make_row(struct test_row *t, long line, const char *text)
{
	char *p;
	size_t n = 0;

	snprintf(t->buf, sizeof t->buf, "%s", text);
	p = t->buf;
	for (;;) {
		char *bar = strchr(p, '|');

		ck_assert_int_lt(n, MAX_FIELDS);
		if (bar)
			*bar = 0;
		t->fields[n] = p;
		t->lengths[n] = strlen(p);
		n++;
		if (!bar)
			break;
		p = bar + 1;
	}
	t->row.line = line;
	t->row.count = n;
	t->row.fields = t->fields;
	t->row.lengths = t->lengths;
	return &t->row;
}

static char *format_error(const struct import_error *error)
{
	static char buf[2048];

	import_error_format(error, buf, sizeof buf);
	return buf;
}

/* --- headers -------------------------------------------------------------- */

struct header_row {
	const char *name;
	const char *header;
	const char *format;      /* the format argument */
	const char *want;        /* the format found, or NULL for an error */
	const char *error;       /* the whole formatted error */
};

#define FOCUS_MIN "BilledCost|ChargePeriodStart|ChargePeriodEnd"
#define CUR_MIN "lineItem/UsageStartDate|lineItem/UsageEndDate|lineItem/LineItemType|lineItem/UnblendedCost"
#define CUR2_MIN "line_item_usage_start_date|line_item_usage_end_date|line_item_line_item_type|line_item_unblended_cost"
#define LACKS_ALL "bill.csv:1: no known bill header; tried focus (lacks ChargePeriodStart, " \
	"ChargePeriodEnd, BilledCost), aws-cur (lacks lineItem/UsageStartDate, " \
	"lineItem/UsageEndDate, lineItem/LineItemType, lineItem/UnblendedCost)"

static const struct header_row header_rows[] = {
	{"focus 1.0", FOCUS_MIN, "auto", "focus-1.0", NULL},
	{"focus 1.0, NULL format", FOCUS_MIN, NULL, "focus-1.0", NULL},
	{"focus 1.0 asked for", FOCUS_MIN, "focus", "focus-1.0", NULL},
	{"focus 1.1 by SkuMeter", FOCUS_MIN "|SkuMeter", "auto", "focus-1.1", NULL},
	{"focus 1.1 by SkuPriceDetails", FOCUS_MIN "|SkuPriceDetails", "auto", "focus-1.1", NULL},
	{"focus 1.1 by CapacityReservationId", FOCUS_MIN "|CapacityReservationId", "auto", "focus-1.1", NULL},
	{"focus 1.2 by InvoiceId", FOCUS_MIN "|InvoiceId|SkuMeter", "auto", "focus-1.2", NULL},
	{"focus 1.2 by PricingCurrency", FOCUS_MIN "|PricingCurrency", "auto", "focus-1.2", NULL},
	{"focus 1.2 by the spec's typo", FOCUS_MIN "|SkuPriceid|CommitmentDiscountQuantity", "auto", "focus-1.2", NULL},
	{"focus 1.0: SkuPriceId alone", FOCUS_MIN "|SkuPriceId", "auto", "focus-1.0", NULL},
	{"focus 1.3 by ServiceProviderName", FOCUS_MIN "|ServiceProviderName|InvoiceId", "auto", "focus-1.3", NULL},
	{"focus 1.3 by HostProviderName", FOCUS_MIN "|HostProviderName", "auto", "focus-1.3", NULL},
	{"focus 1.3 by AllocatedMethodId", FOCUS_MIN "|AllocatedMethodId", "auto", "focus-1.3", NULL},
	{"focus, names folded", "billedcost|CHARGE_PERIOD_START|Charge Period End", "auto", "focus-1.0", NULL},
	{"focus, extra columns", "Id|" FOCUS_MIN "|x_Custom|", "auto", "focus-1.0", NULL},
	{"cur legacy", CUR_MIN, "auto", "aws-cur", NULL},
	{"cur legacy asked for", CUR_MIN, "aws-cur", "aws-cur", NULL},
	{"cur 2.0", CUR2_MIN, "auto", "aws-cur-2.0", NULL},
	{"cur 2.0 asked for", CUR2_MIN "|resource_tags", "aws-cur", "aws-cur-2.0", NULL},
	{"cur legacy, mixed case", "lineitem/usagestartdate|LINEITEM/USAGEENDDATE|lineItem/LineItemType|lineItem/UnblendedCost",
	 "auto", "aws-cur", NULL},
	{"nothing known", "Foo|Bar", "auto", NULL, LACKS_ALL},
	{"focus lacking BilledCost", "ChargePeriodStart|ChargePeriodEnd|Cost", "auto", NULL,
	 "bill.csv:1: no known bill header; tried focus (lacks BilledCost), aws-cur (lacks "
	 "lineItem/UsageStartDate, lineItem/UsageEndDate, lineItem/LineItemType, lineItem/UnblendedCost)"},
	{"cur lacking the type", "lineItem/UsageStartDate|lineItem/UsageEndDate|lineItem/UnblendedCost", "auto", NULL,
	 "bill.csv:1: no known bill header; tried focus (lacks ChargePeriodStart, ChargePeriodEnd, "
	 "BilledCost), aws-cur (lacks lineItem/LineItemType)"},
	{"cur header, focus asked for", CUR_MIN, "focus", NULL,
	 "bill.csv:1: no known bill header; tried focus (lacks ChargePeriodStart, ChargePeriodEnd, BilledCost)"},
	{"focus header, cur asked for", FOCUS_MIN, "aws-cur", NULL,
	 "bill.csv:1: no known bill header; tried aws-cur (lacks lineItem/UsageStartDate, "
	 "lineItem/UsageEndDate, lineItem/LineItemType, lineItem/UnblendedCost)"},
	{"unknown format", FOCUS_MIN, "xml", NULL,
	 "bill.csv: unknown bill format 'xml' (known: focus, aws-cur)"},
	{"duplicated header", FOCUS_MIN "|BilledCost", "auto", NULL,
	 "bill.csv:1: column 'BilledCost': duplicated header name (also column 1)"},
	{"duplicated after folding", "Id|" FOCUS_MIN "|billed_cost", "auto", NULL,
	 "bill.csv:1: column 'billed_cost': duplicated header name (also column 2)"},
	{"duplicated ignored column", "Id|" FOCUS_MIN "|Id", "auto", NULL,
	 "bill.csv:1: column 'Id': duplicated header name (also column 1)"},
	{"the first of two duplicates", "A|B|" FOCUS_MIN "|B|A", "auto", NULL,
	 "bill.csv:1: column 'B': duplicated header name (also column 2)"},
	{"empty names may repeat", "|" FOCUS_MIN "|", "auto", "focus-1.0", NULL},
};

START_TEST(core_header)
{
	const struct header_row *r = &header_rows[_i];
	struct test_row t;
	struct bill_mapping *m = (struct bill_mapping *)1;
	struct import_error error;
	int status;

	memset(&error, 0, sizeof error);
	status = bill_mapping_new(make_row(&t, 1, r->header), r->format, FILE_NAME, &m, &error);
	if (r->want) {
		ck_assert_msg(status == 0, "%s: %s", r->name, format_error(&error));
		ck_assert_str_eq(bill_mapping_format(m), r->want);
		bill_mapping_free(m);
	} else {
		ck_assert_msg(status == -1, "%s: accepted as %s", r->name, status == 0 ? bill_mapping_format(m) : "?");
		ck_assert_ptr_null(m);
		ck_assert_msg(strcmp(format_error(&error), r->error) == 0, "%s:\n got '%s'\nwant '%s'",
			      r->name, format_error(&error), r->error);
	}
}
END_TEST

/* The report names the FOCUS columns a file lacks and counts the ignored ones. */
START_TEST(core_report)
{
	struct test_row t;
	struct bill_mapping *m;
	struct import_error error;
	char buf[2048];
	int n;

	ck_assert_int_eq(bill_mapping_new(make_row(&t, 1, "Id|" FOCUS_MIN "|x_Custom|ProviderName"),
					  "auto", FILE_NAME, &m, &error), 0);
	n = bill_mapping_report(m, buf, sizeof buf);
	ck_assert_int_eq(n, (int)strlen(buf));
	ck_assert_msg(strncmp(buf, "{\"format\":\"focus-1.0\",\"missing_columns\":[", 41) == 0, "%s", buf);
	ck_assert_msg(strstr(buf, "\"ignored_columns\":2}") != NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "\"EffectiveCost\"") != NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "\"ProviderName\"") == NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "\"BilledCost\"") == NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "x_InstanceType") == NULL, "%s: not a FOCUS column", buf);
	/* truncated to size, still returning the full length */
	ck_assert_int_eq(bill_mapping_report(m, buf, 10), n);
	ck_assert_uint_eq(strlen(buf), 9);
	bill_mapping_free(m);
	bill_mapping_free(NULL);
}
END_TEST

/* --- rows ----------------------------------------------------------------- */

#define H_FOCUS "BillingPeriodStart|ChargePeriodStart|ChargePeriodEnd|ChargeCategory|ChargeClass|" \
	"PricingCategory|BilledCost|EffectiveCost|ProviderName|Tags|x_InstanceType|PricingQuantity"
#define R_FOCUS(start, end, category, class, pricing, billed, effective, tags) \
	"2024-09-01T00:00:00Z|" start "|" end "|" category "|" class "|" pricing "|" billed "|" \
	effective "|AWS|" tags "|g5.4xlarge|1"
#define FOCUS_OK(billed, effective) \
	R_FOCUS("2024-09-18 22:00:00", "2024-09-18 23:00:00", "Usage", "NULL", "Standard", billed, effective, "NULL")

#define H_CUR "identity/LineItemId|identity/TimeInterval|lineItem/UsageStartDate|lineItem/UsageEndDate|" \
	"lineItem/LineItemType|lineItem/UsageType|lineItem/UnblendedCost|pricing/term|product/instanceType|" \
	"pricing/purchaseOption|resourceTags/user:project|resourceTags/user:team"
#define R_CUR(type, usage_type, cost, term, instance, option) \
	"id1|2023-11-01T00:00:00Z/2023-11-02T00:00:00Z|2023-11-01T00:00:00.000Z|2023-11-02T00:00:00.000Z|" \
	type "|" usage_type "|" cost "|" term "|" instance "|" option "|vision|"

#define H_CUR2 "line_item_usage_start_date|line_item_usage_end_date|line_item_line_item_type|" \
	"line_item_unblended_cost|line_item_usage_type|resource_tags|product_instance_type"

struct bill_row {
	const char *name;
	const char *header;
	const char *row;
	const char *error;          /* the whole formatted error, or NULL */
	const char *billed;         /* money text, 9 decimals; NULL: not checked */
	const char *category;       /* NULL: not checked; "-": absent */
	const char *pricing;        /* NULL: not checked; "-": absent */
	const char *instance;       /* NULL: not checked */
	const char *start, *end;    /* NULL: not checked */
	const char *effective;      /* NULL: not checked; "-": absent */
	const char *tags;           /* NULL: not checked; "-": absent */
	const char *provider;       /* NULL: not checked */
	int rounded;
};

/* Error rows give only name, header, row and error; the rest is zero. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
static const struct bill_row bill_rows[] = {
	/* FOCUS */
	{"focus usage", H_FOCUS, FOCUS_OK("1.624", "1.624"), NULL, "1.624000000", "Usage", "Standard",
	 "g5.4xlarge", "2024-09-18T22:00:00Z", "2024-09-18T23:00:00Z", "1.624000000", "-", "AWS", 0},
	{"focus credit", H_FOCUS, R_FOCUS("2024-09-01", "2024-10-01", "Credit", "null", "", "-2.6137", "-2.6137", ""),
	 NULL, "-2.613700000", "Credit", "-", NULL, "2024-09-01T00:00:00Z", "2024-10-01T00:00:00Z", NULL, "-", NULL, 0},
	{"focus correction", H_FOCUS, R_FOCUS("2024-09-01", "2024-10-01", "Adjustment", "Correction", "Other", "1", "", ""),
	 NULL, "1.000000000", "Adjustment", "Other", NULL, NULL, NULL, "-", NULL, NULL, 0},
	{"focus 11 decimals", H_FOCUS, FOCUS_OK("0.00524799996", "NULL"), NULL, "0.005248000", NULL, NULL, NULL,
	 NULL, NULL, "-", NULL, NULL, 1},
	{"focus E notation", H_FOCUS, FOCUS_OK(" 1.81E-8 ", "35.2E-7"), NULL, "0.000000018", NULL, NULL, NULL,
	 NULL, NULL, "0.000003520", NULL, NULL, 1},
	{"focus tags", H_FOCUS, R_FOCUS("2024-09-18T22:00:00Z", "2024-09-18T23:00:00Z", "Usage", "", "Committed",
	 "0", "0", "{\"application\":\"vision\"}"), NULL, "0.000000000", NULL, "Committed", NULL, NULL, NULL,
	 NULL, "{\"application\":\"vision\"}", NULL, 0},
	{"focus pricing synonyms", H_FOCUS, R_FOCUS("2024-09-18", "2024-09-18", "Purchase", "", "Spot", "5", "", ""),
	 NULL, NULL, "Purchase", "Dynamic", NULL, NULL, NULL, NULL, NULL, NULL, 0},
	{"focus on-demand", H_FOCUS, R_FOCUS("2024-09-18", "2024-09-18", "tax", "", "On-Demand", "5", "", ""),
	 NULL, NULL, "Tax", "Standard", NULL, NULL, NULL, NULL, NULL, NULL, 0},
	{"focus offsets", H_FOCUS, R_FOCUS("2020-11-09 23:00:00+00:00", "2020-11-10T01:00:00+02:00", "Usage", "", "",
	 "1", "", ""), NULL, NULL, NULL, NULL, NULL, "2020-11-09T23:00:00Z", "2020-11-09T23:00:00Z", NULL, NULL,
	 NULL, 0},
	{"focus 1.3 provider", "ServiceProviderName|" FOCUS_MIN, "Microsoft|3|2024-09-18|2024-09-19", NULL,
	 "3.000000000", "-", "-", "", "2024-09-18T00:00:00Z", "2024-09-19T00:00:00Z", "-", "-", "Microsoft", 0},
	/* FOCUS errors, in the documented format */
	{"not a number", H_FOCUS, FOCUS_OK("12,5", "1"),
	 "bill.csv:7: column 'BilledCost': not a number: \"12,5\""},
	{"not a number, effective", H_FOCUS, FOCUS_OK("1", "1.2.3"),
	 "bill.csv:7: column 'EffectiveCost': not a number: \"1.2.3\""},
	{"amount out of range", H_FOCUS, FOCUS_OK("1e400", "1"),
	 "bill.csv:7: column 'BilledCost': amount out of range: \"1e400\""},
	{"billed NULL", H_FOCUS, FOCUS_OK("NULL", "1"),
	 "bill.csv:7: column 'BilledCost': missing a required value: \"NULL\""},
	{"billed null", H_FOCUS, FOCUS_OK("null", "1"),
	 "bill.csv:7: column 'BilledCost': missing a required value: \"null\""},
	{"billed empty", H_FOCUS, FOCUS_OK("", "1"),
	 "bill.csv:7: column 'BilledCost': missing a required value: \"\""},
	{"billed spaces", H_FOCUS, FOCUS_OK("   ", "1"),
	 "bill.csv:7: column 'BilledCost': missing a required value: \"   \""},
	{"start NULL", H_FOCUS, R_FOCUS("NULL", "2024-09-18", "Usage", "", "", "1", "", ""),
	 "bill.csv:7: column 'ChargePeriodStart': missing a required value: \"NULL\""},
	{"unknown charge category", H_FOCUS, R_FOCUS("2024-09-18", "2024-09-18", "Usag", "", "", "1", "", ""),
	 "bill.csv:7: column 'ChargeCategory': unknown charge category (Usage, Purchase, Tax, Credit, "
	 "Adjustment): \"Usag\""},
	{"unknown charge class", H_FOCUS, R_FOCUS("2024-09-18", "2024-09-18", "Usage", "Fix", "", "1", "", ""),
	 "bill.csv:7: column 'ChargeClass': unknown charge class (null or Correction): \"Fix\""},
	{"unknown pricing category", H_FOCUS, R_FOCUS("2024-09-18", "2024-09-18", "Usage", "", "Cheap", "1", "", ""),
	 "bill.csv:7: column 'PricingCategory': unknown pricing category (Standard, Dynamic, Committed, "
	 "Other): \"Cheap\""},
	{"invalid date", H_FOCUS, R_FOCUS("2023-02-29 00:00:00", "2023-03-01", "Usage", "", "", "1", "", ""),
	 "bill.csv:7: column 'ChargePeriodStart': invalid date or time: \"2023-02-29 00:00:00\""},
	{"hour 30", H_FOCUS, R_FOCUS("2023-02-01T00:00:00Z", "2023-02-01T30:00:00Z", "Usage", "", "", "1", "", ""),
	 "bill.csv:7: column 'ChargePeriodEnd': invalid date or time: \"2023-02-01T30:00:00Z\""},
	{"not a timestamp", H_FOCUS, R_FOCUS("yesterday", "2023-03-01", "Usage", "", "", "1", "", ""),
	 "bill.csv:7: column 'ChargePeriodStart': not a timestamp: \"yesterday\""},
	{"ends before it starts", H_FOCUS, R_FOCUS("2024-09-18 23:00:00", "2024-09-18 22:00:00", "Usage", "", "", "1", "", ""),
	 "bill.csv:7: column 'ChargePeriodEnd': ends before the charge period starts: \"2024-09-18 22:00:00\""},
	{"tags not an object", H_FOCUS, R_FOCUS("2024-09-18", "2024-09-18", "Usage", "", "", "1", "", "[1,2]"),
	 "bill.csv:7: column 'Tags': not a JSON object: \"[1,2]\""},
	{"quantity not a number", H_FOCUS, "2024-09-01|2024-09-18|2024-09-18|Usage|||1||AWS||g5.4xlarge|ten",
	 "bill.csv:7: column 'PricingQuantity': not a number: \"ten\""},
	{"one field short", H_FOCUS, "2024-09-01|2024-09-18|2024-09-18|Usage|||1||AWS||g5.4xlarge",
	 "bill.csv:7: 11 fields where the header has 12"},
	{"one field too many", H_FOCUS, FOCUS_OK("1", "1") "|x",
	 "bill.csv:7: 13 fields where the header has 12"},
	{"invalid utf-8", H_FOCUS, R_FOCUS("2024-09-18", "2024-09-18", "Usage", "", "", "1", "", "{\"a\":\"\xC3\x28\"}"),
	 "bill.csv:7: column 'Tags': invalid UTF-8 (byte 0xC3 at offset 6 of the field)"},
	/* CUR line item types, as focus_converters map them */
	{"cur usage", H_CUR, R_CUR("Usage", "USE1-BoxUsage:g5.xlarge", "1.006", "OnDemand", "", ""), NULL,
	 "1.006000000", "Usage", "Standard", "g5.xlarge", "2023-11-01T00:00:00Z", "2023-11-02T00:00:00Z",
	 "1.006000000", "{\"project\":\"vision\"}", "AWS", 0},
	{"cur spot usage type", H_CUR, R_CUR("Usage", "USE1-SpotUsage:p4d.24xlarge", "9.83", "", "", ""), NULL,
	 "9.830000000", "Usage", "Dynamic", "p4d.24xlarge", NULL, NULL, NULL, NULL, NULL, 0},
	{"cur spot purchase option", H_CUR, R_CUR("Usage", "USE1-BoxUsage:g5.xlarge", "1", "OnDemand", "", "Spot"),
	 NULL, NULL, "Usage", "Dynamic", "g5.xlarge", NULL, NULL, NULL, NULL, NULL, 0},
	{"cur instance column first", H_CUR, R_CUR("Usage", "USE1-BoxUsage:g5.xlarge", "1", "", "p3.2xlarge", ""),
	 NULL, NULL, NULL, "-", "p3.2xlarge", NULL, NULL, NULL, NULL, NULL, 0},
	{"cur no instance in data transfer", H_CUR, R_CUR("Usage", "USE1-DataTransfer-Out-Bytes", "1", "", "", ""),
	 NULL, NULL, NULL, NULL, "", NULL, NULL, NULL, NULL, NULL, 0},
	{"cur no instance in EBS", H_CUR, R_CUR("Usage", "USE1-EBS:VolumeUsage.gp2", "1", "", "", ""),
	 NULL, NULL, NULL, NULL, "", NULL, NULL, NULL, NULL, NULL, 0},
	{"cur SavingsPlanNegation", H_CUR, R_CUR("SavingsPlanNegation", "", "-1", "", "", ""), NULL,
	 "-1.000000000", "Usage", NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0},
	{"cur SavingsPlanCoveredUsage", H_CUR, R_CUR("SavingsPlanCoveredUsage", "", "1", "OnDemand", "", ""), NULL,
	 NULL, "Usage", "Committed", NULL, NULL, NULL, NULL, NULL, NULL, 0},
	{"cur DiscountedUsage", H_CUR, R_CUR("DiscountedUsage", "", "1", "", "", ""), NULL,
	 NULL, "Usage", "Committed", NULL, NULL, NULL, NULL, NULL, NULL, 0},
	{"cur reserved term", H_CUR, R_CUR("Usage", "", "1", "Reserved", "", ""), NULL,
	 NULL, "Usage", "Committed", NULL, NULL, NULL, NULL, NULL, NULL, 0},
	{"cur RIFee", H_CUR, R_CUR("RIFee", "", "100", "", "", ""), NULL, NULL, "Purchase", NULL, NULL,
	 NULL, NULL, NULL, NULL, NULL, 0},
	{"cur Fee", H_CUR, R_CUR("Fee", "", "100", "", "", ""), NULL, NULL, "Purchase", NULL, NULL,
	 NULL, NULL, NULL, NULL, NULL, 0},
	{"cur SavingsPlanRecurringFee", H_CUR, R_CUR("SavingsPlanRecurringFee", "", "1", "", "", ""), NULL, NULL,
	 "Purchase", NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0},
	{"cur Refund", H_CUR, R_CUR("Refund", "", "-3", "", "", ""), NULL, NULL, "Adjustment", NULL, NULL,
	 NULL, NULL, NULL, NULL, NULL, 0},
	{"cur Tax", H_CUR, R_CUR("Tax", "", "0.12", "", "", ""), NULL, NULL, "Tax", NULL, NULL,
	 NULL, NULL, NULL, NULL, NULL, 0},
	{"cur Credit", H_CUR, R_CUR("Credit", "", "-0.12", "", "", ""), NULL, NULL, "Credit", NULL, NULL,
	 NULL, NULL, NULL, NULL, NULL, 0},
	{"cur EdpDiscount", H_CUR, R_CUR("EdpDiscount", "", "-0.12", "", "", ""), NULL, NULL, "Usage", NULL, NULL,
	 NULL, NULL, NULL, NULL, NULL, 0},
	{"cur unknown type", H_CUR, R_CUR("Bogus", "", "1", "", "", ""),
	 "bill.csv:7: column 'lineItem/LineItemType': unknown line item type: \"Bogus\""},
	{"cur E notation", H_CUR, R_CUR("Usage", "", "1.81E-8", "", "", ""), NULL, "0.000000018", NULL, NULL,
	 NULL, NULL, NULL, "0.000000018", NULL, NULL, 1},
	{"cur not a number", H_CUR, R_CUR("Usage", "", "12,5", "", "", ""),
	 "bill.csv:7: column 'lineItem/UnblendedCost': not a number: \"12,5\""},
	/* CUR 2.0: snake_case names, tags as one JSON column */
	{"cur 2.0", H_CUR2, "2023-11-01T00:00:00Z|2023-11-01T01:00:00Z|Usage|2.5|USE1-SpotUsage:g5.xlarge|"
	 "{\"user:project\":\"vision\"}|", NULL, "2.500000000", "Usage", "Dynamic", "g5.xlarge",
	 "2023-11-01T00:00:00Z", "2023-11-01T01:00:00Z", "2.500000000", "{\"user:project\":\"vision\"}", "AWS", 0},
	{"cur 2.0 error names the column as written", H_CUR2,
	 "2023-11-01T00:00:00Z|2023-11-01T01:00:00Z|Usage|x|||",
	 "bill.csv:7: column 'line_item_unblended_cost': not a number: \"x\""},
	{"cur 2.0 tags not an object", H_CUR2,
	 "2023-11-01T00:00:00Z|2023-11-01T01:00:00Z|Usage|1||\"x\"|",
	 "bill.csv:7: column 'resource_tags': not a JSON object: \"\"x\"\""},
};
#pragma GCC diagnostic pop

static void expect_text(const char *row_name, const char *what, const char *got, const char *want)
{
	if (!want)
		return;
	if (strcmp(want, "-") == 0)
		ck_assert_msg(got == NULL, "%s: %s is '%s', want absent", row_name, what, got);
	else
		ck_assert_msg(got != NULL && strcmp(got, want) == 0, "%s: %s is '%s', want '%s'",
			      row_name, what, got ? got : "(absent)", want);
}

START_TEST(core_rows)
{
	const struct bill_row *r = &bill_rows[_i];
	struct test_row header, row;
	struct bill_mapping *m;
	struct import_error error;
	struct charge ch;
	char buf[64];
	int status;

	memset(&error, 0, sizeof error);
	ck_assert_msg(bill_mapping_new(make_row(&header, 1, r->header), "auto", FILE_NAME, &m, &error) == 0,
		      "%s: header: %s", r->name, format_error(&error));
	status = bill_mapping_row(m, make_row(&row, 7, r->row), &ch, &error);
	if (r->error) {
		ck_assert_msg(status == -1, "%s: accepted", r->name);
		ck_assert_msg(strcmp(format_error(&error), r->error) == 0, "%s:\n got '%s'\nwant '%s'",
			      r->name, format_error(&error), r->error);
		bill_mapping_free(m);
		return;
	}
	ck_assert_msg(status == 0, "%s: %s", r->name, format_error(&error));
	ck_assert_int_eq(ch.source_line, 7);
	if (r->billed) {
		money_format(ch.billed_cost, 9, buf, sizeof buf);
		ck_assert_msg(strcmp(buf, r->billed) == 0, "%s: billed %s, want %s", r->name, buf, r->billed);
	}
	if (r->effective) {
		if (strcmp(r->effective, "-") == 0) {
			ck_assert_msg(!ch.effective_cost.present, "%s: effective present", r->name);
		} else {
			ck_assert_msg(ch.effective_cost.present, "%s: effective absent", r->name);
			money_format(ch.effective_cost.value, 9, buf, sizeof buf);
			ck_assert_msg(strcmp(buf, r->effective) == 0, "%s: effective %s, want %s", r->name,
				      buf, r->effective);
		}
	}
	expect_text(r->name, "charge_category", ch.charge_category, r->category);
	expect_text(r->name, "pricing_category", ch.pricing_category, r->pricing);
	expect_text(r->name, "tags", ch.tags, r->tags);
	expect_text(r->name, "provider", ch.provider, r->provider);
	if (r->instance)
		ck_assert_msg(strcmp(ch.instance_type, r->instance) == 0, "%s: instance '%s', want '%s'",
			      r->name, ch.instance_type, r->instance);
	if (r->start) {
		time_format(ch.charge_period_start, buf, sizeof buf);
		ck_assert_msg(strcmp(buf, r->start) == 0, "%s: start %s, want %s", r->name, buf, r->start);
	}
	if (r->end) {
		time_format(ch.charge_period_end, buf, sizeof buf);
		ck_assert_msg(strcmp(buf, r->end) == 0, "%s: end %s, want %s", r->name, buf, r->end);
	}
	ck_assert_msg(!ch.rounded == !r->rounded, "%s: rounded %d, want %d", r->name, ch.rounded, r->rounded);
	bill_mapping_free(m);
}
END_TEST

/* Unit prices keep the bill's digits as canonical text; they never count as
 * rounded amounts; past 18 significant digits they are refused. */
#define H_PRICES_FOCUS "ChargePeriodStart|ChargePeriodEnd|BilledCost|ListUnitPrice|ContractedUnitPrice"
#define H_PRICES_CUR "lineItem/UsageStartDate|lineItem/UsageEndDate|lineItem/LineItemType|" \
	"lineItem/UnblendedCost|lineItem/UnblendedRate|pricing/publicOnDemandRate"
static const struct {
	const char *header, *row, *unit_price, *list_unit_price, *error;
} price_rows[] = {
	{H_PRICES_FOCUS, "2024-09-18|2024-09-18|0.02|0.0000166667|0.0000097222",
	 "0.0000097222", "0.0000166667", NULL},
	{H_PRICES_FOCUS, "2024-09-18|2024-09-18|0.02|0.001500000000|NULL", "", "0.0015", NULL},
	{H_PRICES_FOCUS, "2024-09-18|2024-09-18|0.02|1.6667E-5|0", "0", "0.000016667", NULL},
	{H_PRICES_FOCUS, "2024-09-18|2024-09-18|0.02|0.123456789012345678|", "", "0.123456789012345678", NULL},
	{H_PRICES_FOCUS, "2024-09-18|2024-09-18|0.02|0.1234567890123456789|", NULL, NULL,
	 "bill.csv:7: column 'ListUnitPrice': more than 18 significant digits: \"0.1234567890123456789\""},
	{H_PRICES_FOCUS, "2024-09-18|2024-09-18|0.02||12,5", NULL, NULL,
	 "bill.csv:7: column 'ContractedUnitPrice': not a number: \"12,5\""},
	{H_PRICES_CUR, "2023-11-01T00:00:00Z|2023-11-01T01:00:00Z|Usage|0.000000018|1.81E-8|2.0E-8",
	 "0.0000000181", "0.00000002", NULL},
};

START_TEST(core_unit_prices)
{
	struct test_row header, row;
	struct bill_mapping *m;
	struct import_error error;
	struct charge ch;
	int status;

	memset(&error, 0, sizeof error);
	ck_assert_int_eq(bill_mapping_new(make_row(&header, 1, price_rows[_i].header), "auto", FILE_NAME,
					  &m, &error), 0);
	status = bill_mapping_row(m, make_row(&row, 7, price_rows[_i].row), &ch, &error);
	if (price_rows[_i].error) {
		ck_assert_int_eq(status, -1);
		ck_assert_str_eq(format_error(&error), price_rows[_i].error);
	} else {
		ck_assert_msg(status == 0, "%s: %s", price_rows[_i].row, format_error(&error));
		ck_assert_str_eq(ch.unit_price, price_rows[_i].unit_price);
		ck_assert_str_eq(ch.list_unit_price, price_rows[_i].list_unit_price);
		ck_assert_int_eq(ch.rounded, 0);
	}
	bill_mapping_free(m);
}
END_TEST

/* BillingCurrency: three letters in any case, stored upper-case, as rate
 * cards, fx rates and --currency take them; NULL when absent. */
static const struct {
	const char *field, *currency, *error;
} currency_rows[] = {
	{"USD", "USD", NULL},
	{"usd", "USD", NULL},
	{"Eur", "EUR", NULL},
	{"", NULL, NULL},
	{"NULL", NULL, NULL},
	{"US$", NULL, "bill.csv:7: column 'BillingCurrency': not a three-letter currency code (ISO 4217): \"US$\""},
	{"US Dollar", NULL,
	 "bill.csv:7: column 'BillingCurrency': not a three-letter currency code (ISO 4217): \"US Dollar\""},
};

START_TEST(core_currency)
{
	struct test_row header, row;
	struct bill_mapping *m;
	struct import_error error;
	struct charge ch;
	char text[128];

	memset(&error, 0, sizeof error);
	ck_assert_int_eq(bill_mapping_new(make_row(&header, 1, "BillingCurrency|" FOCUS_MIN), "auto",
					  FILE_NAME, &m, &error), 0);
	snprintf(text, sizeof text, "%s|3|2024-09-18|2024-09-19", currency_rows[_i].field);
	if (currency_rows[_i].error) {
		ck_assert_int_eq(bill_mapping_row(m, make_row(&row, 7, text), &ch, &error), -1);
		ck_assert_str_eq(format_error(&error), currency_rows[_i].error);
	} else {
		ck_assert_int_eq(bill_mapping_row(m, make_row(&row, 7, text), &ch, &error), 0);
		if (currency_rows[_i].currency)
			ck_assert_pstr_eq(ch.billing_currency, currency_rows[_i].currency);
		else
			ck_assert_ptr_null(ch.billing_currency);
	}
	bill_mapping_free(m);
}
END_TEST

/* --- limits --------------------------------------------------------------- */

struct null_row {
	const char *text;
	int is_null;
};

static const struct null_row null_rows[] = {
	{"", 1}, {"NULL", 1}, {"null", 1}, {"Null", 0}, {"nULL", 0}, {"NULL ", 0}, {" ", 0},
	{"0", 0}, {"NUL", 0}, {"None", 0}, {"nil", 0},
};

START_TEST(limits_null)
{
	const struct null_row *r = &null_rows[_i];

	ck_assert_msg(!bill_is_null(r->text, strlen(r->text)) == !r->is_null, "bill_is_null('%s')", r->text);
}
END_TEST

/* The same text under n: only the first n bytes count. */
START_TEST(limits_null_length)
{
	ck_assert(bill_is_null("NULLx", 4));
	ck_assert(bill_is_null("x", 0));
	ck_assert(!bill_is_null("NULL", 3));
}
END_TEST

static void key_of(const char *header, const char *text, long line, unsigned char key[16])
{
	struct test_row h, row;
	struct bill_mapping *m;
	struct import_error error;
	struct charge ch;

	ck_assert_int_eq(bill_mapping_new(make_row(&h, 1, header), "auto", FILE_NAME, &m, &error), 0);
	ck_assert_msg(bill_mapping_row(m, make_row(&row, line, text), &ch, &error) == 0, "%s",
		      format_error(&error));
	memcpy(key, ch.row_key, 16);
	bill_mapping_free(m);
}

/* FOCUS rows are keyed by their content (not the line); CUR by id and interval. */
START_TEST(limits_row_key)
{
	unsigned char a[16], b[16];

	key_of(H_FOCUS, FOCUS_OK("1.624", "1.624"), 2, a);
	key_of(H_FOCUS, FOCUS_OK("1.624", "1.624"), 900, b);
	ck_assert_msg(memcmp(a, b, 16) == 0, "identical FOCUS rows on other lines differ");
	key_of(H_FOCUS, FOCUS_OK("1.625", "1.624"), 2, b);
	ck_assert_msg(memcmp(a, b, 16) != 0, "FOCUS rows of other costs share a key");
	key_of(H_FOCUS, FOCUS_OK("1.624", "NULL"), 2, b);
	ck_assert_msg(memcmp(a, b, 16) != 0, "FOCUS rows differing in one field share a key");

	key_of(H_CUR, R_CUR("Usage", "", "1", "", "", ""), 2, a);
	key_of(H_CUR, R_CUR("Usage", "", "2", "", "", ""), 5, b);
	ck_assert_msg(memcmp(a, b, 16) == 0, "a CUR line id in one interval has two keys");
	{
		char other[1024];
		snprintf(other, sizeof other, "%s", R_CUR("Usage", "", "1", "", "", ""));
		other[2] = '2'; /* id1 -> id2 */
		key_of(H_CUR, other, 2, b);
	}
	ck_assert_msg(memcmp(a, b, 16) != 0, "two CUR line ids share a key");
	key_of(H_CUR, R_CUR("Usage", "", "1", "", "", ""), 2, a);
	{
		char other[1024];
		char *p;
		snprintf(other, sizeof other, "%s", R_CUR("Usage", "", "1", "", "", ""));
		p = strstr(other, "/2023-11-02");
		p[10] = '3'; /* the next day's interval */
		key_of(H_CUR, other, 2, b);
	}
	ck_assert_msg(memcmp(a, b, 16) != 0, "one CUR line id in two intervals shares a key");
}
END_TEST

/* A mapping is reused for many rows; an error in one leaves the next fine. */
START_TEST(limits_many_rows)
{
	struct test_row h, row;
	struct bill_mapping *m;
	struct import_error error;
	struct charge ch;
	long line;

	ck_assert_int_eq(bill_mapping_new(make_row(&h, 1, H_CUR), "auto", FILE_NAME, &m, &error), 0);
	for (line = 2; line < 200; line++) {
		int bad = line % 3 == 0;
		int status = bill_mapping_row(m, make_row(&row, line, bad ?
			R_CUR("Usage", "", "x", "", "", "") : R_CUR("Usage", "USE1-SpotUsage:p4d.24xlarge", "1", "", "", "")),
			&ch, &error);

		ck_assert_int_eq(status, bad ? -1 : 0);
		if (bad) {
			ck_assert_int_eq(error.line, line);
			ck_assert_str_eq(error.column, "lineItem/UnblendedCost");
		} else {
			ck_assert_str_eq(ch.instance_type, "p4d.24xlarge");
			ck_assert_str_eq(ch.tags, "{\"project\":\"vision\"}");
		}
	}
	bill_mapping_free(m);
}
END_TEST

/* The header of each sample bill in tests/data (first columns that matter). */
START_TEST(limits_sample_headers)
{
	static const struct {
		const char *header, *want;
	} samples[] = {
		{"AvailabilityZone|BilledCost|BillingAccountId|BillingAccountName|BillingCurrency|"
		 "BillingPeriodEnd|BillingPeriodStart|ChargeCategory|ChargeClass|ChargeDescription|"
		 "ChargeFrequency|ChargePeriodEnd|ChargePeriodStart|CommitmentDiscountCategory|"
		 "CommitmentDiscountId|CommitmentDiscountName|CommitmentDiscountStatus|CommitmentDiscountType|"
		 "ConsumedQuantity|ConsumedUnit|ContractedCost|ContractedUnitPrice|EffectiveCost|InvoiceIssuerName|"
		 "ListCost|ListUnitPrice|PricingCategory|PricingQuantity|PricingUnit|ProviderName|PublisherName|"
		 "RegionId|RegionName|ResourceId|ResourceName|ResourceType|ServiceCategory|ServiceName|SkuId|"
		 "SkuPriceId|SubAccountId|SubAccountName|Tags|Id", "focus-1.0"},
		{"identity/LineItemId|identity/TimeInterval|bill/InvoiceId|bill/BillingEntity|bill/BillType|"
		 "bill/PayerAccountId|bill/BillingPeriodStartDate|bill/BillingPeriodEndDate|lineItem/UsageAccountId|"
		 "lineItem/LineItemType|lineItem/UsageStartDate|lineItem/UsageEndDate|lineItem/ProductCode|"
		 "lineItem/UsageType|lineItem/Operation|lineItem/AvailabilityZone|lineItem/UsageAmount|"
		 "lineItem/CurrencyCode|lineItem/UnblendedRate|lineItem/UnblendedCost", "aws-cur"},
	};
	size_t i;

	for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		struct test_row h;
		struct bill_mapping *m;
		struct import_error error;

		ck_assert_msg(bill_mapping_new(make_row(&h, 1, samples[i].header), "auto", FILE_NAME, &m,
					       &error) == 0, "%s", format_error(&error));
		ck_assert_str_eq(bill_mapping_format(m), samples[i].want);
		bill_mapping_free(m);
	}
}
END_TEST

/* import_error_format with and without line and column. */
START_TEST(limits_error_format)
{
	struct import_error e;
	char buf[256];

	ck_assert_int_eq(import_error_set(&e, "b.csv", 3, "BilledCost", "not a number: \"%s\"", "12,5"), -1);
	import_error_format(&e, buf, sizeof buf);
	ck_assert_str_eq(buf, "b.csv:3: column 'BilledCost': not a number: \"12,5\"");
	import_error_set(&e, "b.csv", 0, NULL, "cannot open");
	import_error_format(&e, buf, sizeof buf);
	ck_assert_str_eq(buf, "b.csv: cannot open");
	import_error_set(&e, "b.csv", 9, "", "unterminated");
	import_error_format(&e, buf, sizeof buf);
	ck_assert_str_eq(buf, "b.csv:9: unterminated");
	import_error_set(&e, "b.csv", 0, "Tags", "x");
	import_error_format(&e, buf, sizeof buf);
	ck_assert_str_eq(buf, "b.csv: column 'Tags': x");
	import_error_format(&e, buf, 6);
	ck_assert_str_eq(buf, "b.csv");
}
END_TEST

/* UTF-8 is checked 8 ASCII bytes at a time: a bad byte, and a good
 * multi-byte character, at every offset around those 8-byte steps. The
 * Tags field is a JSON string of k ASCII bytes, then the bytes under test. */
/* Maps `text` (a FOCUS row) and checks that it is accepted (bad_at < 0) or
 * refused for the byte at offset bad_at of `field`, the value of `column`;
 * accepted, a ProviderName must come through as written. */
static void check_utf8_row(const char *text, const char *column, const char *field, long bad_at,
			   size_t c, size_t k)
{
	struct test_row header, row;
	struct bill_mapping *m;
	struct import_error error;
	struct charge ch;
	char want[256];
	int status;

	memset(&error, 0, sizeof error);
	ck_assert_int_eq(bill_mapping_new(make_row(&header, 1, H_FOCUS), "auto", FILE_NAME, &m, &error), 0);
	status = bill_mapping_row(m, make_row(&row, 7, text), &ch, &error);
	if (bad_at < 0) {
		ck_assert_msg(status == 0, "case %zu, %zu bytes before: %s", c, k, format_error(&error));
		if (!strcmp(column, "ProviderName"))
			ck_assert_str_eq(ch.provider, field);
	} else {
		snprintf(want, sizeof want, "bill.csv:7: column '%s': invalid UTF-8 (byte 0x%02X "
			 "at offset %ld of the field)", column, (unsigned char)field[bad_at], bad_at);
		ck_assert_msg(status == -1, "case %zu, %zu bytes before: accepted", c, k);
		ck_assert_str_eq(format_error(&error), want);
	}
	bill_mapping_free(m);
}

START_TEST(limits_utf8_offsets)
{
	static const struct { const char *bytes; int bad_at; } cases[] = {
		{"\xC3\x28", 0},          /* a lead byte without its continuation */
		{"\x80", 0},              /* a lone continuation byte */
		{"\xED\xA0\x80", 0},      /* a UTF-16 surrogate */
		{"\xC3\xA9", -1},         /* e-acute: valid */
		{"\xF0\x9F\x92\xB8" "ab", -1}, /* 4 bytes then ASCII: valid */
		{"\xE2\x82\xAC" "abcdefgh" "\xFF", 11}, /* euro sign, 8 ASCII, then 0xFF */
	};
	size_t c, k;

	for (c = 0; c < sizeof cases / sizeof cases[0]; c++)
		for (k = 0; k < 20; k++) {
			char tags[128], text[512], rest[512], *at;

			snprintf(tags, sizeof tags, "{\"k\":\"%.*s%s\"}", (int)k, "abcdefghijklmnopqrstuvwxyz",
				 cases[c].bytes);
			snprintf(text, sizeof text, "%s", R_FOCUS("2024-09-18", "2024-09-18", "Usage", "", "",
								   "1", "", "TAGS"));
			at = strstr(text, "TAGS");
			snprintf(rest, sizeof rest, "%s", at + 4);
			snprintf(at, sizeof text - (size_t)(at - text), "%s%s", tags, rest);
			check_utf8_row(text, "Tags", tags, cases[c].bad_at < 0 ? -1 : (long)(6 + k) + cases[c].bad_at,
				       c, k);
		}
}
END_TEST

/* The same at the end of a field, where the last 1-7 bytes are read in
 * 4-, 2- and 1-byte pieces: the bytes under test end ProviderName. */
START_TEST(limits_utf8_field_end)
{
	static const struct { const char *bytes; int bad_at; } cases[] = {
		{"\xFF", 0},             /* never in UTF-8 */
		{"\xC3", 0},             /* a lead byte cut off by the field's end */
		{"\xE2\x82", 0},         /* three bytes announced, two given */
		{"\xC3\xA9", -1},        /* e-acute: valid */
		{"\xE2\x82\xAC", -1},    /* euro sign: valid */
	};
	size_t c, k;

	for (c = 0; c < sizeof cases / sizeof cases[0]; c++)
		for (k = 0; k < 18; k++) {
			char provider[64], text[512];

			snprintf(provider, sizeof provider, "%.*s%s", (int)k, "abcdefghijklmnopqrstuvwxyz",
				 cases[c].bytes);
			snprintf(text, sizeof text, "2024-09-01T00:00:00Z|2024-09-18 22:00:00|"
				 "2024-09-18 23:00:00|Usage|NULL|Standard|1|1|%s|NULL|g5.4xlarge|1", provider);
			check_utf8_row(text, "ProviderName", provider,
				       cases[c].bad_at < 0 ? -1 : (long)k + cases[c].bad_at, c, k);
		}
}
END_TEST

/* One mapping over rows whose periods repeat, change, go bad and come
 * back: each row's times are what time_parse() makes of its own text. */
START_TEST(limits_repeated_times)
{
	static const struct { const char *start, *end, *error; } rows[] = {
		{"2024-09-18 22:00:00", "2024-09-18 23:00:00", NULL},
		{"2024-09-18 22:00:00", "2024-09-18 23:00:00", NULL},
		{"2024-09-18T22:00:00Z", "2024-09-18 23:00:00", NULL},
		{"2024-09-18 22:00:00", "2024-09-18 23:00:00", NULL},
		/* the kept text, longer: another instant */
		{"2024-09-18 22:00:00+01:00", "2024-09-18 22:00:00", NULL},
		{"2024-09-18 23:00:00", "2024-09-19 00:00:00", NULL},
		{"2024-09-18 22:00:00", "2024-09-18 25:00:00",
		 "bill.csv:7: column 'ChargePeriodEnd': invalid date or time: \"2024-09-18 25:00:00\""},
		{"2024-09-18 22:00:00", "2024-09-18 23:00:00", NULL},
		{"", "2024-09-18 23:00:00",
		 "bill.csv:7: column 'ChargePeriodStart': missing a required value: \"\""},
		{"2024-09-18 22:00:00", "2024-09-18 23:00:00", NULL},
	};
	struct test_row header, row;
	struct bill_mapping *m;
	struct import_error error;
	size_t i;

	memset(&error, 0, sizeof error);
	ck_assert_int_eq(bill_mapping_new(make_row(&header, 1, H_FOCUS), "auto", FILE_NAME, &m, &error), 0);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct charge ch;
		char text[512];
		int64_t start = 0, end = 0;
		int status;

		snprintf(text, sizeof text, "2024-09-01T00:00:00Z|%s|%s|Usage|NULL|Standard|1|1|AWS|NULL|"
			 "g5.4xlarge|1", rows[i].start, rows[i].end);
		status = bill_mapping_row(m, make_row(&row, 7, text), &ch, &error);
		if (rows[i].error) {
			ck_assert_msg(status == -1, "row %zu accepted", i);
			ck_assert_str_eq(format_error(&error), rows[i].error);
			continue;
		}
		ck_assert_msg(status == 0, "row %zu: %s", i, format_error(&error));
		ck_assert_int_eq(time_parse(rows[i].start, strlen(rows[i].start), 0, &start), TIME_OK);
		ck_assert_int_eq(time_parse(rows[i].end, strlen(rows[i].end), 0, &end), TIME_OK);
		ck_assert_msg(ch.charge_period_start == start && ch.charge_period_end == end,
			      "row %zu: %lld-%lld, not %lld-%lld", i, (long long)ch.charge_period_start,
			      (long long)ch.charge_period_end, (long long)start, (long long)end);
		ck_assert_int_eq(ch.charge_period_end - ch.charge_period_start, 3600000);
	}
	bill_mapping_free(m);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("bill");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");

	tcase_add_loop_test(core, core_header, 0, ROWS(header_rows));
	tcase_add_test(core, core_report);
	tcase_add_loop_test(core, core_rows, 0, ROWS(bill_rows));
	tcase_add_loop_test(core, core_currency, 0, ROWS(currency_rows));
	tcase_add_loop_test(core, core_unit_prices, 0, ROWS(price_rows));
	tcase_add_loop_test(limits, limits_null, 0, ROWS(null_rows));
	tcase_add_test(limits, limits_null_length);
	tcase_add_test(limits, limits_row_key);
	tcase_add_test(limits, limits_many_rows);
	tcase_add_test(limits, limits_sample_headers);
	tcase_add_test(limits, limits_error_format);
	tcase_add_test(limits, limits_utf8_offsets);
	tcase_add_test(limits, limits_utf8_field_end);
	tcase_add_test(limits, limits_repeated_times);
	suite_add_tcase(s, core);
	suite_add_tcase(s, limits);
	return s;
}

CHECK_MAIN(make_suite)
