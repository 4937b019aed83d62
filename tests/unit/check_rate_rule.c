/*
 * check_rate_rule.c: the rate in force (extension/rate_rule.c): provider
 * case-folded, exact SKU before '*', own region before none before another,
 * validity [from, to), latest valid_from, the pricing mapping, and the cost
 * of an interval split where the rate changes, rounded once per piece.
 */
#include <string.h>

#include "check_util.h"
#include "rate_rule.h"

#define H 3600
#define T0 1793491200 /* 2026-11-01T00:00:00Z */

#define ROW(id, provider, sku, region, category, unit, currency, units, running, gpu, from, to) \
	{id, provider, sku, region, category, unit, currency, #units, {units, 0}, {0, 0}, 0, \
	 running, gpu, from, to, 3600}  /* every unit here is hour or GPU-hour */

static struct rate_row rows[] = {
	ROW(1, "AWS", "p4", "eu-west-1", "Standard", "hour", "USD", 40, 0, 0, 0, INT64_MAX),
	ROW(2, "AWS", "p4", "us-east-1", "Standard", "hour", "USD", 32, 0, 0, 0, INT64_MAX),
	ROW(3, "aws", "*", "", "Standard", "hour", "USD", 1, 0, 0, 0, INT64_MAX),
	ROW(4, "GC", "m1", "", "Standard", "hour", "USD", 10, 1, 0, 0, T0 + 14 * 24 * H),
	ROW(5, "GC", "m1", "", "Standard", "hour", "USD", 12, 1, 0, T0 + 14 * 24 * H, INT64_MAX),
	ROW(6, "GC", "m1", "asia-1", "Standard", "hour", "USD", 99, 1, 0, 0, INT64_MAX),
	ROW(7, "AWS", "p4", "us-east-1", "Dynamic", "hour", "USD", 9, 0, 0, 0, INT64_MAX),
	ROW(8, "GC", "h8", "", "Standard", "GPU-hour", "USD", 2, 0, 1, 0, INT64_MAX),
	ROW(9, "GC", "j1", "", "Standard", "hour", "USD", 1000, 0, 0, 0, T0 + H),
	ROW(10, "GC", "j1", "", "Standard", "hour", "JPY", 5, 0, 0, T0 + H, INT64_MAX),
};

static struct rate_card card;

static void setup(void)
{
	static struct rate_row copy[sizeof rows / sizeof rows[0]];

	memcpy(copy, rows, sizeof rows);
	card.v = copy;
	card.n = sizeof rows / sizeof rows[0];
	rate_card_sort(&card);
}

static int64_t pick(const char *provider, const char *sku, const char *sku2, const char *category,
		    const char *region, int64_t at)
{
	struct rate_query q = {provider, sku, sku2, category, region, at};
	const struct rate_row *r = rate_in_force(&card, &q);
	return r ? r->rate_id : 0;
}

START_TEST(choice)
{
	setup();
	/* Own region; another region never applies to a line with a region. */
	ck_assert_int_eq(pick("aws", "p4", NULL, "Standard", "us-east-1", T0), 2);
	ck_assert_int_eq(pick("AWS", "p4", NULL, NULL, "eu-west-1", T0), 1);
	/* No regional p4 row for ap-south-1: '*' (any case of the provider). */
	ck_assert_int_eq(pick("Aws", "p4", NULL, NULL, "ap-south-1", T0), 3);
	/* A line without a region: region-less first, else any region (the
	 * first by rate_id on a tie of valid_from). */
	ck_assert_int_eq(pick("GC", "m1", NULL, NULL, NULL, T0), 4);
	ck_assert_int_eq(pick("AWS", "p4", NULL, NULL, NULL, T0), 1);
	/* SKU under its second name (SkuId when the instance type is unknown). */
	ck_assert_int_eq(pick("AWS", "unknown", "p4", NULL, "us-east-1", T0), 2);
	/* Category: spot only at the Dynamic row. */
	ck_assert_int_eq(pick("AWS", "p4", NULL, pricing_category("spot"), "us-east-1", T0), 7);
	ck_assert_int_eq(pick("AWS", "p4", NULL, "Committed", "us-east-1", T0), 0);
	/* Validity: to is exclusive. */
	ck_assert_int_eq(pick("gc", "m1", NULL, NULL, "", T0 + 14 * 24 * H - 1), 4);
	ck_assert_int_eq(pick("gc", "m1", NULL, NULL, "", T0 + 14 * 24 * H), 5);
	ck_assert_int_eq(pick("GC", "m1", NULL, NULL, "asia-1", T0), 6);
	ck_assert_int_eq(pick(NULL, "m1", NULL, NULL, NULL, T0), 0);
	ck_assert_int_eq(pick("Other", "m1", NULL, NULL, NULL, T0), 0);
}
END_TEST

START_TEST(mapping)
{
	ck_assert_str_eq(pricing_category(NULL), "Standard");
	ck_assert_str_eq(pricing_category("on-demand"), "Standard");
	ck_assert_str_eq(pricing_category("spot"), "Dynamic");
	ck_assert_str_eq(pricing_category("reserved"), "Committed");
	ck_assert_str_eq(pricing_category("own"), "Other");
	ck_assert_ptr_null(pricing_category("Spot"));
}
END_TEST

START_TEST(cost)
{
	struct rate_row r = rows[0];
	struct rate_query q = {"GC", "m1", NULL, NULL, NULL, 0};
	const struct rate_row *first;
	int64_t c, list, unpriced;

	setup();
	/* 1.000000001 per hour for 30 minutes: 0.5000000005, half-even to ...000. */
	r.price = (struct decimal){1000000001, 9};
	ck_assert_int_eq(rate_cost_seconds(&r, 1800, 8, &c, NULL), 0);
	ck_assert_int_eq(c, 500000000);
	r.price = (struct decimal){1000000003, 9};
	ck_assert_int_eq(rate_cost_seconds(&r, 1800, 8, &c, NULL), 0);
	ck_assert_int_eq(c, 500000002);
	/* Not a multiple of 36 s: 1.000000001 x 7 s / 3600 = 0.0019444444463... */
	r.price = (struct decimal){1000000001, 9};
	ck_assert_int_eq(rate_cost_seconds(&r, 7, 1, &c, NULL), 0);
	ck_assert_int_eq(c, 1944444);
	/* 10 decimals, 0.0000166667 per unit-hour, for an hour: the price itself. */
	r.price = (struct decimal){166667, 10};
	ck_assert_int_eq(rate_cost_seconds(&r, 3600, 1, &c, NULL), 0);
	ck_assert_int_eq(c, 16667);
	/* The discount is taken off the cost: 15% of 10.00 x 1.5 h. */
	r.price = (struct decimal){10, 0};
	r.discount = (struct decimal){15, 2};
	r.has_discount = 1;
	ck_assert_int_eq(rate_cost(&r, &(struct decimal){15, 1}, &c, &list), 0);
	ck_assert_int_eq(list, 15000000000);
	ck_assert_int_eq(c, 12750000000);
	/* A quantity in a bill's own unit of time: 1.5 x 3600 s at 10.00 per hour
	 * (3600 s per unit) is 15.00, then 15% off; 1800 s is 5.00 less 0.75;
	 * 5E+2 s (scale -2); 0.5 s of 1.000000001 per hour is 0.000138889;
	 * the rate's own unit (or 0) is rate_cost. */
	r.unit_seconds = 3600;
	ck_assert_int_eq(rate_cost_in_unit(&r, &(struct decimal){15, 1}, 3600, &c, &list), 0);
	ck_assert_int_eq(c, 12750000000);
	ck_assert_int_eq(rate_cost_in_unit(&r, &(struct decimal){1800, 0}, 1, &c, &list), 0);
	ck_assert_int_eq(list, 5000000000);
	ck_assert_int_eq(c, 4250000000);
	ck_assert_int_eq(rate_cost_in_unit(&r, &(struct decimal){5, -2}, 1, &c, &list), 0);
	ck_assert_int_eq(list, 1388888889);
	ck_assert_int_eq(rate_cost_in_unit(&r, &(struct decimal){15, 1}, 0, &c, &list), 0);
	ck_assert_int_eq(list, 15000000000);
	r.has_discount = 0;
	r.price = (struct decimal){1000000001, 9};
	ck_assert_int_eq(rate_cost_in_unit(&r, &(struct decimal){5, 1}, 1, &c, NULL), 0);
	ck_assert_int_eq(c, 138889);
	ck_assert_int_eq(rate_cost_in_unit(&r, &(struct decimal){INT64_MAX / 2, 0}, 60, &c, NULL), -1);
	/* Too fine to price exactly (10^30 x 3600 does not fit): an error, not a guess. */
	ck_assert_int_eq(rate_cost_in_unit(&r, &(struct decimal){1, 30}, 60, &c, NULL), -1);
	r.price = (struct decimal){10, 0};
	r.has_discount = 1;
	/* GPU-hour: times the GPUs. */
	ck_assert_int_eq(rate_cost_seconds(&rows[7], H, 8, &c, NULL), 0);
	ck_assert_int_eq(c, 16000000000);
	r.price = (struct decimal){INT64_MAX, 0};
	ck_assert_int_eq(rate_cost_seconds(&r, 2 * H, 1, &c, NULL), -1);
	/* Across the change on day 15: one hour at 10, one at 12. */
	ck_assert_int_eq(rate_usage_cost(&card, &q, T0 + 14 * 24 * H - H, T0 + 14 * 24 * H + H, 1,
					 &c, &unpriced, &first), 0);
	ck_assert_int_eq(c, 22000000000);
	ck_assert_int_eq(unpriced, 0);
	ck_assert_int_eq(first->rate_id, 4);
	/* A change to another currency is not priced in the first one's. */
	q.sku = "j1";
	ck_assert_int_eq(rate_usage_cost(&card, &q, T0, T0 + 2 * H, 1, &c, &unpriced, &first), 0);
	ck_assert_int_eq(c, 1000000000000);
	ck_assert_int_eq(unpriced, H);
	/* Before any rate: unpriced, nothing first. */
	q.sku = "nothing";
	ck_assert_int_eq(rate_usage_cost(&card, &q, T0, T0 + H, 1, &c, &unpriced, &first), 0);
	ck_assert_ptr_null(first);
	ck_assert_int_eq(unpriced, H);
}
END_TEST

/* Seconds priced per unit of time, with the division inside the one product. */
START_TEST(units)
{
	struct rate_row r = rows[0];
	int64_t c;

	ck_assert_int_eq(rate_unit_seconds("second"), 1);
	ck_assert_int_eq(rate_unit_seconds("Mins"), 60);
	ck_assert_int_eq(rate_unit_seconds("HRS"), 3600);
	ck_assert_int_eq(rate_unit_seconds("GPU-hour"), 3600);
	ck_assert_int_eq(rate_unit_seconds("days"), 86400);
	ck_assert_int_eq(rate_unit_seconds("GB-month"), 0);
	ck_assert_int_eq(rate_unit_seconds(NULL), 0);
	/* 0.50 per minute, per second, per day for 90 s */
	r.price = (struct decimal){5, 1};
	r.unit_seconds = 60;
	ck_assert_int_eq(rate_cost_seconds(&r, 90, 1, &c, NULL), 0);
	ck_assert_int_eq(c, 750000000);
	r.unit_seconds = 1;
	ck_assert_int_eq(rate_cost_seconds(&r, 90, 1, &c, NULL), 0);
	ck_assert_int_eq(c, 45000000000);
	r.unit_seconds = 86400;
	ck_assert_int_eq(rate_cost_seconds(&r, 90, 1, &c, NULL), 0);
	ck_assert_int_eq(c, 520833); /* 0.000520833333... */
	/* Not a unit of time: per hour, as before. */
	r.unit_seconds = 0;
	ck_assert_int_eq(rate_cost_seconds(&r, 90, 1, &c, NULL), 0);
	ck_assert_int_eq(c, 12500000);
	/* 10 decimals: 1.0000000286 per hour for 7 s is 1944444.50005 nanos; the
	 * product rounded before the division (7000000200 / 3600) gave 1944444. */
	r.price = (struct decimal){10000000286, 10};
	r.unit_seconds = 3600;
	ck_assert_int_eq(rate_cost_seconds(&r, 7, 1, &c, NULL), 0);
	ck_assert_int_eq(c, 1944445);
	/* seconds x GPUs past int64 */
	r.per_gpu = 1;
	ck_assert_int_eq(rate_cost_seconds(&r, INT64_MAX / 2, 8, &c, NULL), -1);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("rate_rule");
	TCase *core = tcase_create("core");

	tcase_add_test(core, choice);
	tcase_add_test(core, mapping);
	tcase_add_test(core, cost);
	tcase_add_test(core, units);
	suite_add_tcase(s, core);
	return s;
}

CHECK_MAIN(make_suite)
