/*
 * check_report_fx.c: report --currency converts each charge's amounts on
 * that charge's own day, to the nano (the CLI prints cents; report_load
 * holds nanos). One resource, 60 USD charges over November above a USD rate
 * card, so reconcile finds one rate_mismatch spanning the month; USD -> EUR
 * rates with 9 decimals change every few days. The report's EUR billed,
 * difference and expected must be sum fx(billed_c), sum fx(billed_c -
 * expected_c) and their difference, fx being the latest rate on or before
 * the charge's day, half-even to the nano, recomputed here in integers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_random.h"
#include "check_ledger.h"
#include "check_util.h"
#include "reconcile.h"
#include "report.h"


#define CHARGES 60
#define FX_DAYS 10
#define RATE_NANOS 10000000002LL   /* 10.000000002 per hour */
#define NOV_1 1793491200LL         /* 2026-11-01T00:00:00Z */


/* n x rate_nanos / 1e9, half-even, for n >= 0. */
static int64_t convert(int64_t n, int64_t rate_nanos)
{
	__int128 p = (__int128)n * rate_nanos, q = p / 1000000000, r = p % 1000000000;

	if (2 * r > 1000000000 || (2 * r == 1000000000 && (q & 1)))
		q++;
	return (int64_t)q;
}

START_TEST(each_charge_on_its_day)
{
	sqlite3 *db;
	int fx_day[FX_DAYS];
	int64_t fx_rate[FX_DAYS];
	__int128 billed_eur = 0, diff_eur = 0, diff_usd = 0;
	int64_t first_day_diff;
	sqlite3_int64 run_id = 0;
	struct tolerance tol;
	struct report r;
	char err[256], sql[768];

	check_random_state = 0x14D1FF5ULL;
	db = memory_ledger();
	exec(db, "INSERT INTO rates (provider, sku, unit, unit_price, currency, discount, billing_rule,"
		 " valid_from) VALUES ('GC', 'm1', 'hour', price('10.000000002'), 'USD', '0', 'wall',"
		 " '2026-01-01T00:00:00Z')");
	/* Day 0 (11-01) and then every third day, 0.8 to 1.0 with 9 decimals. */
	for (int k = 0; k < FX_DAYS; k++) {
		fx_day[k] = 3 * k;
		fx_rate[k] = 800000000 + (int64_t)(rnd() % 200000000);
		snprintf(sql, sizeof sql, "INSERT INTO fx_rates (rate_date, from_currency, to_currency, rate)"
			 " VALUES (date(%lld, 'unixepoch'), 'USD', 'EUR', '0.%09lld')",
			 (long long)(NOV_1 + 86400LL * fx_day[k]), (long long)fx_rate[k]);
		exec(db, sql);
	}
	for (int i = 0; i < CHARGES; i++) {
		int day = i / 2, k = FX_DAYS - 1;
		int64_t cs = NOV_1 + 86400LL * day + 3600LL * (i % 2);
		/* Above the rate by up to 5.000000000, so every difference is > 0. */
		int64_t billed = RATE_NANOS + 1 + (int64_t)(rnd() % 5000000000ULL);

		while (fx_day[k] > day)
			k--;
		billed_eur += convert(billed, fx_rate[k]);
		diff_eur += convert(billed - RATE_NANOS, fx_rate[k]);
		diff_usd += billed - RATE_NANOS;
		snprintf(sql, sizeof sql, "INSERT INTO charges (import_id, source_file, source_line, row_key,"
			 " provider, resource_id, instance_type, charge_period_start, charge_period_end,"
			 " charge_category, pricing_quantity, billed_cost, billing_currency) VALUES (1, 'gen',"
			 " %d, randomblob(8), 'GC', 'r1', 'm1', strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', %lld,"
			 " 'unixepoch'), strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', %lld, 'unixepoch'), 'Usage', 1,"
			 " %lld, 'USD')", i + 2, (long long)cs, (long long)cs + 3600, (long long)billed);
		exec(db, sql);
		snprintf(sql, sizeof sql, "INSERT INTO usage (import_id, source_file, source_line, row_key,"
			 " occurrence, provider, resource_id, instance_type, usage_start, usage_end, state,"
			 " gpus) VALUES (1, 'gen', %d, randomblob(8), 0, 'GC', 'r1', 'm1',"
			 " strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', %lld, 'unixepoch'),"
			 " strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', %lld, 'unixepoch'), 'running', 1)",
			 i + 2, (long long)cs, (long long)cs + 3600);
		exec(db, sql);
	}
	memset(&tol, 0, sizeof tol);
	exec(db, "BEGIN");
	ck_assert_msg(reconcile_run(db, "2026-11", NULL, &tol, &run_id, err, sizeof err) == SQLITE_OK,
		      "%s", err);
	exec(db, "COMMIT");
	ck_assert_int_eq(report_load(db, "2026-11", "resource", "EUR", &r), SQLITE_OK);
	ck_assert_uint_eq(r.count, 1);
	ck_assert_str_eq(r.rows[0].group, "r1");
	ck_assert_int_eq(r.rows[0].billed, (int64_t)billed_eur);
	ck_assert_int_eq(r.rows[0].billed - r.rows[0].expected, (int64_t)diff_eur);
	ck_assert_int_eq(r.rows[0].expected, (int64_t)(billed_eur - diff_eur));
	/* The whole finding at its first day's rate is another number. */
	first_day_diff = convert((int64_t)diff_usd, fx_rate[0]);
	ck_assert_int_ne(r.rows[0].billed - r.rows[0].expected, first_day_diff);
	report_free(&r);
	sqlite3_close(db);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("report_fx");
	TCase *core = tcase_create("core");

	tcase_add_test(core, each_charge_on_its_day);
	suite_add_tcase(s, core);
	return s;
}

CHECK_MAIN(make_suite)
