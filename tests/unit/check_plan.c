/*
 * check_plan.c: ledger/plan.c, the figures of one plan row, against numbers
 * worked by hand from the formulas as docs/plan.md states them (not through
 * plan.c's own calls), and its edges: machines rounded up, GPU-hour
 * prices, pauses billed only by wall-time rates, a spot option without an
 * MTBF, break-even never reached.
 */
#include <math.h>

#include "check_util.h"
#include "plan.h"

static int near(double got, double want)
{
	return fabs(got - want) <= 1e-9 * fmax(1, fabs(want));
}

/* docs/plan.md's worked example: 20,480 GPU-hours on 4 GPUs, d = 5 min, R = 10 min. */
static const struct plan_job example = {20480, 4, 5.0 / 60, 10.0 / 60};

START_TEST(on_demand_row)
{
	struct plan_option o = {.kind = PLAN_ON_DEMAND, .hourly = 32.77, .machine_gpus = 8};
	struct plan_result r;

	plan_compute(&example, &o, &r);
	ck_assert(r.has_cost);
	ck_assert_int_eq(r.machines, 1);
	ck_assert(near(r.hours, 5120) && near(r.billed_hours, 5120));
	ck_assert(r.interruptions == 0 && r.checkpoint_interval == 0);
	ck_assert(near(r.cost, 167782.40));
}
END_TEST

START_TEST(spot_row)
{
	struct plan_option o = {.kind = PLAN_SPOT, .hourly = 9.83, .mtbf_hours = 301.2};
	struct plan_result r;
	double d = 5.0 / 60, m = 301.2, x = d / (2 * m);
	double tau = sqrt(2 * d * m) * (1 + sqrt(x) / 3 + x / 9) - d;
	double base = 5120 + 5120 / tau * d, n = base / m, t = base + n * (tau / 2 + 10.0 / 60);

	plan_compute(&example, &o, &r);
	ck_assert(r.has_cost);
	ck_assert(near(r.checkpoint_interval, tau));
	ck_assert(near(r.interruptions, n));
	ck_assert(near(r.hours, t));
	ck_assert(near(r.cost, 9.83 * t));
	ck_assert(fabs(r.interruptions - 17.2) < 0.01);
}
END_TEST

START_TEST(spot_on_two_machines)
{
	/* 8 GPUs on 4-GPU machines: 2 machines, each interrupting: M halves. */
	struct plan_job job = {800, 8, 0.1, 0.2};
	struct plan_option o = {.kind = PLAN_SPOT, .hourly = 3, .machine_gpus = 4, .mtbf_hours = 50};
	struct plan_result r;

	plan_compute(&job, &o, &r);
	ck_assert_int_eq(r.machines, 2);
	ck_assert(near(r.job_mtbf_hours, 25));
	ck_assert(near(r.hourly_total, 6));
	ck_assert(near(r.interruptions, (100 + 100 / r.checkpoint_interval * 0.1) / 25));
}
END_TEST

START_TEST(spot_without_mtbf)
{
	struct plan_option o = {.kind = PLAN_SPOT, .hourly = 9.83, .machine_gpus = 8};
	struct plan_result r;

	plan_compute(&example, &o, &r);
	ck_assert(!r.has_cost);
	ck_assert(near(r.hourly_total, 9.83)); /* the price is still shown */
}
END_TEST

START_TEST(per_gpu_and_pauses)
{
	struct plan_option o = {.kind = PLAN_ON_DEMAND, .hourly = 1.5, .per_gpu = 1,
				.machine_gpus = 8, .pause_fraction = 0.2};
	struct plan_result r;

	/* Billed while running: pauses cost nothing (domain: 100 h x 1.5 x 8 GPUs = 1,200). */
	plan_compute(&(struct plan_job){800, 8, 0, 0}, &o, &r);
	ck_assert_int_eq(r.machines, 1);
	ck_assert(near(r.cost, 1200));
	/* Wall-time billing pays the paused fifth too: 100 / 0.8 hours. */
	o.billed_while_paused = 1;
	plan_compute(&(struct plan_job){800, 8, 0, 0}, &o, &r);
	ck_assert(near(r.billed_hours, 125) && near(r.cost, 1500));
}
END_TEST

START_TEST(machines_round_up)
{
	struct plan_option o = {.kind = PLAN_OWN, .hourly = 2, .machine_gpus = 4};
	struct plan_result r;

	plan_compute(&(struct plan_job){90, 9, 0, 0}, &o, &r);
	ck_assert_int_eq(r.machines, 3);
	ck_assert(near(r.cost, 2 * 3 * 10));
}
END_TEST

START_TEST(break_even)
{
	struct plan_option own = {.kind = PLAN_OWN, .hourly = 2.911948, .machine_gpus = 4,
				  .purchase_cost = 64700, .power_hourly = 0.45};
	struct plan_option cloud = {.kind = PLAN_ON_DEMAND, .hourly = 32.77};
	struct plan_result ro, rc;
	double h = 0;

	plan_compute(&example, &own, &ro);
	plan_compute(&example, &cloud, &rc);
	ck_assert_int_eq(plan_break_even(&own, &ro, &rc, &h), 0);
	ck_assert(near(h, 64700 / (32.77 - 0.45)));
	cloud.hourly = 0.40; /* cheaper than the power: never */
	plan_compute(&example, &cloud, &rc);
	ck_assert_int_eq(plan_break_even(&own, &ro, &rc, &h), -1);
	ck_assert(near(plan_saving(&rc, &ro), 0.40 * 5120 - 2.911948 * 5120));
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("plan");
	TCase *core = tcase_create("core");

	tcase_add_test(core, on_demand_row);
	tcase_add_test(core, spot_row);
	tcase_add_test(core, spot_on_two_machines);
	tcase_add_test(core, spot_without_mtbf);
	tcase_add_test(core, per_gpu_and_pauses);
	tcase_add_test(core, machines_round_up);
	tcase_add_test(core, break_even);
	suite_add_tcase(s, core);
	return s;
}

CHECK_MAIN(make_suite)
