/*
 * reconcile.c: one month of charges against usage and the rate card
 * (docs/reconcile.md has the rules). This file walks the month: the
 * charges with the usage behind them, then the usage no charge covers, then
 * the corrections that arrived this month for earlier ones. The jobs it
 * hands out:
 *   reconcile_match.c  which usage is behind a charge, seconds covered
 *   reconcile_split.c  a charge's seconds and amounts split into parts
 *   reconcile_price.c  the expected cost, in the charge's currency
 *   reconcile_store.c  pieces summed into findings, totals, the stored run
 *   reconcile_print.c  a stored run printed
 */
#include "reconcile.h"
#include "reconcile_invoices.h"

#include "fx_table.h"
#include "rate_card.h"
#include "reconcile_match.h"
#include "reconcile_price.h"
#include "reconcile_split.h"
#include "reconcile_store.h"
#include "timeparse.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

struct run {
	sqlite3 *db;
	struct rate_card card;
	struct fx_table fx;
	struct pieces pieces;
	struct totals totals;
	long charges_seen, usage_seen;
	/* The longest usage interval and usage charge per resource: lower
	 * bounds for the scans by start. Per resource, so that one long job
	 * does not widen every other resource's scans. */
	struct bounds usage_bounds, charge_bounds;
	char err[256];
};

int reconcile_month_bounds(const char *month, char *start, char *end)
{
	int y, m;

	if (strlen(month) != 7 || month[4] != '-' ||
	    strspn(month, "0123456789") != 4 || strspn(month + 5, "0123456789") != 2)
		return -1;
	y = atoi(month);
	m = atoi(month + 5);
	if (m < 1 || m > 12 || y < 1970 || y > 9998)
		return -1;
	snprintf(start, 32, "%04d-%02d-01T00:00:00Z", y, m);
	snprintf(end, 32, "%04d-%02d-01T00:00:00Z", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
	return 0;
}

static void iso(int64_t t, char *buf, size_t size)
{
	time_t tt = (time_t)(t < 0 ? 0 : t);
	struct tm tm;
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&tt, &tm));
}

static int month_seconds(const char *start, const char *end, int64_t *ms, int64_t *me)
{
	if (time_parse(start, strlen(start), 0, ms) != TIME_OK ||
	    time_parse(end, strlen(end), 0, me) != TIME_OK)
		return SQLITE_MISUSE;
	*ms /= 1000;
	*me /= 1000;
	return SQLITE_OK;
}

static const char *text(sqlite3_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st, col);
}

static void add(struct run *r, int kind, const char *provider, const char *project,
		const char *resource, const char *currency, int64_t start, int64_t end,
		int64_t seconds, int64_t billed, int64_t expected, sqlite3_int64 id, const char *note)
{
	struct piece p;

	memset(&p, 0, sizeof p);
	p.kind = kind;
	p.provider = (char *)provider;
	p.project = (char *)project;
	p.resource = (char *)resource;
	snprintf(p.currency, sizeof p.currency, "%s", currency ? currency : "");
	snprintf(p.note, sizeof p.note, "%s", note ? note : "");
	p.start = start;
	p.end = end;
	p.seconds = seconds;
	p.billed = billed;
	p.expected = expected;
	p.id = id;
	pieces_add(&r->pieces, &p);
}

static struct currency_total *total(struct run *r, const char *currency)
{
	struct currency_total *t = totals_get(&r->totals, currency);
	if (!t)
		r->pieces.failed = 1;
	return t;
}

/* Columns of the charges query (the usage rows use C_START, C_END, C_STOPPED). */
enum {
	C_SRC, C_ID, C_PROVIDER, C_RESOURCE, C_INSTANCE, C_SKU, C_REGION, C_CATEGORY, C_PROJECT,
	C_START, C_END, C_BILLED, C_UNIT_PRICE, C_QUANTITY, C_CLASS, C_CHARGE_CATEGORY,
	C_GROUP_PROVIDER, C_GROUP_SKU, C_ORDER_START, C_ORDER_END, C_STOPPED, C_CURRENCY, C_UNIT
};

/* The seconds of one unit of a charge's quantity, when the per-second
 * quantity rule applies to it (a rate per unit of time, not per GPU): the
 * bill's own PricingUnit when it is one of time (rate_unit_seconds: "Seconds"
 * against an hourly rate is 1), else the rate's; 0 otherwise. A unit of GPU
 * time is no wall time: the rate's then. */
static int64_t quantity_unit_seconds(const struct rate_row *rt, const char *unit)
{
	int64_t own = unit && strncasecmp(unit, "gpu", 3) ? rate_unit_seconds(unit) : 0;

	if (!rt || rt->per_gpu || !rt->unit_seconds)
		return 0;
	return own ? own : rt->unit_seconds;
}

/* The bill's quantity as an exact decimal; 0 when it has none. */
static int quantity_of(sqlite3_stmt *st, struct decimal *q)
{
	if (sqlite3_column_type(st, C_QUANTITY) == SQLITE_NULL)
		return 0;
	return decimal_from_double(sqlite3_column_double(st, C_QUANTITY), q) == MONEY_OK;
}

/* Splits and prices one usage charge that has a rate (or not), adding its
 * pieces; the charge is in the month, not a correction, not a duplicate. */
static int price_usage_charge(struct run *r, sqlite3_stmt *st, const struct coverage *cov,
			      struct currency_total *tot)
{
	sqlite3_int64 id = sqlite3_column_int64(st, C_ID);
	const char *prov = text(st, C_PROVIDER), *res = text(st, C_RESOURCE);
	const char *project = text(st, C_PROJECT), *currency = text(st, C_CURRENCY);
	int64_t cs = sqlite3_column_int64(st, C_START), ce = sqlite3_column_int64(st, C_END);
	int64_t billed = sqlite3_column_int64(st, C_BILLED), period = ce - cs;
	int64_t secs[PART_COUNT], bill[PART_COUNT], want[PART_COUNT], list[PART_COUNT];
	int64_t expected = 0, listed = 0;
	struct rate_query q = {prov, text(st, C_INSTANCE), text(st, C_SKU), text(st, C_CATEGORY),
			       text(st, C_REGION), cs};
	const struct rate_row *rt = rate_in_force(&r->card, &q);
	struct decimal quantity;
	int has_q = quantity_of(st, &quantity), rc = PRICED;
	int64_t unit = quantity_unit_seconds(rt, text(st, C_UNIT));

	split_seconds(split_billed_seconds(period, has_q ? &quantity : NULL, unit),
		      cov, rt && rt->running, secs);
	if (rt)
		rc = price_charge(rt, &r->fx, currency, fx_day(cs), has_q ? &quantity : NULL, unit,
				  period, &expected, &listed);
	if (rc == PRICE_OVERFLOW) {
		snprintf(r->err, sizeof r->err, "charge %lld: its expected cost does not fit in"
			 " 64-bit nanos", (long long)id);
		return SQLITE_TOOBIG;
	}
	if (rt && rc == PRICE_NO_FX) {
		/* Never compared across currencies: shown, expected as billed. */
		add(r, K_CURRENCY, prov, project, res, currency, cs, ce, period, billed, billed, id,
		    rt->currency);
		tot->expected += billed;
		return SQLITE_OK;
	}
	/* Both sides split by the same rule: equal amounts, equal parts. */
	if (split_amount(billed, secs, PART_COUNT, bill) < 0) {
		secs[PART_BILLABLE] = 1;
		split_amount(billed, secs, PART_COUNT, bill);
		secs[PART_BILLABLE] = 0;
	}
	if (secs[PART_UNEXPLAINED] > 0)
		add(r, K_UNEXPLAINED, prov, project, res, currency, cs, ce, secs[PART_UNEXPLAINED],
		    bill[PART_UNEXPLAINED], 0, id, NULL);
	if (secs[PART_PAUSED] > 0)
		add(r, K_PAUSED, prov, project, res, currency, cs, ce, secs[PART_PAUSED],
		    bill[PART_PAUSED], 0, id, NULL);
	if (!rt) {
		tot->expected += bill[PART_BILLABLE];
		return SQLITE_OK;
	}
	{
		int64_t w[PART_COUNT] = {secs[0], secs[1], secs[2]};
		if (split_amount(expected, w, PART_COUNT, want) < 0) {
			w[PART_BILLABLE] = 1;
			split_amount(expected, w, PART_COUNT, want);
		}
		split_amount(listed, w, PART_COUNT, list);
	}
	tot->expected += want[PART_BILLABLE];
	if (bill[PART_BILLABLE] != want[PART_BILLABLE]) {
		int kind = K_RATE;
		const char *charged = text(st, C_UNIT_PRICE);
		if (rt->has_discount && ((charged && !strcmp(charged, rt->unit_price)) ||
					 bill[PART_BILLABLE] == list[PART_BILLABLE]))
			kind = K_DISCOUNT;
		add(r, kind, prov, project, res, currency, cs, ce, secs[PART_BILLABLE],
		    bill[PART_BILLABLE], want[PART_BILLABLE], id, NULL);
	}
	return SQLITE_OK;
}

/* One charge of the month, with the usage of its group in us. */
static int check_charge(struct run *r, sqlite3_stmt *st, const struct spans *us, char **prev_key)
{
	sqlite3_int64 id = sqlite3_column_int64(st, C_ID);
	const char *prov = text(st, C_PROVIDER), *res = text(st, C_RESOURCE);
	const char *project = text(st, C_PROJECT), *currency = text(st, C_CURRENCY);
	const char *ccat = text(st, C_CHARGE_CATEGORY), *sku = text(st, C_GROUP_SKU);
	int64_t cs = sqlite3_column_int64(st, C_START), ce = sqlite3_column_int64(st, C_END);
	int64_t billed = sqlite3_column_int64(st, C_BILLED), period = ce - cs;
	struct currency_total *tot = total(r, currency);
	struct coverage cov;
	char key[1024], *p;

	if (!tot)
		return SQLITE_NOMEM;
	r->charges_seen++;
	tot->charges++;
	tot->billed += billed;
	if (text(st, C_CLASS)) {
		add(r, K_CORRECTION, prov, project, res, currency, cs, ce, period, billed, 0, id, NULL);
		return SQLITE_OK;
	}
	if ((ccat && strcmp(ccat, "Usage") != 0) || !res || period <= 0) {
		/* Taxes, credits, purchases, lines without a resource: as billed. */
		tot->expected += billed;
		return SQLITE_OK;
	}
	snprintf(key, sizeof key, "%s\x1f%s\x1f%s\x1f%lld\x1f%lld", prov ? prov : "", res,
		 sku ? sku : "", (long long)cs, (long long)ce);
	for (p = key; *p && *p != '\x1f'; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	if (*prev_key && strcmp(*prev_key, key) == 0) {
		add(r, K_DUPLICATE, prov, project, res, currency, cs, ce, period, billed, 0, id, NULL);
		return SQLITE_OK;
	}
	free(*prev_key);
	if (!(*prev_key = strdup(key)))
		return SQLITE_NOMEM;
	coverage_of(us, bound_seconds(&r->usage_bounds, res), cs, ce, &cov);
	return price_usage_charge(r, st, &cov, tot);
}

static int check_charges(struct run *r, const char *start, const char *end, const char *provider)
{
	sqlite3_stmt *st = NULL;
	struct spans us;
	char *prev_key = NULL;
	char hi[32];
	int64_t ms, me;
	int rc;

	memset(&us, 0, sizeof us);
	if ((rc = month_seconds(start, end, &ms, &me)) != SQLITE_OK)
		return rc;
	/* The month's charges and, first in each group of provider (NOCASE; a
	 * charge without one matches usage of provider '') and resource, the
	 * usage that can overlap them (ending after the month starts, starting
	 * before the longest charge that starts in it ends), by start. Within
	 * a group the charges come by SKU and period and, for equal ones, by
	 * provider as written and charge_id, so a duplicate follows its first. */
	rc = sqlite3_prepare_v2(r->db,
		"SELECT 0 AS src, charge_id, provider, resource_id, instance_type, sku_id, region_id,"
		" pricing_category, project, unixepoch(charge_period_start), unixepoch(charge_period_end),"
		" billed_cost, unit_price, pricing_quantity, charge_class, charge_category,"
		" coalesce(provider, '') AS gp, coalesce(instance_type, sku_id) AS gs,"
		" charge_period_start AS o1, charge_period_end AS o2, 0, billing_currency, pricing_unit"
		" FROM charges WHERE charge_period_start >= ?1 AND charge_period_start < ?2"
		" AND (?3 IS NULL OR provider = ?3 COLLATE NOCASE)"
		" UNION ALL"
		" SELECT 1, NULL, provider, resource_id, NULL, NULL, NULL, NULL, NULL,"
		" unixepoch(usage_start), unixepoch(usage_end), NULL, NULL, NULL, NULL, NULL,"
		" provider, NULL, unixepoch(usage_start), NULL,"
		" state = 'paused' OR state = 'stopped' OR state = 'interrupted', NULL, NULL"
		" FROM usage NOT INDEXED WHERE provider IS NOT NULL AND resource_id IS NOT NULL"
		" AND usage_end > ?1 AND usage_start < ?4 AND (?3 IS NULL OR provider = ?3 COLLATE NOCASE)"
		" ORDER BY gp COLLATE NOCASE, resource_id, src DESC, gs, o1, o2, provider, charge_id",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	iso(me + bounds_max(&r->charge_bounds), hi, sizeof hi);
	sqlite3_bind_text(st, 1, start, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, end, -1, SQLITE_STATIC);
	if (provider)
		sqlite3_bind_text(st, 3, provider, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, hi, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int is_usage = sqlite3_column_int(st, C_SRC) == 1;

		rc = spans_group(&us, text(st, C_GROUP_PROVIDER), text(st, C_RESOURCE));
		if (rc == SQLITE_OK && is_usage)
			rc = spans_add(&us, sqlite3_column_int64(st, C_START),
				       sqlite3_column_int64(st, C_END), sqlite3_column_int(st, C_STOPPED));
		else if (rc == SQLITE_OK)
			rc = check_charge(r, st, &us, &prev_key);
		if (rc != SQLITE_OK)
			break;
	}
	free(prev_key);
	sqlite3_finalize(st);
	spans_close(&us);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The uncovered pieces of one usage interval, priced as they come. */
struct gap_cost {
	const struct rate_card *card;
	struct rate_query q;
	int64_t gpus, cost;
	const struct rate_row *first;
};

static int price_gap(void *ctx, int64_t a, int64_t b)
{
	struct gap_cost *g = ctx;
	const struct rate_row *first;
	int64_t cost, unpriced;

	if (rate_usage_cost(g->card, &g->q, a, b, g->gpus, &cost, &unpriced, &first) < 0)
		return -1;
	if (!first)
		return 0;
	if (!g->first)
		g->first = first;
	/* As within a piece: another currency than the first is not priced. */
	if (strcmp(first->currency, g->first->currency))
		return 0;
	return __builtin_add_overflow(g->cost, cost, &g->cost) ? -1 : 0;
}

static int check_one_usage(struct run *r, sqlite3_stmt *st, const struct spans *cs)
{
	const char *prov = text(st, 2), *res = text(st, 4), *pricing = text(st, 6);
	const char *state = text(st, 7);
	int64_t us = sqlite3_column_int64(st, 8), ue = sqlite3_column_int64(st, 9), gap;
	struct gap_cost g;
	struct currency_total *tot;

	r->usage_seen++;
	if (!prov || !res || (pricing && !strcmp(pricing, "own")) || ue <= us ||
	    !sqlite3_column_int(st, 10) || !state ||
	    (strcmp(state, "running") && strcmp(state, "idle")))
		return SQLITE_OK;
	memset(&g, 0, sizeof g);
	g.card = &r->card;
	g.q.provider = prov;
	g.q.sku = text(st, 5);
	g.q.category = pricing_category(pricing);
	g.gpus = sqlite3_column_type(st, 11) == SQLITE_NULL ? 1 : sqlite3_column_int64(st, 11);
	gap = uncovered(cs, bound_seconds(&r->charge_bounds, res), us, ue, price_gap, &g);
	if (gap < 0) {
		snprintf(r->err, sizeof r->err, "usage %lld: its cost does not fit in 64-bit nanos",
			 (long long)sqlite3_column_int64(st, 1));
		return SQLITE_TOOBIG;
	}
	if (gap == 0)
		return SQLITE_OK;
	if (!(tot = total(r, g.first ? g.first->currency : "")))
		return SQLITE_NOMEM;
	tot->expected += g.cost;
	add(r, K_UNBILLED, prov, text(st, 3), res, g.first ? g.first->currency : "", us, ue, gap,
	    0, g.cost, sqlite3_column_int64(st, 1), NULL);
	return SQLITE_OK;
}

/* Running or idle usage on a billed provider that no charge covers. */
static int check_usage(struct run *r, const char *start, const char *end, const char *provider)
{
	sqlite3_stmt *st = NULL;
	struct spans cs;
	char lo[32];
	int64_t ms, me;
	int rc;

	memset(&cs, 0, sizeof cs);
	if ((rc = month_seconds(start, end, &ms, &me)) != SQLITE_OK)
		return rc;
	/* The month's usage and, first in each group of provider (NOCASE) and
	 * resource, the usage charges that can cover it (starting before the
	 * month ends, after its start less the longest charge, and ending
	 * after it starts), by start. */
	rc = sqlite3_prepare_v2(r->db,
		"SELECT 1 AS src, usage_id, provider, project, resource_id, instance_type, pricing, state,"
		" max(unixepoch(usage_start), unixepoch(?1)) AS o1, min(unixepoch(usage_end), unixepoch(?2)),"
		" provider IN (SELECT DISTINCT provider COLLATE NOCASE FROM charges"
		"   WHERE charge_period_start >= ?1 AND charge_period_start < ?2), gpus"
		" FROM usage WHERE usage_end > ?1 AND usage_start < ?2"
		" AND (?3 IS NULL OR provider = ?3 COLLATE NOCASE)"
		" UNION ALL"
		" SELECT 0, NULL, provider, NULL, resource_id, NULL, NULL, NULL,"
		" unixepoch(charge_period_start), unixepoch(charge_period_end), NULL, NULL FROM charges"
		" WHERE provider IS NOT NULL AND resource_id IS NOT NULL AND charge_class IS NULL"
		" AND (charge_category IS NULL OR charge_category = 'Usage')"
		" AND charge_period_start >= ?4 AND charge_period_start < ?2 AND charge_period_end > ?1"
		" AND (?3 IS NULL OR provider = ?3 COLLATE NOCASE)"
		" ORDER BY provider COLLATE NOCASE, resource_id, src, o1, usage_id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	iso(ms - bounds_max(&r->charge_bounds) - 1, lo, sizeof lo);
	sqlite3_bind_text(st, 1, start, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, end, -1, SQLITE_STATIC);
	if (provider)
		sqlite3_bind_text(st, 3, provider, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, lo, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rc = spans_group(&cs, text(st, 2), text(st, 4));
		if (rc == SQLITE_OK && sqlite3_column_int(st, 0) == 0)
			rc = spans_add(&cs, sqlite3_column_int64(st, 8), sqlite3_column_int64(st, 9), 0);
		else if (rc == SQLITE_OK)
			rc = check_one_usage(r, st, &cs);
		if (rc != SQLITE_OK)
			break;
	}
	sqlite3_finalize(st);
	spans_close(&cs);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Corrections delivered with this month's bills (their billing period
 * starts in it) for charge periods before it: listed, with the month they
 * correct, and counted in that month's totals, not in these. */
static int check_late_corrections(struct run *r, const char *start, const char *end,
				  const char *provider)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(r->db,
		"SELECT charge_id, provider, project, resource_id, billing_currency,"
		" unixepoch(charge_period_start), unixepoch(charge_period_end), billed_cost,"
		" substr(charge_period_start, 1, 7) FROM charges"
		" WHERE charge_class = 'Correction' AND charge_period_start < ?1"
		" AND billing_period_start >= ?1 AND billing_period_start < ?2"
		" AND (?3 IS NULL OR provider = ?3 COLLATE NOCASE)", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, start, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, end, -1, SQLITE_STATIC);
	if (provider)
		sqlite3_bind_text(st, 3, provider, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t cs = sqlite3_column_int64(st, 5), ce = sqlite3_column_int64(st, 6);
		add(r, K_LATE_CORRECTION, text(st, 1), text(st, 2), text(st, 3), text(st, 4), cs, ce,
		    ce - cs, sqlite3_column_int64(st, 7), 0, sqlite3_column_int64(st, 0), text(st, 8));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void run_free(struct run *r)
{
	rate_card_free(&r->card);
	fx_table_free(&r->fx);
	bounds_free(&r->usage_bounds);
	bounds_free(&r->charge_bounds);
	pieces_free(&r->pieces);
	totals_free(&r->totals);
}

/* The invoice findings (reconcile_invoices.h) join the run, and the run
 * records whether the month is final. */
static int reconcile_invoices_store(sqlite3 *db, sqlite3_int64 run_id, const char *month,
				    const char *provider, const struct tolerance *tolerance)
{
	char status[128], *sql;
	long stored = 0;
	int rc = reconcile_invoices(db, run_id, month, provider, tolerance, &stored);

	if (rc == SQLITE_OK)
		rc = month_status_text(db, month, provider, status, sizeof status);
	if (rc != SQLITE_OK)
		return rc;
	sql = sqlite3_mprintf("UPDATE reconciliations SET findings_count = findings_count + %ld,"
			      " month_status = %Q WHERE reconciliation_id = %lld", stored, status,
			      (long long)run_id);
	rc = sql ? sqlite3_exec(db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	return rc;
}

int reconcile_run(sqlite3 *db, const char *month, const char *provider,
		  const struct tolerance *tolerance, sqlite3_int64 *run_id, char *err,
		  size_t err_size)
{
	struct run r;
	struct run_record rec;
	char start[32], end[32];
	int rc;

	memset(&r, 0, sizeof r);
	r.db = db;
	err[0] = 0;
	if (reconcile_month_bounds(month, start, end) < 0)
		return SQLITE_MISUSE;
	/* Full scans in table order (NOT INDEXED), grouped by a sort: cheaper
	 * than walking the (resource_id, start) indexes and fetching each row. */
	rc = bounds_load(db,
		"SELECT resource_id, max(unixepoch(usage_end) - unixepoch(usage_start))"
		" FROM usage NOT INDEXED WHERE resource_id IS NOT NULL"
		" GROUP BY resource_id ORDER BY resource_id", &r.usage_bounds);
	if (rc == SQLITE_OK)
		rc = bounds_load(db,
			"SELECT resource_id, max(unixepoch(charge_period_end) - unixepoch(charge_period_start))"
			" FROM charges NOT INDEXED WHERE charge_class IS NULL"
			" AND (charge_category IS NULL OR charge_category = 'Usage') AND resource_id IS NOT NULL"
			" GROUP BY resource_id ORDER BY resource_id", &r.charge_bounds);
	if (rc == SQLITE_OK)
		rc = rate_card_load(db, &r.card);
	if (rc == SQLITE_OK)
		rc = fx_table_load(db, &r.fx);
	if (rc == SQLITE_OK)
		rc = check_charges(&r, start, end, provider);
	if (rc == SQLITE_OK)
		rc = check_usage(&r, start, end, provider);
	if (rc == SQLITE_OK)
		rc = check_late_corrections(&r, start, end, provider);
	if (rc == SQLITE_OK && r.pieces.failed)
		rc = SQLITE_NOMEM;
	if (rc == SQLITE_OK) {
		rec.month = month;
		rec.provider = provider;
		rec.tolerance = tolerance;
		rec.charges_seen = r.charges_seen;
		rec.usage_seen = r.usage_seen;
		rc = reconcile_store(db, &rec, &r.pieces, &r.totals, run_id, r.err, sizeof r.err);
	}
	if (rc == SQLITE_OK)
		rc = reconcile_invoices_store(db, *run_id, month, provider, tolerance);
	snprintf(err, err_size, "%s", r.err[0] ? r.err : sqlite3_errmsg(db));
	run_free(&r);
	return rc;
}
