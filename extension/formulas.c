/*
 * formulas.c: the cost-model formulas of docs/domain.md and the table that
 * describes them as SQL functions. See formulas.h.
 *
 * Each formula exists twice: as a plain C function on doubles (for C
 * callers) and as a compute_* adapter that formula_table points at. The
 * adapters receive max_args arguments whose rules are already checked and
 * whose omitted optional ones already hold their defaults; they only add the
 * checks that involve more than one argument.
 *
 * formula_eval also refuses a result that is not finite (an overflow such
 * as train_flops(1e200, 1e200), or a division by a tiny divisor): it returns
 * FORMULA_INVALID naming the argument furthest from 1 in magnitude, which is
 * the likeliest culprit, with the phrase "makes the result overflow".
 */
#include "formulas.h"

#include <math.h>
#include <string.h>

/* --- the formulas -------------------------------------------------------- */

/*
 * Cost of one epoch, domain.md §1: every resource's price times what the
 * epoch used of it, for each data-parallel replica.
 */
double epoch_cost(double c_gpu, double t_gpu, double c_cpu, double t_cpu,
		  double c_mem, double m_avg, double c_net, double d_transfer,
		  double n_replicas)
{
	return (c_gpu * t_gpu + c_cpu * t_cpu + c_mem * m_avg + c_net * d_transfer) *
	       n_replicas;
}

/*
 * GPU hours of one epoch, domain.md §1 (T_gpu): cycles needed over cycles
 * delivered per second at the achieved utilisation, in hours.
 */
double epoch_gpu_hours(double n_ops, double cycles_per_op, double clock_hz,
		       double utilization)
{
	return n_ops * cycles_per_op / (clock_hz * utilization) / 3600.0;
}

/*
 * Average memory held during an epoch, domain.md §1 (M_avg): the model plus
 * one batch of samples, times a system overhead factor (usually 1.1-1.3).
 */
double epoch_mem_gb(double model_gb, double per_sample_gb, double batch_size,
		    double overhead)
{
	return (model_gb + per_sample_gb * batch_size) * overhead;
}

/*
 * GB moved during an epoch, domain.md §1 (D_transfer): gradients per sync
 * times syncs, divided by the compression ratio (1 = none).
 */
double epoch_transfer_gb(double grad_gb, double syncs, double compression)
{
	return grad_gb * syncs / compression;
}

/*
 * Training FLOPs, domain.md §1 (Kaplan et al. 2020): about 6 per parameter
 * per token (2 forward, 4 backward).
 */
double train_flops(double params, double tokens)
{
	return 6.0 * params * tokens;
}

/*
 * GPU hours to train, domain.md §1: training FLOPs over the FLOPs per second
 * a GPU really delivers (peak times model FLOPs utilisation), in hours.
 */
double train_gpu_hours(double params, double tokens, double peak_flops, double mfu)
{
	return 6.0 * params * tokens / (peak_flops * mfu * 3600.0);
}

/*
 * Cost of a run, domain.md §2 and §3: rate times billed hours times units
 * (GPUs, machines, GB). With pay-while-running billing, hours are the
 * running hours only.
 */
double run_cost(double hourly_rate, double hours, double units)
{
	return hourly_rate * hours * units;
}

/*
 * Money lost to a failure without a checkpoint, domain.md §2: the share of
 * the run already done is wasted.
 */
double interruption_loss(double completed_epochs, double total_epochs, double total_cost)
{
	return completed_epochs / total_epochs * total_cost;
}

/*
 * What spot saves against on-demand, domain.md §4: on-demand cost minus
 * spot cost, where spot may take more hours (rework, slower nodes). Negative
 * when spot ends up costing more.
 */
double spot_savings(double on_demand_rate, double spot_rate, double on_demand_hours,
		    double spot_hours)
{
	return on_demand_rate * on_demand_hours - spot_rate * spot_hours;
}

/*
 * Hours interruptions add, domain.md §4: each one redoes on average half a
 * checkpoint interval of work, plus the restart time.
 */
double spot_rework_hours(double interruptions, double checkpoint_interval_hours,
			 double restart_hours)
{
	return interruptions * (checkpoint_interval_hours / 2.0 + restart_hours);
}

/*
 * The checkpoint interval that minimises lost time, domain.md §4 (Daly 2006,
 * a higher-order refinement of Young's sqrt(2dM)): d is the time one
 * checkpoint takes, M the mean time between interruptions, same units.
 * When d >= 2M checkpointing cannot pay off within an interval: tau = M.
 */
double checkpoint_interval(double checkpoint_cost, double mtbf)
{
	double d = checkpoint_cost, m = mtbf, r;

	if (d >= 2.0 * m)
		return m;
	/* Written so that no intermediate overflows when d and M are huge. */
	r = d / m / 2.0;
	return sqrt(2.0) * sqrt(d) * sqrt(m) * (1.0 + sqrt(r) / 3.0 + r / 9.0) - d;
}

/*
 * Cost of electricity, domain.md §3: kW times hours times price per kWh,
 * times the data centre's PUE (1 = no cooling overhead).
 */
double power_cost(double watts, double hours, double price_per_kwh, double pue)
{
	return watts / 1000.0 * hours * price_per_kwh * pue;
}

/*
 * What an hour of one's own machine costs, domain.md §3's fuller TCO: the
 * purchase written off in equal parts over its lifetime (straight line),
 * plus the power it draws at full load, PUE included.
 */
double own_hourly_cost(double hardware_cost, double lifetime_hours, double watts,
		       double price_per_kwh, double pue)
{
	return hardware_cost / lifetime_hours + power_cost(watts, 1.0, price_per_kwh, pue);
}

/*
 * Hours after which owning beats renting, domain.md §3: solves
 * hardware + local_hourly*H = cloud_hourly*H. Never when the cloud costs no
 * more per hour than running one's own machine.
 */
int break_even_hours(double hardware_cost, double cloud_hourly, double local_hourly,
		     double *hours)
{
	if (!(cloud_hourly > local_hourly))
		return -1;
	*hours = hardware_cost / (cloud_hourly - local_hourly);
	return 0;
}

/* --- adapters for formula_table ------------------------------------------ */

static int compute_epoch_cost(const double *a, double *out, int *bad_arg, const char **why)
{
	*out = epoch_cost(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
	return FORMULA_OK;
}

static int compute_epoch_gpu_hours(const double *a, double *out, int *bad_arg,
				   const char **why)
{
	*out = epoch_gpu_hours(a[0], a[1], a[2], a[3]);
	return FORMULA_OK;
}

static int compute_epoch_mem_gb(const double *a, double *out, int *bad_arg, const char **why)
{
	*out = epoch_mem_gb(a[0], a[1], a[2], a[3]);
	return FORMULA_OK;
}

static int compute_epoch_transfer_gb(const double *a, double *out, int *bad_arg,
				     const char **why)
{
	*out = epoch_transfer_gb(a[0], a[1], a[2]);
	return FORMULA_OK;
}

static int compute_train_flops(const double *a, double *out, int *bad_arg, const char **why)
{
	*out = train_flops(a[0], a[1]);
	return FORMULA_OK;
}

static int compute_train_gpu_hours(const double *a, double *out, int *bad_arg,
				   const char **why)
{
	*out = train_gpu_hours(a[0], a[1], a[2], a[3]);
	return FORMULA_OK;
}

static int compute_run_cost(const double *a, double *out, int *bad_arg, const char **why)
{
	*out = run_cost(a[0], a[1], a[2]);
	return FORMULA_OK;
}

static int compute_interruption_loss(const double *a, double *out, int *bad_arg,
				     const char **why)
{
	if (a[0] > a[1]) {
		*bad_arg = 0;
		*why = "must not exceed total_epochs";
		return FORMULA_INVALID;
	}
	*out = interruption_loss(a[0], a[1], a[2]);
	return FORMULA_OK;
}

/* spot_hours is optional: its table default is NAN, meaning on_demand_hours. */
static int compute_spot_savings(const double *a, double *out, int *bad_arg, const char **why)
{
	*out = spot_savings(a[0], a[1], a[2], isnan(a[3]) ? a[2] : a[3]);
	return FORMULA_OK;
}

static int compute_spot_rework_hours(const double *a, double *out, int *bad_arg,
				     const char **why)
{
	*out = spot_rework_hours(a[0], a[1], a[2]);
	return FORMULA_OK;
}

static int compute_checkpoint_interval(const double *a, double *out, int *bad_arg,
				       const char **why)
{
	*out = checkpoint_interval(a[0], a[1]);
	return FORMULA_OK;
}

static int compute_power_cost(const double *a, double *out, int *bad_arg, const char **why)
{
	*out = power_cost(a[0], a[1], a[2], a[3]);
	return FORMULA_OK;
}

static int compute_own_hourly_cost(const double *a, double *out, int *bad_arg,
				   const char **why)
{
	*out = own_hourly_cost(a[0], a[1], a[2], a[3], a[4]);
	return FORMULA_OK;
}

static int compute_break_even_hours(const double *a, double *out, int *bad_arg,
				    const char **why)
{
	return break_even_hours(a[0], a[1], a[2], out) == 0 ? FORMULA_OK : FORMULA_NULL;
}

/* --- the table ----------------------------------------------------------- */

#define NN ARG_NONNEG
#define POS ARG_POSITIVE
#define FRAC ARG_FRACTION

const struct formula formula_table[] = {
	{ "epoch_cost", 8, 9,
	  { "c_gpu", "t_gpu", "c_cpu", "t_cpu", "c_mem", "m_avg", "c_net", "d_transfer",
	    "n_replicas" },
	  { NN, NN, NN, NN, NN, NN, NN, NN, NN },
	  { [8] = 1.0 },
	  compute_epoch_cost },
	{ "epoch_gpu_hours", 4, 4,
	  { "n_ops", "cycles_per_op", "clock_hz", "utilization" },
	  { NN, NN, POS, FRAC },
	  { 0 },
	  compute_epoch_gpu_hours },
	{ "epoch_mem_gb", 3, 4,
	  { "model_gb", "per_sample_gb", "batch_size", "overhead" },
	  { NN, NN, NN, POS },
	  { [3] = 1.2 },
	  compute_epoch_mem_gb },
	{ "epoch_transfer_gb", 2, 3,
	  { "grad_gb", "syncs", "compression" },
	  { NN, NN, POS },
	  { [2] = 1.0 },
	  compute_epoch_transfer_gb },
	{ "train_flops", 2, 2,
	  { "params", "tokens" },
	  { NN, NN },
	  { 0 },
	  compute_train_flops },
	{ "train_gpu_hours", 4, 4,
	  { "params", "tokens", "peak_flops", "mfu" },
	  { NN, NN, POS, FRAC },
	  { 0 },
	  compute_train_gpu_hours },
	{ "run_cost", 2, 3,
	  { "hourly_rate", "hours", "units" },
	  { NN, NN, NN },
	  { [2] = 1.0 },
	  compute_run_cost },
	{ "interruption_loss", 3, 3,
	  { "completed_epochs", "total_epochs", "total_cost" },
	  { NN, POS, NN },
	  { 0 },
	  compute_interruption_loss },
	{ "spot_savings", 3, 4,
	  { "on_demand_rate", "spot_rate", "on_demand_hours", "spot_hours" },
	  { NN, NN, NN, NN },
	  { [3] = NAN },
	  compute_spot_savings },
	{ "spot_rework_hours", 3, 3,
	  { "interruptions", "checkpoint_interval_hours", "restart_hours" },
	  { NN, NN, NN },
	  { 0 },
	  compute_spot_rework_hours },
	{ "checkpoint_interval", 2, 2,
	  { "checkpoint_cost", "mtbf" },
	  { NN, POS },
	  { 0 },
	  compute_checkpoint_interval },
	{ "power_cost", 3, 4,
	  { "watts", "hours", "price_per_kwh", "pue" },
	  { NN, NN, NN, POS },
	  { [3] = 1.0 },
	  compute_power_cost },
	{ "own_hourly_cost", 4, 5,
	  { "hardware_cost", "lifetime_hours", "watts", "price_per_kwh", "pue" },
	  { NN, POS, NN, NN, POS },
	  { [4] = 1.0 },
	  compute_own_hourly_cost },
	{ "break_even_hours", 3, 3,
	  { "hardware_cost", "cloud_hourly", "local_hourly" },
	  { NN, NN, NN },
	  { 0 },
	  compute_break_even_hours },
};

#undef NN
#undef POS
#undef FRAC

const size_t formula_count = sizeof formula_table / sizeof formula_table[0];

const struct formula *formula_find(const char *name)
{
	size_t i;

	if (!name)
		return NULL;
	for (i = 0; i < formula_count; i++)
		if (strcmp(formula_table[i].name, name) == 0)
			return &formula_table[i];
	return NULL;
}

/* --- checking and evaluating --------------------------------------------- */

/* Why x breaks rule, or NULL when it obeys it. */
static const char *rule_violation(enum arg_rule rule, double x)
{
	if (!isfinite(x))
		return "must be a finite number";
	switch (rule) {
	case ARG_ANY:
		break;
	case ARG_NONNEG:
		if (x < 0)
			return "must not be negative";
		break;
	case ARG_POSITIVE:
		if (!(x > 0))
			return "must be positive";
		break;
	case ARG_FRACTION:
		if (!(x > 0 && x <= 1))
			return "must be in (0, 1]";
		break;
	}
	return NULL;
}

int formula_check_args(const struct formula *f, const double *args, int nargs,
		       const char **why)
{
	int i;

	if (nargs > f->max_args)
		nargs = f->max_args;
	for (i = 0; i < nargs; i++) {
		const char *broken = rule_violation(f->rules[i], args[i]);

		if (broken) {
			if (why)
				*why = broken;
			return i;
		}
	}
	return -1;
}

/*
 * The argument furthest from 1 in order of magnitude, ignoring zeros: the
 * one to blame when finite arguments give a result that is not finite.
 */
static int overflow_culprit(const double *args, int nargs)
{
	int i, worst = 0;
	double worst_distance = -1;

	for (i = 0; i < nargs; i++) {
		double distance;

		if (args[i] == 0)
			continue;
		distance = fabs(log(fabs(args[i])));
		if (distance > worst_distance) {
			worst_distance = distance;
			worst = i;
		}
	}
	return worst;
}

/*
 * Returns FORMULA_INVALID with *bad_arg = -1 and *why = "wrong number of
 * arguments" when nargs is outside [min_args, max_args] (the SQL layer
 * registers each function only for counts in that range, so it never sees
 * this).
 */
int formula_eval(const struct formula *f, const double *args, int nargs,
		 double *out, int *bad_arg, const char **why)
{
	double full[FORMULA_MAX_ARGS];
	const char *reason = NULL;
	int bad = -1, status, i;

	if (nargs < f->min_args || nargs > f->max_args) {
		reason = "wrong number of arguments";
		status = FORMULA_INVALID;
		goto done;
	}
	bad = formula_check_args(f, args, nargs, &reason);
	if (bad >= 0) {
		status = FORMULA_INVALID;
		goto done;
	}
	for (i = 0; i < f->max_args; i++)
		full[i] = i < nargs ? args[i] : f->defaults[i];
	status = f->compute(full, out, &bad, &reason);
	if (status == FORMULA_OK) {
		if (!isfinite(*out)) {
			bad = overflow_culprit(args, nargs);
			reason = "makes the result overflow";
			status = FORMULA_INVALID;
		} else if (*out == 0) {
			*out = 0; /* no -0 from a -0 argument */
		}
	}
done:
	if (status == FORMULA_INVALID) {
		if (bad_arg)
			*bad_arg = bad;
		if (why)
			*why = reason;
	}
	return status;
}
