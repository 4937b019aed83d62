/*
 * cmd_export.c: costledger export --month YYYY-MM --what summary|findings|
 * charges|usage -o FILE [--decimals N] [--crlf] [--format csv|focus]
 * [--currency CUR]
 *
 * Finance CSV (docs/exports.md): RFC 4180 through libcsv's csv_fwrite, a
 * header row, UTF-8, LF or CRLF; amounts rounded half-even to --decimals
 * (default 2) with the rounding remainder allocated so that every money
 * column adds up exactly to its rounded total (csv_out_allocate), each
 * currency on its own (amounts are never added across currencies); text
 * cells neutralised against spreadsheet formulas. summary and findings end
 * with a total row per currency; summary --currency CUR converts them all.
 * --format focus (charges only) writes a FOCUS 1.2 or 1.3 file with exact
 * amounts that `costledger import` reads back to the same totals
 * (export_focus.c).
 */
#include "commands.h"
#include "csv_table.h"
#include "export_focus.h"
#include "ledger.h"
#include "output_file.h"
#include "reconcile.h"
#include "report.h"
#include "summary_csv.h"

#include "money.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: costledger export [--ledger FILE] --month YYYY-MM\n"
	"                         --what summary|findings|charges|usage -o FILE\n"
	"                         [--decimals N] [--crlf] [--format csv|focus]\n"
	"                         [--currency CUR] [--focus-version 1.2|1.3]\n"
	"                         [--fill COLUMN=VALUE]...\n"
	"\n"
	"Writes the month as CSV for finance: RFC 4180, a header row, amounts\n"
	"rounded half-even to N decimals (default 2) so that each amount column\n"
	"adds up exactly to its rounded total, per currency (docs/exports.md);\n"
	"text cells that a spreadsheet would take for a formula start with a\n"
	"single quote.\n"
	"\n"
	"  --what W       summary (per project), findings (of the month's latest\n"
	"                 reconciliation), charges or usage\n"
	"  -o FILE        the file to write ('-': standard output)\n"
	"  --decimals N   decimals of amounts, 0 to 9 (default 2)\n"
	"  --crlf         end lines with CRLF (default LF)\n"
	"  --format F     csv (default) or focus: charges as a FOCUS file with\n"
	"                 exact amounts, for a warehouse or `costledger import`\n"
	"  --focus-version V  1.2 or 1.3 (default 1.3)\n"
	"  --fill COLUMN=VALUE  focus: the value of a column FOCUS requires where\n"
	"                 the bill had none (ProviderName, BillingAccountId,\n"
	"                 BillingCurrency, ServiceName, ChargeCategory, PricingUnit)\n"
	"  --currency CUR summary only: convert every amount to CUR at the latest\n"
	"                 fx_rates rate on or before its day (default: a row per\n"
	"                 project and currency, and a total per currency)\n"
	"\n"
	"exit status: 0 written, 2 bad usage, a missing exchange rate or a value\n"
	"FOCUS requires that no --fill gives,\n"
	"3 ledger or file error\n";


static int table_from_sql(sqlite3 *db, struct csv_table *t, const char *sql, const char *start,
			  const char *end, sqlite3_int64 run_id)
{
	sqlite3_stmt *st;
	int rc, c;

	if ((rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL)) != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, start, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, end, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, run_id);
	t->columns = (size_t)sqlite3_column_count(st);
	for (c = 0; c < (int)t->columns && c < 20; c++)
		t->names[c] = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t base;
		if (csv_table_add_row(t) < 0) {
			rc = SQLITE_NOMEM;
			break;
		}
		base = (t->rows - 1) * t->columns;
		for (c = 0; c < (int)t->columns; c++) {
			const unsigned char *s = sqlite3_column_text(st, c);
			if (t->types[c] == 'm')
				t->money[base + c] = sqlite3_column_int64(st, c);
			if (t->types[c] != 'm' && t->types[c] != 'd')
				t->cells[base + c] = strdup(s ? (const char *)s : "");
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static const char findings_sql[] =
	"SELECT kind, provider, project, resource_id, period_start, period_end,"
	" printf('%.2f', hours), coalesce(nullif(f.currency, ''), " REPORT_FINDING_CURRENCY ", ''), billed, expected, 0"
	" FROM findings f WHERE reconciliation_id = ?3 ORDER BY finding_id";
/* %s: the cost basis, 'billed' or 'effective' (REPORT_CHARGE_COST). */
static const char charges_sql[] =
	"SELECT charge_id, provider, project, resource_id, coalesce(instance_type, sku_id),"
	" charge_period_start, charge_period_end, charge_category, charge_class, pricing_category,"
	" pricing_quantity, pricing_unit, unit_price, " REPORT_CHARGE_COST("%Q") ", billing_currency"
	" FROM charges WHERE charge_period_start >= ?1 AND charge_period_start < ?2"
	" ORDER BY charge_period_start, charge_id";
static const char usage_sql[] =
	"SELECT usage_id, provider, project, job_id, run_id, resource_id, instance_type, pricing,"
	" gpus, state, max(usage_start, ?1), min(usage_end, ?2),"
	" printf('%.4f', overlap_seconds(usage_start, usage_end, ?1, ?2) / 3600.0) FROM usage"
	" WHERE usage_end > ?1 AND usage_start < ?2 ORDER BY usage_start, usage_id";

struct export_args {
	const char *month, *what, *file, *format, *cost, *path, *eol, *currency_arg;
	int decimals, focus_options_given;
	struct focus_options focus;
	char start[32], end[32], currency[4];  /* the month's bounds; --currency checked */
};

/* The arguments' errors, after they are read; -1 when there is none. */
static int check_args(struct export_args *a)
{
	if (!a->month || !a->what || !a->file) {
		fputs(usage, stderr);
		return error_exit(EXIT_USAGE, "export: give --month, --what and -o FILE");
	}
	if (reconcile_month_bounds(a->month, a->start, a->end) < 0)
		return error_exit(EXIT_USAGE, "export: --month: not a month (YYYY-MM): '%s'", a->month);
	if (strcmp(a->what, "summary") && strcmp(a->what, "findings") && strcmp(a->what, "charges") &&
	    strcmp(a->what, "usage"))
		return error_exit(EXIT_USAGE, "export: --what: '%s' (summary, findings, charges, usage)",
				  a->what);
	if (strcmp(a->cost, "billed") && strcmp(a->cost, "effective"))
		return error_exit(EXIT_USAGE, "export: --cost: '%s' (billed, effective)", a->cost);
	if (strcmp(a->cost, "billed") && strcmp(a->what, "summary") && strcmp(a->what, "charges"))
		return error_exit(EXIT_USAGE, "export: --cost is for --what summary or charges");
	if (strcmp(a->format, "csv") && strcmp(a->format, "focus"))
		return error_exit(EXIT_USAGE, "export: --format: '%s' (csv, focus)", a->format);
	if (!strcmp(a->format, "focus") && strcmp(a->what, "charges"))
		return error_exit(EXIT_USAGE, "export: --format focus is for --what charges");
	if (strcmp(a->cost, "billed") && !strcmp(a->format, "focus"))
		return error_exit(EXIT_USAGE, "export: --cost is for --format csv (a FOCUS file has"
				  " BilledCost and EffectiveCost)");
	if (a->focus_options_given && strcmp(a->format, "focus"))
		return error_exit(EXIT_USAGE, "export: --focus-version and --fill are for --format focus");
	if (a->currency_arg && strcmp(a->what, "summary"))
		return error_exit(EXIT_USAGE, "export: --currency is for --what summary");
	if (a->currency_arg && currency_code(a->currency_arg, a->currency) < 0)
		return error_exit(EXIT_USAGE, "export: --currency: not a three-letter currency code: '%s'",
				  a->currency_arg);
	return -1;
}

/* Reads and checks the arguments; -1 to go on, else the exit code. */
static int read_args(int argc, char **argv, struct export_args *a)
{
	static const struct option long_options[] = {
		{"month", required_argument, NULL, 'm'},
		{"what", required_argument, NULL, 'w'},
		{"output", required_argument, NULL, 'o'},
		{"decimals", required_argument, NULL, 'd'},
		{"crlf", no_argument, NULL, 'c'},
		{"format", required_argument, NULL, 'f'},
		{"currency", required_argument, NULL, 'C'},
		{"cost", required_argument, NULL, 'K'},
		{"ledger", required_argument, NULL, 'l'},
		{"focus-version", required_argument, NULL, 'V'},
		{"fill", required_argument, NULL, 'F'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	char *endp;
	int c;

	memset(a, 0, sizeof *a);
	a->format = "csv";
	a->cost = "billed";
	a->path = global_ledger_option;
	a->eol = "\n";
	a->decimals = 2;
	a->focus.version = 13;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":ho:", long_options, NULL)) != -1) {
		switch (c) {
		case 'm': a->month = optarg; break;
		case 'w': a->what = optarg; break;
		case 'o': a->file = optarg; break;
		case 'c': a->eol = "\r\n"; break;
		case 'f': a->format = optarg; break;
		case 'C': a->currency_arg = optarg; break;
		case 'K': a->cost = optarg; break;
		case 'l': a->path = optarg; break;
		case 'V':
			a->focus_options_given = 1;
			if (focus_version_set(&a->focus, optarg) < 0)
				return error_exit(EXIT_USAGE, "export: --focus-version: 1.2 or 1.3, not '%s'", optarg);
			break;
		case 'F':
			a->focus_options_given = 1;
			if (focus_fill_set(&a->focus, optarg) < 0)
				return EXIT_USAGE;
			break;
		case 'd':
			a->decimals = (int)strtol(optarg, &endp, 10);
			if (*endp || endp == optarg || a->decimals < 0 || a->decimals > 9)
				return error_exit(EXIT_USAGE, "export: --decimals: 0 to 9, not '%s'", optarg);
			break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: return option_error("export", usage, c, argv);
		}
	}
	if (optind < argc) {
		fputs(usage, stderr);
		return error_exit(EXIT_USAGE, "export: unexpected argument '%s'", argv[optind]);
	}
	return check_args(a);
}

/* --what findings, charges or usage as CSV; SQLite's code, SQLITE_RANGE
 * when the amounts do not fit. */
static int write_rows(sqlite3 *db, const struct export_args *a, FILE *out)
{
	static const char *const findings_names[] = {"kind", "provider", "project", "resource_id",
		"period_start", "period_end", "hours", "currency", "billed", "expected", "difference"};
	const char *charges_names[] = {"charge_id", "provider", "project",
		"resource_id", "sku", "charge_period_start", "charge_period_end", "charge_category",
		"charge_class", "pricing_category", "pricing_quantity", "pricing_unit", "unit_price",
		!strcmp(a->cost, "effective") ? "effective_cost" : "billed_cost", "currency"};
	static const char *const usage_names[] = {"usage_id", "provider", "project", "job_id",
		"run_id", "resource_id", "instance_type", "pricing", "gpus", "state", "usage_start",
		"usage_end", "hours"};
	const char *const *names;
	struct csv_table t;
	size_t i;
	int rc;

	memset(&t, 0, sizeof t);
	t.currency_column = -1;
	if (!strcmp(a->what, "findings")) {
		sqlite3_int64 run = report_latest_run(db, a->month);
		names = findings_names;
		strcpy(t.types, "ttttttntmmd");
		t.total_row = 1;
		t.currency_column = 7;
		if (!run)
			fprintf(stderr, "costledger: export: no reconciliation of %s yet;"
				" run costledger reconcile --month %s\n", a->month, a->month);
		rc = table_from_sql(db, &t, findings_sql, a->start, a->end, run);
	} else if (!strcmp(a->what, "charges")) {
		char *sql = sqlite3_mprintf(charges_sql, a->cost);
		names = charges_names;
		strcpy(t.types, "ntttttttttntnmt");
		t.currency_column = 14;
		rc = sql ? table_from_sql(db, &t, sql, a->start, a->end, 0) : SQLITE_NOMEM;
		sqlite3_free(sql);
	} else {
		names = usage_names;
		strcpy(t.types, "nttttttttnttn");
		rc = table_from_sql(db, &t, usage_sql, a->start, a->end, 0);
	}
	for (i = 0; i < t.columns; i++)
		t.names[i] = names[i];
	if (rc == SQLITE_OK && csv_table_write(&t, out, a->decimals, a->eol) < 0)
		rc = SQLITE_RANGE;
	csv_table_free(&t);
	return rc;
}

int cmd_export(int argc, char **argv)
{
	struct export_args a;
	int rc = SQLITE_OK, exit_code;
	struct report summary;     /* summary: the report, or the missing exchange rate */
	struct focus_plan *plan = NULL;
	sqlite3 *db;
	struct output_file output;
	char *message = NULL;

	if ((exit_code = read_args(argc, argv, &a)) >= 0)
		return exit_code;
	if (!(db = ledger_open(ledger_path(a.path), LEDGER_READ)))
		return EXIT_LEDGER;
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	/* FOCUS: the columns are decided, or the export refused, before the
	 * file is opened. */
	if (!strcmp(a.format, "focus") &&
	    (exit_code = focus_plan_make(db, a.start, a.end, &a.focus, &plan))) {
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		ledger_close(db);
		return exit_code;
	}
	if ((exit_code = output_open(&output, a.file, ledger_path(a.path), "export")) != EXIT_OK) {
		focus_plan_free(plan);
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		ledger_close(db);
		return exit_code;
	}
	memset(&summary, 0, sizeof summary);
	if (!strcmp(a.format, "focus")) {
		rc = focus_plan_write(plan, output.f, a.eol);
		focus_plan_free(plan);
	} else if (!strcmp(a.what, "summary")) {
		rc = report_load_cost(db, a.month, "project", a.currency_arg ? a.currency : NULL, a.cost,
				      &summary);
		if (rc == SQLITE_OK && summary_csv_write(&summary, output.f, a.decimals, a.eol) < 0)
			rc = SQLITE_RANGE;
	} else {
		rc = write_rows(db, &a, output.f);
	}
	/* The message before COMMIT, which resets it. */
	if (rc != SQLITE_OK && rc != SQLITE_NOTFOUND && rc != SQLITE_RANGE)
		message = sqlite3_mprintf("%s", sqlite3_errmsg(db));
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc == SQLITE_NOTFOUND)
		exit_code = error_exit(EXIT_USAGE, "export: no exchange rate from '%s' to '%s' on or before %s"
				       " in fx_rates", summary.missing_from, summary.currency, summary.missing_day);
	else if (rc != SQLITE_OK)
		exit_code = error_exit(EXIT_LEDGER, "export: %s", rc == SQLITE_RANGE ? "amounts do not fit" :
				       summary.error[0] ? summary.error : message ? message : sqlite3_errstr(rc));
	sqlite3_free(message);
	report_free(&summary);
	if (exit_code != EXIT_OK)
		output_abort(&output);
	else if (output_commit(&output, "export") < 0)
		exit_code = EXIT_LEDGER;
	ledger_close(db);
	return exit_code;
}
