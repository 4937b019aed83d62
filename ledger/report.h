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
	double gpu_hours, budget_use;
	int has_budget;
};

/*
 * The cost of a charge (SQL over the charges' columns) on a basis, the SQL
 * text of 'billed' or 'effective': billed is what the invoice charges
 * (BilledCost); effective spreads commitments and upfront fees over what
 * they covered (FOCUS EffectiveCost, the CUR's amortized cost, bill.c); a
 * line without one counts at its billed cost. The one place the basis is
 * applied (report --cost, export --cost).
 */
#define REPORT_CHARGE_COST(basis) \
	"(CASE WHEN " basis " = 'effective' THEN coalesce(effective_cost, billed_cost) ELSE billed_cost END)"

struct report {
	char month[8], by[16];
	char cost[12];             /* "billed" or "effective" (REPORT_CHARGE_COST) */
	char currency[16];         /* --currency: everything converted to it; "" per currency */
	sqlite3_int64 run_id;      /* the reconciliation used, 0 if none */
	struct report_row *rows;   /* by group, then currency */
	size_t count;
	struct report_row *totals; /* one per currency, group "total", by currency */
	size_t total_count;
	/* "final" or "estimated: ..." (reconcile_invoices.h month_status_text) */
	char month_status[128];
	/* report_load returned SQLITE_NOTFOUND: the conversion that has no rate. */
	char missing_from[16], missing_day[16];
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
	" ELSE (SELECT fr.currency FROM usage fu JOIN rates fr ON fr.provider = fu.provider COLLATE NOCASE" \
	" AND fr.sku = fu.instance_type WHERE fu.usage_id = json_extract(f.usage_ids, '$[0]')" \
	" AND unixepoch(fr.valid_from) <= unixepoch(fu.usage_start) ORDER BY fr.valid_from DESC LIMIT 1) END)"

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
/* report_load with the charges at cost ("billed" or "effective"); the billed
 * column of the rows then holds that cost. */
int report_load_cost(sqlite3 *db, const char *month, const char *by, const char *currency,
		     const char *cost, struct report *r);
void report_free(struct report *r);

/* A self-contained HTML page: bars per group, billed against expected, and
 * the findings of the run. */
void report_html(sqlite3 *db, const struct report *r, FILE *out);

#endif
