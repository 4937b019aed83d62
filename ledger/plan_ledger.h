/*
 * plan_ledger.h: what `costledger plan` reads from the ledger: the options
 * (the rate card in force, own machines) and what the usage history says of
 * each (MTBF of spot, pause fraction, GPUs per machine, GPU utilisation),
 * every figure with where it came from.
 */
#ifndef COSTLEDGER_PLAN_LEDGER_H
#define COSTLEDGER_PLAN_LEDGER_H

#include <sqlite3.h>
#include <stddef.h>

#include "plan.h"

struct plan_entry {
	struct plan_option option;
	struct plan_result result;
	char provider[128], sku[256], region[128], currency[8];
	const char *pricing;              /* on-demand, spot, own */
	char price_source[600];           /* file:line of the rate or the machine */
	char mtbf_source[200], pause_source[200], gpus_source[120];
};

struct plan_entries {
	struct plan_entry *items;
	size_t count, cap;
};

/*
 * Appends one entry per option: every on-demand (Standard) and spot
 * (Dynamic) rate in force at `at` ('YYYY-MM-DDTHH:MM:SSZ'), and every own
 * machine bought by then. mtbf_override > 0 replaces the history's MTBF of
 * the spot options. Returns SQLite's code.
 */
int plan_load_options(sqlite3 *db, const char *at, double mtbf_override, struct plan_entries *out);
void plan_entries_free(struct plan_entries *e);

/*
 * Mean GPU utilisation (0..1) of the running intervals that measured one
 * (nvidia-smi), weighted by GPU-hours; 0 when none. *intervals and
 * *gpu_hours say what it rests on.
 */
int plan_measured_utilization(sqlite3 *db, double *utilization, long *intervals,
			      double *gpu_hours);

#endif
