/*
 * cmd_report.c: costledger report --month YYYY-MM [--by project|provider|
 * resource|sku] [--currency CUR] [--format table|csv|json] [--html FILE]
 *
 * Per group and currency, and a total per currency (amounts are never added
 * across currencies; --currency converts them all to one): billed (the month's charges), expected (billed
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
#include "reconcile_invoices.h"
#include "report.h"
#include "csv_out.h"

#include "json_text.h"
#include "money.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: costledger report [--ledger FILE] --month YYYY-MM\n"
	"                         [--by project|provider|resource|sku]\n"
	"                         [--currency CUR] [--format table|csv|json] [--html FILE]\n"
	"                         [--cost billed|effective]\n"
	"\n"
	"The month's costs per group and currency: billed, expected (from the\n"
	"month's latest reconciliation), difference, GPU hours, spot savings\n"
	"realised, pause savings and budget use, and a total per currency; --html\n"
	"also writes a self-contained page with billed against expected per\n"
	"project and the findings.\n"
	"\n"
	"  --month YYYY-MM  the month\n"
	"  --by G           group by project (default), provider, resource or sku\n"
	"  --currency CUR   convert every amount to CUR at the latest fx_rates rate\n"
	"                   on or before its day; one row per group, one total\n"
	"  --format F       table (default), csv or json\n"
	"  --html FILE      also write the HTML report to FILE\n"
	"  --cost C         billed (default): what the invoices charge; effective:\n"
	"                   commitments and upfront fees spread over what they\n"
	"                   covered (FOCUS EffectiveCost; docs/amortized.md)\n"
	"\n"
	"exit status: 0 ok, 2 bad usage or a missing exchange rate, 3 ledger error\n";

static void money_cell(int64_t nanos, char *buf, size_t size)
{
	if (money_format(nanos, 2, buf, size) < 0)
		snprintf(buf, size, "?");
}

/* Row i of the report's rows followed by its totals. */
static const struct report_row *row_at(const struct report *r, size_t i)
{
	return i < r->count ? &r->rows[i] : &r->totals[i - r->count];
}

static void print_table(const struct report *r, FILE *out)
{
	size_t i, w = 8, cw = 8;
	char b[48], e[48], d[48], s[48], p[48], bu[48], use[16];

	for (i = 0; i < r->count + r->total_count; i++) {
		if (strlen(row_at(r, i)->group) > w)
			w = strlen(row_at(r, i)->group);
		if (strlen(row_at(r, i)->currency) > cw)
			cw = strlen(row_at(r, i)->currency);
	}
	fprintf(out, "costs of %s by %s%s%s%s\n", r->month, r->by,
		r->currency[0] ? " in " : "", r->currency,
		r->run_id ? "" : " (no reconciliation of the month yet: expected = billed)");
	fprintf(out, "month %s: %s\n\n", r->month, r->month_status);
	fprintf(out, "%-*s %-*s %13s %13s %11s %9s %11s %11s %11s %7s\n", (int)w, r->by, (int)cw, "currency",
		r->cost, "expected", "difference", "gpu_hours", "spot_saved", "pause_saved", "budget", "used");
	for (i = 0; i < r->count + r->total_count; i++) {
		const struct report_row *row = row_at(r, i);
		if (i == r->count) {
			size_t k;
			for (k = 0; k < w + cw + 102; k++)
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
		fprintf(out, "%-*s %-*s %13s %13s %11s %9.1f %11s %11s %11s %7s\n", (int)w, row->group,
			(int)cw, row->currency, b, e, d, row->gpu_hours, s, p, bu, use);
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

	fprintf(out, "%s,currency,%s,expected,difference,gpu_hours,spot_savings,pause_savings,budget,"
		"budget_use\n", r->by, r->cost);
	for (i = 0; i < r->count + r->total_count; i++) {
		const struct report_row *row = row_at(r, i);
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
		csv_out_text(out, row->currency);
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

static void json_row(const struct report_row *row, FILE *out)
{
	char b[48], e[48], d[48], s[48], p[48], bu[48];

	money_cell(row->billed, b, sizeof b);
	money_cell(row->expected, e, sizeof e);
	money_cell(row->billed - row->expected, d, sizeof d);
	money_cell(row->spot_savings, s, sizeof s);
	money_cell(row->pause_savings, p, sizeof p);
	fputs("{\"group\":", out);
	json_text_write_string(out, row->group);
	fputs(",\"currency\":", out);
	json_text_write_string(out, row->currency);
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

/* "totals" has one row per currency; "total" is that row when there is one
 * currency, else null (amounts are never added across currencies). */
static void print_json(const struct report *r, FILE *out)
{
	size_t i;

	fputs("{\"month\":", out);
	json_text_write_string(out, r->month);
	fputs(",\"by\":", out);
	json_text_write_string(out, r->by);
	fputs(",\"currency\":", out);
	if (r->currency[0])
		json_text_write_string(out, r->currency);
	else
		fputs("null", out);
	if (r->run_id)
		fprintf(out, ",\"reconciliation_id\":%lld", (long long)r->run_id);
	else
		fputs(",\"reconciliation_id\":null", out);
	fputs(",\"cost\":", out);
	json_text_write_string(out, r->cost);
	fputs(",\"month_status\":", out);
	json_text_write_string(out, r->month_status);
	fputs(",\"rows\":[", out);
	for (i = 0; i < r->count; i++) {
		if (i)
			fputc(',', out);
		json_row(&r->rows[i], out);
	}
	fputs("],\"totals\":[", out);
	for (i = 0; i < r->total_count; i++) {
		if (i)
			fputc(',', out);
		json_row(&r->totals[i], out);
	}
	fputs("],\"total\":", out);
	if (r->total_count == 1)
		json_row(&r->totals[0], out);
	else
		fputs("null", out);
	fputs("}\n", out);
}

/* report_load, with its errors printed; returns the exit code. */
static int load(sqlite3 *db, const char *month, const char *by, const char *currency, const char *cost,
		struct report *r)
{
	int rc = report_load_cost(db, month, by, currency, cost, r);

	if (rc == SQLITE_OK)
		rc = month_status_text(db, month, NULL, r->month_status, sizeof r->month_status);

	if (rc == SQLITE_NOTFOUND) {
		error_exit(EXIT_USAGE, "report: no exchange rate from '%s' to '%s' on or before %s in fx_rates",
			   r->missing_from, r->currency, r->missing_day);
		report_free(r);
		return EXIT_USAGE;
	}
	if (rc != SQLITE_OK) {
		error_exit(EXIT_LEDGER, "report: %s", sqlite3_errmsg(db));
		report_free(r);
		return EXIT_LEDGER;
	}
	return EXIT_OK;
}

int cmd_report(int argc, char **argv)
{
	static const struct option long_options[] = {
		{"month", required_argument, NULL, 'm'},
		{"by", required_argument, NULL, 'b'},
		{"format", required_argument, NULL, 'f'},
		{"html", required_argument, NULL, 'H'},
		{"currency", required_argument, NULL, 'c'},
		{"cost", required_argument, NULL, 'C'},
		{"ledger", required_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *month = NULL, *by = "project", *format = "table", *html = NULL, *currency_arg = NULL;
	const char *path = global_ledger_option, *cost = "billed";
	char start[32], end[32], currency[4];
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
		case 'c': currency_arg = optarg; break;
		case 'C': cost = optarg; break;
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
	if (strcmp(cost, "billed") && strcmp(cost, "effective"))
		return error_exit(EXIT_USAGE, "report: --cost: '%s' (billed, effective)", cost);
	if (strcmp(format, "table") && strcmp(format, "csv") && strcmp(format, "json"))
		return error_exit(EXIT_USAGE, "report: --format: '%s' (table, csv, json)", format);
	if (currency_arg && currency_code(currency_arg, currency) < 0)
		return error_exit(EXIT_USAGE, "report: --currency: not a three-letter currency code: '%s'",
				  currency_arg);
	if (!(db = ledger_open(ledger_path(path), LEDGER_READ)))
		return EXIT_LEDGER;
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	if ((exit_code = load(db, month, by, currency_arg ? currency : NULL, cost, &r)) != EXIT_OK)
		goto done;
	if (!strcmp(format, "csv"))
		print_csv(&r, stdout);
	else if (!strcmp(format, "json"))
		print_json(&r, stdout);
	else
		print_table(&r, stdout);
	if (html) {
		struct report byproject;
		FILE *f;
		if ((exit_code = load(db, month, "project", currency_arg ? currency : NULL, cost, &byproject)) == EXIT_OK) {
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
