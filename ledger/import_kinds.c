/*
 * import_kinds.c: what each kind of file does in an import (import_run.h):
 * bills through the mapped reader (rows mapped on the reading thread,
 * stored on this one), usage logs to usage intervals, rate cards, budgets,
 * exchange rates, hardware and invoices to their stores, row by row.
 */
#include "import_run.h"

#include "bulk_index.h"
#include "capacity_blocks.h"
#include "ledger.h"
#include "store_charges.h"
#include "store_fx.h"
#include "store_hardware.h"
#include "store_invoices.h"
#include "store_rates.h"
#include "store_usage.h"

#include "bill.h"
#include "focus_rules.h"
#include "fx_rates.h"
#include "hardware.h"
#include "invoices.h"
#include "nvidia_smi.h"
#include "rates.h"
#include "sacct.h"
#include "usage_csv.h"
#include "usage_lines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


/* A bill row as the reading thread maps it (reader_run_mapped). */
struct bill_record {
	struct charge charge;
	struct charge_binding binding; /* lengths and times, measured here too */
	int is_header;
	char *tags;            /* a copy of tags the mapping built (CUR) */
	size_t tags_size;
};

const char *import_run_table(enum kind k)
{
	switch (k) {
	case K_BILL: return "bill";
	case K_RATES: return "rates";
	case K_HARDWARE: return "hardware";
	case K_BUDGETS: return "budgets";
	case K_FX_RATES: return "fx_rates";
	case K_INVOICES: return "invoices";
	default: return "usage";
	}
}

static int store_failed(struct import_run *run, long line)
{
	import_error_set(&run->error, run->file, line, NULL, "cannot store: %s", sqlite3_errmsg(run->db));
	return EXIT_LEDGER;
}

static void count_outcome(struct import_run *run, enum store_outcome outcome)
{
	if (outcome == STORE_INSERTED)
		run->inserted++;
	else
		run->duplicate++;
}

static int on_usage_record(void *context, const struct usage_record *record)
{
	struct import_run *run = context;
	enum store_outcome outcome;

	if (usage_store_add(run->usage_store, run->import_id,
			    record->source_file ? record->source_file : run->file, record,
			    &outcome) != SQLITE_OK)
		return store_failed(run, record->source_line);
	count_outcome(run, outcome);
	return 0;
}

/*
 * In the reading thread: the header makes the mapping, each row after it a
 * charge. Touches only the mapping, map_error and the record, never what
 * the storing thread uses.
 */
static int import_run_map_bill(void *context, const struct csv_row *row, void *out)
{
	struct import_run *run = context;
	struct bill_record *record = out;
	size_t n;

	record->is_header = !run->mapping;
	if (record->is_header) {
		if (bill_mapping_new(row, run->options->format, run->file, &run->mapping,
				     &run->map_error) < 0)
			return EXIT_USAGE;
		if (!strncmp(bill_mapping_format(run->mapping), "focus", 5) &&
		    !(run->rules = focus_rules_new(run->mapping, row)))
			return import_error_set(&run->map_error, run->file, row->line, NULL,
						"out of memory"), EXIT_LEDGER;
		return 0;
	}
	if (run->rules && row->count == bill_mapping_column_count(run->mapping) &&
	    focus_rules_row(run->rules, row) < 0)
		return import_error_set(&run->map_error, run->file, row->line, NULL, "out of memory"),
		       EXIT_LEDGER;
	if (bill_mapping_row(run->mapping, row, &record->charge, &run->map_error) < 0)
		return EXIT_USAGE;
	if (bill_mapping_built_tags(run->mapping, &record->charge)) {
		/* The mapping reuses its buffer for the next row: keep a copy. */
		n = strlen(record->charge.tags) + 1;
		if (n > record->tags_size) {
			char *grown = realloc(record->tags, n);
			if (!grown)
				return import_error_set(&run->map_error, run->file, row->line, NULL,
							"out of memory"), EXIT_LEDGER;
			record->tags = grown;
			record->tags_size = n;
		}
		memcpy(record->tags, record->charge.tags, n);
		record->charge.tags = record->tags;
	}
	if (charge_binding_make(&record->charge, run->options->tag_key, &record->binding) < 0)
		return import_error_set(&run->map_error, run->file, row->line,
					bill_mapping_tags_column(run->mapping), "malformed JSON"),
		       EXIT_USAGE;
	return 0;
}

static void import_run_release_bill(void *out)
{
	free(((struct bill_record *)out)->tags);
}

/* In the storing thread, rows in file order. */
static int import_run_bill_record(void *context, const struct csv_row *row, void *out, int mapped)
{
	struct import_run *run = context;
	const struct bill_record *record = out;
	enum store_outcome outcome;
	int rc;

	if (mapped) {
		run->error = run->map_error;
		return mapped;
	}
	if (record->is_header)
		return 0;
	run->rows++;
	rc = charge_store_add(run->store, run->import_id, run->file, &record->charge,
			      &record->binding, &outcome);
	if (rc != SQLITE_OK) {
		const char *message = sqlite3_errmsg(run->db);
		if (strstr(message, "JSON"))
			import_error_set(&run->error, run->file, row->line, "Tags", "%s", message);
		else
			import_error_set(&run->error, run->file, row->line, NULL, "cannot store: %s",
					 message);
		return strstr(message, "JSON") ? EXIT_USAGE : EXIT_LEDGER;
	}
	count_outcome(run, outcome);
	run->rounded += record->charge.rounded > 0;
	if (run->options->delivery)
		run->options->delivery->capacity_lines +=
			capacity_blocks_line(record->charge.commitment_discount_id);
	return 0;
}

/* After a rates, budgets or fx store call: rc < 0 bad input (error set),
 * rc > 0 an SQLite failure, else the outcome is counted. */
static int stored(struct import_run *run, int rc, long line, enum store_outcome outcome)
{
	if (rc < 0)
		return EXIT_USAGE;
	if (rc > 0)
		return store_failed(run, line);
	count_outcome(run, outcome);
	return 0;
}

static int on_rates_row(struct import_run *run, const struct csv_row *row)
{
	enum store_outcome outcome;
	int rc;

	if (!run->rates) {
		if (rates_reader_new(run->kind == K_BUDGETS, row, run->file, &run->rates, &run->error) < 0)
			return EXIT_USAGE;
		return 0;
	}
	run->rows++;
	if (run->kind == K_RATES) {
		struct rate rate;
		if (rates_reader_rate(run->rates, row, &rate, &run->error) < 0)
			return EXIT_USAGE;
		rc = rate_store_add(run->rate_store, run->import_id, run->file, &rate, &outcome, &run->error);
	} else {
		struct budget budget;
		if (rates_reader_budget(run->rates, row, &budget, &run->error) < 0)
			return EXIT_USAGE;
		rc = budget_store_add(run->rate_store, run->import_id, run->file, &budget, &outcome,
				      &run->error);
		run->rounded += budget.rounded > 0;
	}
	return stored(run, rc, row->line, outcome);
}

static int on_fx_row(struct import_run *run, const struct csv_row *row)
{
	struct fx_rate rate;
	enum store_outcome outcome;
	int rc;

	if (!run->fx) {
		if (fx_reader_new(row, run->file, &run->fx, &run->error) < 0)
			return EXIT_USAGE;
		return 0;
	}
	run->rows++;
	if (fx_reader_row(run->fx, row, &rate, &run->error) < 0)
		return EXIT_USAGE;
	rc = fx_store_add(run->fx_store, run->import_id, run->file, &rate, &outcome, &run->error);
	return stored(run, rc, row->line, outcome);
}

static int on_hardware_row(struct import_run *run, const struct csv_row *row)
{
	struct hardware hw;
	enum store_outcome outcome;
	int rc;

	if (!run->hardware) {
		if (hardware_reader_new(row, run->file, &run->hardware, &run->error) < 0)
			return EXIT_USAGE;
		return 0;
	}
	run->rows++;
	if (hardware_reader_row(run->hardware, row, &hw, &run->error) < 0)
		return EXIT_USAGE;
	rc = hardware_store_add(run->hardware_store, run->import_id, run->file, &hw, &outcome,
				&run->error);
	run->rounded += hw.rounded > 0;
	return stored(run, rc, row->line, outcome);
}

static int on_invoices_row(struct import_run *run, const struct csv_row *row)
{
	struct invoice invoice;
	enum store_outcome outcome;
	int rc;

	if (!run->invoices)
		return invoices_reader_new(row, run->file, &run->invoices, &run->error) < 0 ? EXIT_USAGE : 0;
	run->rows++;
	if (invoices_reader_row(run->invoices, row, &invoice, &run->error) < 0)
		return EXIT_USAGE;
	rc = invoice_store_add(run->invoice_store, run->import_id, run->file, &invoice, &outcome,
			       &run->error);
	return stored(run, rc, row->line, outcome);
}

static int import_run_row(void *context, const struct csv_row *row)
{
	struct import_run *run = context;
	int rc = 0;

	switch (run->kind) {
	case K_BILL:
		return EXIT_LEDGER; /* bills are read by reader_run_mapped */
	case K_RATES:
	case K_BUDGETS:
		return on_rates_row(run, row);
	case K_FX_RATES:
		return on_fx_row(run, row);
	case K_HARDWARE:
		return on_hardware_row(run, row);
	case K_INVOICES:
		return on_invoices_row(run, row);
	case K_USAGE_CSV:
		rc = usage_csv_row(run->usage_csv, row, on_usage_record, run, &run->error);
		break;
	case K_SACCT:
		rc = sacct_row(run->sacct, row, on_usage_record, run, &run->error);
		break;
	case K_NVIDIA_SMI:
		rc = nvidia_smi_row(run->nvidia, row, &run->error);
		break;
	}
	run->header_seen = 1;
	return rc < 0 ? EXIT_USAGE : rc;
}

const char *import_run_format(const struct import_run *run)
{
	switch (run->kind) {
	case K_BILL: return bill_mapping_format(run->mapping);
	case K_USAGE_CSV: return usage_csv_format(run->usage_csv) ? usage_csv_format(run->usage_csv) : "usage";
	case K_SACCT: return "sacct";
	case K_NVIDIA_SMI: return "nvidia-smi";
	case K_RATES: return "rates";
	case K_BUDGETS: return "budgets";
	case K_FX_RATES: return "fx-rates";
	case K_HARDWARE: return "hardware";
	case K_INVOICES: return "invoices";
	}
	return "?";
}

/* The mapping's report, with the FOCUS rules broken (as `validate` counts
 * them), as snprintf would write it: the whole length, -1 out of memory. */
static int bill_report(const struct import_run *run, char *report, size_t size)
{
	char probe[1], rules[8192], *mapping;
	int length = bill_mapping_report(run->mapping, probe, sizeof probe);

	if (!run->rules || length < 2)
		return bill_mapping_report(run->mapping, report, size);
	if (!(mapping = malloc((size_t)length + 1)))
		return -1;
	bill_mapping_report(run->mapping, mapping, (size_t)length + 1);
	focus_rules_report(run->rules, rules, sizeof rules);
	/* over the mapping's closing brace */
	length = snprintf(report, size, "%.*s,\"focus_rules_broken\":%s}", length - 1, mapping, rules);
	free(mapping);
	return length;
}

/* --strict: the first MUST rule the bill breaks, as an error. */
static int strict_check(struct import_run *run)
{
	struct focus_violation v[128];
	size_t i, n;

	if (!run->options->strict || !run->rules)
		return 0;
	n = focus_rules_violations(run->rules, v, sizeof v / sizeof v[0]);
	for (i = 0; i < n; i++)
		if (v[i].must)
			return import_error_set(&run->error, run->file, v[i].first_line, NULL,
						"breaks FOCUS rule %s (%ld row%s): %s; --strict refuses "
						"it (costledger validate lists every rule broken)",
						v[i].id, v[i].rows, v[i].rows == 1 ? "" : "s",
						v[i].sentence), EXIT_USAGE;
	return 0;
}

static int report_into(const struct import_run *run, char *report, size_t size)
{
	switch (run->kind) {
	case K_BILL: return bill_report(run, report, size);
	case K_USAGE_CSV: return usage_csv_report(run->usage_csv, report, size);
	case K_SACCT: return sacct_report(run->sacct, report, size);
	case K_NVIDIA_SMI: return nvidia_smi_report(run->nvidia, report, size);
	case K_RATES:
	case K_BUDGETS: return rates_reader_report(run->rates, report, size);
	case K_FX_RATES: return fx_reader_report(run->fx, report, size);
	case K_HARDWARE: return hardware_reader_report(run->hardware, report, size);
	case K_INVOICES: return invoices_reader_report(run->invoices, report, size);
	}
	return -1;
}

/* The import's report (JSON, whole: a cut one would not be JSON), to free(); NULL: out of memory. */
char *import_run_report(const struct import_run *run)
{
	char probe[1];
	int length = report_into(run, probe, sizeof probe);
	char *report = length >= 0 ? malloc((size_t)length + 1) : NULL;

	if (report && report_into(run, report, (size_t)length + 1) != length) {
		free(report);
		report = NULL;
	}
	return report;
}

/*
 * Rows a file will give, to an order of magnitude: bills and usage logs run
 * 100 to 800 bytes a row (a gzip file gives more; stdin counts as none).
 * Used only to choose how to build indexes, never for a result.
 */
static sqlite3_int64 expected_rows(const char *file)
{
	struct stat st;

	if (strcmp(file, "-") == 0 || stat(file, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	return (sqlite3_int64)(st.st_size / 100);
}

static int open_usage_store(struct import_run *run)
{
	int rc = bulk_index_defer(run->db, "usage", "usage_start", expected_rows(run->file));

	return rc == SQLITE_OK ? usage_store_open(run->db, run->options->delivery, run->import_id,
						 &run->usage_store) : rc;
}

int import_run_open(struct import_run *run)
{
	const struct import_options *o = run->options;
	int rc = SQLITE_OK;

	switch (run->kind) {
	case K_BILL:
		rc = bulk_index_defer(run->db, "charges", "charge_period_start",
				      expected_rows(run->file));
		if (rc == SQLITE_OK)
			rc = charge_store_open(run->db, o->tag_key, o->delivery, run->import_id,
					       &run->store);
		break;
	case K_RATES:
	case K_BUDGETS:
		rc = rate_store_open(run->db, &run->rate_store);
		break;
	case K_FX_RATES:
		rc = fx_store_open(run->db, &run->fx_store);
		break;
	case K_HARDWARE:
		rc = hardware_store_open(run->db, &run->hardware_store);
		break;
	case K_INVOICES:
		rc = invoice_store_open(run->db, &run->invoice_store);
		break;
	case K_USAGE_CSV:
		if (*o->usage_timeline ? usage_csv_next_file(*o->usage_timeline, run->file) < 0 :
		    usage_csv_new(&o->tz, run->file, o->usage_timeline) < 0)
			return error_exit(EXIT_LEDGER, "out of memory");
		run->usage_csv = *o->usage_timeline;
		rc = open_usage_store(run);
		break;
	case K_SACCT:
		if (sacct_new(&o->tz, o->fields, run->file, &run->sacct, &run->error) < 0)
			return -1;
		rc = open_usage_store(run);
		break;
	case K_NVIDIA_SMI:
		if (nvidia_smi_new(&o->tz, o->resource, o->fields, o->idle_threshold, run->file,
				   &run->nvidia, &run->error) < 0)
			return -1;
		rc = open_usage_store(run);
		break;
	}
	if (rc != SQLITE_OK)
		return error_exit(EXIT_LEDGER, "cannot prepare import: %s", sqlite3_errmsg(run->db));
	return 0;
}

void import_run_close(struct import_run *run)
{
	charge_store_close(run->store);
	focus_rules_free(run->rules);
	bill_mapping_free(run->mapping);
	sacct_free(run->sacct);
	nvidia_smi_free(run->nvidia);
	usage_store_close(run->usage_store);
	rates_reader_free(run->rates);
	rate_store_close(run->rate_store);
	fx_reader_free(run->fx);
	fx_store_close(run->fx_store);
	hardware_reader_free(run->hardware);
	hardware_store_close(run->hardware_store);
	invoices_reader_free(run->invoices);
	invoice_store_close(run->invoice_store);
}

/* After the last row: what the usage formats hold back, and the counts. */
static int import_run_end(struct import_run *run)
{
	int rc = 0;

	switch (run->kind) {
	case K_BILL:
		if (!run->mapping)
			return import_error_set(&run->error, run->file, 0, NULL, "empty file: no header"),
			       EXIT_USAGE;
		if ((rc = strict_check(run)))
			return rc;
		break;
	case K_RATES:
	case K_BUDGETS:
		if (!run->rates)
			return import_error_set(&run->error, run->file, 0, NULL, "empty file: no header"),
			       EXIT_USAGE;
		break;
	case K_FX_RATES:
		if (!run->fx)
			return import_error_set(&run->error, run->file, 0, NULL, "empty file: no header"),
			       EXIT_USAGE;
		break;
	case K_HARDWARE:
		if (!run->hardware)
			return import_error_set(&run->error, run->file, 0, NULL, "empty file: no header"),
			       EXIT_USAGE;
		break;
	case K_INVOICES:
		if (!run->invoices)
			return import_error_set(&run->error, run->file, 0, NULL, "empty file: no header"),
			       EXIT_USAGE;
		break;
	case K_USAGE_CSV:
		if (!usage_csv_format(run->usage_csv))
			return import_error_set(&run->error, run->file, 0, NULL, "empty file: no header"),
			       EXIT_USAGE;
		rc = usage_csv_finish(run->usage_csv, on_usage_record, run, &run->error);
		run->rows = usage_csv_rows(run->usage_csv);
		break;
	case K_SACCT:
		run->rows = sacct_rows(run->sacct);
		run->skipped = sacct_skipped(run->sacct);
		break;
	case K_NVIDIA_SMI:
		rc = nvidia_smi_finish(run->nvidia, on_usage_record, run, &run->error);
		run->rows = nvidia_smi_rows(run->nvidia);
		run->skipped = nvidia_smi_skipped(run->nvidia);
		break;
	}
	if (rc)
		return rc < 0 ? EXIT_USAGE : rc;
	if (run->rows == 0)
		return import_error_set(&run->error, run->file, 0, NULL, "no rows after the header"),
		       EXIT_USAGE;
	return 0;
}

int import_run_read(struct import_run *run, struct reader_stats *stats)
{
	struct reader_options reader = {',', isatty(2)};
	int result;

	if (run->kind == K_SACCT) { /* no quoting in sacct output: quotes are data */
		result = usage_lines_run(run->file, '|', import_run_row, run, stats, &run->error);
	} else if (run->kind == K_BILL) {
		struct reader_map map = {import_run_map_bill, import_run_release_bill, run,
					 sizeof(struct bill_record)};
		result = reader_run_mapped(run->file, &reader, &map, import_run_bill_record, run, stats,
					   &run->error);
	} else {
		result = reader_run(run->file, &reader, import_run_row, run, stats, &run->error);
	}
	return result == 0 ? import_run_end(run) : result;
}
