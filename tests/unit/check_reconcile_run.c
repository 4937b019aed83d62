/*
 * check_reconcile_run.c: reconcile's matching (coverage as a union of
 * seconds, uncovered pieces), pricing (fx_rates on the day, price x
 * quantity in the charge's currency), storing (--tolerance per currency),
 * and a whole run on an in-memory ledger: thousands of random charges
 * billed exactly as docs/reconcile.md says (rate less discount x quantity,
 * per second, cut by pauses, per-GPU rows) give zero findings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_random.h"
#include "check_ledger.h"
#include "check_util.h"
#include "reconcile.h"
#include "reconcile_match.h"
#include "reconcile_price.h"


START_TEST(coverage_union)
{
	struct spans sp;
	struct coverage cov;
	int64_t gaps;

	memset(&sp, 0, sizeof sp);
	ck_assert_int_eq(spans_group(&sp, "GC", "r"), SQLITE_OK);
	/* Four per-GPU rows over the first half hour, a paused row after. */
	for (int i = 0; i < 4; i++)
		spans_add(&sp, 0, 1800, 0);
	spans_add(&sp, 1800, 2400, 1);
	spans_add(&sp, 2000, 2200, 0);
	coverage_of(&sp, 3601, 0, 3600, &cov);
	ck_assert_int_eq(cov.running, 2000);
	ck_assert_int_eq(cov.stopped, 400);
	gaps = uncovered(&sp, 3601, 0, 3600, NULL, NULL);
	ck_assert_int_eq(gaps, 1200);
	gaps = uncovered(&sp, 3601, 1000, 2000, NULL, NULL);
	ck_assert_int_eq(gaps, 0);
	spans_close(&sp);
}
END_TEST

START_TEST(tolerance_text)
{
	struct tolerance t;
	const char *bad;

	ck_assert_int_eq(tolerance_parse("0.50", &t, &bad), 0);
	ck_assert_int_eq(tolerance_for(&t, "USD"), 500000000);
	ck_assert_int_eq(tolerance_for(&t, "JPY"), 500000000);
	ck_assert_int_eq(tolerance_parse("0.50USD,50jpy", &t, &bad), 0);
	ck_assert_int_eq(tolerance_for(&t, "USD"), 500000000);
	ck_assert_int_eq(tolerance_for(&t, "JPY"), 50000000000);
	ck_assert_int_eq(tolerance_for(&t, "EUR"), 0);
	ck_assert_int_eq(tolerance_parse("0.10, 2 EUR", &t, &bad), 0);
	ck_assert_int_eq(tolerance_for(&t, "EUR"), 2000000000);
	ck_assert_int_eq(tolerance_for(&t, "GBP"), 100000000);
	ck_assert_int_eq(tolerance_parse("1USD,2USD", &t, &bad), -1);
	ck_assert_int_eq(tolerance_parse("1,2", &t, &bad), -1);
	ck_assert_int_eq(tolerance_parse("-1", &t, &bad), -1);
	ck_assert_int_eq(tolerance_parse("0.5,abcUSD", &t, &bad), -1);
	ck_assert_str_eq(bad, "abcUSD");
	ck_assert_int_eq(tolerance_parse("", &t, &bad), -1);
}
END_TEST

START_TEST(fx_and_price)
{
	struct fx_row rows[] = {
		{"EUR", "USD", 20393, {11, 1}},     /* 2025-11-01: 1.1 */
		{"EUR", "USD", 20758, {12, 1}},     /* 2026-11-01: 1.2 */
		{"JPY", "USD", 20000, {67, 4}},
	};
	struct fx_table fx = {rows, 3};
	struct rate_row rt = {1, "GC", "m1", "", "Standard", "hour", "EUR", "10", {10, 0}, {15, 2},
			      1, 0, 0, 0, INT64_MAX, 3600};
	struct decimal half = {5, 1};
	int64_t expected, listed, amount = 1000000000;

	ck_assert_ptr_null(fx_find(&fx, "EUR", "USD", 20000));
	ck_assert_int_eq(fx_find(&fx, "EUR", "USD", 20757)->mantissa, 11);
	ck_assert_int_eq(fx_find(&fx, "EUR", "USD", 20758)->mantissa, 12);
	ck_assert_int_eq(fx_find(&fx, "EUR", "USD", 30000)->mantissa, 12);
	ck_assert_ptr_null(fx_find(&fx, "USD", "EUR", 30000));
	ck_assert_int_eq(fx_convert(&fx, "USD", "usd", 0, &amount), FX_OK);
	ck_assert_int_eq(amount, 1000000000);
	/* Half an hour at 8.50 EUR net, 10.00 listed, in USD at 1.2. */
	ck_assert_int_eq(price_charge(&rt, &fx, "USD", 20760, &half, 0, 3600, &expected, &listed), PRICED);
	ck_assert_int_eq(expected, 5100000000);
	ck_assert_int_eq(listed, 6000000000);
	/* No quantity: the period, in the rate's currency. */
	ck_assert_int_eq(price_charge(&rt, &fx, "EUR", 20760, NULL, 0, 1800, &expected, &listed), PRICED);
	ck_assert_int_eq(expected, 4250000000);
	ck_assert_int_eq(price_charge(&rt, &fx, "GBP", 20760, NULL, 0, 1800, &expected, &listed),
			 PRICE_NO_FX);
}
END_TEST


static int64_t half_even_div(__int128 n, __int128 d)
{
	__int128 q = n / d, r = n % d;
	if (2 * r > d || (2 * r == d && (q & 1)))
		q++;
	return (int64_t)q;
}


#define CHARGES 3000
#define SKUS 40

static const struct {
	int64_t mantissa, scale;
	const char *text;
} discounts[] = {{0, 0, "0"}, {15, 2, "0.15"}, {1234, 4, "0.1234"}};

START_TEST(exact_bills_no_findings)
{
	sqlite3 *db;
	int64_t price[SKUS];
	int disc[SKUS];
	int running[SKUS];
	sqlite3_int64 run_id = 0;
	struct tolerance tol;
	char err[256], sql[1024];
	sqlite3_stmt *st;

	check_random_state = 0x9E3779B97F4A7C15ULL;
	db = memory_ledger();
	exec(db, "BEGIN");
	for (int s = 0; s < SKUS; s++) {
		int d = (int)(rnd() % 3);
		/* A price of up to 10 decimals, below 10 per hour. */
		price[s] = (int64_t)(rnd() % 100000000000ULL) + 1;
		disc[s] = d;
		running[s] = (int)(rnd() & 1);
		snprintf(sql, sizeof sql, "INSERT INTO rates (provider, sku, unit, unit_price, currency,"
			 " discount, billing_rule, valid_from) VALUES ('%s', 's%d', 'hour',"
			 " price('%lld.%010lld'), 'USD', '%s', '%s', '2026-01-01T00:00:00Z')",
			 s & 1 ? "gc" : "GC", s, (long long)(price[s] / 10000000000LL),
			 (long long)(price[s] % 10000000000LL), discounts[d].text,
			 running[s] ? "running" : "wall");
		exec(db, sql);
	}
	for (int i = 0; i < CHARGES; i++) {
		int s = (int)(rnd() % SKUS), gpu_rows = rnd() % 4 == 0 ? 4 : 1;
		int64_t cs = 1793491200 + 3600 * (int64_t)(i % 700);   /* November 2026 */
		int64_t run_s = 36 * (int64_t)(rnd() % 101), pause_s = 36 * (int64_t)(rnd() % (101 - run_s / 36));
		int64_t billed_s = running[s] ? run_s : run_s + pause_s, billed;
		int null_quantity = billed_s == 3600 && (rnd() & 1);
		char q[32];

		if (billed_s == 0)
			continue;
		/* The docs' rule: price x hours billed, half-even to the nano, less
		 * the discount on that amount, half-even. Prices are in 1e-10. */
		billed = half_even_div((__int128)price[s] * billed_s, 36000);
		if (disc[s])
			billed -= half_even_div((__int128)billed * discounts[disc[s]].mantissa,
						discounts[disc[s]].scale == 2 ? 100 : 10000);
		snprintf(q, sizeof q, "%lld.%02lld", (long long)(billed_s / 3600),
			 (long long)(billed_s % 3600 / 36));
		snprintf(sql, sizeof sql, "INSERT INTO charges (import_id, source_file, source_line, row_key,"
			 " provider, resource_id, instance_type, charge_period_start, charge_period_end,"
			 " charge_category, pricing_quantity, billed_cost, billing_currency) VALUES (1, 'gen',"
			 " %d, randomblob(8), 'Gc', 'r%d', 's%d', strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', %lld, 'unixepoch'),"
			 " strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', %lld, 'unixepoch'), 'Usage', %s, %lld, 'USD')", i + 2, i, s,
			 (long long)cs, (long long)cs + 3600, null_quantity ? "NULL" : q, (long long)billed);
		exec(db, sql);
		for (int g = 0; g < gpu_rows; g++) {
			snprintf(sql, sizeof sql, "INSERT INTO usage (import_id, source_file, source_line, row_key,"
				 " occurrence, provider, resource_id, instance_type, usage_start, usage_end, state,"
				 " gpus) VALUES (1, 'gen', %d, randomblob(8), %d, 'GC', 'r%d', 's%d',"
				 " strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', %lld, 'unixepoch'),"
				 " strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', %lld, 'unixepoch'), 'running', 1)",
				 i, g, i, s, (long long)cs, (long long)(cs + run_s));
			exec(db, sql);
			if (pause_s) {
				snprintf(sql, sizeof sql, "INSERT INTO usage (import_id, source_file, source_line,"
					 " row_key, occurrence, provider, resource_id, instance_type, usage_start,"
					 " usage_end, state, gpus) VALUES (1, 'gen', %d, randomblob(8), %d, 'GC',"
					 " 'r%d', 's%d', strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', %lld, 'unixepoch'),"
					 " strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', %lld, 'unixepoch'), 'paused', 1)",
					 i, g, i, s, (long long)(cs + run_s), (long long)(cs + run_s + pause_s));
				exec(db, sql);
			}
		}
	}
	memset(&tol, 0, sizeof tol);
	ck_assert_msg(reconcile_run(db, "2026-11", NULL, &tol, &run_id, err, sizeof err) == SQLITE_OK,
		      "%s", err);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM findings),"
		" (SELECT count(*) FROM reconciliation_parts), billed_total - expected_total,"
		" (SELECT group_concat(kind || ' ' || resource_id || ' ' || difference) FROM"
		" (SELECT * FROM reconciliation_parts LIMIT 3)) FROM reconciliation_totals", -1, &st,
		NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_msg(sqlite3_column_int64(st, 0) == 0, "findings: %s", sqlite3_column_text(st, 3));
	ck_assert_int_eq(sqlite3_column_int64(st, 1), 0);
	ck_assert_int_eq(sqlite3_column_int64(st, 2), 0);
	sqlite3_finalize(st);
	exec(db, "COMMIT");
	sqlite3_close(db);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("reconcile_run");
	TCase *core = tcase_create("core");
	TCase *property = tcase_create("property");

	tcase_add_test(core, coverage_union);
	tcase_add_test(core, tolerance_text);
	tcase_add_test(core, fx_and_price);
	tcase_add_test(property, exact_bills_no_findings);
	tcase_set_timeout(property, 60);
	suite_add_tcase(s, core);
	suite_add_tcase(s, property);
	return s;
}

CHECK_MAIN(make_suite)
