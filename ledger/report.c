/*
 * report.c: the month's costs per group, as cmd_report.c describes them.
 * One SQL statement per report: the group expression differs per table.
 */
#include "report.h"

#include "money.h"
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

/* Group expressions: charges c, findings f, usage u, budgets b. */
static const struct {
	const char *by, *charges, *findings, *usage, *budgets;
} groups[] = {
	{"project", "c.project", "f.project", "u.project", "b.project"},
	{"provider", "c.provider", "f.provider", "u.provider", "NULL"},
	{"resource", "c.resource_id", "f.resource_id", "u.resource_id", "NULL"},
	{"sku", "coalesce(c.instance_type, c.sku_id)",
	 "coalesce((SELECT coalesce(c.instance_type, c.sku_id) FROM charges c"
	 " WHERE c.resource_id = f.resource_id LIMIT 1),"
	 " (SELECT u.instance_type FROM usage u WHERE u.resource_id = f.resource_id LIMIT 1))",
	 "u.instance_type", "NULL"},
};

static const char report_sql[] =
	"WITH ch AS (SELECT coalesce(%s, '(none)') AS grp, c.* FROM charges c"
	"   WHERE c.charge_period_start >= ?1 AND c.charge_period_start < ?2),"
	" billed AS (SELECT grp, money_total(billed_cost) AS v FROM ch GROUP BY grp),"
	" fnd AS (SELECT coalesce(%s, '(none)') AS grp, money_total(difference) AS d,"
	"   money_total(CASE WHEN kind = 'billed_while_paused' THEN difference END) AS bwp"
	"   FROM findings f WHERE f.reconciliation_id = ?3 GROUP BY 1),"
	" us AS (SELECT coalesce(%s, '(none)') AS grp, u.*,"
	"   overlap_seconds(u.usage_start, u.usage_end, ?1, ?2) AS secs FROM usage u"
	"   WHERE u.usage_end > ?1 AND u.usage_start < ?2),"
	" gpu AS (SELECT grp, sum(secs * coalesce(gpus, 1)) / 3600.0 AS h FROM us"
	"   WHERE state = 'running' OR state = 'idle' GROUP BY grp),"
	" spot AS (SELECT grp, money_total(money_mul(r.unit_price, coalesce(ch.pricing_quantity, 1))"
	"   - ch.billed_cost) AS v FROM ch JOIN rates r ON r.provider = ch.provider COLLATE NOCASE"
	"   AND r.sku IN (ch.instance_type, ch.sku_id) AND r.pricing_category = 'Standard'"
	"   AND (r.region = '' OR r.region = ch.region_id)"
	"   AND unixepoch(r.valid_from) <= unixepoch(ch.charge_period_start)"
	"   AND (r.valid_to IS NULL OR unixepoch(ch.charge_period_start) < unixepoch(r.valid_to))"
	"   WHERE ch.pricing_category = 'Dynamic' AND ch.charge_class IS NULL"
	"   AND ch.charge_id NOT IN (SELECT j.value FROM findings f, json_each(f.charge_ids) j"
	"     WHERE f.reconciliation_id = ?3 AND f.kind = 'duplicate_charge') GROUP BY grp),"
	" pause AS (SELECT grp, money_total((money_mul(r.unit_price - money_mul(r.unit_price, r.discount),"
	"   us.secs) + 1800) / 3600) AS v FROM us JOIN rates r ON r.provider = us.provider COLLATE NOCASE"
	"   AND r.sku = us.instance_type AND r.billing_rule = 'running'"
	"   AND r.pricing_category = CASE us.pricing WHEN 'spot' THEN 'Dynamic'"
	"   WHEN 'reserved' THEN 'Committed' WHEN 'own' THEN 'Other' ELSE 'Standard' END"
	"   AND unixepoch(r.valid_from) <= unixepoch(us.usage_start)"
	"   AND (r.valid_to IS NULL OR unixepoch(us.usage_start) < unixepoch(r.valid_to))"
	"   WHERE us.state IN ('paused', 'stopped', 'interrupted') GROUP BY grp),"
	" bud AS (SELECT %s AS grp, money_total(amount) AS v FROM budgets b WHERE period = ?4 GROUP BY 1),"
	" grps AS (SELECT grp FROM billed UNION SELECT grp FROM gpu UNION SELECT grp FROM fnd"
	"   UNION SELECT grp FROM bud WHERE grp IS NOT NULL)"
	" SELECT g.grp, coalesce(billed.v, 0), coalesce(billed.v, 0) - coalesce(fnd.d, 0),"
	"   coalesce(gpu.h, 0), coalesce(spot.v, 0), max(coalesce(pause.v, 0) - coalesce(fnd.bwp, 0), 0),"
	"   bud.v FROM grps g LEFT JOIN billed USING (grp) LEFT JOIN fnd USING (grp)"
	"   LEFT JOIN gpu USING (grp) LEFT JOIN spot USING (grp) LEFT JOIN pause USING (grp)"
	"   LEFT JOIN bud USING (grp) ORDER BY g.grp";

int report_load(sqlite3 *db, const char *month, const char *by, struct report *r)
{
	char start[32], end[32], *sql;
	sqlite3_stmt *st;
	size_t g, cap = 0;
	int rc;

	memset(r, 0, sizeof *r);
	snprintf(r->month, sizeof r->month, "%s", month);
	snprintf(r->by, sizeof r->by, "%s", by);
	if (reconcile_month_bounds(month, start, end) < 0)
		return SQLITE_MISUSE;
	for (g = 0; g < sizeof groups / sizeof groups[0]; g++)
		if (!strcmp(groups[g].by, by))
			break;
	if (g == sizeof groups / sizeof groups[0])
		return SQLITE_MISUSE;
	r->run_id = report_latest_run(db, month);
	sql = sqlite3_mprintf(report_sql, groups[g].charges, groups[g].findings, groups[g].usage,
			      groups[g].budgets);
	if (!sql)
		return SQLITE_NOMEM;
	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, start, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, end, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, r->run_id);
	sqlite3_bind_text(st, 4, month, -1, SQLITE_TRANSIENT);
	r->total.group = strdup("total");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_row *row;
		if (r->count == cap) {
			struct report_row *grown;
			cap = cap ? cap * 2 : 16;
			if (!(grown = realloc(r->rows, cap * sizeof *grown))) {
				rc = SQLITE_NOMEM;
				break;
			}
			r->rows = grown;
		}
		row = &r->rows[r->count++];
		memset(row, 0, sizeof *row);
		row->group = strdup((const char *)sqlite3_column_text(st, 0));
		row->billed = sqlite3_column_int64(st, 1);
		row->expected = sqlite3_column_int64(st, 2);
		row->gpu_hours = sqlite3_column_double(st, 3);
		row->spot_savings = sqlite3_column_int64(st, 4);
		row->pause_savings = sqlite3_column_int64(st, 5);
		if (sqlite3_column_type(st, 6) != SQLITE_NULL) {
			row->has_budget = 1;
			row->budget = sqlite3_column_int64(st, 6);
			row->budget_use = row->budget ? (double)row->billed / (double)row->budget : 0;
		}
		r->total.billed += row->billed;
		r->total.expected += row->expected;
		r->total.gpu_hours += row->gpu_hours;
		r->total.spot_savings += row->spot_savings;
		r->total.pause_savings += row->pause_savings;
		if (row->has_budget) {
			r->total.has_budget = 1;
			r->total.budget += row->budget;
		}
	}
	if (r->total.has_budget && r->total.budget)
		r->total.budget_use = (double)r->total.billed / (double)r->total.budget;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

void report_free(struct report *r)
{
	size_t i;

	for (i = 0; i < r->count; i++)
		free(r->rows[i].group);
	free(r->rows);
	free(r->total.group);
	memset(r, 0, sizeof *r);
}

static void html_text(FILE *out, const char *s)
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
		html_text(out, row->group);
		fprintf(out, "</text>\n<rect class=\"billed\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">"
			"<title>billed %s</title></rect><text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>\n",
			label_w, y, wb < 0 ? 0 : wb, bar_h, b, label_w + (wb < 0 ? 0 : wb) + 6, y + 14, b);
		fprintf(out, "<rect class=\"expected\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">"
			"<title>expected %s</title></rect><text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>\n",
			label_w, y + bar_h + 2, we < 0 ? 0 : we, bar_h, e, label_w + (we < 0 ? 0 : we) + 6,
			y + bar_h + 16, e);
	}
	fputs("</svg>\n<h2>Per project</h2>\n<table><tr><th>project</th><th>billed</th><th>expected</th>"
	      "<th>difference</th><th>GPU hours</th><th>budget</th><th>used</th></tr>\n", out);
	for (i = 0; i <= r->count; i++) {
		const struct report_row *row = i < r->count ? &r->rows[i] : &r->total;
		money_format(row->billed, 2, b, sizeof b);
		money_format(row->expected, 2, e, sizeof e);
		money_format(row->billed - row->expected, 2, d, sizeof d);
		fputs(i < r->count ? "<tr><td>" : "<tr><th>", out);
		html_text(out, row->group);
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
	fputs("</table>\n<h2>Findings</h2>\n", out);
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
			html_text(out, (const char *)sqlite3_column_text(st, c));
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
