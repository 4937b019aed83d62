/*
 * reconcile.c: one month of charges against usage and the rate card.
 *
 * For each charge of the month (ChargeCategory Usage, or none given):
 *   - a correction (ChargeClass=Correction) is a finding of its own;
 *   - a second line for the same provider, resource, SKU and charge period
 *     is a duplicate_charge (the first line, in charge_id order, stays);
 *   - its period is split by the usage of the same provider and resource:
 *     seconds with no usage at all are unexplained_charge; with the rate's
 *     billing rule 'running', seconds paused, stopped or interrupted are
 *     billed_while_paused; the rest is priced with the rate in force at the
 *     charge's start (provider, SKU = instance type or SkuId, pricing
 *     category, region) less the rate's discount, and a different unit price
 *     is discount_missing (the bill used the undiscounted price) or
 *     rate_mismatch.
 * Then usage that is running or idle, on a billed provider and not own
 * hardware, and that no charge covers is unbilled_usage, priced at the rate.
 * Parts of charges are shares of billed_cost by seconds, rounded half-even
 * to the nano. Per-charge findings are summed per kind, provider, resource
 * and project; sums not above the tolerance are dropped.
 */
#include "reconcile.h"
#include "reconcile_invoices.h"

#include "money.h"
#include "timeparse.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

enum kind {
	K_CORRECTION, K_DUPLICATE, K_UNEXPLAINED, K_PAUSED, K_DISCOUNT, K_RATE, K_UNBILLED,
	K_COUNT
};

static const char *const kind_names[K_COUNT] = {
	"correction", "duplicate_charge", "unexplained_charge", "billed_while_paused",
	"discount_missing", "rate_mismatch", "unbilled_usage",
};

struct rate {
	char *provider, *sku, *region, *category;
	int64_t unit_price, net_price;
	int running;
	int has_discount;
	int64_t from, to;       /* unix seconds; to = INT64_MAX when open */
};

/* One per-charge (or per-usage) piece of a finding, before summing. */
struct piece {
	int kind;
	char *provider, *project, *resource;
	int64_t start, end, seconds;
	int64_t billed, expected;
	sqlite3_int64 id;       /* charge_id, or usage_id for unbilled_usage */
};

/* The longest interval of one resource: the lower bound of the index range
 * scan on (resource_id, start) for it. Sorted by resource (BINARY order). */
struct bound {
	char *resource;
	int64_t seconds;
};

struct bounds {
	struct bound *v;
	size_t n;
};

/* What one provider's resource has near the month, sorted by start: its
 * usage intervals (for the charges) or its usage charges (for the usage).
 * One sorted query returns both sides grouped by provider (NOCASE, as they
 * match) and resource, the spans of a group before the rows that look them
 * up: tables are read in order, once, and sorted, instead of looked up
 * once per match. */
struct span {
	int64_t start, end;
	int stopped;            /* usage: paused, stopped or interrupted */
};

struct spans {
	char *provider, *resource;   /* the group; provider compared NOCASE */
	int started;
	struct span *v;
	size_t n, cap;
};

struct run {
	sqlite3 *db;
	struct rate *rates;
	size_t rate_count;
	struct piece *pieces;
	size_t piece_count, piece_cap;
	int64_t billed_total, expected_total;
	long charges_seen, usage_seen, unpriced;
	/* The longest usage interval and usage charge per resource: lower
	 * bounds for the index range scans on (resource_id, start). Per
	 * resource, so that one long job (a Slurm run of days, a monthly
	 * charge) does not widen every other resource's scans. */
	struct bounds usage_bounds, charge_bounds;
	int failed;
};

int64_t reconcile_portion(int64_t a, int64_t num, int64_t den)
{
	__int128 p = (__int128)a * num, q, r;

	if (den <= 0)
		return 0;
	q = p / den;
	r = p % den;
	if (r < 0) {
		r = -r;
		if (2 * r > den || (2 * r == den && (q & 1)))
			q--;
	} else if (2 * r > den || (2 * r == den && (q & 1))) {
		q++;
	}
	return (int64_t)q;
}

void reconcile_money_text(int64_t nanos, char *buf, size_t size)
{
	int d = 2;
	int64_t r;

	while (d < 9 && money_round(nanos, d, &r) == MONEY_OK && r != nanos)
		d++;
	if (money_format(nanos, d, buf, size) < 0)
		snprintf(buf, size, "?");
}

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

static char *dup_text(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	return s ? strdup((const char *)s) : NULL;
}

static int same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static int same_nocase(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcasecmp(a, b) == 0;
}

static int load_rates(struct run *r)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	rc = sqlite3_prepare_v2(r->db,
		"SELECT provider, sku, region, pricing_category, unit_price, discount, billing_rule,"
		" unixepoch(valid_from), coalesce(unixepoch(valid_to), 9223372036854775807)"
		" FROM rates ORDER BY rate_id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct rate *rt;
		struct decimal discount = {0, 0};
		const char *d = (const char *)sqlite3_column_text(st, 5);
		int64_t off = 0;

		if (r->rate_count == cap) {
			struct rate *grown;
			cap = cap ? cap * 2 : 64;
			if (!(grown = realloc(r->rates, cap * sizeof *grown)))
				break;
			r->rates = grown;
		}
		rt = &r->rates[r->rate_count++];
		rt->provider = dup_text(st, 0);
		rt->sku = dup_text(st, 1);
		rt->region = dup_text(st, 2);
		rt->category = dup_text(st, 3);
		rt->unit_price = sqlite3_column_int64(st, 4);
		if (d && decimal_parse(d, strlen(d), &discount, NULL) == MONEY_OK)
			money_mul(rt->unit_price, &discount, &off);
		rt->has_discount = off != 0;
		rt->net_price = rt->unit_price - off;
		rt->running = sqlite3_column_text(st, 6) &&
			      strcmp((const char *)sqlite3_column_text(st, 6), "running") == 0;
		rt->from = sqlite3_column_int64(st, 7);
		rt->to = sqlite3_column_int64(st, 8);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
}

/* The rate in force at t for provider, SKU (either name, or a rate for
 * sku '*', as the usage views take it), category and region: an exact SKU
 * before '*', an exact region before a region-less rate, then the latest
 * start. */
static const struct rate *find_rate(const struct run *r, const char *provider, const char *sku1,
				    const char *sku2, const char *category, const char *region,
				    int64_t t)
{
	const struct rate *best = NULL;
	int best_region = -1, best_sku = -1;
	size_t i;

	for (i = 0; i < r->rate_count; i++) {
		const struct rate *rt = &r->rates[i];
		int region_match, sku_match;

		if (!same_nocase(rt->provider, provider) || t < rt->from || t >= rt->to)
			continue;
		sku_match = (sku1 && same(rt->sku, sku1)) || (sku2 && same(rt->sku, sku2));
		if (!sku_match && !same(rt->sku, "*"))
			continue;
		if (!same_nocase(rt->category, category ? category : "Standard"))
			continue;
		if (rt->region && *rt->region && !(region && same(rt->region, region)))
			continue;
		region_match = rt->region && *rt->region;
		if (!best || sku_match > best_sku ||
		    (sku_match == best_sku && (region_match > best_region ||
		     (region_match == best_region && rt->from > best->from)))) {
			best = rt;
			best_region = region_match;
			best_sku = sku_match;
		}
	}
	return best;
}

static void add_piece(struct run *r, int kind, const char *provider, const char *project,
		      const char *resource, int64_t start, int64_t end, int64_t seconds,
		      int64_t billed, int64_t expected, sqlite3_int64 id)
{
	struct piece *p;

	if (r->piece_count == r->piece_cap) {
		size_t cap = r->piece_cap ? r->piece_cap * 2 : 256;
		struct piece *grown = realloc(r->pieces, cap * sizeof *grown);
		if (!grown) {
			r->failed = 1;
			return;
		}
		r->pieces = grown;
		r->piece_cap = cap;
	}
	p = &r->pieces[r->piece_count++];
	p->kind = kind;
	p->provider = provider ? strdup(provider) : NULL;
	p->project = project ? strdup(project) : NULL;
	p->resource = resource ? strdup(resource) : NULL;
	p->start = start;
	p->end = end;
	p->seconds = seconds;
	p->billed = billed;
	p->expected = expected;
	p->id = id;
}

static const char *pricing_to_category(const char *pricing)
{
	if (!pricing || !strcmp(pricing, "on-demand"))
		return "Standard";
	if (!strcmp(pricing, "spot"))
		return "Dynamic";
	if (!strcmp(pricing, "reserved"))
		return "Committed";
	return "Other";
}

static int64_t bound_seconds(const struct bounds *b, const char *resource);
static void iso_bound(int64_t t, char *buf, size_t size);
static void iso(int64_t t, char *buf, size_t size);

static void spans_close(struct spans *sp)
{
	free(sp->provider);
	free(sp->resource);
	free(sp->v);
}

static int nocase_same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return sqlite3_stricmp(a, b) == 0;
}

/* Starts the group of provider and resource unless it is the current one
 * (the same provider in SQLite's NOCASE, the same resource). */
static int spans_group(struct spans *sp, const char *provider, const char *resource)
{
	if (sp->started && nocase_same(sp->provider, provider) && same(sp->resource, resource))
		return SQLITE_OK;
	free(sp->provider);
	free(sp->resource);
	sp->provider = provider ? strdup(provider) : NULL;
	sp->resource = resource ? strdup(resource) : NULL;
	sp->n = 0;
	sp->started = 1;
	if ((provider && !sp->provider) || (resource && !sp->resource))
		return SQLITE_NOMEM;
	return SQLITE_OK;
}

static int spans_add(struct spans *sp, int64_t start, int64_t end, int stopped)
{
	if (sp->n == sp->cap) {
		size_t cap = sp->cap ? sp->cap * 2 : 1024;
		struct span *grown = realloc(sp->v, cap * sizeof *grown);
		if (!grown)
			return SQLITE_NOMEM;
		sp->v = grown;
		sp->cap = cap;
	}
	sp->v[sp->n].start = start;
	sp->v[sp->n].end = end;
	sp->v[sp->n].stopped = stopped;
	sp->n++;
	return SQLITE_OK;
}

/* The longest interval of all resources, plus a second. */
static int64_t bounds_max(const struct bounds *b)
{
	int64_t m = 0;

	for (size_t i = 0; i < b->n; i++)
		if (b->v[i].seconds > m)
			m = b->v[i].seconds;
	return m + 1;
}

/* The first span whose start is at or after t. */
static size_t spans_from(const struct spans *sp, int64_t t)
{
	size_t lo = 0, hi = sp->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sp->v[mid].start < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The month's bounds as unix seconds. */
static int month_seconds(const char *start, const char *end, int64_t *ms, int64_t *me)
{
	if (time_parse(start, strlen(start), 0, ms) != TIME_OK ||
	    time_parse(end, strlen(end), 0, me) != TIME_OK)
		return SQLITE_MISUSE;
	*ms /= 1000;
	*me /= 1000;
	return SQLITE_OK;
}

enum {
	C_SRC, C_ID, C_PROVIDER, C_RESOURCE, C_INSTANCE, C_SKU, C_REGION, C_CATEGORY, C_PROJECT,
	C_START, C_END, C_BILLED, C_UNIT_PRICE, C_QUANTITY, C_CLASS, C_CHARGE_CATEGORY,
	C_GROUP_PROVIDER, C_GROUP_SKU, C_ORDER_START, C_ORDER_END, C_STOPPED
};


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
		" charge_period_start AS o1, charge_period_end AS o2, 0"
		" FROM charges WHERE charge_period_start >= ?1 AND charge_period_start < ?2"
		" AND (?3 IS NULL OR provider = ?3 COLLATE NOCASE)"
		" UNION ALL"
		" SELECT 1, NULL, provider, resource_id, NULL, NULL, NULL, NULL, NULL,"
		" unixepoch(usage_start), unixepoch(usage_end), NULL, NULL, NULL, NULL, NULL,"
		" provider, NULL, unixepoch(usage_start), NULL,"
		" state = 'paused' OR state = 'stopped' OR state = 'interrupted'"
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
		sqlite3_int64 id = sqlite3_column_int64(st, C_ID);
		const char *prov = (const char *)sqlite3_column_text(st, C_PROVIDER);
		const char *res = (const char *)sqlite3_column_text(st, C_RESOURCE);
		const char *inst = (const char *)sqlite3_column_text(st, C_INSTANCE);
		const char *sku = (const char *)sqlite3_column_text(st, C_SKU);
		const char *cls = (const char *)sqlite3_column_text(st, C_CLASS);
		const char *ccat = (const char *)sqlite3_column_text(st, C_CHARGE_CATEGORY);
		const char *project = (const char *)sqlite3_column_text(st, C_PROJECT);
		int64_t cs = sqlite3_column_int64(st, C_START), ce = sqlite3_column_int64(st, C_END);
		int64_t billed = sqlite3_column_int64(st, C_BILLED), period = ce - cs;
		int64_t covered = 0, stopped = 0, unexpl, paused, billable, billed_rest, expected;
		const struct rate *rt;
		char key[1024];

		rc = spans_group(&us, (const char *)sqlite3_column_text(st, C_GROUP_PROVIDER), res);
		if (rc == SQLITE_OK && sqlite3_column_int(st, C_SRC) == 1)
			rc = spans_add(&us, cs, ce, sqlite3_column_int(st, C_STOPPED));
		if (rc != SQLITE_OK)
			break;
		if (sqlite3_column_int(st, C_SRC) == 1)
			continue;
		r->charges_seen++;
		r->billed_total += billed;
		if (cls) {
			add_piece(r, K_CORRECTION, prov, project, res, cs, ce, period, billed, 0, id);
			continue;
		}
		if (ccat && strcmp(ccat, "Usage") != 0) {
			/* Taxes, credits, purchases: not usage; expected as billed. */
			r->expected_total += billed;
			continue;
		}
		if (!res || period <= 0) {
			r->expected_total += billed;
			r->unpriced++;
			continue;
		}
		snprintf(key, sizeof key, "%s\x1f%s\x1f%s\x1f%lld\x1f%lld", prov ? prov : "", res,
			 inst ? inst : sku ? sku : "", (long long)cs, (long long)ce);
		if (prev_key && strcmp(prev_key, key) == 0) {
			add_piece(r, K_DUPLICATE, prov, project, res, cs, ce, period, billed, 0, id);
			continue;
		}
		free(prev_key);
		prev_key = strdup(key);

		/* The usage behind the charge period: the intervals of the same
		 * provider and resource that start before its end and end after
		 * its start (none starts before cs - the longest one). */
		{
			int64_t longest = bound_seconds(&r->usage_bounds, res);
			size_t i;

			for (i = spans_from(&us, cs - longest - 1); i < us.n && us.v[i].start < ce; i++) {
				const struct span *u = &us.v[i];
				int64_t sec;

				if (u->end <= cs)
					continue;
				sec = (u->end < ce ? u->end : ce) - (u->start > cs ? u->start : cs);
				covered += sec;
				if (u->stopped)
					stopped += sec;
			}
		}
		if (covered > period) {
			/* Overlapping usage rows (one per GPU): scale to the period. */
			stopped = reconcile_portion(stopped, period, covered);
			covered = period;
		}
		rt = find_rate(r, prov, inst, sku, (const char *)sqlite3_column_text(st, C_CATEGORY),
			       (const char *)sqlite3_column_text(st, C_REGION), cs);
		unexpl = period - covered;
		paused = rt && rt->running ? stopped : 0;
		billable = covered - paused;
		if (unexpl > 0)
			add_piece(r, K_UNEXPLAINED, prov, project, res, cs, ce, unexpl,
				  reconcile_portion(billed, unexpl, period), 0, id);
		if (paused > 0)
			add_piece(r, K_PAUSED, prov, project, res, cs, ce, paused,
				  reconcile_portion(billed, paused, period), 0, id);
		billed_rest = billed - (unexpl > 0 ? reconcile_portion(billed, unexpl, period) : 0) -
			      (paused > 0 ? reconcile_portion(billed, paused, period) : 0);
		if (!rt) {
			r->unpriced++;
			r->expected_total += billed_rest;
			continue;
		}
		{
			int64_t full = rt->net_price, listed = rt->unit_price;
			double q = sqlite3_column_type(st, C_QUANTITY) == SQLITE_NULL
					   ? (double)period / 3600.0
					   : sqlite3_column_double(st, C_QUANTITY);
			struct decimal dq;
			if (decimal_from_double(q, &dq) == MONEY_OK) {
				money_mul(rt->net_price, &dq, &full);
				money_mul(rt->unit_price, &dq, &listed);
			}
			expected = reconcile_portion(full, billable, period);
			r->expected_total += expected;
			if (billed_rest != expected && billable > 0) {
				int kind = K_RATE;
				if (rt->has_discount &&
				    ((sqlite3_column_type(st, C_UNIT_PRICE) != SQLITE_NULL &&
				      sqlite3_column_int64(st, C_UNIT_PRICE) == rt->unit_price) ||
				     billed_rest == reconcile_portion(listed, billable, period)))
					kind = K_DISCOUNT;
				add_piece(r, kind, prov, project, res, cs, ce, billable, billed_rest,
					  expected, id);
			}
		}
	}
	free(prev_key);
	sqlite3_finalize(st);
	spans_close(&us);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
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
	 * after it starts), by start. Columns 1-10 are the usage's. */
	rc = sqlite3_prepare_v2(r->db,
		"SELECT 1 AS src, usage_id, provider, project, resource_id, instance_type, pricing, state,"
		" max(unixepoch(usage_start), unixepoch(?1)) AS o1, min(unixepoch(usage_end), unixepoch(?2)),"
		" provider IN (SELECT DISTINCT provider COLLATE NOCASE FROM charges"
		"   WHERE charge_period_start >= ?1 AND charge_period_start < ?2)"
		" FROM usage WHERE usage_end > ?1 AND usage_start < ?2"
		" AND (?3 IS NULL OR provider = ?3 COLLATE NOCASE)"
		" UNION ALL"
		" SELECT 0, NULL, provider, NULL, resource_id, NULL, NULL, NULL,"
		" unixepoch(charge_period_start), unixepoch(charge_period_end), NULL FROM charges"
		" WHERE provider IS NOT NULL AND resource_id IS NOT NULL AND charge_class IS NULL"
		" AND (charge_category IS NULL OR charge_category = 'Usage')"
		" AND charge_period_start >= ?4 AND charge_period_start < ?2 AND charge_period_end > ?1"
		" AND (?3 IS NULL OR provider = ?3 COLLATE NOCASE)"
		" ORDER BY provider COLLATE NOCASE, resource_id, src, o1, usage_id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	iso_bound(ms - bounds_max(&r->charge_bounds), lo, sizeof lo);
	sqlite3_bind_text(st, 1, start, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, end, -1, SQLITE_STATIC);
	if (provider)
		sqlite3_bind_text(st, 3, provider, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, lo, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *prov = (const char *)sqlite3_column_text(st, 2);
		const char *res = (const char *)sqlite3_column_text(st, 4);
		const char *pricing = (const char *)sqlite3_column_text(st, 6);
		const char *state = (const char *)sqlite3_column_text(st, 7);
		int64_t us = sqlite3_column_int64(st, 8), ue = sqlite3_column_int64(st, 9);
		int64_t covered = 0, gap, longest, cur_start = 0, cur_end = 0;
		const struct rate *rt;
		int64_t expected = 0;
		int open = 0;
		size_t i;

		rc = spans_group(&cs, prov, res);
		if (rc == SQLITE_OK && sqlite3_column_int(st, 0) == 0)
			rc = spans_add(&cs, us, ue, 0);
		if (rc != SQLITE_OK)
			break;
		if (sqlite3_column_int(st, 0) == 0)
			continue;
		r->usage_seen++;
		if (!prov || !res || (pricing && !strcmp(pricing, "own")) || ue <= us ||
		    !sqlite3_column_int(st, 10) || !state ||
		    (strcmp(state, "running") && strcmp(state, "idle")))
			continue;
		/* The union of the usage charges of the same provider and
		 * resource over [us, ue): those that start before ue and end
		 * after us (none starts before us - the longest one). They come
		 * by start, so the clipped starts do not decrease either. */
		longest = bound_seconds(&r->charge_bounds, res);
		for (i = spans_from(&cs, us - longest - 1); i < cs.n && cs.v[i].start < ue; i++) {
			int64_t a = cs.v[i].start > us ? cs.v[i].start : us;
			int64_t b = cs.v[i].end < ue ? cs.v[i].end : ue;

			if (b <= a)
				continue;
			if (open && a <= cur_end) {
				if (b > cur_end)
					cur_end = b;
				continue;
			}
			if (open)
				covered += cur_end - cur_start;
			cur_start = a;
			cur_end = b;
			open = 1;
		}
		if (open)
			covered += cur_end - cur_start;
		gap = (ue - us) - covered;
		if (gap <= 0)
			continue;
		rt = find_rate(r, prov, (const char *)sqlite3_column_text(st, 5), NULL,
			       pricing_to_category(pricing), NULL, us);
		if (rt)
			expected = reconcile_portion(rt->net_price, gap, 3600);
		r->expected_total += expected;
		add_piece(r, K_UNBILLED, prov, (const char *)sqlite3_column_text(st, 3), res, us, ue,
			  gap, 0, expected, sqlite3_column_int64(st, 1));
	}
	sqlite3_finalize(st);
	spans_close(&cs);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* t as "YYYY-MM-DDTHH:MM:SSZ", one second earlier to be safe with fractions. */
static void iso_bound(int64_t t, char *buf, size_t size)
{
	time_t tt = (time_t)(t - 1);
	struct tm tm;

	if (t < 1)
		tt = 0;
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&tt, &tm));
}

/* Fills b from sql's rows (resource, longest seconds) in resource order. */
static int load_bounds(sqlite3 *db, const char *sql, struct bounds *b)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *res = (const char *)sqlite3_column_text(st, 0);

		if (!res)
			continue;
		if (b->n == cap) {
			struct bound *grown;
			cap = cap ? cap * 2 : 256;
			if (!(grown = realloc(b->v, cap * sizeof *grown))) {
				rc = SQLITE_NOMEM;
				break;
			}
			b->v = grown;
		}
		if (!(b->v[b->n].resource = strdup(res))) {
			rc = SQLITE_NOMEM;
			break;
		}
		b->v[b->n++].seconds = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void free_bounds(struct bounds *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->v[i].resource);
	free(b->v);
}

/* The longest interval of resource, plus a second; 0 when it has none. */
static int64_t bound_seconds(const struct bounds *b, const char *resource)
{
	size_t lo = 0, hi = b->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(b->v[mid].resource, resource);

		if (c == 0)
			return b->v[mid].seconds + 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static int cmp_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int piece_group_cmp(const struct piece *a, const struct piece *b)
{
	int c;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if ((c = cmp_text(a->provider, b->provider)) || (c = cmp_text(a->resource, b->resource)) ||
	    (c = cmp_text(a->project, b->project)))
		return c;
	return 0;
}

static int piece_cmp(const void *pa, const void *pb)
{
	const struct piece *a = pa, *b = pb;
	int c = piece_group_cmp(a, b);

	if (c)
		return c;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static void iso(int64_t t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&tt, &tm));
}

static int store_findings(struct run *r, sqlite3_int64 run_id, int64_t tolerance, long *stored)
{
	sqlite3_stmt *st;
	size_t i = 0, j;
	int rc;

	*stored = 0;
	if (r->piece_count)
		qsort(r->pieces, r->piece_count, sizeof *r->pieces, piece_cmp);
	rc = sqlite3_prepare_v2(r->db,
		"INSERT INTO findings (reconciliation_id, kind, provider, project, resource_id,"
		" period_start, period_end, hours, billed, expected, difference, charge_ids,"
		" usage_ids, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while (i < r->piece_count) {
		struct piece *p = &r->pieces[i];
		int64_t billed = 0, expected = 0, seconds = 0, first = p->start, last = p->end;
		size_t len = 2, pos = 0;
		char *ids, a[32], b[32], detail[256];

		for (j = i; j < r->piece_count && piece_group_cmp(p, &r->pieces[j]) == 0; j++) {
			billed += r->pieces[j].billed;
			expected += r->pieces[j].expected;
			seconds += r->pieces[j].seconds;
			if (r->pieces[j].start < first)
				first = r->pieces[j].start;
			if (r->pieces[j].end > last)
				last = r->pieces[j].end;
			len += 22;
		}
		if (llabs(billed - expected) > tolerance) {
			if (!(ids = malloc(len)))
				return SQLITE_NOMEM;
			ids[pos++] = '[';
			for (size_t k = i; k < j; k++)
				pos += (size_t)snprintf(ids + pos, len - pos, "%s%lld", k > i ? "," : "",
							(long long)r->pieces[k].id);
			ids[pos++] = ']';
			ids[pos] = 0;
			iso(first, a, sizeof a);
			iso(last, b, sizeof b);
			snprintf(detail, sizeof detail, "%zu %s", j - i,
				 p->kind == K_UNBILLED ? (j - i == 1 ? "usage interval" : "usage intervals")
						       : (j - i == 1 ? "charge" : "charges"));
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, run_id);
			sqlite3_bind_text(st, 2, kind_names[p->kind], -1, SQLITE_STATIC);
			if (p->provider)
				sqlite3_bind_text(st, 3, p->provider, -1, SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(st, 3);
			if (p->project)
				sqlite3_bind_text(st, 4, p->project, -1, SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(st, 4);
			if (p->resource)
				sqlite3_bind_text(st, 5, p->resource, -1, SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(st, 5);
			sqlite3_bind_text(st, 6, a, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 7, b, -1, SQLITE_TRANSIENT);
			sqlite3_bind_double(st, 8, (double)seconds / 3600.0);
			sqlite3_bind_int64(st, 9, billed);
			sqlite3_bind_int64(st, 10, expected);
			sqlite3_bind_int64(st, 11, billed - expected);
			if (p->kind == K_UNBILLED) {
				sqlite3_bind_null(st, 12);
				sqlite3_bind_text(st, 13, ids, -1, SQLITE_TRANSIENT);
			} else {
				sqlite3_bind_text(st, 12, ids, -1, SQLITE_TRANSIENT);
				sqlite3_bind_null(st, 13);
			}
			sqlite3_bind_text(st, 14, detail, -1, SQLITE_TRANSIENT);
			free(ids);
			if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
				sqlite3_finalize(st);
				return rc;
			}
			(*stored)++;
		}
		i = j;
	}
	sqlite3_finalize(st);
	return SQLITE_OK;
}

int reconcile_run(sqlite3 *db, const char *month, const char *provider, int64_t tolerance,
		  sqlite3_int64 *run_id)
{
	struct run r;
	char start[32], end[32], now[32];
	sqlite3_stmt *st = NULL;
	long stored = 0;
	size_t i;
	int rc;
	time_t t = time(NULL);
	struct tm tm;

	memset(&r, 0, sizeof r);
	r.db = db;
	if (reconcile_month_bounds(month, start, end) < 0)
		return SQLITE_MISUSE;
	/* Full scans in table order (NOT INDEXED), grouped by a sort: cheaper
	 * than walking the (resource_id, start) indexes and fetching each row. */
	rc = load_bounds(db,
		"SELECT resource_id, max(unixepoch(usage_end) - unixepoch(usage_start))"
		" FROM usage NOT INDEXED WHERE resource_id IS NOT NULL"
		" GROUP BY resource_id ORDER BY resource_id", &r.usage_bounds);
	if (rc == SQLITE_OK)
		rc = load_bounds(db,
			"SELECT resource_id, max(unixepoch(charge_period_end) - unixepoch(charge_period_start))"
			" FROM charges NOT INDEXED WHERE charge_class IS NULL"
			" AND (charge_category IS NULL OR charge_category = 'Usage') AND resource_id IS NOT NULL"
			" GROUP BY resource_id ORDER BY resource_id", &r.charge_bounds);
	if (rc == SQLITE_OK)
		rc = load_rates(&r);
	if (rc == SQLITE_OK)
		rc = check_charges(&r, start, end, provider);
	if (rc == SQLITE_OK)
		rc = check_usage(&r, start, end, provider);
	if (rc == SQLITE_OK && r.failed)
		rc = SQLITE_NOMEM;
	if (rc == SQLITE_OK) {
		strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
		rc = sqlite3_prepare_v2(db,
			"INSERT INTO reconciliations (month, provider, tolerance, run_at, last_import_id,"
			" charges_seen, usage_seen, billed_total, expected_total, findings_count)"
			" VALUES (?1, ?2, ?3, ?4, (SELECT max(import_id) FROM imports), ?5, ?6, ?7, ?8, 0)",
			-1, &st, NULL);
	}
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
		if (provider)
			sqlite3_bind_text(st, 2, provider, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, tolerance);
		sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, r.charges_seen);
		sqlite3_bind_int64(st, 6, r.usage_seen);
		sqlite3_bind_int64(st, 7, r.billed_total);
		sqlite3_bind_int64(st, 8, r.expected_total);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
		*run_id = sqlite3_last_insert_rowid(db);
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_OK)
		rc = store_findings(&r, *run_id, tolerance, &stored);
	if (rc == SQLITE_OK)
		rc = reconcile_invoices(db, *run_id, month, provider, tolerance, &stored);
	if (rc == SQLITE_OK) {
		char status[128], *sql;
		rc = month_status_text(db, month, provider, status, sizeof status);
		sql = sqlite3_mprintf("UPDATE reconciliations SET findings_count = %ld, month_status = %Q"
				      " WHERE reconciliation_id = %lld", stored, status, (long long)*run_id);
		if (rc == SQLITE_OK)
			rc = sql ? sqlite3_exec(db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
		sqlite3_free(sql);
	}
	for (i = 0; i < r.rate_count; i++) {
		free(r.rates[i].provider);
		free(r.rates[i].sku);
		free(r.rates[i].region);
		free(r.rates[i].category);
	}
	free(r.rates);
	free_bounds(&r.usage_bounds);
	free_bounds(&r.charge_bounds);
	for (i = 0; i < r.piece_count; i++) {
		free(r.pieces[i].provider);
		free(r.pieces[i].project);
		free(r.pieces[i].resource);
	}
	free(r.pieces);
	return rc;
}

long reconcile_print(sqlite3 *db, sqlite3_int64 run_id, FILE *out)
{
	sqlite3_stmt *st;
	long count = 0;
	char b[48], e[48], d[48], tol[48];

	if (sqlite3_prepare_v2(db,
		"SELECT month, coalesce(provider, 'all providers'), tolerance, run_at, last_import_id,"
		" charges_seen, usage_seen, billed_total, expected_total, findings_count, month_status"
		" FROM reconciliations WHERE reconciliation_id = ?1", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, run_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return -1;
	}
	reconcile_money_text(sqlite3_column_int64(st, 2), tol, sizeof tol);
	reconcile_money_text(sqlite3_column_int64(st, 7), b, sizeof b);
	reconcile_money_text(sqlite3_column_int64(st, 8), e, sizeof e);
	reconcile_money_text(sqlite3_column_int64(st, 7) - sqlite3_column_int64(st, 8), d, sizeof d);
	fprintf(out, "reconciliation %lld: %s, %s, tolerance %s, run %s on imports up to %lld\n",
		(long long)run_id, sqlite3_column_text(st, 0), sqlite3_column_text(st, 1), tol,
		sqlite3_column_text(st, 3), (long long)sqlite3_column_int64(st, 4));
	fprintf(out, "%lld charges, %lld usage intervals; billed %s, expected %s, difference %s\n",
		(long long)sqlite3_column_int64(st, 5), (long long)sqlite3_column_int64(st, 6), b, e, d);
	if (sqlite3_column_text(st, 10))
		fprintf(out, "month %s: %s\n", sqlite3_column_text(st, 0), sqlite3_column_text(st, 10));
	count = sqlite3_column_int64(st, 9);
	sqlite3_finalize(st);
	if (count == 0) {
		fputs("no findings above the tolerance: the month reconciles\n", out);
		return 0;
	}
	if (sqlite3_prepare_v2(db,
		"SELECT kind, coalesce(provider, ''), coalesce(project, ''), coalesce(resource_id, ''),"
		" substr(period_start, 1, 16), substr(period_end, 1, 16), printf('%.2f', hours),"
		" billed, expected, difference FROM findings WHERE reconciliation_id = ?1"
		" ORDER BY finding_id", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, run_id);
	fprintf(out, "\n%-20s %-10s %-10s %-22s %-16s %-16s %8s %14s %14s %14s\n", "kind", "provider",
		"project", "resource", "from", "to", "hours", "billed", "expected", "difference");
	while (sqlite3_step(st) == SQLITE_ROW) {
		reconcile_money_text(sqlite3_column_int64(st, 7), b, sizeof b);
		reconcile_money_text(sqlite3_column_int64(st, 8), e, sizeof e);
		reconcile_money_text(sqlite3_column_int64(st, 9), d, sizeof d);
		fprintf(out, "%-20s %-10s %-10s %-22s %-16s %-16s %8s %14s %14s %14s\n",
			sqlite3_column_text(st, 0), sqlite3_column_text(st, 1), sqlite3_column_text(st, 2),
			sqlite3_column_text(st, 3), sqlite3_column_text(st, 4), sqlite3_column_text(st, 5),
			sqlite3_column_text(st, 6), b, e, d);
	}
	sqlite3_finalize(st);
	fprintf(out, "\n%ld finding%s above the tolerance\n", count, count == 1 ? "" : "s");
	return count;
}
