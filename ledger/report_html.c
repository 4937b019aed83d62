/*
 * report_html.c: the report as one self-contained HTML page (inline CSS and
 * SVG, no scripts, no network): billed against expected per project as
 * bars, the per-project table with a row per currency and a total per
 * currency, and the findings of the run.
 */
#include "report.h"

#include "money.h"
#include "reconcile.h"

void report_html_text(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: fputc(*s, out);
		}
	}
}

void report_html(sqlite3 *db, const struct report *r, FILE *out)
{
	int64_t max = 1;
	size_t i;
	int bar_h = 18, row_h = 52, label_w = 120, chart_w = 520, height;
	char b[48], e[48], d[48];
	sqlite3_stmt *st;

	for (i = 0; i < r->count; i++) {
		if (r->rows[i].billed > max)
			max = r->rows[i].billed;
		if (r->rows[i].expected > max)
			max = r->rows[i].expected;
	}
	height = (int)r->count * row_h + 40;
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
		"<title>costledger: %s</title>\n<style>\n"
		"body{font-family:sans-serif;margin:2em;color:#222}"
		"table{border-collapse:collapse;margin:1em 0}"
		"th,td{border:1px solid #ccc;padding:4px 8px;white-space:nowrap}td.n{text-align:right;font-variant-numeric:tabular-nums}"
		"th{background:#f0f0f0}.billed{fill:#d9534f}.expected{fill:#5b8def}"
		"svg .day{fill:#9ecae1}svg .spend{stroke:#1f5fa8;stroke-width:2;fill:none}"
		"svg .budget{stroke:#c0392b;stroke-width:1.5}svg .alert{stroke:#e67e22;stroke-dasharray:4 3}"
		"svg .forecast{stroke:#1f5fa8;stroke-width:2;stroke-dasharray:6 4;fill:none}"
		"\n</style></head><body>\n<h1>GPU training costs, %s</h1>\n", r->month, r->month);
	if (r->run_id)
		fprintf(out, "<p>Expected costs from reconciliation %lld.</p>\n", (long long)r->run_id);
	else
		fputs("<p>No reconciliation of this month yet: expected is taken as billed.</p>\n", out);
	fputs("<h2>Billed against expected, per project</h2>\n", out);
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\""
		" aria-label=\"billed and expected cost per project\">\n", label_w + chart_w + 140, height);
	fprintf(out, "<rect class=\"billed\" x=\"%d\" y=\"4\" width=\"12\" height=\"12\"/>"
		"<text x=\"%d\" y=\"15\" font-size=\"12\">billed</text>"
		"<rect class=\"expected\" x=\"%d\" y=\"4\" width=\"12\" height=\"12\"/>"
		"<text x=\"%d\" y=\"15\" font-size=\"12\">expected</text>\n",
		label_w, label_w + 16, label_w + 80, label_w + 96);
	for (i = 0; i < r->count; i++) {
		const struct report_row *row = &r->rows[i];
		int y = 30 + (int)i * row_h;
		int wb = (int)((double)row->billed / (double)max * chart_w);
		int we = (int)((double)row->expected / (double)max * chart_w);
		money_format(row->billed, 2, b, sizeof b);
		money_format(row->expected, 2, e, sizeof e);
		fprintf(out, "<text x=\"0\" y=\"%d\" font-size=\"13\">", y + bar_h);
		report_html_text(out, row->group);
		if (r->total_count > 1) {
			fputc(' ', out);
			report_html_text(out, row->currency);
		}
		fprintf(out, "</text>\n<rect class=\"billed\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">"
			"<title>billed %s</title></rect><text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>\n",
			label_w, y, wb < 0 ? 0 : wb, bar_h, b, label_w + (wb < 0 ? 0 : wb) + 6, y + 14, b);
		fprintf(out, "<rect class=\"expected\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">"
			"<title>expected %s</title></rect><text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>\n",
			label_w, y + bar_h + 2, we < 0 ? 0 : we, bar_h, e, label_w + (we < 0 ? 0 : we) + 6,
			y + bar_h + 16, e);
	}
	fputs("</svg>\n<h2>Per project</h2>\n<table><tr><th>project</th><th>currency</th><th>billed</th><th>expected</th>"
	      "<th>difference</th><th>GPU hours</th><th>budget</th><th>used</th></tr>\n", out);
	for (i = 0; i < r->count + r->total_count; i++) {
		const struct report_row *row = i < r->count ? &r->rows[i] : &r->totals[i - r->count];
		money_format(row->billed, 2, b, sizeof b);
		money_format(row->expected, 2, e, sizeof e);
		money_format(row->billed - row->expected, 2, d, sizeof d);
		fputs(i < r->count ? "<tr><td>" : "<tr><th>", out);
		report_html_text(out, row->group);
		fputs(i < r->count ? "</td><td>" : "</th><th>", out);
		report_html_text(out, row->currency);
		fprintf(out, "%s<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
			"<td class=\"n\">%.1f</td>", i < r->count ? "</td>" : "</th>", b, e, d, row->gpu_hours);
		if (row->has_budget) {
			money_format(row->budget, 2, b, sizeof b);
			fprintf(out, "<td class=\"n\">%s</td><td class=\"n\">%.1f%%</td></tr>\n", b,
				row->budget_use * 100);
		} else {
			fputs("<td></td><td></td></tr>\n", out);
		}
	}
	fputs("</table>\n", out);
	report_budget_charts(db, r->month, out);
	report_estimates(db, r->month, 1, out);
	fputs("<h2>Findings</h2>\n", out);
	if (!r->run_id ||
	    sqlite3_prepare_v2(db, "SELECT kind, coalesce(provider, ''), coalesce(project, ''),"
			       " coalesce(resource_id, ''), substr(period_start, 1, 16), substr(period_end, 1, 16),"
			       " printf('%.2f', hours), billed, expected, difference FROM findings"
			       " WHERE reconciliation_id = ?1 ORDER BY finding_id", -1, &st, NULL) != SQLITE_OK) {
		fputs("<p>none</p>\n</body></html>\n", out);
		return;
	}
	sqlite3_bind_int64(st, 1, r->run_id);
	fputs("<table><tr><th>kind</th><th>provider</th><th>project</th><th>resource</th><th>from</th>"
	      "<th>to</th><th>hours</th><th>billed</th><th>expected</th><th>difference</th></tr>\n", out);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int c;
		fputs("<tr>", out);
		for (c = 0; c < 7; c++) {
			fputs(c == 6 ? "<td class=\"n\">" : "<td>", out);
			report_html_text(out, (const char *)sqlite3_column_text(st, c));
			fputs("</td>", out);
		}
		for (c = 7; c < 10; c++) {
			reconcile_money_text(sqlite3_column_int64(st, c), b, sizeof b);
			fprintf(out, "<td class=\"n\">%s</td>", b);
		}
		fputs("</tr>\n", out);
	}
	sqlite3_finalize(st);
	fputs("</table>\n</body></html>\n", out);
}
