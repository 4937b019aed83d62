/*
 * report.h: the month's costs per group (cmd_report.c, cmd_export.c).
 */
#ifndef COSTLEDGER_REPORT_H
#define COSTLEDGER_REPORT_H

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>

struct report_row {
	char *group;
	int64_t billed, expected, spot_savings, pause_savings, budget;
	double gpu_hours, budget_use;
	int has_budget;
};

struct report {
	char month[8], by[16];
	sqlite3_int64 run_id;      /* the reconciliation used, 0 if none */
	struct report_row *rows, total;
	size_t count;
};

/* The latest reconciliation of month over all providers, or 0. */
sqlite3_int64 report_latest_run(sqlite3 *db, const char *month);

/* by: project, provider, resource or sku. */
int report_load(sqlite3 *db, const char *month, const char *by, struct report *r);
void report_free(struct report *r);

/* A self-contained HTML page: bars per group, billed against expected, and
 * the findings of the run. */
void report_html(sqlite3 *db, const struct report *r, FILE *out);

#endif
