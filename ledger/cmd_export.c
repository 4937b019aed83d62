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
#include "csv_out.h"
#include "export_focus.h"
#include "ledger.h"
#include "output_file.h"
#include "reconcile.h"
#include "report.h"

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

/* Column types: t text, n number as the ledger has it (unit
 * prices too: exact decimal text), m money (allocated;
 * empty where its cells[] entry is set: a project without a budget), d the
 * difference of the two money columns before it, x exact money. */
struct table {
	const char *names[20];
	char types[21];
	size_t columns, rows, cap;
	char **cells;          /* rows x columns; NULL for money columns */
	int64_t *money;        /* rows x columns */
	int total_row;         /* a total row per currency */
	int currency_column;   /* the text column naming each row's currency, or -1 */
	/* The summary's totals of the n columns, as the report has them (n columns
	 * are not summed here), and m columns left empty: total_cells[k * columns
	 * + c] for the currency total_currencies[k]; NULL where there is none. */
	char **total_cells, **total_currencies;
	size_t total_count;
};

static int table_add_row(struct table *t)
{
	if (t->rows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 256;
		char **c = realloc(t->cells, cap * t->columns * sizeof *c);
		int64_t *m;
		if (!c)
			return -1;
		t->cells = c;
		if (!(m = realloc(t->money, cap * t->columns * sizeof *m)))
			return -1;
		t->money = m;
		t->cap = cap;
	}
	memset(t->cells + t->rows * t->columns, 0, t->columns * sizeof *t->cells);
	memset(t->money + t->rows * t->columns, 0, t->columns * sizeof *t->money);
	t->rows++;
	return 0;
}

static void table_free(struct table *t)
{
	size_t i;

	for (i = 0; i < t->rows * t->columns; i++)
		free(t->cells[i]);
	for (i = 0; t->total_cells && i < t->total_count * t->columns; i++)
		free(t->total_cells[i]);
	for (i = 0; t->total_currencies && i < t->total_count; i++)
		free(t->total_currencies[i]);
	free(t->cells);
	free(t->money);
	free(t->total_cells);
	free(t->total_currencies);
}

/* The report's numbers that are not summed money, for one row's cells:
 * gpu_hours, and budget and budget_use, empty without a budget. */
static void summary_cells(const struct report_row *row, char **cells, int64_t *money)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%.2f", row->gpu_hours);
	cells[5] = strdup(buf);
	if (money)
		money[8] = row->has_budget ? row->budget : 0;
	if (!row->has_budget)
		cells[8] = strdup("");
	snprintf(buf, sizeof buf, "%.4f", row->budget_use);
	cells[9] = strdup(row->has_budget ? buf : "");
}

static int table_from_sql(sqlite3 *db, struct table *t, const char *sql, const char *start,
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
		if (table_add_row(t) < 0) {
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

static int table_from_report(sqlite3 *db, struct table *t, const char *month, const char *currency,
			     const char *cost, struct report *r_out)
{
	struct report r;
	size_t i;
	int rc;

	if ((rc = report_load_cost(db, month, "project", currency, cost, &r)) != SQLITE_OK) {
		memcpy(r_out->currency, r.currency, sizeof r.currency);
		memcpy(r_out->missing_from, r.missing_from, sizeof r.missing_from);
		memcpy(r_out->missing_day, r.missing_day, sizeof r.missing_day);
		memcpy(r_out->error, r.error, sizeof r.error);
		report_free(&r);
		return rc;
	}
	for (i = 0; i < r.count; i++) {
		const struct report_row *row = &r.rows[i];
		size_t base;
		if (table_add_row(t) < 0) {
			report_free(&r);
			return SQLITE_NOMEM;
		}
		base = (t->rows - 1) * t->columns;
		t->cells[base] = strdup(row->group);
		t->cells[base + 1] = strdup(row->currency);
		t->money[base + 2] = row->billed;
		t->money[base + 3] = row->expected;
		t->money[base + 6] = row->spot_savings;
		t->money[base + 7] = row->pause_savings;
		t->money[base + 10] = row->own_cost;
		summary_cells(row, t->cells + base, t->money + base);
	}
	t->total_cells = calloc((r.total_count ? r.total_count : 1) * t->columns, sizeof *t->total_cells);
	t->total_currencies = calloc(r.total_count ? r.total_count : 1, sizeof *t->total_currencies);
	if (!t->total_cells || !t->total_currencies) {
		report_free(&r);
		return SQLITE_NOMEM;
	}
	for (i = 0; i < r.total_count; i++) {
		t->total_currencies[i] = strdup(r.totals[i].currency);
		summary_cells(&r.totals[i], t->total_cells + i * t->columns, NULL);
	}
	t->total_count = r.total_count;
	report_free(&r);
	return SQLITE_OK;
}

static const char *row_currency(const struct table *t, size_t r)
{
	return t->currency_column < 0 ? "" : t->cells[r * t->columns + (size_t)t->currency_column];
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct currencies of the rows, sorted; one ("") for a table without
 * a currency column or without rows. Returns their number, 0 when out of memory. */
static size_t table_currencies(const struct table *t, const char ***out)
{
	const char **list = malloc((t->rows ? t->rows : 1) * sizeof *list);
	size_t r, n = 0;

	if (!(*out = list))
		return 0;
	for (r = 0; r < t->rows; r++)
		list[r] = row_currency(t, r);
	qsort(list, t->rows, sizeof *list, by_text);
	for (r = 0; r < t->rows; r++)
		if (!n || strcmp(list[n - 1], list[r]))
			list[n++] = list[r];
	if (!n)
		list[n++] = "";
	return n;
}

/* Rounds every money column, each currency on its own, so that its rows add
 * up to its rounded total (csv_out_allocate); totals[k * columns + c] is the
 * total of currency k in column c. */
static int allocate_per_currency(struct table *t, const char **currencies, size_t n, int decimals,
				 int64_t *totals)
{
	int64_t *column = malloc((t->rows ? t->rows : 1) * sizeof *column);
	int64_t *rounded = malloc((t->rows ? t->rows : 1) * sizeof *rounded);
	size_t *index = malloc((t->rows ? t->rows : 1) * sizeof *index);
	size_t k, c, r, m;
	int rc = 0;

	for (k = 0; rc == 0 && column && rounded && index && k < n; k++) {
		for (c = 0; rc == 0 && c < t->columns; c++) {
			if (t->types[c] != 'm')
				continue;
			for (r = m = 0; r < t->rows; r++) {
				if (strcmp(row_currency(t, r), currencies[k]))
					continue;
				column[m] = t->money[r * t->columns + c];
				index[m++] = r;
			}
			if (csv_out_allocate(column, m, decimals, rounded) < 0) {
				rc = -1;
				break;
			}
			for (r = 0; r < m; r++) {
				t->money[index[r] * t->columns + c] = rounded[r];
				totals[k * t->columns + c] += rounded[r];
			}
		}
	}
	if (!column || !rounded || !index)
		rc = -1;
	free(column);
	free(rounded);
	free(index);
	return rc;
}

/* The summary's total cells of currency, or NULL. */
static char *const *total_cells_of(const struct table *t, const char *currency)
{
	size_t k;

	for (k = 0; k < t->total_count; k++)
		if (t->total_currencies[k] && !strcmp(t->total_currencies[k], currency))
			return t->total_cells + k * t->columns;
	return NULL;
}

/* Row r of the table, or with total set the total row of currency. */
static void write_row(const struct table *t, FILE *out, size_t r, const int64_t *total,
		      const char *currency, int decimals, const char *eol)
{
	char *const *total_cells = total ? total_cells_of(t, currency) : NULL;
	size_t c;
	char buf[48];

	for (c = 0; c < t->columns; c++) {
		size_t i = r * t->columns + c;
		int64_t v;
		switch (t->types[c]) {
		case 'm':
		case 'd':
			if (t->types[c] == 'm' && (total ? total_cells && total_cells[c] : t->cells[i] != NULL))
				break;
			if (t->types[c] == 'm')
				v = total ? total[c] : t->money[i];
			else
				v = total ? total[c - 2] - total[c - 1] : t->money[i - 2] - t->money[i - 1];
			money_format(v, decimals, buf, sizeof buf);
			csv_out_number(out, buf);
			break;
		case 'n':
			if (!total)
				csv_out_number(out, t->cells[i]);
			else if (total_cells && total_cells[c])
				csv_out_number(out, total_cells[c]);
			break;
		default:
			if (!total)
				csv_out_text(out, t->cells[i]);
			else if (c == 0)
				csv_out_text(out, "total");
			else if ((int)c == t->currency_column)
				csv_out_text(out, currency);
		}
		fputs(c + 1 < t->columns ? "," : eol, out);
	}
}

static int write_table(struct table *t, FILE *out, int decimals, const char *eol)
{
	const char **currencies;
	size_t n = table_currencies(t, &currencies), r, k;
	int64_t *totals = n ? calloc(n * t->columns, sizeof *totals) : NULL;

	if (!totals || allocate_per_currency(t, currencies, n, decimals, totals) < 0) {
		free(currencies);
		free(totals);
		return -1;
	}
	for (r = 0; r < t->columns; r++) {
		csv_out_text(out, t->names[r]);
		fputs(r + 1 < t->columns ? "," : eol, out);
	}
	for (r = 0; r < t->rows; r++)
		write_row(t, out, r, NULL, NULL, decimals, eol);
	for (k = 0; t->total_row && k < n; k++)
		write_row(t, out, 0, totals + k * t->columns, currencies[k], decimals, eol);
	free(currencies);
	free(totals);
	return 0;
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

int cmd_export(int argc, char **argv)
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
	const char *month = NULL, *what = NULL, *file = NULL, *format = "csv", *cost = "billed";
	const char *path = global_ledger_option, *eol = "\n", *currency_arg = NULL;
	char start[32], end[32], currency[4], *endp;
	int decimals = 2, c, rc = SQLITE_OK, exit_code = EXIT_OK;
	struct table t;
	struct report missing;     /* summary: the missing exchange rate */
	struct focus_options focus = {.version = 13};
	struct focus_plan *plan = NULL;
	int focus_options_given = 0;
	sqlite3 *db;
	struct output_file output;
	FILE *out;
	char *message = NULL;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":ho:", long_options, NULL)) != -1) {
		switch (c) {
		case 'm': month = optarg; break;
		case 'w': what = optarg; break;
		case 'o': file = optarg; break;
		case 'c': eol = "\r\n"; break;
		case 'f': format = optarg; break;
		case 'C': currency_arg = optarg; break;
		case 'K': cost = optarg; break;
		case 'l': path = optarg; break;
		case 'V':
			focus_options_given = 1;
			if (focus_version_set(&focus, optarg) < 0)
				return error_exit(EXIT_USAGE, "export: --focus-version: 1.2 or 1.3, not '%s'", optarg);
			break;
		case 'F':
			focus_options_given = 1;
			if (focus_fill_set(&focus, optarg) < 0)
				return EXIT_USAGE;
			break;
		case 'd':
			decimals = (int)strtol(optarg, &endp, 10);
			if (*endp || endp == optarg || decimals < 0 || decimals > 9)
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
	if (!month || !what || !file) {
		fputs(usage, stderr);
		return error_exit(EXIT_USAGE, "export: give --month, --what and -o FILE");
	}
	if (reconcile_month_bounds(month, start, end) < 0)
		return error_exit(EXIT_USAGE, "export: --month: not a month (YYYY-MM): '%s'", month);
	if (strcmp(what, "summary") && strcmp(what, "findings") && strcmp(what, "charges") &&
	    strcmp(what, "usage"))
		return error_exit(EXIT_USAGE, "export: --what: '%s' (summary, findings, charges, usage)", what);
	if (strcmp(cost, "billed") && strcmp(cost, "effective"))
		return error_exit(EXIT_USAGE, "export: --cost: '%s' (billed, effective)", cost);
	if (strcmp(cost, "billed") && strcmp(what, "summary") && strcmp(what, "charges"))
		return error_exit(EXIT_USAGE, "export: --cost is for --what summary or charges");
	if (strcmp(format, "csv") && strcmp(format, "focus"))
		return error_exit(EXIT_USAGE, "export: --format: '%s' (csv, focus)", format);
	if (!strcmp(format, "focus") && strcmp(what, "charges"))
		return error_exit(EXIT_USAGE, "export: --format focus is for --what charges");
	if (strcmp(cost, "billed") && !strcmp(format, "focus"))
		return error_exit(EXIT_USAGE, "export: --cost is for --format csv (a FOCUS file has"
				  " BilledCost and EffectiveCost)");
	if (focus_options_given && strcmp(format, "focus"))
		return error_exit(EXIT_USAGE, "export: --focus-version and --fill are for --format focus");
	if (currency_arg && strcmp(what, "summary"))
		return error_exit(EXIT_USAGE, "export: --currency is for --what summary");
	if (currency_arg && currency_code(currency_arg, currency) < 0)
		return error_exit(EXIT_USAGE, "export: --currency: not a three-letter currency code: '%s'",
				  currency_arg);
	if (!(db = ledger_open(ledger_path(path), LEDGER_READ)))
		return EXIT_LEDGER;
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	/* FOCUS: the columns are decided, or the export refused, before the
	 * file is opened. */
	if (!strcmp(format, "focus") && (exit_code = focus_plan_make(db, start, end, &focus, &plan))) {
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		ledger_close(db);
		return exit_code;
	}
	if ((exit_code = output_open(&output, file, ledger_path(path), "export")) != EXIT_OK) {
		focus_plan_free(plan);
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		ledger_close(db);
		return exit_code;
	}
	out = output.f;
	memset(&t, 0, sizeof t);
	memset(&missing, 0, sizeof missing);
	if (!strcmp(format, "focus")) {
		rc = focus_plan_write(plan, out, eol);
		focus_plan_free(plan);
	} else {
		const char *summary_names[] = {"project", "currency", cost, "expected",
			"difference", "gpu_hours", "spot_savings", "pause_savings", "budget", "budget_use",
			"own_cost"};
		static const char *const findings_names[] = {"kind", "provider", "project", "resource_id",
			"period_start", "period_end", "hours", "currency", "billed", "expected", "difference"};
		const char *charges_names[] = {"charge_id", "provider", "project",
			"resource_id", "sku", "charge_period_start", "charge_period_end", "charge_category",
			"charge_class", "pricing_category", "pricing_quantity", "pricing_unit", "unit_price",
			!strcmp(cost, "effective") ? "effective_cost" : "billed_cost", "currency"};
		static const char *const usage_names[] = {"usage_id", "provider", "project", "job_id",
			"run_id", "resource_id", "instance_type", "pricing", "gpus", "state", "usage_start",
			"usage_end", "hours"};
		const char *const *names;
		size_t i;
		t.currency_column = -1;
		if (!strcmp(what, "summary")) {
			names = summary_names;
			t.columns = 11;
			strcpy(t.types, "ttmmdnmmmnm");
			t.total_row = 1;
			t.currency_column = 1;
			rc = table_from_report(db, &t, month, currency_arg ? currency : NULL, cost, &missing);
		} else if (!strcmp(what, "findings")) {
			sqlite3_int64 run = report_latest_run(db, month);
			names = findings_names;
			strcpy(t.types, "ttttttntmmd");
			t.total_row = 1;
			t.currency_column = 7;
			if (!run)
				fprintf(stderr, "costledger: export: no reconciliation of %s yet;"
					" run costledger reconcile --month %s\n", month, month);
			rc = table_from_sql(db, &t, findings_sql, start, end, run);
		} else if (!strcmp(what, "charges")) {
			names = charges_names;
			strcpy(t.types, "ntttttttttntnmt");
			t.currency_column = 14;
			char *sql = sqlite3_mprintf(charges_sql, cost);
			rc = sql ? table_from_sql(db, &t, sql, start, end, 0) : SQLITE_NOMEM;
			sqlite3_free(sql);
		} else {
			names = usage_names;
			strcpy(t.types, "nttttttttnttn");
			rc = table_from_sql(db, &t, usage_sql, start, end, 0);
		}
		for (i = 0; i < t.columns; i++)
			t.names[i] = names[i];
		if (rc == SQLITE_OK && write_table(&t, out, decimals, eol) < 0)
			rc = SQLITE_RANGE;
		table_free(&t);
	}
	/* The message before COMMIT, which resets it. */
	if (rc != SQLITE_OK && rc != SQLITE_NOTFOUND && rc != SQLITE_RANGE)
		message = sqlite3_mprintf("%s", sqlite3_errmsg(db));
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc == SQLITE_NOTFOUND)
		exit_code = error_exit(EXIT_USAGE, "export: no exchange rate from '%s' to '%s' on or before %s"
				       " in fx_rates", missing.missing_from, missing.currency, missing.missing_day);
	else if (rc != SQLITE_OK)
		exit_code = error_exit(EXIT_LEDGER, "export: %s", rc == SQLITE_RANGE ? "amounts do not fit" :
				       missing.error[0] ? missing.error : message ? message : sqlite3_errstr(rc));
	sqlite3_free(message);
	if (exit_code != EXIT_OK)
		output_abort(&output);
	else if (output_commit(&output, "export") < 0)
		exit_code = EXIT_LEDGER;
	ledger_close(db);
	return exit_code;
}
