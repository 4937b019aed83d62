/*
 * report.c: the month's costs per group and currency, as cmd_report.c
 * describes them (the HTML page: report_html.c). One SQL statement per
 * report: the group expression differs per table. With --currency, a
 * first statement looks for an amount that has no exchange rate.
 */
#include "report.h"

#include "reconcile.h"

#include <stdlib.h>
#include <string.h>

sqlite3_int64 report_latest_run(sqlite3 *db, const char *month)
{
	sqlite3_stmt *st;
	sqlite3_int64 id = 0;

	if (sqlite3_prepare_v2(db, "SELECT max(reconciliation_id) FROM reconciliations"
			       " WHERE month = ?1 AND provider IS NULL", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* A provider by one spelling of the month (pn): "AWS" and "aws" are one. */
#define PROVIDER_NAME(t) "(SELECT pn.name FROM pn WHERE pn.k = lower(" t ".provider))"

/* Group expressions: charges c, findings f (reconciliation_parts), usage u,
 * budgets b. */
static const struct {
	const char *by, *charges, *findings, *usage, *budgets;
} groups[] = {
	{"project", "c.project", "f.project", "u.project", "b.project"},
	{"provider", PROVIDER_NAME("c"), PROVIDER_NAME("f"), PROVIDER_NAME("u"), "NULL"},
	{"resource", "c.resource_id", "f.resource_id", "u.resource_id", "NULL"},
	{"sku", "coalesce(c.instance_type, c.sku_id)",
	 "coalesce((SELECT coalesce(c.instance_type, c.sku_id) FROM charges c"
	 " WHERE c.resource_id = f.resource_id LIMIT 1),"
	 " (SELECT u.instance_type FROM usage u WHERE u.resource_id = f.resource_id LIMIT 1))",
	 "u.instance_type", "NULL"},
};

/* CUR(x): the currency a row is reported in (?5: --currency, or NULL). */
#define CUR(x) "coalesce(?5, " x ", '')"
/* FX(amount, currency, day): amount converted to ?5 by fx_convert() on day
 * (NULL: no rate); as it is without ?5 or without a currency. */
#define FX(amount, currency, day) \
	"(CASE WHEN ?5 IS NULL THEN " amount " ELSE fx_convert(" amount ", coalesce(" currency \
	", ?5), ?5, " day ") END)"

/* The charges, findings, usage and budgets of the month, with the currency
 * and the day each amount is converted at. A late correction is the
 * business of the month it corrects: not in this month's billed, not in
 * its expected. */
static const char month_sql[] =
	"WITH pn AS (SELECT lower(provider) AS k, min(provider) AS name FROM"
	"   (SELECT provider FROM charges WHERE charge_period_start >= ?1 AND charge_period_start < ?2"
	"   UNION SELECT provider FROM usage WHERE usage_end > ?1 AND usage_start < ?2) GROUP BY 1),"
	" ch AS (SELECT coalesce(%s, '(none)') AS grp, substr(c.charge_period_start, 1, 10) AS day, c.*"
	"   FROM charges c WHERE c.charge_period_start >= ?1 AND c.charge_period_start < ?2),"
	" fi AS (SELECT coalesce(%s, '(none)') AS grp, f.kind, f.difference,"
	"   substr(f.period_start, 1, 10) AS day, nullif(f.currency, '') AS currency"
	"   FROM reconciliation_parts f WHERE f.reconciliation_id = ?3"
	"   AND f.kind <> 'late_correction'),"
	" us AS (SELECT coalesce(%s, '(none)') AS grp, u.*, substr(max(u.usage_start, ?1), 1, 10) AS day,"
	"   overlap_seconds(u.usage_start, u.usage_end, ?1, ?2) AS secs FROM usage u"
	"   WHERE u.usage_end > ?1 AND u.usage_start < ?2),"
	" paused AS (SELECT us.grp, us.day, r.currency,"
	"   usage_cost(us.provider, us.instance_type, us.pricing, max(us.usage_start, ?1),"
	"   min(us.usage_end, ?2), us.gpus) AS v"
	"   FROM us JOIN rates r ON r.rate_id = " REPORT_USAGE_RATE("us")
	"   AND r.billing_rule = 'running'"
	"   WHERE us.state IN ('paused', 'stopped', 'interrupted')),"
	/* Own machines (hardware_hourly): the month's share of each interval's cost. */
	" ownc AS (SELECT us.grp, us.day, uc.currency,"
	"   money_mul(uc.cost, us.secs * 1.0 / max(uc.seconds, 1)) AS v"
	"   FROM us JOIN usage_costed uc ON uc.usage_id = us.usage_id WHERE uc.hardware_id IS NOT NULL),"
	" bu AS (SELECT %s AS grp, b.amount, b.currency, date(substr(?2, 1, 10), '-1 day') AS day"
	"   FROM budgets b WHERE period = ?4)";

/* The first conversion with no rate: its currency and day. */
static const char missing_rate_sql[] =
	" SELECT currency, day FROM (SELECT billing_currency AS currency, day FROM ch"
	"   UNION SELECT currency, day FROM fi UNION SELECT currency, day FROM paused"
	"   UNION SELECT currency, day FROM ownc"
	"   UNION SELECT currency, day FROM bu WHERE grp IS NOT NULL)"
	" WHERE currency IS NOT NULL AND fx_convert(0, currency, ?5, day) IS NULL"
	" ORDER BY day, currency LIMIT 1";

static const char report_sql[] =
	", billed AS (SELECT grp, " CUR("billing_currency") " AS cur,"
	"   money_total(" FX(REPORT_CHARGE_COST("?6"), "billing_currency", "day") ") AS v FROM ch GROUP BY 1, 2),"
	" fnd AS (SELECT grp, " CUR("currency") " AS cur,"
	"   money_total(" FX("difference", "currency", "day") ") AS d,"
	"   money_total(CASE WHEN kind = 'billed_while_paused' THEN " FX("difference", "currency", "day") " END) AS bwp"
	"   FROM fi GROUP BY 1, 2),"
	" gpu AS (SELECT grp, sum(secs * coalesce(gpus, 1)) / 3600.0 AS h FROM us"
	"   WHERE state = 'running' OR state = 'idle' GROUP BY grp),"
	" spot AS (SELECT grp, " CUR("ch.billing_currency") " AS cur,"
	"   money_total(" FX("(price_mul(r.unit_price, coalesce(ch.pricing_quantity, 1)) - ch.billed_cost)",
			  "ch.billing_currency", "ch.day") ") AS v"
	"   FROM ch JOIN rates r ON r.rate_id = rate_in_force(ch.provider, ch.instance_type,"
	"   ch.sku_id, 'Standard', ch.region_id, ch.charge_period_start)"
	"   AND r.currency = coalesce(ch.billing_currency, r.currency)"
	"   WHERE ch.pricing_category = 'Dynamic' AND ch.charge_class IS NULL"
	"   AND ch.charge_id NOT IN (SELECT j.value FROM reconciliation_parts f, json_each(f.charge_ids) j"
	"     WHERE f.reconciliation_id = ?3 AND f.kind = 'duplicate_charge') GROUP BY 1, 2),"
	" pause AS (SELECT grp, " CUR("currency") " AS cur, money_total(" FX("v", "currency", "day") ") AS v"
	"   FROM paused GROUP BY 1, 2),"
	" own AS (SELECT grp, " CUR("currency") " AS cur, money_total(" FX("v", "currency", "day") ") AS v"
	"   FROM ownc GROUP BY 1, 2),"
	" bud AS (SELECT grp, " CUR("currency") " AS cur, money_total(" FX("amount", "currency", "day") ") AS v"
	"   FROM bu WHERE grp IS NOT NULL GROUP BY 1, 2),"
	/* A group's rows: one per currency it has amounts in; a group with GPU
	 * hours only gets the report's first currency. Its GPU hours go on its
	 * first row, so that they are counted once. */
	" money AS (SELECT grp, cur FROM billed UNION SELECT grp, cur FROM fnd UNION SELECT grp, cur FROM spot"
	"   UNION SELECT grp, cur FROM pause UNION SELECT grp, cur FROM bud UNION SELECT grp, cur FROM own),"
	" grps AS (SELECT grp, cur FROM money UNION SELECT grp, coalesce(?5, (SELECT min(cur) FROM money), '')"
	"   FROM gpu WHERE grp NOT IN (SELECT grp FROM money)),"
	" first AS (SELECT grp, min(cur) AS cur FROM grps GROUP BY grp)"
	" SELECT g.grp, g.cur, coalesce(billed.v, 0), coalesce(billed.v, 0) - coalesce(fnd.d, 0),"
	"   CASE WHEN first.cur = g.cur THEN coalesce(gpu.h, 0) ELSE 0 END, coalesce(spot.v, 0),"
	"   max(coalesce(pause.v, 0) - coalesce(fnd.bwp, 0), 0), bud.v, coalesce(own.v, 0)"
	" FROM grps g JOIN first ON first.grp = g.grp LEFT JOIN billed USING (grp, cur)"
	"   LEFT JOIN fnd USING (grp, cur) LEFT JOIN gpu ON gpu.grp = g.grp LEFT JOIN spot USING (grp, cur)"
	"   LEFT JOIN pause USING (grp, cur) LEFT JOIN bud USING (grp, cur) LEFT JOIN own USING (grp, cur)"
	" ORDER BY g.grp, g.cur";

static int prepare_month(sqlite3 *db, const struct report *r, size_t g, const char *tail,
			 const char *start, const char *end, sqlite3_stmt **st)
{
	char *sql = sqlite3_mprintf(month_sql, groups[g].charges, groups[g].findings, groups[g].usage,
				    groups[g].budgets);
	char *whole = sql ? sqlite3_mprintf("%s%s", sql, tail) : NULL;
	int rc;

	sqlite3_free(sql);
	if (!whole)
		return SQLITE_NOMEM;
	rc = sqlite3_prepare_v2(db, whole, -1, st, NULL);
	sqlite3_free(whole);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(*st, 1, start, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(*st, 2, end, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(*st, 3, r->run_id);
	sqlite3_bind_text(*st, 4, r->month, -1, SQLITE_TRANSIENT);
	if (r->currency[0])
		sqlite3_bind_text(*st, 5, r->currency, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(*st, 6, r->cost, -1, SQLITE_TRANSIENT);
	return SQLITE_OK;
}

/* With --currency: SQLITE_NOTFOUND and missing_* set when a rate is missing. */
static int check_rates(sqlite3 *db, struct report *r, size_t g, const char *start, const char *end)
{
	sqlite3_stmt *st;
	int rc = prepare_month(db, r, g, missing_rate_sql, start, end, &st);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(r->missing_from, sizeof r->missing_from, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(r->missing_day, sizeof r->missing_day, "%s", (const char *)sqlite3_column_text(st, 1));
		rc = SQLITE_NOTFOUND;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static void *grow(void *array, size_t count, size_t *cap, size_t size)
{
	void *grown;

	if (count < *cap)
		return array;
	*cap = *cap ? *cap * 2 : 16;
	if (!(grown = realloc(array, *cap * size)))
		return NULL;
	return grown;
}

/* The total of row's currency, added at its place in currency order. */
static struct report_row *total_of(struct report *r, const char *currency, size_t *cap)
{
	size_t i;
	struct report_row *totals;

	for (i = 0; i < r->total_count && strcmp(r->totals[i].currency, currency) < 0; i++)
		;
	if (i < r->total_count && !strcmp(r->totals[i].currency, currency))
		return &r->totals[i];
	if (!(totals = grow(r->totals, r->total_count, cap, sizeof *totals)))
		return NULL;
	r->totals = totals;
	memmove(&totals[i + 1], &totals[i], (r->total_count - i) * sizeof *totals);
	r->total_count++;
	memset(&totals[i], 0, sizeof totals[i]);
	totals[i].group = strdup("total");
	totals[i].currency = strdup(currency);
	if (!totals[i].group || !totals[i].currency)
		return NULL;
	return &totals[i];
}

/* The report's money columns (2, 3, 5, 6, 7) are INTEGER nanos: SQLite
 * turns an integer that overflows into a REAL, which must not be read as
 * a clamped int64. Also billed - expected must fit. 0 and r->error set. */
static int amounts_fit(sqlite3_stmt *st, struct report *r, const char *group, const char *currency)
{
	static const int cols[] = {2, 3, 5, 6, 7, 8};
	int64_t d;

	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
		int type = sqlite3_column_type(st, cols[i]);
		if (type != SQLITE_INTEGER && type != SQLITE_NULL)
			goto too_big;
	}
	if (!__builtin_sub_overflow(sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3), &d))
		return 1;
too_big:
	snprintf(r->error, sizeof r->error, "the amounts of '%s' in '%s' do not fit in 64-bit nanos"
		 " (beyond 9223372036.854775807)", group, currency);
	return 0;
}

/* Adds row's amounts to its currency's total, exactly or not at all. */
static int add_to_total(struct report *r, struct report_row *total, const struct report_row *row)
{
	int64_t d;

	if (__builtin_add_overflow(total->billed, row->billed, &total->billed) ||
	    __builtin_add_overflow(total->expected, row->expected, &total->expected) ||
	    __builtin_add_overflow(total->spot_savings, row->spot_savings, &total->spot_savings) ||
	    __builtin_add_overflow(total->pause_savings, row->pause_savings, &total->pause_savings) ||
	    __builtin_add_overflow(total->own_cost, row->own_cost, &total->own_cost) ||
	    (row->has_budget && __builtin_add_overflow(total->budget, row->budget, &total->budget)) ||
	    __builtin_sub_overflow(total->billed, total->expected, &d)) {
		snprintf(r->error, sizeof r->error, "the total in '%s' does not fit in 64-bit nanos"
			 " (beyond 9223372036.854775807)", row->currency);
		return -1;
	}
	return 0;
}

int report_load(sqlite3 *db, const char *month, const char *by, const char *currency, struct report *r)
{
	return report_load_cost(db, month, by, currency, "billed", r);
}

int report_load_cost(sqlite3 *db, const char *month, const char *by, const char *currency,
		     const char *cost, struct report *r)
{
	char start[32], end[32];
	sqlite3_stmt *st;
	size_t g, cap = 0, total_cap = 0, i;
	int rc;

	memset(r, 0, sizeof *r);
	snprintf(r->month, sizeof r->month, "%s", month);
	snprintf(r->by, sizeof r->by, "%s", by);
	snprintf(r->cost, sizeof r->cost, "%s", cost);
	snprintf(r->currency, sizeof r->currency, "%s", currency ? currency : "");
	if (reconcile_month_bounds(month, start, end) < 0)
		return SQLITE_MISUSE;
	for (g = 0; g < sizeof groups / sizeof groups[0]; g++)
		if (!strcmp(groups[g].by, by))
			break;
	if (g == sizeof groups / sizeof groups[0])
		return SQLITE_MISUSE;
	r->run_id = report_latest_run(db, month);
	if (r->currency[0] && (rc = check_rates(db, r, g, start, end)) != SQLITE_OK)
		return rc;
	if ((rc = prepare_month(db, r, g, report_sql, start, end, &st)) != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_row *row, *total;
		if (!(row = grow(r->rows, r->count, &cap, sizeof *row))) {
			rc = SQLITE_NOMEM;
			break;
		}
		r->rows = row;
		row = &r->rows[r->count++];
		memset(row, 0, sizeof *row);
		row->group = strdup((const char *)sqlite3_column_text(st, 0));
		row->currency = strdup((const char *)sqlite3_column_text(st, 1));
		if (!row->group || !row->currency || !(total = total_of(r, row->currency, &total_cap))) {
			rc = SQLITE_NOMEM;
			break;
		}
		if (!amounts_fit(st, r, row->group, row->currency)) {
			rc = SQLITE_TOOBIG;
			break;
		}
		row->billed = sqlite3_column_int64(st, 2);
		row->expected = sqlite3_column_int64(st, 3);
		row->gpu_hours = sqlite3_column_double(st, 4);
		row->spot_savings = sqlite3_column_int64(st, 5);
		row->pause_savings = sqlite3_column_int64(st, 6);
		row->own_cost = sqlite3_column_int64(st, 8);
		if (sqlite3_column_type(st, 7) != SQLITE_NULL) {
			row->has_budget = 1;
			row->budget = sqlite3_column_int64(st, 7);
			row->budget_use = row->budget ? (double)row->billed / (double)row->budget : 0;
		}
		total->gpu_hours += row->gpu_hours;
		if (row->has_budget)
			total->has_budget = 1;
		if (add_to_total(r, total, row) < 0) {
			rc = SQLITE_TOOBIG;
			break;
		}
	}
	for (i = 0; i < r->total_count; i++)
		if (r->totals[i].has_budget && r->totals[i].budget)
			r->totals[i].budget_use = (double)r->totals[i].billed / (double)r->totals[i].budget;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

void report_free(struct report *r)
{
	size_t i;

	for (i = 0; i < r->count; i++) {
		free(r->rows[i].group);
		free(r->rows[i].currency);
	}
	for (i = 0; i < r->total_count; i++) {
		free(r->totals[i].group);
		free(r->totals[i].currency);
	}
	free(r->rows);
	free(r->totals);
	memset(r, 0, sizeof *r);
}
