/*
 * formulas.h: the cost-model formulas of docs/domain.md (per-epoch cost,
 * spot, checkpoints, own versus cloud), as plain C on doubles, with the rules
 * their arguments must obey. No SQLite here: extension/sql_formulas.c turns
 * each entry of formula_table into a SQL function.
 */
#ifndef COSTLEDGER_FORMULAS_H
#define COSTLEDGER_FORMULAS_H

#include <stddef.h>

#define FORMULA_MAX_ARGS 9

/* What one argument may be. Every rule also rejects NaN and infinities. */
enum arg_rule {
	ARG_ANY = 0,     /* any finite number */
	ARG_NONNEG,      /* >= 0: durations, prices, counts */
	ARG_POSITIVE,    /* > 0: divisors such as a clock rate */
	ARG_FRACTION,    /* in (0, 1]: utilisation, MFU */
};

enum formula_status {
	FORMULA_OK = 0,
	FORMULA_NULL,    /* the answer is SQL NULL (e.g. break-even never reached) */
	FORMULA_INVALID, /* an argument is impossible; *bad_arg and *why say which */
};

struct formula {
	const char *name;          /* SQL name */
	int min_args, max_args;    /* optional arguments come last */
	const char *arg_names[FORMULA_MAX_ARGS];
	enum arg_rule rules[FORMULA_MAX_ARGS];
	double defaults[FORMULA_MAX_ARGS]; /* for optional arguments */
	/*
	 * Computes from max_args arguments (defaults already filled in, rules
	 * already checked). Returns a formula_status; on FORMULA_INVALID sets
	 * *bad_arg (0-based) and *why (a static lowercase phrase) for checks
	 * that involve more than one argument.
	 */
	int (*compute)(const double *args, double *out, int *bad_arg, const char **why);
};

extern const struct formula formula_table[];
extern const size_t formula_count;

/* The first argument of args[0..nargs) that breaks its rule, or -1. */
int formula_check_args(const struct formula *f, const double *args, int nargs,
		       const char **why);

/*
 * Checks the arguments, fills in defaults and computes: what the SQL
 * function does, minus the SQL. Returns a formula_status.
 */
int formula_eval(const struct formula *f, const double *args, int nargs,
		 double *out, int *bad_arg, const char **why);

/* Looks a formula up by SQL name (for tests). */
const struct formula *formula_find(const char *name);

/* The formulas themselves, for C callers. */
double epoch_cost(double c_gpu, double t_gpu, double c_cpu, double t_cpu,
		  double c_mem, double m_avg, double c_net, double d_transfer,
		  double n_replicas);
double epoch_gpu_hours(double n_ops, double cycles_per_op, double clock_hz,
		       double utilization);
double epoch_mem_gb(double model_gb, double per_sample_gb, double batch_size,
		    double overhead);
double epoch_transfer_gb(double grad_gb, double syncs, double compression);
double train_flops(double params, double tokens);
double train_gpu_hours(double params, double tokens, double peak_flops, double mfu);
double run_cost(double hourly_rate, double hours, double units);
double interruption_loss(double completed_epochs, double total_epochs, double total_cost);
double spot_savings(double on_demand_rate, double spot_rate, double on_demand_hours,
		    double spot_hours);
double spot_rework_hours(double interruptions, double checkpoint_interval_hours,
			 double restart_hours);
double checkpoint_interval(double checkpoint_cost, double mtbf);
double power_cost(double watts, double hours, double price_per_kwh, double pue);
/* Straight-line amortization over the lifetime plus power: own hardware per hour. */
double own_hourly_cost(double hardware_cost, double lifetime_hours, double watts,
		       double price_per_kwh, double pue);
/* Returns 0 and sets *hours, or -1 when owning never breaks even. */
int break_even_hours(double hardware_cost, double cloud_hourly, double local_hourly,
		     double *hours);

#endif
