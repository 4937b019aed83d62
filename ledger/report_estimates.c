/*
 * report_estimates.c: the report's "estimate accuracy" section: per job
 * that started in the month and has epoch_cost() estimates, the estimate
 * against the actual cost, the mean absolute percentage error over its
 * epochs and the bias (views estimate_accuracy, estimate_accuracy_jobs).
 */
#include "report.h"

#include <string.h>

static const char jobs_sql[] =
	"SELECT job_id, coalesce(project, ''), coalesce(currency, ''), epochs,"
	" printf('%.2f', estimate), printf('%.2f', actual), printf('%.1f%%', mean_ape * 100),"
	" printf('%+.1f%%', bias * 100) FROM estimate_accuracy_jobs"
	" WHERE substr(first_start, 1, 7) = ?1 ORDER BY project, job_id";

static void html_cell(FILE *out, const char *s, int number)
{
	fputs(number ? "<td class=\"n\">" : "<td>", out);
	report_html_text(out, s);
	fputs("</td>", out);
}

int report_estimates(sqlite3 *db, const char *month, int html, FILE *out)
{
	sqlite3_stmt *st;
	int rows = 0, c;

	if (sqlite3_prepare_v2(db, jobs_sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, month, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *v[8];
		for (c = 0; c < 8; c++)
			v[c] = (const char *)sqlite3_column_text(st, c);
		if (!rows++) {
			if (html)
				fputs("<h2>Estimate accuracy</h2>\n<table><tr><th>job</th><th>project</th>"
				      "<th>currency</th><th>epochs</th><th>estimate</th><th>actual</th>"
				      "<th>mean abs. error</th><th>bias</th></tr>\n", out);
			else
				fprintf(out, "\nestimate accuracy (epoch_cost() estimates against the cost, per job)\n\n"
					"%-16s %-12s %-4s %6s %13s %13s %9s %8s\n", "job", "project", "cur",
					"epochs", "estimate", "actual", "mape", "bias");
		}
		if (html) {
			fputs("<tr>", out);
			for (c = 0; c < 8; c++)
				html_cell(out, v[c], c >= 3);
			fputs("</tr>\n", out);
		} else {
			fprintf(out, "%-16s %-12s %-4s %6s %13s %13s %9s %8s\n", v[0], v[1], v[2], v[3],
				v[4], v[5], v[6], v[7]);
		}
	}
	if (rows && html)
		fputs("</table>\n", out);
	sqlite3_finalize(st);
	return rows;
}
