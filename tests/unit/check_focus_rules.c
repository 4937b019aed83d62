/*
 * check_focus_rules.c: import/focus_rules.c, import/price_check.c,
 * import/iso4217.c and json_text_keys_unique. The product rule at the edges
 * of the file's own decimals; rules counted per row with the first line;
 * the CAU- prefix of FOCUS 1.3; a column absent is not a null.
 */
#include "bill.h"
#include "check_usage_util.h" /* make_row */
#include "check_util.h"
#include "focus_rules.h"
#include "iso4217.h"
#include "json_text.h"
#include "price_check.h"

static enum price_check product(const char *price, const char *quantity, const char *cost)
{
	return price_check_product(price, strlen(price), quantity, strlen(quantity), cost, strlen(cost));
}

START_TEST(decimals_as_written)
{
	ck_assert_int_eq(price_check_decimals("0.30", 4), 2);
	ck_assert_int_eq(price_check_decimals("12", 2), 0);
	ck_assert_int_eq(price_check_decimals("0.00237713810", 13), 11);
	ck_assert_int_eq(price_check_decimals("5E-3", 4), 3);
	ck_assert_int_eq(price_check_decimals("1.5E2", 5), 0);
	ck_assert_int_eq(price_check_decimals("1.25E1", 6), 1);
}
END_TEST

START_TEST(product_to_the_costs_decimals)
{
	/* 12 x 1 is not 99 */
	ck_assert_int_eq(product("12", "1", "99"), PRICE_CHECK_DIFFERS);
	ck_assert_int_eq(product("12", "1", "12.00"), PRICE_CHECK_MATCHES);
	/* 0.0000166667 x 142628 = 2.3771381... : 2.38, 2.377, 2.377138 are it rounded */
	ck_assert_int_eq(product("0.0000166667", "142628", "2.38"), PRICE_CHECK_MATCHES);
	ck_assert_int_eq(product("0.0000166667", "142628", "2.377"), PRICE_CHECK_MATCHES);
	ck_assert_int_eq(product("0.0000166667", "142628", "2.377138"), PRICE_CHECK_MATCHES);
	/* the price rounded to the nano first would give 2.377180676 */
	ck_assert_int_eq(product("0.0000166667", "142628", "2.377139"), PRICE_CHECK_DIFFERS);
	ck_assert_int_eq(product("0.0000166667", "142628", "2.377181"), PRICE_CHECK_DIFFERS);
	/* half a unit of the last decimal either way is still the product rounded */
	ck_assert_int_eq(product("0.125", "1", "0.12"), PRICE_CHECK_MATCHES);
	ck_assert_int_eq(product("0.125", "1", "0.13"), PRICE_CHECK_MATCHES);
	ck_assert_int_eq(product("0.1251", "1", "0.12"), PRICE_CHECK_DIFFERS);
	/* past 9 decimals: the nano, one nano apart at most */
	ck_assert_int_eq(product("0.05", "0.00000003", "0.0000000015"), PRICE_CHECK_MATCHES);
	ck_assert_int_eq(product("0.05", "0.00000003", "0.00001500000"), PRICE_CHECK_DIFFERS);
	ck_assert_int_eq(product("1", "0.000000001", "0.000000003"), PRICE_CHECK_DIFFERS);
	ck_assert_int_eq(product("-3", "1", "-3.00"), PRICE_CHECK_MATCHES);
	ck_assert_int_eq(product("abc", "1", "3"), PRICE_CHECK_UNREADABLE);
	ck_assert_int_eq(product("9000000000", "9000000000", "1"), PRICE_CHECK_UNREADABLE);
}
END_TEST

START_TEST(national_currencies)
{
	ck_assert(iso4217_is_national("USD", 3));
	ck_assert(iso4217_is_national("EUR", 3));
	ck_assert(iso4217_is_national("ZWL", 3));
	ck_assert(!iso4217_is_national("XYZ", 3));
	ck_assert(!iso4217_is_national("usd", 3));
	ck_assert(!iso4217_is_national("XAU", 3)); /* gold */
	ck_assert(!iso4217_is_national("XDR", 3)); /* a unit of account */
	ck_assert(!iso4217_is_national("USN", 3)); /* a fund code */
	ck_assert(!iso4217_is_national("USDX", 4));
}
END_TEST

static int keys_unique(const char *s)
{
	return json_text_keys_unique(s, strlen(s));
}

START_TEST(tags_keys_unique)
{
	ck_assert_int_eq(keys_unique("{}"), 1);
	ck_assert_int_eq(keys_unique(" {\"a\":1,\"b\":{\"a\":2,\"a\":3}} "), 1); /* nested keys are another object's */
	ck_assert_int_eq(keys_unique("{\"team\":\"a\",\"team\":\"b\"}"), 0);
	ck_assert_int_eq(keys_unique("{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,"
				     "\"k9\":9,\"k10\":1,\"k11\":1,\"k12\":1,\"k13\":1,\"k14\":1,\"k15\":1,"
				     "\"k16\":1,\"k17\":1,\"k1\":2}"), 0); /* past the first 16 keys */
	ck_assert_int_eq(keys_unique("{\"ab\":1,\"a\":2}"), 1);
	ck_assert_int_eq(keys_unique("[1,2]"), -1);
	ck_assert_int_eq(keys_unique("\"x\""), -1);
	ck_assert_int_eq(keys_unique("{\"a\":1"), -1);
	ck_assert_int_eq(keys_unique("{\"a\":1} x"), -1);
}
END_TEST

#define HEADER "BilledCost|ChargePeriodStart|ChargePeriodEnd|ChargeCategory|ListUnitPrice|PricingQuantity|ListCost|BillingCurrency"
#define GOOD "1.00|2024-01-01T00:00:00Z|2024-01-01T01:00:00Z|Usage|0.5|2|1.00|USD"

/* The violations of HEADER + rows (one per element, from line 2). */
static size_t run(const char *header, const char *const *rows, size_t n, struct focus_violation *out,
		  size_t size)
{
	struct test_row t;
	struct import_error error;
	struct bill_mapping *mapping;
	struct focus_rules *rules;
	size_t i, found;

	ck_assert_int_eq(bill_mapping_new(make_row(&t, 1, header, '|'), "focus", "bill.csv", &mapping, &error), 0);
	ck_assert_ptr_nonnull(rules = focus_rules_new(mapping, make_row(&t, 1, header, '|')));
	for (i = 0; i < n; i++)
		ck_assert_int_eq(focus_rules_row(rules, make_row(&t, (long)i + 2, rows[i], '|')), 0);
	ck_assert_int_eq(focus_rules_rows(rules), (long)n);
	found = focus_rules_violations(rules, out, size);
	ck_assert_uint_eq(focus_rules_must_broken(rules), found);
	focus_rules_free(rules);
	bill_mapping_free(mapping);
	return found;
}

static int has_rule(const struct focus_violation *v, size_t n, const char *id, long rows, long line)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(v[i].id, id))
			return v[i].rows == rows && v[i].first_line == line;
	return 0;
}

static int no_rule(const struct focus_violation *v, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(v[i].id, id))
			return 0;
	return 1;
}

START_TEST(rows_counted_first_line_kept)
{
	static const char *const rows[] = {
		GOOD,
		"1.00|2024-01-01T00:00:00Z|2024-01-01T01:00:00Z|Usage|0.5|2|99|USD",
		"1.00|2024-01-01T00:00:00Z|2024-01-01T01:00:00Z|Usage|0.5|2|98|XYZ",
		"1.00|2024-01-01 00:00:00|2024-01-01T01:00:00Z|Bogus|0.5|2|1.00|USD",
	};
	struct focus_violation v[128];
	size_t n = run(HEADER, rows, 4, v, 128);

	ck_assert(has_rule(v, n, "ListCost-C-009-C", 2, 3));
	ck_assert(has_rule(v, n, "BillingCurrency-C-006-M", 1, 4));
	ck_assert(has_rule(v, n, "ChargePeriodStart-C-002-M", 1, 5));
	ck_assert(has_rule(v, n, "ChargeCategory-C-003-M", 1, 5));
	/* the header lacks columns a dataset has */
	ck_assert(has_rule(v, n, "CostAndUsage-D-024-M", 1, 1));
	ck_assert(no_rule(v, n, "PricingUnit-C-006-C")); /* no PricingUnit column: not checked */
	ck_assert(no_rule(v, n, "ListCost-C-003-M"));
}
END_TEST

START_TEST(focus_1_3_ids_have_the_prefix)
{
	static const char *const rows[] = {"1.00|2024-01-01T00:00:00Z|2024-01-01T01:00:00Z|Usage|0.5|2|99|USD|x"};
	struct focus_violation v[128];
	size_t n = run(HEADER "|ServiceProviderName", rows, 1, v, 128);

	/* the 1.3 requirements model's own numbers (docs/validate.md) */
	ck_assert(has_rule(v, n, "CAU-ListCost-C-011-C", 1, 2));
	ck_assert(no_rule(v, n, "CAU-ListCost-C-009-C"));
	ck_assert(has_rule(v, n, "CAU-CostAndUsage-D-024-M", 1, 1));
	ck_assert(no_rule(v, n, "CAU-CostAndUsage-D-076-M")); /* ServiceProviderName is there */
	/* deprecated in 1.3, still required */
	ck_assert(has_rule(v, n, "CAU-CostAndUsage-D-038-M", 1, 1));
	ck_assert(has_rule(v, n, "CAU-CostAndUsage-D-021-M", 1, 1));
	ck_assert(has_rule(v, n, "CAU-CostAndUsage-D-075-M", 1, 1));
}
END_TEST

START_TEST(a_correction_may_differ)
{
	static const char *const rows[] = {
		"1.00|2024-01-01T00:00:00Z|2024-01-01T01:00:00Z|Usage|0.5|2|99|USD|Correction",
	};
	struct focus_violation v[128];
	size_t i, n = run(HEADER "|ChargeClass", rows, 1, v, 128);

	for (i = 0; i < n; i++)
		ck_assert_msg(strncmp(v[i].id, "CostAndUsage-", 13) == 0, "%s", v[i].id);
}
END_TEST

/* FOCUS 1.3 dropped the Correction exemption: the same row breaks CAU-ListCost-C-011-C. */
START_TEST(a_1_3_correction_may_not_differ)
{
	static const char *const rows[] = {
		"1.00|2024-01-01T00:00:00Z|2024-01-01T01:00:00Z|Usage|0.5|2|99|USD|Correction|x",
	};
	struct focus_violation v[128];
	size_t n = run(HEADER "|ChargeClass|ServiceProviderName", rows, 1, v, 128);

	ck_assert(has_rule(v, n, "CAU-ListCost-C-011-C", 1, 2));
}
END_TEST

static Suite *focus_rules_suite(void)
{
	Suite *s = suite_create("focus_rules");
	TCase *c = tcase_create("core");

	tcase_add_test(c, decimals_as_written);
	tcase_add_test(c, product_to_the_costs_decimals);
	tcase_add_test(c, national_currencies);
	tcase_add_test(c, tags_keys_unique);
	tcase_add_test(c, rows_counted_first_line_kept);
	tcase_add_test(c, focus_1_3_ids_have_the_prefix);
	tcase_add_test(c, a_correction_may_differ);
	tcase_add_test(c, a_1_3_correction_may_not_differ);
	suite_add_tcase(s, c);
	return s;
}

CHECK_MAIN(focus_rules_suite)
