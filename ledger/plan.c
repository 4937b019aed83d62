/*
 * plan.c: expected hours, interruptions, checkpoint interval and cost of one
 * job on one option (plan.h). The model, in the order computed:
 *
 *   compute hours  T0 = GPU-hours / GPUs
 *   machines       n  = ceil(GPUs / GPUs per machine)      (1 when unknown or per GPU)
 *   spot only:     M  = MTBF / n; tau = checkpoint_interval(d, M)
 *                  B  = T0 + (T0 / tau) * d                 (checkpoints written)
 *                  N  = B / M                               (expected interruptions)
 *                  T  = B + spot_rework_hours(N, tau, R)
 *   others:        T  = T0 (no interruptions expected, no checkpoint overhead counted)
 *   billed hours   T, or T / (1 - pause fraction) when paused time is billed
 *   cost           run_cost(hourly total, billed hours, 1)
 */
#include "plan.h"

#include "formulas.h"

#include <math.h>

void plan_compute(const struct plan_job *job, const struct plan_option *o, struct plan_result *r)
{
	double units;

	*r = (struct plan_result){0};
	r->machines = o->per_gpu || o->machine_gpus <= 0
			      ? 1
			      : (job->gpus + o->machine_gpus - 1) / o->machine_gpus;
	r->compute_hours = job->gpu_hours / job->gpus;
	r->hours = r->compute_hours;
	r->has_cost = 1;
	units = o->per_gpu ? job->gpus : r->machines;
	r->hourly_total = run_cost(o->hourly, 1, units);
	if (o->kind == PLAN_SPOT) {
		double base;

		if (!(o->mtbf_hours > 0)) {
			r->has_cost = 0;
			return;
		}
		r->job_mtbf_hours = o->mtbf_hours / r->machines;
		r->checkpoint_interval = checkpoint_interval(job->checkpoint_hours, r->job_mtbf_hours);
		r->checkpoint_overhead = r->checkpoint_interval > 0
						 ? r->compute_hours / r->checkpoint_interval *
							   job->checkpoint_hours
						 : 0;
		base = r->compute_hours + r->checkpoint_overhead;
		r->interruptions = base / r->job_mtbf_hours;
		r->rework_hours = spot_rework_hours(r->interruptions, r->checkpoint_interval,
						    job->restart_hours);
		r->hours = base + r->rework_hours;
	}
	r->billed_hours = r->hours;
	if (o->billed_while_paused && o->pause_fraction > 0 && o->pause_fraction < 1)
		r->billed_hours = r->hours / (1 - o->pause_fraction);
	r->cost = run_cost(r->hourly_total, r->billed_hours, 1);
}

double plan_saving(const struct plan_result *a, const struct plan_result *b)
{
	return spot_savings(a->hourly_total, b->hourly_total, a->billed_hours, b->billed_hours);
}

int plan_break_even(const struct plan_option *own, const struct plan_result *own_result,
		    const struct plan_result *cloud, double *hours)
{
	int n = own_result->machines;

	return break_even_hours(own->purchase_cost * n, cloud->hourly_total, own->power_hourly * n,
				hours);
}
