/*
 * report_chart.c: the HTML report's budget charts (report.h): per project
 * with a budget for the month, one inline SVG (no script) with its cost per
 * day as bars, the cumulative cost as a line, the budget and the alert
 * threshold as horizontal lines, and the month-end forecast
 * (budget_forecast.c, measured today or at the month's end) as a dashed
 * line from the last day with cost to the month's last day.
 *
 * A day's cost follows budget_status's rule: the project's charges of that
 * day when it has charges in the month, else its usage at the rate card
 * (an interval counted on the day it starts).
 */
#include "budget_forecast.h"
#include "report.h"

#include "money.h"

#include <stdlib.h>
#include <string.h>

#define CHART_W 720
#define CHART_H 220
#define PAD_L 120
#define PAD_B 24
#define PAD_T 12

static const char daily_sql[] =
	"WITH ch AS (SELECT CAST(substr(charge_period_start, 9, 2) AS INTEGER) AS day, billed_cost AS v"
	"   FROM charges WHERE project = ?1 AND substr(charge_period_start, 1, 7) = ?2"
	"   AND (billing_currency = ?3 OR billing_currency IS NULL)),"
	" us AS (SELECT CAST(substr(usage_start, 9, 2) AS INTEGER) AS day, cost AS v FROM usage_costed"
	"   WHERE project = ?1 AND substr(usage_start, 1, 7) = ?2 AND currency = ?3)"
	" SELECT day, money_total(v) FROM (SELECT * FROM ch UNION ALL"
	"   SELECT * FROM us WHERE NOT EXISTS (SELECT 1 FROM ch)) GROUP BY day ORDER BY day";

struct chart_list {
	struct budget_line *v;
	size_t n, cap;
};

static void collect(const struct budget_line *b, void *context)
{
	struct chart_list *list = context;

	if (list->n == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 8;
		struct budget_line *grown = realloc(list->v, cap * sizeof *grown);
		if (!grown)
			return;
		list->v = grown;
		list->cap = cap;
	}
	list->v[list->n++] = *b;
}

static double y_of(int64_t nanos, int64_t top)
{
	return PAD_T + (CHART_H - PAD_T - PAD_B) * (1.0 - (double)nanos / (double)top);
}

static double x_of(double day, int days)
{
	return PAD_L + (CHART_W - PAD_L - 10) * (day - 0.5) / days;
}

/* A horizontal line with its label left of the axis (left) or above its right end. */
static void hline(FILE *out, const char *cls, int64_t nanos, int64_t top, const char *what, int left)
{
	char text[48];
	double y = y_of(nanos, top);

	money_format(nanos, 2, text, sizeof text);
	fprintf(out, "<line class=\"%s\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"><title>%s %s</title></line>"
		"<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s %s</text>\n", cls, PAD_L,
		CHART_W - 10, y, y, what, text, left ? PAD_L - 4 : CHART_W - 10, left ? y + 4 : y - 3, what,
		text);
}

static void chart(sqlite3 *db, const char *month, const struct budget_line *b, FILE *out)
{
	int64_t daily[32] = {0}, top, cumulative = 0;
	int days = b->days_elapsed + b->days_left, last = 0, d;
	sqlite3_stmt *st;
	char text[48];

	if (sqlite3_prepare_v2(db, daily_sql, -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, b->project, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, month, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, b->currency, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW)
		if ((d = sqlite3_column_int(st, 0)) >= 1 && d <= days) {
			daily[d] = sqlite3_column_int64(st, 1);
			last = d > last ? d : last;
		}
	sqlite3_finalize(st);
	top = b->amount > b->forecast ? b->amount : b->forecast;
	top = top > b->spend ? top : b->spend;
	top = top + top / 10 + 1;
	fputs("<h3>", out);
	report_html_text(out, b->project);
	money_format(b->forecast, 2, text, sizeof text);
	fprintf(out, " (%s): forecast %s</h3>\n<svg class=\"budget-chart\" xmlns=\"http://www.w3.org/2000/svg\""
		" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"daily cost against the budget\">\n",
		b->currency, text, CHART_W, CHART_H);
	for (d = 1; d <= days; d++) {
		double x0 = x_of(d - 0.4, days), x1 = x_of(d + 0.4, days);
		if (daily[d] > 0) {
			money_format(daily[d], 2, text, sizeof text);
			fprintf(out, "<rect class=\"day\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
				"<title>%s-%02d: %s</title></rect>\n", x0, y_of(daily[d], top), x1 - x0,
				y_of(0, top) - y_of(daily[d], top), month, d, text);
		}
	}
	fputs("<polyline class=\"spend\" points=\"", out);
	for (d = 1; d <= (last ? last : 1); d++) {
		cumulative += daily[d];
		fprintf(out, "%.1f,%.1f ", x_of(d, days), y_of(cumulative, top));
	}
	fputs("\"><title>cumulative cost</title></polyline>\n", out);
	fprintf(out, "<polyline class=\"forecast\" points=\"%.1f,%.1f %.1f,%.1f\"><title>forecast</title></polyline>\n",
		x_of(last ? last : 1, days), y_of(cumulative, top), x_of(days, days), y_of(b->forecast, top));
	hline(out, "budget", b->amount, top, "budget", 1);
	hline(out, "alert", b->alert_at, top, "alert", 0);
	fprintf(out, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#888\"/>"
		"<text x=\"%.1f\" y=\"%d\" font-size=\"11\">1</text><text x=\"%.1f\" y=\"%d\" font-size=\"11\">%d</text>\n",
		PAD_L, CHART_W - 10, y_of(0, top), y_of(0, top), x_of(1, days) - 3, CHART_H - 6,
		x_of(days, days) - 6, CHART_H - 6, days);
	fputs("</svg>\n", out);
}

void report_budget_charts(sqlite3 *db, const char *month, FILE *out)
{
	struct chart_list list = {0};
	int elapsed, left;
	size_t i;

	if (budget_days(month, NULL, &elapsed, &left) < 0 || !elapsed)
		return;
	if (budget_forecast(db, month, elapsed, left, collect, &list) == SQLITE_OK && list.n) {
		fputs("<h2>Daily cost against the budget, per project</h2>\n", out);
		for (i = 0; i < list.n; i++)
			chart(db, month, &list.v[i], out);
	}
	free(list.v);
}
