/*
 * cmd_report.c: costledger report --month YYYY-MM [--by project|provider|
 * resource|sku] [--format table|csv|json] [--html FILE]
 *
 * Per group and in total: billed (the month's charges), expected (billed
 * less the differences of the month's latest reconciliation over all
 * providers), GPU hours (running and idle usage x GPUs), spot savings
 * realised (the on-demand rate in force times the quantity, less what the
 * spot line cost), pause savings (paused, stopped or interrupted hours at the
 * net rate of a rate billed on running time, less what was billed while
 * paused) and, by project, the budget and its use. Money is summed in nanos.
 */
#include "commands.h"
#include "ledger.h"
#include "reconcile.h"
#include "report.h"
#include "csv_out.h"

#include "money.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: costledger report [--ledger FILE] --month YYYY-MM\n"
	"                         [--by project|provider|resource|sku]\n"
	"                         [--format table|csv|json] [--html FILE]\n"
	"\n"
	"The month's costs per group: billed, expected (from the month's latest\n"
	"reconciliation), difference, GPU hours, spot savings realised, pause\n"
	"savings and budget use; --html also writes a self-contained page with\n"
	"billed against expected per project and the findings.\n"
	"\n"
	"  --month YYYY-MM  the month\n"
	"  --by G           group by project (default), provider, resource or sku\n"
	"  --format F       table (default), csv or json\n"
	"  --html FILE      also write the HTML report to FILE\n"
	"\n"
	"exit status: 0 ok, 2 bad usage, 3 ledger error\n";

static void money_cell(int64_t nanos, char *buf, size_t size)
{
	if (money_format(nanos, 2, buf, size) < 0)
		snprintf(buf, size, "?");
}

static void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void print_table(const struct report *r, FILE *out)
{
	size_t i, w = 8;
	char b[48], e[48], d[48], s[48], p[48], bu[48], use[16];

	for (i = 0; i < r->count; i++)
		if (strlen(r->rows[i].group) > w)
			w = strlen(r->rows[i].group);
	fprintf(out, "%s %s by %s%s\n\n", "costs of", r->month, r->by,
		r->run_id ? "" : " (no reconciliation of the month yet: expected = billed)");
	fprintf(out, "%-*s %13s %13s %11s %9s %11s %11s %11s %7s\n", (int)w, r->by, "billed",
		"expected", "difference", "gpu_hours", "spot_saved", "pause_saved", "budget", "used");
	for (i = 0; i <= r->count; i++) {
		const struct report_row *row = i < r->count ? &r->rows[i] : &r->total;
		if (i == r->count) {
			size_t k;
			for (k = 0; k < w + 101; k++)
				fputc('-', out);
			fputc('\n', out);
		}
		money_cell(row->billed, b, sizeof b);
		money_cell(row->expected, e, sizeof e);
		money_cell(row->billed - row->expected, d, sizeof d);
		money_cell(row->spot_savings, s, sizeof s);
		money_cell(row->pause_savings, p, sizeof p);
		if (row->has_budget) {
			money_cell(row->budget, bu, sizeof bu);
			snprintf(use, sizeof use, "%.1f%%", row->budget_use * 100);
		} else {
			snprintf(bu, sizeof bu, "-");
			snprintf(use, sizeof use, "-");
		}
		fprintf(out, "%-*s %13s %13s %11s %9.1f %11s %11s %11s %7s\n", (int)w, row->group, b, e,
			d, row->gpu_hours, s, p, bu, use);
	}
}

static void csv_cell(FILE *out, const char *s, int last)
{
	csv_out_number(out, s);
	fputs(last ? "\n" : ",", out);
}

static void print_csv(const struct report *r, FILE *out)
{
	size_t i;
	char b[48], e[48], d[48], s[48], p[48], bu[48], h[32], use[32];

	fprintf(out, "%s,billed,expected,difference,gpu_hours,spot_savings,pause_savings,budget,budget_use\n",
		r->by);
	for (i = 0; i <= r->count; i++) {
		const struct report_row *row = i < r->count ? &r->rows[i] : &r->total;
		money_cell(row->billed, b, sizeof b);
		money_cell(row->expected, e, sizeof e);
		money_cell(row->billed - row->expected, d, sizeof d);
		money_cell(row->spot_savings, s, sizeof s);
		money_cell(row->pause_savings, p, sizeof p);
		snprintf(h, sizeof h, "%.2f", row->gpu_hours);
		if (row->has_budget) {
			money_cell(row->budget, bu, sizeof bu);
			snprintf(use, sizeof use, "%.4f", row->budget_use);
		} else {
			bu[0] = use[0] = 0;
		}
		csv_out_text(out, row->group);
		fputc(',', out);
		csv_cell(out, b, 0);
		csv_cell(out, e, 0);
		csv_cell(out, d, 0);
		csv_cell(out, h, 0);
		csv_cell(out, s, 0);
		csv_cell(out, p, 0);
		csv_cell(out, bu, 0);
		csv_cell(out, use, 1);
	}
}

static void print_json(const struct report *r, FILE *out)
{
	size_t i;
	char b[48], e[48], d[48], s[48], p[48], bu[48];

	fputs("{\"month\":", out);
	json_string(out, r->month);
	fputs(",\"by\":", out);
	json_string(out, r->by);
	if (r->run_id)
		fprintf(out, ",\"reconciliation_id\":%lld", (long long)r->run_id);
	else
		fputs(",\"reconciliation_id\":null", out);
	fputs(",\"rows\":[", out);
	for (i = 0; i <= r->count; i++) {
		const struct report_row *row = i < r->count ? &r->rows[i] : &r->total;
		money_cell(row->billed, b, sizeof b);
		money_cell(row->expected, e, sizeof e);
		money_cell(row->billed - row->expected, d, sizeof d);
		money_cell(row->spot_savings, s, sizeof s);
		money_cell(row->pause_savings, p, sizeof p);
		if (i == r->count)
			fputs("],\"total\":", out);
		else if (i)
			fputc(',', out);
		fputs("{\"group\":", out);
		json_string(out, row->group);
		fprintf(out, ",\"billed\":\"%s\",\"expected\":\"%s\",\"difference\":\"%s\","
			"\"gpu_hours\":%.2f,\"spot_savings\":\"%s\",\"pause_savings\":\"%s\"", b, e, d,
			row->gpu_hours, s, p);
		if (row->has_budget) {
			money_cell(row->budget, bu, sizeof bu);
			fprintf(out, ",\"budget\":\"%s\",\"budget_use\":%.4f}", bu, row->budget_use);
		} else {
			fputs(",\"budget\":null,\"budget_use\":null}", out);
		}
	}
	fputs("}\n", out);
}

int cmd_report(int argc, char **argv)
{
	static const struct option long_options[] = {
		{"month", required_argument, NULL, 'm'},
		{"by", required_argument, NULL, 'b'},
		{"format", required_argument, NULL, 'f'},
		{"html", required_argument, NULL, 'H'},
		{"ledger", required_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *month = NULL, *by = "project", *format = "table", *html = NULL;
	const char *path = global_ledger_option;
	char start[32], end[32];
	struct report r;
	sqlite3 *db;
	int c, exit_code = EXIT_OK;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
		switch (c) {
		case 'm': month = optarg; break;
		case 'b': by = optarg; break;
		case 'f': format = optarg; break;
		case 'H': html = optarg; break;
		case 'l': path = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fputs(usage, stderr);
		return error_exit(EXIT_USAGE, "report: unexpected argument '%s'", argv[optind]);
	}
	if (!month) {
		fputs(usage, stderr);
		return error_exit(EXIT_USAGE, "report: give --month YYYY-MM");
	}
	if (reconcile_month_bounds(month, start, end) < 0)
		return error_exit(EXIT_USAGE, "report: --month: not a month (YYYY-MM): '%s'", month);
	if (strcmp(by, "project") && strcmp(by, "provider") && strcmp(by, "resource") && strcmp(by, "sku"))
		return error_exit(EXIT_USAGE, "report: --by: '%s' (project, provider, resource, sku)", by);
	if (strcmp(format, "table") && strcmp(format, "csv") && strcmp(format, "json"))
		return error_exit(EXIT_USAGE, "report: --format: '%s' (table, csv, json)", format);
	if (!(db = ledger_open(ledger_path(path), LEDGER_READ)))
		return EXIT_LEDGER;
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	if (report_load(db, month, by, &r) != SQLITE_OK) {
		exit_code = error_exit(EXIT_LEDGER, "report: %s", sqlite3_errmsg(db));
		goto done;
	}
	if (!strcmp(format, "csv"))
		print_csv(&r, stdout);
	else if (!strcmp(format, "json"))
		print_json(&r, stdout);
	else
		print_table(&r, stdout);
	if (html) {
		struct report byproject;
		FILE *f;
		if (report_load(db, month, "project", &byproject) != SQLITE_OK) {
			exit_code = error_exit(EXIT_LEDGER, "report: %s", sqlite3_errmsg(db));
		} else {
			if (!(f = fopen(html, "w"))) {
				exit_code = error_exit(EXIT_LEDGER, "report: cannot write '%s'", html);
			} else {
				report_html(db, &byproject, f);
				if (fclose(f) != 0)
					exit_code = error_exit(EXIT_LEDGER, "report: cannot write '%s'", html);
			}
			report_free(&byproject);
		}
	}
	report_free(&r);
done:
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	ledger_close(db);
	return exit_code;
}
