/*
 * summary_csv.c: the month's summary as CSV (summary_csv.h), through the
 * allocating table writer so that the rows add up to the total to the cent.
 */
#include "summary_csv.h"
#include "csv_table.h"

#include <stdlib.h>
#include <string.h>

/* The report's numbers that are not summed money, for one row's cells:
 * gpu_hours, and budget and budget_use, empty without a budget. */
static int summary_cells(const struct report_row *row, char **cells, int64_t *money)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%.2f", row->gpu_hours);
	cells[5] = strdup(buf);
	if (money)
		money[8] = row->has_budget ? row->budget : 0;
	if (!row->has_budget && !(cells[8] = strdup("")))
		return -1;
	snprintf(buf, sizeof buf, "%.4f", row->budget_use);
	cells[9] = strdup(row->has_budget ? buf : "");
	return cells[5] && cells[9] ? 0 : -1;
}

static int summary_table(const struct report *r, struct csv_table *t)
{
	size_t i;

	for (i = 0; i < r->count; i++) {
		const struct report_row *row = &r->rows[i];
		size_t base;
		if (csv_table_add_row(t) < 0)
			return -1;
		base = (t->rows - 1) * t->columns;
		t->cells[base] = strdup(row->group);
		t->cells[base + 1] = strdup(row->currency);
		t->money[base + 2] = row->billed;
		t->money[base + 3] = row->expected;
		t->money[base + 6] = row->spot_savings;
		t->money[base + 7] = row->pause_savings;
		t->money[base + 10] = row->own_cost;
		if (!t->cells[base] || !t->cells[base + 1] ||
		    summary_cells(row, t->cells + base, t->money + base) < 0)
			return -1;
	}
	t->total_cells = calloc((r->total_count ? r->total_count : 1) * t->columns, sizeof *t->total_cells);
	t->total_currencies = calloc(r->total_count ? r->total_count : 1, sizeof *t->total_currencies);
	if (!t->total_cells || !t->total_currencies)
		return -1;
	if (!r->total_count) {
		/* An empty month: its total row has 0.00 GPU-hours and no budget,
		 * as a month whose projects have none. */
		static const struct report_row none;
		t->total_count = 1;
		return (t->total_currencies[0] = strdup("")) ? summary_cells(&none, t->total_cells, NULL) : -1;
	}
	for (; t->total_count < r->total_count; t->total_count++) {
		const struct report_row *total = &r->totals[t->total_count];
		if (!(t->total_currencies[t->total_count] = strdup(total->currency)) ||
		    summary_cells(total, t->total_cells + t->total_count * t->columns, NULL) < 0) {
			t->total_count++;
			return -1;
		}
	}
	return 0;
}

int summary_csv_write(const struct report *r, FILE *out, int decimals, const char *eol)
{
	struct csv_table t;
	int rc;

	memset(&t, 0, sizeof t);
	t.names[0] = r->by;
	t.names[1] = "currency";
	t.names[2] = r->cost;
	t.names[3] = "expected";
	t.names[4] = "difference";
	t.names[5] = "gpu_hours";
	t.names[6] = "spot_savings";
	t.names[7] = "pause_savings";
	t.names[8] = "budget";
	t.names[9] = "budget_use";
	t.names[10] = "own_cost";
	t.columns = 11;
	strcpy(t.types, "ttmmdnmmmnm");
	t.total_row = 1;
	t.currency_column = 1;
	rc = summary_table(r, &t) < 0 ? -1 : csv_table_write(&t, out, decimals, eol);
	csv_table_free(&t);
	return rc;
}
