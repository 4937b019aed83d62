/*
 * plan.h: where to train a job, as numbers (cmd_plan.c gathers the options
 * from the ledger and prints them). Pure: no SQLite. Every figure comes from
 * the formulas of extension/formulas.h, never a second copy of them.
 */
#ifndef COSTLEDGER_PLAN_H
#define COSTLEDGER_PLAN_H

#include <stdint.h>

/* The job: GPU-hours of work on `gpus` GPUs, checkpoint and restart times in hours. */
struct plan_job {
	double gpu_hours;
	int gpus;
	double checkpoint_hours, restart_hours;
};

enum plan_kind { PLAN_ON_DEMAND, PLAN_SPOT, PLAN_OWN };

/* One place to run it, with what the ledger knows of it. */
struct plan_option {
	enum plan_kind kind;
	double hourly;          /* price per unit hour, after discount */
	int per_gpu;            /* 1: the price is per GPU-hour; 0: per machine-hour */
	int machine_gpus;       /* GPUs per machine; 0 unknown (then one machine) */
	int billed_while_paused;/* 1: wall-time billing */
	double pause_fraction;  /* share of wall time paused, 0 when unknown */
	double mtbf_hours;      /* spot: mean running hours between interruptions of one machine; <= 0 unknown */
	/* own hardware */
	double purchase_cost, power_hourly;
};

struct plan_result {
	int machines;
	double compute_hours;        /* gpu_hours / gpus */
	double job_mtbf_hours;       /* mtbf / machines (any machine taken back stops the job); 0 none */
	double checkpoint_interval;  /* Daly's tau, hours; 0 when no interruptions are expected */
	double checkpoint_overhead;  /* hours spent writing checkpoints */
	double interruptions;        /* expected */
	double rework_hours;         /* spot_rework_hours() */
	double hours;                /* expected running hours: compute + checkpoints + rework */
	double billed_hours;         /* hours billed: running, or wall time with the pauses */
	double hourly_total;         /* what one hour of the job costs on this option */
	double cost;
	int has_cost;                /* 0: a spot option without an MTBF */
};

/* Computes result from job and option. */
void plan_compute(const struct plan_job *job, const struct plan_option *option,
		  struct plan_result *result);

/* What option b saves against a: spot_savings() on their hourly totals and billed hours. */
double plan_saving(const struct plan_result *a, const struct plan_result *b);

/* Hours after which buying `own` beats renting `cloud` for the job; -1 never. */
int plan_break_even(const struct plan_option *own, const struct plan_result *own_result,
		    const struct plan_result *cloud, double *hours);

#endif
