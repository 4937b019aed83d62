/*
 * report.h: the month's costs per group (cmd_report.c, cmd_export.c).
 */
#ifndef COSTLEDGER_REPORT_H
#define COSTLEDGER_REPORT_H

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>

/* One group in one currency. Amounts are never summed across currencies. */
struct report_row {
	char *group;
	char *currency;            /* "" when the charges say none */
	int64_t billed, expected, spot_savings, pause_savings, budget;
	int64_t own_cost;          /* own machines' usage at hardware_hourly (not billed) */
	double gpu_hours, budget_use;
	int has_budget;
};

struct report {
	char month[8], by[16];
	char currency[16];         /* --currency: everything converted to it; "" per currency */
	sqlite3_int64 run_id;      /* the reconciliation used, 0 if none */
	struct report_row *rows;   /* by group, then currency */
	size_t count;
	struct report_row *totals; /* one per currency, group "total", by currency */
	size_t total_count;
	/* report_load returned SQLITE_NOTFOUND: the conversion that has no rate. */
	char missing_from[16], missing_day[16];
	/* report_load returned SQLITE_TOOBIG: which sum does not fit. */
	char error[160];
};

/* The latest reconciliation of month over all providers, or 0. */
sqlite3_int64 report_latest_run(sqlite3 *db, const char *month);

/*
 * The currency of finding f (SQL, the findings row aliased f): the billing
 * currency of its first charge; for a finding without charges (unbilled
 * usage), the currency of the rate card row of its first usage interval.
 */
#define REPORT_FINDING_CURRENCY \
	"(CASE WHEN json_array_length(f.charge_ids) > 0 THEN" \
	" (SELECT fc.billing_currency FROM charges fc WHERE fc.charge_id = json_extract(f.charge_ids, '$[0]'))" \
	" ELSE (SELECT fr.currency FROM usage fu JOIN rates fr ON fr.rate_id = " REPORT_USAGE_RATE("fu") \
	" WHERE fu.usage_id = json_extract(f.usage_ids, '$[0]')) END)"

/* The rate in force for usage row u (SQL): its rate_id, by the one rule. */
#define REPORT_USAGE_RATE(u) \
	"rate_in_force(" u ".provider, " u ".instance_type, NULL, pricing_category(" u ".pricing)," \
	" NULL, " u ".usage_start)"

/*
 * by: project, provider, resource or sku. currency NULL: one row per group
 * and currency, and a total per currency; else every amount converted to
 * currency at the latest fx_rates rate on or before its day (a charge's
 * period start, a finding's period start, a usage interval's start in the
 * month, a budget's last day of the month); amounts with no currency are
 * taken as already in it. Returns SQLITE_NOTFOUND, with missing_from and
 * missing_day set, when a rate is missing.
 */
int report_load(sqlite3 *db, const char *month, const char *by, const char *currency, struct report *r);
void report_free(struct report *r);

/* s with HTML's special characters escaped (report_html.c). */
void report_html_text(FILE *out, const char *s);

/* Per project with a budget for month: an inline SVG of its daily and
 * cumulative cost, the budget, the alert threshold and the month-end
 * forecast (report_chart.c). */
void report_budget_charts(sqlite3 *db, const char *month, FILE *out);

/* The estimate accuracy section (report_estimates.c) for jobs started in
 * month, as text or as an HTML table; nothing when no job has estimates.
 * Returns the jobs printed, -1 on a SQLite error. */
int report_estimates(sqlite3 *db, const char *month, int html, FILE *out);

/* A self-contained HTML page: bars per group, billed against expected, and
 * the findings of the run. */
void report_html(sqlite3 *db, const struct report *r, FILE *out);

#endif
