/*
 * check_reconcile_split.c: how reconcile splits a charge
 * (ledger/reconcile_split.c): the seconds a quantity bills, the parts of
 * those seconds under each billing rule, and the largest-remainder
 * allocation of amounts (parts add up exactly; equal amounts split equally),
 * with the issue's example and thousands of random amounts and weights.
 */
#include <stdlib.h>

#include "check_random.h"
#include "check_util.h"
#include "price.h"
#include "reconcile_split.h"

START_TEST(billed_seconds)
{
	struct decimal half = {5, 1}, one = {1, 0}, two = {2, 0}, tiny = {1, 4}, big = {5, -3};
	struct decimal neg = {-1, 0}, tie = {25, 6}; /* 0.000025 h = 0.09 s -> 0 */

	ck_assert_int_eq(split_billed_seconds(3600, NULL, 3600), 3600);
	ck_assert_int_eq(split_billed_seconds(3600, &half, 3600), 1800);
	ck_assert_int_eq(split_billed_seconds(3600, &one, 3600), 3600);
	ck_assert_int_eq(split_billed_seconds(3600, &two, 3600), 3600);   /* never past the period */
	ck_assert_int_eq(split_billed_seconds(3600, &tiny, 3600), 0);     /* 0.36 s */
	ck_assert_int_eq(split_billed_seconds(86400, &big, 3600), 86400); /* 5000 h */
	ck_assert_int_eq(split_billed_seconds(3600, &neg, 3600), 3600);
	ck_assert_int_eq(split_billed_seconds(3600, &tie, 3600), 0);
	/* Other units of time: 30 minutes, 1800 seconds, half a day; none: the period. */
	ck_assert_int_eq(split_billed_seconds(3600, &(struct decimal){30, 0}, 60), 1800);
	ck_assert_int_eq(split_billed_seconds(3600, &(struct decimal){1800, 0}, 1), 1800);
	ck_assert_int_eq(split_billed_seconds(86400, &half, 86400), 43200);
	ck_assert_int_eq(split_billed_seconds(3600, &half, 0), 3600);
	ck_assert_int_eq(split_billed_seconds(60, &(struct decimal){25, 1}, 1), 2); /* 2.5 s, even */
}
END_TEST

START_TEST(seconds_by_rule)
{
	struct coverage cov = {1800, 900};   /* 900 s with no usage */
	int64_t p[PART_COUNT];

	split_seconds(3600, &cov, 1, p);
	ck_assert_int_eq(p[PART_BILLABLE], 1800);
	ck_assert_int_eq(p[PART_PAUSED], 900);
	ck_assert_int_eq(p[PART_UNEXPLAINED], 900);
	split_seconds(3600, &cov, 0, p);
	ck_assert_int_eq(p[PART_BILLABLE], 2700);
	ck_assert_int_eq(p[PART_PAUSED], 0);
	ck_assert_int_eq(p[PART_UNEXPLAINED], 900);
	/* AWS per second: 1800 s billed, 1800 s ran: nothing unexplained. */
	split_seconds(1800, &cov, 0, p);
	ck_assert_int_eq(p[PART_BILLABLE], 1800);
	ck_assert_int_eq(p[PART_UNEXPLAINED], 0);
	/* Billed more than the usage explains. */
	cov.running = 600;
	cov.stopped = 0;
	split_seconds(1800, &cov, 1, p);
	ck_assert_int_eq(p[PART_BILLABLE], 600);
	ck_assert_int_eq(p[PART_UNEXPLAINED], 1200);
}
END_TEST

/* The issue's example: 1.000000001 for an hour, half running, half paused. */
START_TEST(issue_example)
{
	int64_t w[PART_COUNT] = {0, 1800, 1800}, billed[PART_COUNT], expected[PART_COUNT];

	ck_assert_int_eq(split_amount(1000000001, w, PART_COUNT, billed), 0);
	ck_assert_int_eq(split_amount(1000000001, w, PART_COUNT, expected), 0);
	ck_assert_int_eq(billed[PART_UNEXPLAINED], 0);
	ck_assert_int_eq(billed[PART_PAUSED] + billed[PART_BILLABLE], 1000000001);
	ck_assert_int_eq(billed[PART_BILLABLE], expected[PART_BILLABLE]);
	/* The unit left goes to the first of the tied remainders. */
	ck_assert_int_eq(billed[PART_PAUSED], 500000001);
}
END_TEST

START_TEST(amount_edges)
{
	int64_t w0[3] = {0, 0, 0}, w1[3] = {1, 1, 1}, w2[3] = {0, 0, 5}, p[3];

	ck_assert_int_eq(split_amount(10, w0, 3, p), -1);
	ck_assert_int_eq(p[0] + p[1] + p[2], 0);
	ck_assert_int_eq(split_amount(10, w1, 3, p), 0);
	ck_assert_int_eq(p[0], 4);
	ck_assert_int_eq(p[1], 3);
	ck_assert_int_eq(p[2], 3);
	ck_assert_int_eq(split_amount(-10, w1, 3, p), 0);
	ck_assert_int_eq(p[0], -4);
	ck_assert_int_eq(p[1] + p[2], -6);
	ck_assert_int_eq(split_amount(INT64_MIN, w2, 3, p), 0);
	ck_assert_int_eq(p[2], INT64_MIN);
	ck_assert_int_eq(split_amount(INT64_MAX, w1, 3, p), 0);
	ck_assert_int_eq((__int128)p[0] + p[1] + p[2], INT64_MAX);
}
END_TEST


/* Thousands of amounts and weights: the parts add up, each is within one
 * nano of its exact share, and an amount split with itself matches. */
START_TEST(amount_property)
{
	for (int i = 0; i < 10000; i++) {
		int64_t amount = (int64_t)(rnd() % 2000000000000ULL) - 1000000000000LL;
		int64_t w[PART_COUNT], p[PART_COUNT], again[PART_COUNT], total = 0;
		__int128 sum = 0;

		for (int k = 0; k < PART_COUNT; k++)
			total += w[k] = (int64_t)(rnd() % 3601);
		if (total == 0)
			w[PART_BILLABLE] = total = 1;
		ck_assert_int_eq(split_amount(amount, w, PART_COUNT, p), 0);
		ck_assert_int_eq(split_amount(amount, w, PART_COUNT, again), 0);
		for (int k = 0; k < PART_COUNT; k++) {
			__int128 exact_num = (__int128)amount * w[k];
			__int128 lo = exact_num / total - 1, hi = exact_num / total + 1;
			ck_assert(p[k] >= lo && p[k] <= hi);
			ck_assert_int_eq(p[k], again[k]);
			sum += p[k];
		}
		ck_assert(sum == amount);
	}
}
END_TEST

/* Prices of up to 10 decimals x hours of up to 4 decimals, billed exactly
 * (price_mul: the docs' rule), cut at random by pauses and missing usage:
 * the billable part of the bill always equals the billable part of the
 * expected amount, under both billing rules. */
START_TEST(exact_bill_property)
{
	for (int i = 0; i < 10000; i++) {
		/* Up to 10 decimals, below 10^8 units per hour. */
		struct decimal price = {(int64_t)(rnd() % 1000000000000ULL), 4 + (int)(rnd() % 7)};
		int64_t period = 3600 * (int64_t)(1 + rnd() % 24), billed_s;
		struct decimal q = {(int64_t)(rnd() % (uint64_t)(period / 36 + 1)) * 100, 4};
		struct coverage cov;
		int64_t parts[PART_COUNT], bill[PART_COUNT], want[PART_COUNT], expected;
		int rule = (int)(rnd() & 1);

		ck_assert_int_eq(price_mul(&price, &q, &expected), MONEY_OK);
		billed_s = split_billed_seconds(period, &q, 3600);
		cov.running = (int64_t)(rnd() % (uint64_t)(period + 1));
		cov.stopped = (int64_t)(rnd() % (uint64_t)(period - cov.running + 1));
		split_seconds(billed_s, &cov, rule, parts);
		ck_assert_int_eq(parts[0] + parts[1] + parts[2], billed_s);
		if (billed_s == 0)
			continue;
		/* Billed exactly: the same amount on both sides. */
		ck_assert_int_eq(split_amount(expected, parts, PART_COUNT, bill), 0);
		ck_assert_int_eq(split_amount(expected, parts, PART_COUNT, want), 0);
		ck_assert_int_eq(bill[PART_BILLABLE], want[PART_BILLABLE]);
		ck_assert_int_eq(bill[0] + bill[1] + bill[2], expected);
	}
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("reconcile_split");
	TCase *core = tcase_create("core");

	tcase_add_test(core, billed_seconds);
	tcase_add_test(core, seconds_by_rule);
	tcase_add_test(core, issue_example);
	tcase_add_test(core, amount_edges);
	tcase_add_test(core, amount_property);
	tcase_add_test(core, exact_bill_property);
	/* 20000 random cases: slow under the sanitizers and valgrind. */
	tcase_set_timeout(core, 120);
	suite_add_tcase(s, core);
	return s;
}

CHECK_MAIN(make_suite)
