/*
 * check_formulas.c: the formulas of extension/formulas.c against the worked
 * examples of docs/domain.md §1-§4 ("core") and at their edges ("limits").
 *
 * Most rows go through formula_eval, exactly as the SQL functions do, so
 * argument rules, defaults and error positions are tested with the values.
 * Examples that combine several formulas (100 epochs, a coupon, a
 * percentage) are small functions over the C API.
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "check_util.h"
#include "formulas.h"

/* Relative tolerance for doubles; zero must be exactly zero. */
static int close_to(double got, double want)
{
	if (got == want)
		return 1;
	return fabs(got - want) <= 1e-9 * fmax(fabs(got), fabs(want));
}

/* --- rows through formula_eval ------------------------------------------- */

struct eval_row {
	const char *fn;
	int nargs;
	double args[FORMULA_MAX_ARGS + 1]; /* + 1: a row with one too many */
	int status;
	double want;     /* FORMULA_OK */
	int bad_arg;     /* FORMULA_INVALID: 0-based index, -1 for the count */
	const char *why; /* FORMULA_INVALID: expected phrase, NULL not to check */
};

#define NARGS(...) ((int)(sizeof((double[]){ __VA_ARGS__ }) / sizeof(double)))
#define OK(fn, want, ...) \
	{ fn, NARGS(__VA_ARGS__), { __VA_ARGS__ }, FORMULA_OK, want, -1, NULL }
#define NUL(fn, ...) \
	{ fn, NARGS(__VA_ARGS__), { __VA_ARGS__ }, FORMULA_NULL, 0, -1, NULL }
#define BAD(fn, bad, why, ...) \
	{ fn, NARGS(__VA_ARGS__), { __VA_ARGS__ }, FORMULA_INVALID, 0, bad, why }

static const char NOT_FINITE[] = "must be a finite number";
static const char NEGATIVE[] = "must not be negative";
static const char NOT_POSITIVE[] = "must be positive";
static const char NOT_FRACTION[] = "must be in (0, 1]";
static const char OVERFLOW[] = "makes the result overflow";

static void check_eval_row(const struct eval_row *r)
{
	const struct formula *f = formula_find(r->fn);
	double out = -12345.0;
	int bad = -99, status;
	const char *why = NULL;

	ck_assert_msg(f != NULL, "no formula %s", r->fn);
	status = formula_eval(f, r->args, r->nargs, &out, &bad, &why);
	ck_assert_msg(status == r->status, "%s/%d: status %d, want %d (why: %s)",
		      r->fn, r->nargs, status, r->status, why ? why : "-");
	switch (r->status) {
	case FORMULA_OK:
		ck_assert_msg(close_to(out, r->want), "%s/%d: got %.17g, want %.17g",
			      r->fn, r->nargs, out, r->want);
		break;
	case FORMULA_INVALID:
		ck_assert_msg(bad == r->bad_arg, "%s/%d: bad_arg %d, want %d",
			      r->fn, r->nargs, bad, r->bad_arg);
		ck_assert_msg(why != NULL && why[0] >= 'a' && why[0] <= 'z',
			      "%s: why must be a lowercase phrase", r->fn);
		if (r->why)
			ck_assert_msg(strcmp(why, r->why) == 0, "%s: why '%s', want '%s'",
				      r->fn, why, r->why);
		break;
	}
}

/* Every worked example of domain.md §1-§4 that is one formula call. */
static const struct eval_row core_rows[] = {
	/* §1 ResNet-152 on 8 x V100: 15.6 per replica, 124.8 per epoch. */
	OK("epoch_cost", 124.8, 5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120, 8),
	OK("epoch_cost", 15.6, 5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120),
	/* §1 GPT-3-size fine-tune on 64 x A100: 70.56 per replica, 4,515.84. */
	OK("epoch_cost", 4515.84, 8.0, 6.7, 0.3, 7.2, 0.08, 80, 0.02, 420, 64),
	OK("epoch_cost", 70.56, 8.0, 6.7, 0.3, 7.2, 0.08, 80, 0.02, 420, 1),
	/* §1 the inputs of the per-epoch formula. */
	OK("epoch_gpu_hours", 20.0, 1e12, 36, 1e9, 0.5),  /* 72,000 s */
	OK("epoch_mem_gb", 31.2, 10, 0.5, 32),            /* default overhead 1.2 */
	OK("epoch_mem_gb", 28.6, 10, 0.5, 32, 1.1),
	OK("epoch_transfer_gb", 1000, 2, 500),
	OK("epoch_transfer_gb", 250, 2, 500, 4),
	/* §1 compute-based estimate: 175B params, 300B tokens, A100 at MFU 0.5. */
	OK("train_flops", 3.15e23, 175e9, 300e9),
	OK("train_gpu_hours", 3.15e23 / (312e12 * 0.5 * 3600), 175e9, 300e9, 312e12, 0.5),
	OK("train_gpu_hours", 3.15e23 / (989e12 * 0.4 * 3600), 175e9, 300e9, 989e12, 0.4),
	/* §2 100 hours at 1.5 per GPU-hour on 8 GPUs. */
	OK("run_cost", 1200, 1.5, 100, 8),
	/* §2 100 wall hours, 20 paused, at 2: traditional, pay-while-running, saved. */
	OK("run_cost", 200, 2, 100),
	OK("run_cost", 160, 2, 80),
	OK("spot_savings", 40, 2, 2, 100, 80),
	/* §2 2,000 GPU-hours with 10% paused at 3 per hour. */
	OK("spot_savings", 600, 3, 3, 2000, 1800),
	/* §2 failing at epoch 30 of 100 without a checkpoint loses 300 of 1,000. */
	OK("interruption_loss", 300, 30, 100, 1000),
	/* §2 storage while paused: 500 GB at 0.10 per GB-month (hours = months). */
	OK("run_cost", 50, 0.10, 1, 500),
	/* §3 own server: 3,000 W for a 30-day month at 0.15 per kWh. */
	OK("power_cost", 324, 3000, 720, 0.15),
	OK("power_cost", 324, 3000, 720, 0.15, 1),
	OK("power_cost", 324 * 1.4, 3000, 720, 0.15, 1.4),
	/* §3 100 hours on-demand of 8 x A100: AWS, Google, Azure; AWS spot. */
	OK("run_cost", 3277, 32.77, 100),
	OK("run_cost", 3522, 35.22, 100),
	OK("run_cost", 3450, 34.50, 100),
	OK("run_cost", 983, 9.83, 100),
	/* §3 break-even of the 64,700 server against AWS on-demand, power only. */
	OK("break_even_hours", 64700 / 32.32, 64700, 32.77, 0.45),
	/* the 64,700 server over 3 years of 8,760 h, 3 kW at 0.15: write-off + 0.45 */
	OK("own_hourly_cost", 64700.0 / 26280 + 0.45, 64700, 26280, 3000, 0.15),
	OK("own_hourly_cost", 64700.0 / 26280 + 0.45 * 1.2, 64700, 26280, 3000, 0.15, 1.2),
	/* §4 per hour 66.00 versus 30.00: 36 saved; for 5,000 hours 180,000. */
	OK("spot_savings", 36, 66, 30, 1),
	OK("run_cost", 330000, 66, 5000),
	OK("run_cost", 150000, 30, 5000),
	OK("spot_savings", 180000, 66, 30, 5000),
	/* §4 measured: 5,120 on-demand hours versus 5,420 spot hours. */
	OK("run_cost", 337920, 66, 5120),
	OK("run_cost", 162600, 30, 5420),
	OK("spot_savings", 175320, 66, 30, 5120, 5420),
	/* §4 17 interruptions, hourly checkpoints, a quarter hour to restart. */
	OK("spot_rework_hours", 12.75, 17, 1, 0.25),
	/* §4 Daly: d = 5 min, M = 24 h = 1,440 min: 25205/216 = 116.69 min. */
	OK("checkpoint_interval", 25205.0 / 216, 5, 1440),
	OK("checkpoint_interval", 25205.0 / 216 / 60, 5.0 / 60, 24),
};

START_TEST(core_eval)
{
	check_eval_row(&core_rows[_i]);
}
END_TEST

/* --- worked examples that combine formulas -------------------------------- */

static double resnet_epoch(void)
{
	return epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120, 8);
}

static double gpt3_epoch(void)
{
	return epoch_cost(8.0, 6.7, 0.3, 7.2, 0.08, 80, 0.02, 420, 64);
}

static double resnet_100_epochs(void) { return 100 * resnet_epoch(); }
static double gpt3_10_epochs(void) { return 10 * gpt3_epoch(); }

static double paused_share_saving(void)
{
	return run_cost(3, 2000 * 0.10, 1);
}

static double pay_while_running_saved(void)
{
	return run_cost(2, 100, 1) - run_cost(2, 100 - 20, 1);
}

static double server_hardware(void)
{
	return run_cost(15000, 1, 4) + 2000 + 500 + 1000 + 500 + 300 + 400;
}

static double gpu_cloud_with_coupon(void)
{
	return run_cost(28.50 * 0.85, 100, 1);
}

/* Owning and renting cost the same at the break-even hour: ratio 1. */
static double break_even_balances(void)
{
	double hardware = server_hardware(), local = power_cost(3000, 1, 0.15, 1), h = -1;

	ck_assert_int_eq(break_even_hours(hardware, 32.77, local, &h), 0);
	return (hardware + local * h) / (32.77 * h);
}

static double local_hourly(void)
{
	return power_cost(3000, 1, 0.15, 1);
}

static double node_on_demand(void) { return 48.00 + 12.00 + 6.00; }
static double node_spot(void) { return 48.00 * 0.4 + 12.00 * 0.4 + 6.00; }

/* A share as a percentage with one decimal, as domain.md prints it. */
static double percent1(double share)
{
	return round(share * 1000) / 10;
}

static double spot_cheaper_percent(void)
{
	return percent1(spot_savings(node_on_demand(), node_spot(), 1, 1) / node_on_demand());
}

static double measured_cost_change(void)
{
	return percent1(run_cost(30, 5420, 1) / run_cost(66, 5120, 1) - 1);
}

static double measured_hours_change(void) { return percent1(5420.0 / 5120 - 1); }
static double measured_throughput_change(void) { return percent1(11880.0 / 12450 - 1); }

static double daly_minutes_rounded(void) { return round(checkpoint_interval(5, 1440)); }
static double young_minutes(void) { return sqrt(2.0 * 5 * 1440); }

static const struct {
	const char *what;
	double (*got)(void);
	double want;
} examples[] = {
	{ "ResNet-152 per epoch", resnet_epoch, 124.8 },
	{ "ResNet-152 100 epochs", resnet_100_epochs, 12480 },
	{ "GPT-3 per epoch", gpt3_epoch, 4515.84 },
	{ "GPT-3 10 epochs", gpt3_10_epochs, 45158.4 },
	{ "pay-while-running saved", pay_while_running_saved, 40 },
	{ "10% paused of 2,000 GPU-hours", paused_share_saving, 600 },
	{ "own server hardware", server_hardware, 64700 },
	{ "own server power per hour", local_hourly, 0.45 },
	{ "GPU cloud 100 h with coupon", gpu_cloud_with_coupon, 2422.50 },
	{ "break-even balances", break_even_balances, 1 },
	{ "node on-demand per hour", node_on_demand, 66 },
	{ "node spot per hour", node_spot, 30 },
	{ "spot cheaper per hour %", spot_cheaper_percent, 54.5 },
	{ "measured cost change %", measured_cost_change, -51.9 },
	{ "measured hours change %", measured_hours_change, 5.9 },
	{ "measured throughput change %", measured_throughput_change, -4.6 },
	{ "Daly about 117 min", daly_minutes_rounded, 117 },
	{ "Young 120 min", young_minutes, 120 },
};

START_TEST(core_examples)
{
	double got = examples[_i].got();

	ck_assert_msg(close_to(got, examples[_i].want), "%s: got %.17g, want %.17g",
		      examples[_i].what, got, examples[_i].want);
}
END_TEST

/* --- limits ---------------------------------------------------------------- */

static const struct eval_row limit_rows[] = {
	/* zero */
	OK("epoch_cost", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
	OK("epoch_cost", 0, 5, 2, 1, 1, 1, 1, 1, 1, 0),
	OK("epoch_gpu_hours", 0, 0, 36, 1e9, 1),
	OK("epoch_mem_gb", 0, 0, 0, 0),
	OK("epoch_transfer_gb", 0, 0, 10),
	OK("train_flops", 0, 0, 1e12),
	OK("train_gpu_hours", 0, 1e9, 0, 312e12, 0.5),
	OK("run_cost", 0, 0, 100),
	OK("run_cost", 0, 2, 100, 0),
	OK("interruption_loss", 0, 0, 100, 1000),
	OK("spot_savings", 0, 0, 0, 100),
	OK("spot_rework_hours", 0, 0, 1, 0.25),
	OK("spot_rework_hours", 0.25, 1, 0, 0.25),
	OK("checkpoint_interval", 0, 0, 1440),
	OK("power_cost", 0, 0, 720, 0.15),
	OK("break_even_hours", 0, 0, 2, 1),
	OK("break_even_hours", 500, 1000, 2, 0),
	/* -0 is not negative, and gives +0 (checked again in neg_zero) */
	OK("run_cost", 0, -0.0, 100),
	/* huge */
	OK("epoch_cost", DBL_MAX, DBL_MAX, 1, 0, 0, 0, 0, 0, 0),
	OK("train_flops", 6e300, 1e150, 1e150),
	OK("run_cost", 1e300, 1e100, 1e100, 1e100),
	OK("epoch_gpu_hours", 1e30 / 3600, 1e30, 1, 1, 1),
	OK("break_even_hours", 1e300, 1e300, 2, 1),
	OK("checkpoint_interval", 1e300, DBL_MAX, 1e300),     /* d >= 2M: tau = M */
	/* sqrt(2)*1e300*(1 + sqrt(0.5)/3 + 0.5/9) - 1e300, no overflow on the way */
	OK("checkpoint_interval", 8.261143158382672e+299, 1e300, 1e300),
	OK("checkpoint_interval", 1.4142135623730952e+100, 1, 1e200), /* Young's sqrt(2dM) */
	OK("checkpoint_interval", 1.8961503816218352e+154, 1, DBL_MAX), /* sqrt(2*DBL_MAX) */
	BAD("train_flops", 0, OVERFLOW, 1e200, 1e200),
	BAD("train_flops", 1, OVERFLOW, 1e10, 1e305),
	BAD("run_cost", 2, OVERFLOW, 1e100, 1e100, 1e200),
	BAD("epoch_cost", 0, OVERFLOW, DBL_MAX, 2, 0, 0, 0, 0, 0, 0),
	BAD("epoch_cost", 8, OVERFLOW, 1e300, 1e3, 0, 0, 0, 0, 0, 0, 1e305),
	BAD("spot_savings", 0, OVERFLOW, 1e308, 0, 1e10),
	BAD("power_cost", 0, OVERFLOW, DBL_MAX, DBL_MAX, DBL_MAX),
	/* tiny */
	OK("run_cost", 1e-300, 1e-100, 1e-100, 1e-100),
	OK("run_cost", 0, 1e-200, 1e-200),                   /* underflows to 0 */
	OK("epoch_gpu_hours", 1 / (1e-300 * 1e-5) / 3600, 1, 1, 1e-300, 1e-5),
	OK("epoch_gpu_hours", 1.0 / DBL_MIN / 3600 / 1e9, 1, 1, 1e9, DBL_MIN),
	OK("checkpoint_interval", 1e-300, 5, 1e-300),        /* d >= 2M */
	OK("interruption_loss", 1e-300, 1e-300, 1, 1),
	OK("break_even_hours", 1 / DBL_EPSILON, 1, 1 + DBL_EPSILON, 1),
	BAD("break_even_hours", 0, OVERFLOW, 1e300, 1 + DBL_EPSILON, 1),
	BAD("epoch_gpu_hours", 2, OVERFLOW, 1, 1, DBL_TRUE_MIN, 1),
	BAD("train_gpu_hours", 2, OVERFLOW, 1, 1, 1e-300, 1e-300),
	BAD("epoch_transfer_gb", 2, OVERFLOW, 10, 10, 1e-310),
	/* NaN and infinities, rejected at the right position, whatever the rule */
	BAD("epoch_cost", 0, NOT_FINITE, NAN, 1, 1, 1, 1, 1, 1, 1),
	BAD("epoch_cost", 3, NOT_FINITE, 1, 1, 1, INFINITY, 1, 1, 1, 1),
	BAD("epoch_cost", 8, NOT_FINITE, 1, 1, 1, 1, 1, 1, 1, 1, NAN),
	BAD("epoch_cost", 7, NOT_FINITE, 1, 1, 1, 1, 1, 1, 1, -INFINITY, 1),
	BAD("epoch_gpu_hours", 2, NOT_FINITE, 1, 1, INFINITY, 0.5),
	BAD("epoch_gpu_hours", 3, NOT_FINITE, 1, 1, 1e9, NAN),
	BAD("epoch_mem_gb", 3, NOT_FINITE, 1, 1, 1, INFINITY),
	BAD("epoch_transfer_gb", 1, NOT_FINITE, 1, -NAN),
	BAD("train_flops", 1, NOT_FINITE, 1, INFINITY),
	BAD("train_gpu_hours", 3, NOT_FINITE, 1, 1, 1, -INFINITY),
	BAD("run_cost", 2, NOT_FINITE, 1, 1, NAN),
	BAD("interruption_loss", 1, NOT_FINITE, 1, NAN, 1),
	BAD("interruption_loss", 0, NOT_FINITE, INFINITY, INFINITY, 1),
	BAD("spot_savings", 3, NOT_FINITE, 66, 30, 100, NAN), /* NaN is no default */
	BAD("spot_savings", 3, NOT_FINITE, 66, 30, 100, -INFINITY),
	BAD("spot_rework_hours", 2, NOT_FINITE, 1, 1, INFINITY),
	BAD("checkpoint_interval", 1, NOT_FINITE, 5, INFINITY),
	BAD("power_cost", 0, NOT_FINITE, NAN, 1, 1, 1),
	BAD("break_even_hours", 1, NOT_FINITE, 1000, INFINITY, 1),
	/* negative */
	BAD("epoch_cost", 1, NEGATIVE, 5, -1, 0, 0, 0, 0, 0, 0),
	BAD("epoch_cost", 8, NEGATIVE, 5, 1, 0, 0, 0, 0, 0, 0, -1),
	BAD("epoch_gpu_hours", 0, NEGATIVE, -1, 36, 1e9, 0.5),
	BAD("epoch_gpu_hours", 2, NOT_POSITIVE, 1, 36, -1e9, 0.5),
	BAD("epoch_mem_gb", 1, NEGATIVE, 1, -0.5, 32),
	BAD("epoch_transfer_gb", 2, NOT_POSITIVE, 1, 1, -2),
	BAD("train_flops", 0, NEGATIVE, -DBL_TRUE_MIN, 1),
	BAD("run_cost", 1, NEGATIVE, 2, -0.5),
	BAD("run_cost", 2, NEGATIVE, 2, 1, -8),
	BAD("interruption_loss", 2, NEGATIVE, 1, 2, -1000),
	BAD("spot_savings", 1, NEGATIVE, 66, -30, 100),
	BAD("spot_savings", 3, NEGATIVE, 66, 30, 100, -1),
	BAD("spot_rework_hours", 0, NEGATIVE, -1, 1, 0.25),
	BAD("checkpoint_interval", 0, NEGATIVE, -5, 1440),
	BAD("power_cost", 2, NEGATIVE, 3000, 720, -0.15),
	BAD("break_even_hours", 0, NEGATIVE, -1, 2, 1),
	BAD("break_even_hours", 2, NEGATIVE, 1, 2, -1),
	BAD("own_hourly_cost", 1, NOT_POSITIVE, 64700, 0, 3000, 0.15),
	BAD("own_hourly_cost", 4, NOT_POSITIVE, 64700, 26280, 3000, 0.15, 0),
	BAD("own_hourly_cost", 2, NEGATIVE, 64700, 26280, -1, 0.15),
	/* the first broken argument is the one reported */
	BAD("epoch_cost", 2, NEGATIVE, 1, 1, -1, NAN, 1, 1, 1, 1, -1),
	/* fractions: (0, 1] */
	BAD("epoch_gpu_hours", 3, NOT_FRACTION, 1e12, 36, 1e9, 0),
	BAD("epoch_gpu_hours", 3, NOT_FRACTION, 1e12, 36, 1e9, 1.0001),
	BAD("epoch_gpu_hours", 3, NOT_FRACTION, 1e12, 36, 1e9, -0.5),
	BAD("epoch_gpu_hours", 3, NOT_FRACTION, 1e12, 36, 1e9, -0.0),
	BAD("epoch_gpu_hours", 3, NOT_FRACTION, 1e12, 36, 1e9, 1 + DBL_EPSILON),
	OK("epoch_gpu_hours", 10, 1e12, 36, 1e9, 1),
	OK("epoch_gpu_hours", 1e12 * 36 / (1e9 * 0.0001) / 3600, 1e12, 36, 1e9, 0.0001),
	BAD("train_gpu_hours", 3, NOT_FRACTION, 175e9, 300e9, 312e12, 0),
	BAD("train_gpu_hours", 3, NOT_FRACTION, 175e9, 300e9, 312e12, 1.0001),
	OK("train_gpu_hours", 3.15e23 / (312e12 * 3600), 175e9, 300e9, 312e12, 1),
	/* positives: zero is not positive */
	BAD("epoch_gpu_hours", 2, NOT_POSITIVE, 1e12, 36, 0, 0.5),
	BAD("epoch_mem_gb", 3, NOT_POSITIVE, 10, 0.5, 32, 0),
	BAD("epoch_transfer_gb", 2, NOT_POSITIVE, 2, 500, 0),
	BAD("train_gpu_hours", 2, NOT_POSITIVE, 1, 1, 0, 0.5),
	BAD("interruption_loss", 1, NOT_POSITIVE, 0, 0, 1000),
	BAD("checkpoint_interval", 1, NOT_POSITIVE, 5, 0),
	BAD("power_cost", 3, NOT_POSITIVE, 3000, 720, 0.15, 0),
	/* break-even never reached: NULL */
	NUL("break_even_hours", 64700, 1, 1),
	NUL("break_even_hours", 64700, 0.45, 32.77),
	NUL("break_even_hours", 0, 0, 0),
	/* defaults for omitted optional arguments */
	OK("epoch_cost", 15.6, 5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120),        /* n_replicas 1 */
	OK("epoch_mem_gb", 12, 10, 0, 0),                                       /* overhead 1.2 */
	OK("epoch_transfer_gb", 7, 7, 1),                                       /* compression 1 */
	OK("run_cost", 6, 2, 3),                                                /* units 1 */
	OK("spot_savings", 36 * 100, 66, 30, 100),                             /* spot = on-demand */
	OK("spot_savings", 0, 66, 66, 100),
	OK("power_cost", 0.45, 3000, 1, 0.15),                                  /* pue 1 */
	/* spot may cost more than on-demand: a negative saving */
	OK("spot_savings", -500, 10, 6, 100, 250),
	/* cross-argument: more epochs completed than the run has */
	BAD("interruption_loss", 0, "must not exceed total_epochs", 101, 100, 1000),
	BAD("interruption_loss", 0, "must not exceed total_epochs", 100.5, 100, 1000),
	OK("interruption_loss", 1000, 100, 100, 1000),
	OK("interruption_loss", 1000, 2.5, 2.5, 1000),
	/* checkpoint_interval: d < 2M uses Daly, d >= 2M gives M */
	OK("checkpoint_interval", 100, 200, 100),
	OK("checkpoint_interval", 100, 250, 100),
	/* sqrt(39800)*(1 + sqrt(0.995)/3 + 0.995/9) - 199 */
	OK("checkpoint_interval", 88.8884708287597, 199, 100),
	/* wrong argument counts (the SQL layer never passes these) */
	BAD("epoch_cost", -1, "wrong number of arguments", 1, 1, 1, 1, 1, 1, 1),
	BAD("epoch_cost", -1, "wrong number of arguments", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
	BAD("train_flops", -1, "wrong number of arguments", 1),
	BAD("spot_savings", -1, "wrong number of arguments", 1, 1),
};

START_TEST(limits_eval)
{
	check_eval_row(&limit_rows[_i]);
}
END_TEST

/* Every table entry is well formed and found by its name. */
START_TEST(limits_table)
{
	const struct formula *f = &formula_table[_i];
	size_t j;
	int k;

	ck_assert_ptr_nonnull(f->name);
	ck_assert_ptr_eq(formula_find(f->name), f);
	ck_assert(f->compute != NULL);
	ck_assert_int_ge(f->min_args, 1);
	ck_assert_int_le(f->min_args, f->max_args);
	ck_assert_int_le(f->max_args, FORMULA_MAX_ARGS);
	for (k = 0; k < FORMULA_MAX_ARGS; k++) {
		if (k < f->max_args)
			ck_assert_msg(f->arg_names[k] && f->arg_names[k][0], "%s: argument %d has no name",
				      f->name, k + 1);
		else
			ck_assert_ptr_null(f->arg_names[k]);
	}
	/* A default either obeys its rule or is NAN, computed from other arguments. */
	for (k = f->min_args; k < f->max_args; k++) {
		double probe[FORMULA_MAX_ARGS];
		const char *why = NULL;

		if (isnan(f->defaults[k]))
			continue;
		for (j = 0; j < FORMULA_MAX_ARGS; j++)
			probe[j] = 1;
		probe[k] = f->defaults[k];
		ck_assert_int_eq(formula_check_args(f, probe, f->max_args, &why), -1);
	}
	for (j = 0; j < formula_count; j++)
		if (j != (size_t)_i)
			ck_assert_str_ne(formula_table[j].name, f->name);
}
END_TEST

START_TEST(limits_table_names)
{
	static const char *const names[] = {
		"epoch_cost", "epoch_gpu_hours", "epoch_mem_gb", "epoch_transfer_gb",
		"train_flops", "train_gpu_hours", "run_cost", "interruption_loss",
		"spot_savings", "spot_rework_hours", "checkpoint_interval", "power_cost",
		"own_hourly_cost", "break_even_hours",
	};
	size_t i;

	ck_assert_uint_eq(formula_count, sizeof names / sizeof names[0]);
	for (i = 0; i < formula_count; i++)
		ck_assert_ptr_nonnull(formula_find(names[i]));
	ck_assert_ptr_null(formula_find("no_such_formula"));
	ck_assert_ptr_null(formula_find(""));
	ck_assert_ptr_null(formula_find(NULL));
	ck_assert_str_eq(formula_find("spot_savings")->arg_names[3], "spot_hours");
	ck_assert_str_eq(formula_find("epoch_gpu_hours")->arg_names[3], "utilization");
}
END_TEST

START_TEST(limits_check_args)
{
	const struct formula *f = formula_find("spot_savings");
	double args[FORMULA_MAX_ARGS] = { 66, 30, 100, NAN };
	const char *why = NULL;

	/* Only the arguments given are looked at. */
	ck_assert_int_eq(formula_check_args(f, args, 3, &why), -1);
	ck_assert_ptr_null(why);
	ck_assert_int_eq(formula_check_args(f, args, 4, &why), 3);
	ck_assert_str_eq(why, NOT_FINITE);
	/* why may be NULL. */
	ck_assert_int_eq(formula_check_args(f, args, 4, NULL), 3);

	f = formula_find("epoch_gpu_hours");
	args[0] = 1;
	args[1] = 1;
	args[2] = 1;
	args[3] = 1;
	ck_assert_int_eq(formula_check_args(f, args, 4, &why), -1);
	args[3] = 0;
	ck_assert_int_eq(formula_check_args(f, args, 4, &why), 3);
	ck_assert_str_eq(why, NOT_FRACTION);
}
END_TEST

START_TEST(limits_neg_zero)
{
	const struct formula *f = formula_find("run_cost");
	double args[] = { -0.0, 100 }, out = 1;
	int bad = -2;

	ck_assert_int_eq(formula_eval(f, args, 2, &out, &bad, NULL), FORMULA_OK);
	ck_assert(out == 0 && !signbit(out));
	/* out-parameters for errors may be NULL */
	args[1] = -1;
	ck_assert_int_eq(formula_eval(f, args, 2, &out, NULL, NULL), FORMULA_INVALID);
}
END_TEST

START_TEST(limits_c_api)
{
	double h = 42;

	/* The C functions agree with the table, defaults spelled out. */
	ck_assert(close_to(epoch_mem_gb(10, 0.5, 32, 1.2), 31.2));
	ck_assert(close_to(spot_savings(66, 30, 5000, 5000), 180000));
	ck_assert(close_to(checkpoint_interval(5, 1440), 25205.0 / 216));
	ck_assert(checkpoint_interval(2880, 1440) == 1440);
	ck_assert(close_to(checkpoint_interval(2879.999, 1440),
			   sqrt(2.0 * 2879.999 * 1440) *
				   (1 + sqrt(2879.999 / 2880) / 3 + 2879.999 / 2880 / 9) -
				   2879.999));
	/* Never breaking even leaves *hours alone. */
	ck_assert_int_eq(break_even_hours(64700, 1, 1, &h), -1);
	ck_assert(h == 42);
	ck_assert_int_eq(break_even_hours(64700, 0.45, 32.77, &h), -1);
	ck_assert(h == 42);
	ck_assert_int_eq(break_even_hours(64700, 32.77, 0.45, &h), 0);
	ck_assert(close_to(h, 64700 / 32.32));
}
END_TEST

#define ROWS(a) ((int)(sizeof(a) / sizeof((a)[0])))

static Suite *make_suite(void)
{
	Suite *s = suite_create("formulas");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");

	tcase_add_loop_test(core, core_eval, 0, ROWS(core_rows));
	tcase_add_loop_test(core, core_examples, 0, ROWS(examples));
	tcase_add_loop_test(limits, limits_eval, 0, ROWS(limit_rows));
	tcase_add_loop_test(limits, limits_table, 0, (int)formula_count);
	tcase_add_test(limits, limits_table_names);
	tcase_add_test(limits, limits_check_args);
	tcase_add_test(limits, limits_neg_zero);
	tcase_add_test(limits, limits_c_api);
	suite_add_tcase(s, core);
	suite_add_tcase(s, limits);
	return s;
}

CHECK_MAIN(make_suite)
