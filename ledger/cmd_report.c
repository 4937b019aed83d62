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
#include "output_file.h"
#include "restated.h"
#include "reconcile.h"
#include "reconcile_invoices.h"
#include "report_commitments.h"
#include "term_text.h"
#include "report.h"
#include "summary_csv.h"

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
	"realised, pause savings, budget use and the cost of own machines (usage on\n"
	"the hardware table, not billed), and a total per currency; --html\n"
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

static int print_table(const struct report *r, FILE *out)
{
	size_t i, w = 8, cw = 8, n = r->count + r->total_count;
	char b[48], e[48], d[48], s[48], p[48], bu[48], use[16], o[48];
	/* groups and currencies as a terminal may show them (term_text.h) */
	char **shown = calloc(2 * n + 1, sizeof *shown);

	for (i = 0; shown && i < n; i++) {
		if (!(shown[2 * i] = term_text(row_at(r, i)->group)) ||
		    !(shown[2 * i + 1] = term_text(row_at(r, i)->currency)))
			goto out_of_memory;
		if (strlen(shown[2 * i]) > w)
			w = strlen(shown[2 * i]);
		if (strlen(shown[2 * i + 1]) > cw)
			cw = strlen(shown[2 * i + 1]);
	}
	if (!shown)
		return -1;
	fprintf(out, "costs of %s by %s%s%s", r->month, r->by, r->currency[0] ? " in " : "", r->currency);
	if (r->run_id)
		fprintf(out, ", expected from reconciliation %lld (every difference it found,"
			" whatever its tolerance)\n", (long long)r->run_id);
	else
		fputs(" (no reconciliation of the month yet: expected = billed)\n", out);
	fprintf(out, "month %s: %s\n\n", r->month, r->month_status);
	fprintf(out, "%-*s %-*s %13s %13s %11s %9s %11s %11s %11s %7s %11s\n", (int)w, r->by, (int)cw,
		"currency", r->cost, "expected", "difference", "gpu_hours", "spot_saved", "pause_saved",
		"budget", "used", "own_cost");
	for (i = 0; i < r->count + r->total_count; i++) {
		const struct report_row *row = row_at(r, i);
		if (i == r->count) {
			size_t k;
			for (k = 0; k < w + cw + 114; k++)
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
		money_cell(row->own_cost, o, sizeof o);
		fprintf(out, "%-*s %-*s %13s %13s %11s %9.1f %11s %11s %11s %7s %11s\n", (int)w,
			shown[2 * i], (int)cw, shown[2 * i + 1], b, e, d, row->gpu_hours, s, p, bu, use, o);
	}
	for (i = 0; i < 2 * n; i++)
		free(shown[i]);
	free(shown);
	return 0;
out_of_memory:
	for (i = 0; i < 2 * n; i++)
		free(shown[i]);
	free(shown);
	return -1;
}

static void json_money(struct json_writer *w, const char *key, int64_t nanos)
{
	char text[48];

	money_cell(nanos, text, sizeof text);
	json_key(w, key);
	json_string(w, text);
}

static void json_row(const struct report_row *row, struct json_writer *w)
{
	json_open(w, '{');
	json_key(w, "group");
	json_string(w, row->group);
	json_key(w, "currency");
	json_string(w, row->currency);
	json_money(w, "billed", row->billed);
	json_money(w, "expected", row->expected);
	json_money(w, "difference", row->billed - row->expected);
	json_key(w, "gpu_hours");
	json_number(w, row->gpu_hours, 2);
	json_money(w, "spot_savings", row->spot_savings);
	json_money(w, "pause_savings", row->pause_savings);
	json_money(w, "own_cost", row->own_cost);
	if (row->has_budget) {
		json_money(w, "budget", row->budget);
		json_key(w, "budget_use");
		json_number(w, row->budget_use, 4);
	} else {
		json_key(w, "budget");
		json_null(w);
		json_key(w, "budget_use");
		json_null(w);
	}
	json_close(w, '}');
}

/* "totals" has one row per currency; "total" is that row when there is one
 * currency, else null (amounts are never added across currencies). */
static int print_json(sqlite3 *db, const struct report *r, FILE *out)
{
	struct json_writer w;
	size_t i;
	int rc;

	json_writer_init(&w);
	json_open(&w, '{');
	json_key(&w, "month");
	json_string(&w, r->month);
	json_key(&w, "by");
	json_string(&w, r->by);
	json_key(&w, "currency");
	json_string(&w, r->currency[0] ? r->currency : NULL);
	json_key(&w, "reconciliation_id");
	if (r->run_id)
		json_integer(&w, (long long)r->run_id);
	else
		json_null(&w);
	json_key(&w, "cost");
	json_string(&w, r->cost);
	json_key(&w, "month_status");
	json_string(&w, r->month_status);
	json_key(&w, "rows");
	json_open(&w, '[');
	for (i = 0; i < r->count; i++)
		json_row(&r->rows[i], &w);
	json_close(&w, ']');
	json_key(&w, "totals");
	json_open(&w, '[');
	for (i = 0; i < r->total_count; i++)
		json_row(&r->totals[i], &w);
	json_close(&w, ']');
	json_key(&w, "total");
	if (r->total_count == 1)
		json_row(&r->totals[0], &w);
	else
		json_null(&w);
	json_key(&w, "commitments");
	if (report_commitments_json(db, r->month, &w) != SQLITE_OK)
		json_null(&w);
	json_close(&w, '}');
	rc = json_writer_text(&w) ? fprintf(out, "%s\n", json_writer_text(&w)) < 0 : -1;
	json_writer_free(&w);
	return rc ? -1 : 0;
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
		error_exit(EXIT_LEDGER, "report: %s", r->error[0] ? r->error : sqlite3_errmsg(db));
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
	while ((c = getopt_long(argc, argv, ":h", long_options, NULL)) != -1) {
		switch (c) {
		case 'm': month = optarg; break;
		case 'b': by = optarg; break;
		case 'f': format = optarg; break;
		case 'H': html = optarg; break;
		case 'c': currency_arg = optarg; break;
		case 'C': cost = optarg; break;
		case 'l': path = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: return option_error("report", usage, c, argv);
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
	if (restated_note(db, month, NULL, stderr) != SQLITE_OK)
		fprintf(stderr, "costledger: report: cannot tell whether %s was restated: %s\n", month,
			sqlite3_errmsg(db));
	if (!strcmp(format, "csv")) {
		if (summary_csv_write(&r, stdout, 2, "\n") < 0)
			exit_code = error_exit(EXIT_LEDGER, "report: amounts do not fit");
	}
	else if (!strcmp(format, "json")) {
		if (print_json(db, &r, stdout) < 0)
			exit_code = error_exit(EXIT_LEDGER, "report: out of memory");
	} else {
		if (print_table(&r, stdout) < 0)
			exit_code = error_exit(EXIT_LEDGER, "report: out of memory");
		report_commitments_table(db, month, stdout);
		report_estimates(db, month, 0, stdout);
	}
	if (html) {
		struct report byproject;
		struct output_file output;
		if ((exit_code = load(db, month, "project", currency_arg ? currency : NULL, cost, &byproject)) == EXIT_OK) {
			if ((exit_code = output_open(&output, html, ledger_path(path), "report")) == EXIT_OK) {
				report_html(db, &byproject, output.f);
				if (output_commit(&output, "report") < 0)
					exit_code = EXIT_LEDGER;
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
