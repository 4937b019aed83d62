/*
 * plan_ledger.c: the options of a plan and their history (plan_ledger.h).
 *
 * The rate in force is i14's one rule: rate_in_force() picks, per provider,
 * SKU and pricing category of the card, the row in force at --at for a
 * usage line (no region: a region-less row first), and usage_cost() prices
 * one hour of one unit of it (net of its discount) exactly as usage_costed
 * prices usage.
 */
#include "plan_ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The rate card rows in force at ?1, on-demand and spot only, with their net hourly price. */
static const char plan_rates_sql[] =
	/* The listed price as text, whether stored as nanos or (branch i19) as decimal text. */
	"SELECT r.provider, r.sku, r.region, r.pricing_category, r.unit,"
	" CASE typeof(r.unit_price) WHEN 'integer' THEN money_text(r.unit_price) ELSE r.unit_price END,"
	" CAST(r.discount AS REAL), r.currency, r.billing_rule, r.source_file, r.source_line,"
	" usage_cost(r.provider, r.sku, CASE r.pricing_category WHEN 'Dynamic' THEN 'spot'"
	"   ELSE 'on-demand' END, ?1, strftime('%Y-%m-%dT%H:%M:%SZ', ?1, '+1 hour'), 1) / 1e9"
	" FROM (SELECT DISTINCT provider, sku, pricing_category FROM rates"
	"   WHERE pricing_category IN ('Standard', 'Dynamic') AND sku <> '*') k"
	" JOIN rates r ON r.rate_id = rate_in_force(k.provider, k.sku, NULL, k.pricing_category, NULL, ?1)"
	" GROUP BY r.rate_id ORDER BY r.provider, r.sku, r.pricing_category";

/* Own machines bought by ?1, with their hourly cost from hardware_hourly. */
static const char plan_hardware_sql[] =
	"SELECT machine, gpus, purchase_cost / 1e9, currency,"
	" (CASE WHEN ?1 < end_of_life THEN hourly_cost ELSE power_hourly END) / 1e9,"
	" power_hourly / 1e9, source_file, source_line, purchase_date, lifetime_years,"
	" money_text(purchase_cost, 2), money_text(power_hourly) FROM hardware_hourly"
	" WHERE purchase_date <= substr(?1, 1, 10) ORDER BY machine, purchase_date";

/* Spot history of a provider and SKU: running machine-hours and interruptions. */
static const char spot_history_sql[] =
	"SELECT coalesce(sum(CASE WHEN state IN ('running', 'idle')"
	" THEN unixepoch(usage_end) - unixepoch(usage_start) END), 0) / 3600.0,"
	" coalesce(sum(state = 'interrupted'), 0) FROM usage"
	" WHERE pricing = 'spot' AND provider = ?1 COLLATE NOCASE AND instance_type = ?2";

/* Paused and wall seconds of a provider and SKU, and the most GPUs a row had. */
static const char usage_history_sql[] =
	"SELECT coalesce(sum(CASE WHEN state = 'paused' THEN unixepoch(usage_end) - unixepoch(usage_start) END), 0) / 3600.0,"
	" coalesce(sum(CASE WHEN state IN ('running', 'idle', 'paused')"
	" THEN unixepoch(usage_end) - unixepoch(usage_start) END), 0) / 3600.0, max(gpus) FROM usage"
	" WHERE provider = ?1 COLLATE NOCASE AND instance_type = ?2";

static struct plan_entry *new_entry(struct plan_entries *e)
{
	if (e->count == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 16;
		struct plan_entry *grown = realloc(e->items, cap * sizeof *grown);
		if (!grown)
			return NULL;
		e->items = grown;
		e->cap = cap;
	}
	memset(&e->items[e->count], 0, sizeof e->items[0]);
	return &e->items[e->count++];
}

void plan_entries_free(struct plan_entries *e)
{
	free(e->items);
	memset(e, 0, sizeof *e);
}

static const char *text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t ? (const char *)t : "";
}

static int step_history(sqlite3_stmt *st, const char *provider, const char *sku)
{
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, provider, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, sku, -1, SQLITE_TRANSIENT);
	return sqlite3_step(st);
}

/* MTBF of a spot entry: --mtbf, else running hours / interruptions of its history. */
static int spot_mtbf(sqlite3_stmt *st, double mtbf_override, struct plan_entry *p)
{
	double hours;
	long interruptions;

	if (step_history(st, p->provider, p->sku) != SQLITE_ROW)
		return sqlite3_errcode(sqlite3_db_handle(st));
	hours = sqlite3_column_double(st, 0);
	interruptions = (long)sqlite3_column_int64(st, 1);
	if (mtbf_override > 0) {
		p->option.mtbf_hours = mtbf_override;
		snprintf(p->mtbf_source, sizeof p->mtbf_source,
			 "--mtbf (history: %ld interruption(s) in %.1f running hours)", interruptions, hours);
	} else if (interruptions > 0) {
		p->option.mtbf_hours = hours / interruptions;
		snprintf(p->mtbf_source, sizeof p->mtbf_source,
			 "history: %ld interruption(s) in %.1f running hours", interruptions, hours);
	} else {
		snprintf(p->mtbf_source, sizeof p->mtbf_source,
			 "no interruption history (%.1f running hours on spot): give --mtbf", hours);
	}
	return SQLITE_OK;
}

/* Pause fraction and GPUs per machine of a cloud entry, from its usage. */
static int usage_history(sqlite3_stmt *st, int per_gpu, struct plan_entry *p)
{
	double paused, wall;

	if (step_history(st, p->provider, p->sku) != SQLITE_ROW)
		return sqlite3_errcode(sqlite3_db_handle(st));
	paused = sqlite3_column_double(st, 0);
	wall = sqlite3_column_double(st, 1);
	if (wall > 0) {
		p->option.pause_fraction = paused / wall;
		snprintf(p->pause_source, sizeof p->pause_source,
			 "history: %.1f of %.1f wall hours paused%s", paused, wall,
			 p->option.billed_while_paused ? " (billed)" : " (not billed)");
	} else {
		snprintf(p->pause_source, sizeof p->pause_source, "no usage history: none assumed");
	}
	if (per_gpu) {
		snprintf(p->gpus_source, sizeof p->gpus_source, "priced per GPU-hour");
	} else if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
		p->option.machine_gpus = sqlite3_column_int(st, 2);
		snprintf(p->gpus_source, sizeof p->gpus_source, "history: %d GPUs per machine",
			 p->option.machine_gpus);
	} else {
		snprintf(p->gpus_source, sizeof p->gpus_source,
			 "GPUs per machine unknown: one machine assumed");
	}
	return SQLITE_OK;
}

static int load_rates(sqlite3 *db, const char *at, double mtbf_override, struct plan_entries *out)
{
	sqlite3_stmt *st = NULL, *spot = NULL, *hist = NULL;
	int rc;

	if ((rc = sqlite3_prepare_v2(db, plan_rates_sql, -1, &st, NULL)) != SQLITE_OK ||
	    (rc = sqlite3_prepare_v2(db, spot_history_sql, -1, &spot, NULL)) != SQLITE_OK ||
	    (rc = sqlite3_prepare_v2(db, usage_history_sql, -1, &hist, NULL)) != SQLITE_OK)
		goto done;
	sqlite3_bind_text(st, 1, at, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct plan_entry *p = new_entry(out);
		int per_gpu = !strcmp(text(st, 4), "GPU-hour") || !strcmp(text(st, 4), "gpu-hour");
		if (!p) {
			rc = SQLITE_NOMEM;
			break;
		}
		snprintf(p->provider, sizeof p->provider, "%s", text(st, 0));
		snprintf(p->sku, sizeof p->sku, "%s", text(st, 1));
		snprintf(p->region, sizeof p->region, "%s", text(st, 2));
		snprintf(p->currency, sizeof p->currency, "%s", text(st, 7));
		p->option.kind = strcmp(text(st, 3), "Dynamic") ? PLAN_ON_DEMAND : PLAN_SPOT;
		p->pricing = p->option.kind == PLAN_SPOT ? "spot" : "on-demand";
		p->option.hourly = sqlite3_column_double(st, 11);
		p->option.per_gpu = per_gpu;
		p->option.billed_while_paused = !strcmp(text(st, 8), "wall");
		snprintf(p->price_source, sizeof p->price_source, "rate card %s:%lld (%s per %s%s%s%s%s)",
			 text(st, 9), (long long)sqlite3_column_int64(st, 10), text(st, 5), text(st, 4),
			 sqlite3_column_double(st, 6) > 0 ? ", less discount " : "",
			 sqlite3_column_double(st, 6) > 0 ? text(st, 6) : "",
			 *text(st, 2) ? ", region " : "", text(st, 2));
		if ((rc = usage_history(hist, per_gpu, p)) != SQLITE_OK)
			break;
		if (p->option.kind == PLAN_SPOT && (rc = spot_mtbf(spot, mtbf_override, p)) != SQLITE_OK)
			break;
		if (p->option.kind != PLAN_SPOT)
			snprintf(p->mtbf_source, sizeof p->mtbf_source, "not interruptible");
	}
done:
	sqlite3_finalize(st);
	sqlite3_finalize(spot);
	sqlite3_finalize(hist);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int load_hardware(sqlite3 *db, const char *at, struct plan_entries *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, plan_hardware_sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, at, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct plan_entry *p = new_entry(out);
		if (!p) {
			rc = SQLITE_NOMEM;
			break;
		}
		snprintf(p->provider, sizeof p->provider, "own");
		snprintf(p->sku, sizeof p->sku, "%s", text(st, 0));
		snprintf(p->currency, sizeof p->currency, "%s", text(st, 3));
		p->pricing = "own";
		p->option.kind = PLAN_OWN;
		p->option.machine_gpus = sqlite3_column_int(st, 1);
		p->option.purchase_cost = sqlite3_column_double(st, 2);
		p->option.hourly = sqlite3_column_double(st, 4);
		p->option.power_hourly = sqlite3_column_double(st, 5);
		snprintf(p->price_source, sizeof p->price_source,
			 "hardware %s:%lld (%s bought %s, %s years, power %s per hour)", text(st, 6),
			 (long long)sqlite3_column_int64(st, 7), text(st, 10), text(st, 8), text(st, 9),
			 text(st, 11));
		snprintf(p->gpus_source, sizeof p->gpus_source, "hardware: %d GPUs per machine",
			 p->option.machine_gpus);
		snprintf(p->mtbf_source, sizeof p->mtbf_source, "not interruptible");
		snprintf(p->pause_source, sizeof p->pause_source, "pauses cost nothing (billed running)");
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int plan_load_options(sqlite3 *db, const char *at, double mtbf_override, struct plan_entries *out)
{
	int rc = load_rates(db, at, mtbf_override, out);

	return rc == SQLITE_OK ? load_hardware(db, at, out) : rc;
}

int plan_measured_utilization(sqlite3 *db, double *utilization, long *intervals,
			      double *gpu_hours)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
		"SELECT coalesce(sum(gpu_utilization * s) / sum(s) / 100, 0), count(*), coalesce(sum(s), 0) / 3600.0"
		" FROM (SELECT gpu_utilization, (unixepoch(usage_end) - unixepoch(usage_start)) * coalesce(gpus, 1) AS s"
		" FROM usage WHERE state = 'running' AND gpu_utilization IS NOT NULL)", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*utilization = sqlite3_column_double(st, 0);
		*intervals = (long)sqlite3_column_int64(st, 1);
		*gpu_hours = sqlite3_column_double(st, 2);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}
