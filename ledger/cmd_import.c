/*
 * cmd_import.c: costledger import [--format F] [--dry-run] [--tag-project KEY]
 *               [--tz ZONE] [--fields LIST] [--resource ID] [--idle-threshold PCT] FILE...
 *
 * One transaction for the whole command: any error rolls everything back,
 * so a failed import leaves the ledger exactly as it was. Bills go to
 * charges; usage logs (costledger usage CSV, Slurm sacct, nvidia-smi) to
 * usage; rate cards to rates; budgets to budgets; exchange rates to
 * fx_rates; own machines (hardware CSV) to hardware. With --format auto the kind is told from the file's first line.
 */
#include "money.h"
#include "background_checkpoint.h"
#include "bulk_index.h"
#include "commands.h"
#include "cur_manifest.h"
#include "delivery.h"
#include "import_detect.h"
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
#include "reader.h"
#include "sacct.h"
#include "usage.h"
#include "usage_csv.h"
#include "usage_lines.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

static const char usage[] =
	"usage: costledger import [--ledger FILE] [--format F] [--dry-run] [--tag-project KEY]\n"
	"                         [--tz ZONE] [--fields LIST] [--resource ID]\n"
	"                         [--idle-threshold PCT] [--strict] [--delivery MODE] FILE...\n"
	"\n"
	"Imports bills (FOCUS 1.0-1.3, AWS CUR legacy or 2.0), usage logs (costledger\n"
	"usage CSV, Slurm sacct --parsable2, nvidia-smi --query-gpu CSV), rate cards,\n"
	"budgets, exchange rates, own hardware and invoice totals (CSV or gzip, told\n"
	"apart by content; '-' reads stdin) into the ledger, in one transaction. The\n"
	"files of one command are one delivery. A bill is the complete statement for\n"
	"each (provider, billing account, billing period) it covers: lines of earlier\n"
	"deliveries it does not repeat move to charge_history. Lines already in the\n"
	"ledger are not added again. The formats: docs/formats.md; statements:\n"
	"docs/ledger.md.\n"
	"\n"
	"  --format F        auto (default: from the first line), focus, aws-cur, usage,\n"
	"                    sacct, nvidia-smi, rates, budgets, fx-rates, hardware,\n"
	"                    invoices\n"
	"  --dry-run         report what would be imported, write nothing\n"
	"  --tag-project KEY the tag whose value is a charge's project (default project)\n"
	"  --tz ZONE         zone of timestamps written without one: UTC (default), an\n"
	"                    offset like +02:00, or an IANA name like Europe/Berlin\n"
	"  --fields LIST     field order of a sacct or nvidia-smi file without header\n"
	"                    (comma-separated, as given to sacct --format / --query-gpu)\n"
	"  --resource ID     the machine an nvidia-smi log is from (resource ID:gpuN)\n"
	"  --idle-threshold PCT  nvidia-smi: a GPU below PCT% utilisation is idle (default 5)\n"
	"  --strict          refuse a FOCUS bill that breaks a MUST rule of the\n"
	"                    specification (costledger validate; docs/validate.md)\n"
	"  --delivery MODE   statement (default): each bill replaces what earlier\n"
	"                    deliveries said for the statements it covers;\n"
	"                    incremental: its lines add to the statements\n"
	"\n"
	"exit status: 0 imported, 2 bad usage or bad input, 3 ledger error\n";


struct import_options {
	const char *format, *tag_key, *fields, *resource;
	struct usage_tz tz;
	double idle_threshold;
	int dry_run, strict;
	struct delivery *delivery;
	/* The usage CSV reader of the command: its jobs go on from file to file. */
	struct usage_csv **usage_timeline;
};

struct import_run {
	sqlite3 *db;
	const char *file;
	const struct import_options *options;
	enum kind kind;
	struct bill_mapping *mapping;
	struct focus_rules *rules;     /* FOCUS bills: the conformance checks */
	struct charge_store *store;
	struct usage_csv *usage_csv;
	struct sacct *sacct;
	struct nvidia_smi *nvidia;
	struct usage_store *usage_store;
	struct rates_reader *rates;
	struct rate_store *rate_store;
	struct fx_reader *fx;
	struct fx_store *fx_store;
	struct hardware_reader *hardware;
	struct hardware_store *hardware_store;
	struct invoices_reader *invoices;
	struct invoice_store *invoice_store;
	int header_seen;
	sqlite3_int64 import_id;
	long rows, inserted, duplicate, rounded, skipped;
	struct import_error error;
	struct import_error map_error; /* written by the reading thread's bill mapping */
};

/* A bill row as the reading thread maps it (reader_run_mapped). */
struct bill_record {
	struct charge charge;
	struct charge_binding binding; /* lengths and times, measured here too */
	int is_header;
	char *tags;            /* a copy of tags the mapping built (CUR) */
	size_t tags_size;
};

static const char *kind_table(enum kind k)
{
	switch (k) {
	case K_BILL: return "bill";
	case K_RATES: return "rates";
	/* imports.kind has no 'hardware' yet: a hardware file counts as rates. */
	case K_HARDWARE: return "rates";
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
static int map_bill_row(void *context, const struct csv_row *row, void *out)
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

static void release_bill_record(void *out)
{
	free(((struct bill_record *)out)->tags);
}

/* In the storing thread, rows in file order. */
static int on_bill_record(void *context, const struct csv_row *row, void *out, int mapped)
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

static int on_row(void *context, const struct csv_row *row)
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

/*
 * The id this file's imports row will have. The row itself is written by
 * finish_import, once the file's rows are in: written here and updated
 * there, its page was among the first a large import spilled to the WAL,
 * and rewriting that frame made SQLite re-read and re-checksum the whole
 * WAL (~650 MB for a million charges) at COMMIT. The transaction holds
 * the write lock, so nobody else takes the id meanwhile.
 */
static sqlite3_int64 reserve_import_id(sqlite3 *db)
{
	sqlite3_stmt *stmt;
	sqlite3_int64 id = -1;

	if (sqlite3_prepare_v2(db, "SELECT coalesce(max(import_id), 0) + 1 FROM imports", -1, &stmt,
			       NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return id;
}

static const char *run_format(const struct import_run *run)
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
static char *run_report(const struct import_run *run)
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

static int finish_import(struct import_run *run, const struct reader_stats *stats)
{
	sqlite3_stmt *stmt;
	char *report, now[32];
	time_t t = time(NULL);
	int rc;

	/* Nothing new leaves no trace, except a statement: it may replace rows
	 * (delivery_discard_if_unchanged drops it again if it did not). */
	if (run->inserted == 0 && (run->kind != K_BILL || run->options->delivery->incremental))
		return 0;
	if (!(report = run_report(run)))
		return -1;
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
	if (sqlite3_prepare_v2(run->db, "INSERT INTO imports (import_id, kind, file_name, imported_at,"
			       " file_size, compressed, content_crc32, content_size, format, rows_read,"
			       " rows_inserted, rows_duplicate, values_rounded, report, rows_skipped)"
			       " VALUES (?1, ?13, ?14, ?15, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
			       -1, &stmt, NULL) != SQLITE_OK) {
		free(report);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, run->import_id);
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)stats->file_size);
	sqlite3_bind_int(stmt, 3, stats->compressed);
	sqlite3_bind_int64(stmt, 4, stats->content_crc32);
	sqlite3_bind_int64(stmt, 5, (sqlite3_int64)stats->content_size);
	sqlite3_bind_text(stmt, 6, run_format(run), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 7, run->rows);
	sqlite3_bind_int64(stmt, 8, run->inserted);
	sqlite3_bind_int64(stmt, 9, run->duplicate);
	sqlite3_bind_int64(stmt, 10, run->rounded);
	sqlite3_bind_text(stmt, 11, report, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 12, run->skipped);
	sqlite3_bind_text(stmt, 13, kind_table(run->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 14, run->file, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 15, now, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	free(report);
	if (rc != SQLITE_DONE)
		return -1;
	if (run->kind == K_BILL)
		rc = delivery_add_import(run->options->delivery, run->import_id,
					 run->options->delivery->incremental ? "incremental" : "statement");
	else if (run->kind == K_USAGE_CSV || run->kind == K_SACCT || run->kind == K_NVIDIA_SMI)
		rc = delivery_add_import(run->options->delivery, run->import_id, "usage");
	else
		rc = SQLITE_OK;
	if (rc == SQLITE_OK && (run->kind == K_SACCT || run->kind == K_NVIDIA_SMI))
		rc = delivery_supersede_usage(run->options->delivery, run->import_id, run_format(run));
	return rc == SQLITE_OK ? 0 : -1;
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

static int open_kind(struct import_run *run)
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

static void close_run(struct import_run *run)
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
static int end_of_file(struct import_run *run)
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

/* sacct: jobs still running when exported come back finished; say which. */
static void print_running_jobs(sqlite3 *db, sqlite3_int64 import_id, const char *file)
{
	sqlite3_stmt *stmt;
	int n = 0;

	if (sqlite3_prepare_v2(db, "SELECT DISTINCT job_id FROM usage WHERE import_id = ?1 AND"
			       " json_extract(attributes, '$.slurm_state') IN ('RUNNING', 'COMPLETING',"
			       " 'RESIZING', 'SUSPENDED', 'REQUEUED') ORDER BY job_id", -1, &stmt,
			       NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int64(stmt, 1, import_id);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		printf("%s%s", n++ ? " " : "costledger: jobs still running (import again when they end): ",
		       (const char *)sqlite3_column_text(stmt, 0));
	if (n)
		printf(" (%s)\n", file);
	sqlite3_finalize(stmt);
}

static int import_file(sqlite3 *db, const char *file, const struct import_options *options)
{
	struct import_run run = {0};
	struct reader_stats stats;
	struct reader_options reader = {',', isatty(2)};
	char message[2400], *report = NULL;
	int result, exit_code = EXIT_OK;

	run.db = db;
	run.file = file;
	run.options = options;
	if (import_not_csv(file, &run.error) < 0) {
		import_error_format(&run.error, message, sizeof message);
		return error_exit(EXIT_USAGE, "%s", message);
	}
	run.kind = import_detect_kind(file, options->format);
	if ((run.import_id = reserve_import_id(db)) < 0)
		return error_exit(EXIT_LEDGER, "cannot record import of '%s': %s", file, sqlite3_errmsg(db));
	if ((result = open_kind(&run)) != 0) {
		if (result < 0) {
			import_error_format(&run.error, message, sizeof message);
			exit_code = error_exit(EXIT_USAGE, "%s", message);
		} else {
			exit_code = result;
		}
		goto done;
	}
	if (run.kind == K_SACCT) { /* no quoting in sacct output: quotes are data */
		result = usage_lines_run(file, '|', on_row, &run, &stats, &run.error);
	} else if (run.kind == K_BILL) {
		struct reader_map map = {map_bill_row, release_bill_record, &run, sizeof(struct bill_record)};
		result = reader_run_mapped(file, &reader, &map, on_bill_record, &run, &stats, &run.error);
	} else {
		result = reader_run(file, &reader, on_row, &run, &stats, &run.error);
	}
	if (result == 0)
		result = end_of_file(&run);
	if (result != 0) {
		import_error_format(&run.error, message, sizeof message);
		if (run.kind == K_BILL && !strcmp(options->format, "auto") &&
		    strstr(run.error.message, "no known bill header"))
			import_explain_no_format(file, message, sizeof message);
		exit_code = error_exit(result < 0 ? EXIT_USAGE : result, "%s", message);
		goto done;
	}
	if (finish_import(&run, &stats) < 0) {
		exit_code = error_exit(EXIT_LEDGER, "cannot record import of '%s': %s", file,
				       sqlite3_errmsg(db));
		goto done;
	}
	if (!(report = run_report(&run))) {
		exit_code = error_exit(EXIT_LEDGER, "import of '%s': out of memory", file);
		goto done;
	}
	if (run.kind == K_SACCT && !options->dry_run)
		print_running_jobs(db, run.import_id, file);
	if (run.kind == K_BILL)
		printf("%s%s: %s, %ld rows: %ld new, %ld already in the ledger, %ld with amounts rounded "
		       "past 9 decimals; %s%s\n", options->dry_run ? "dry run: " : "", file,
		       run_format(&run), run.rows, run.inserted, run.duplicate, run.rounded, report,
		       run.inserted ? "" : "; already imported, nothing added");
	else
		printf("%s%s: %s, %ld rows (%ld skipped): %ld new %s, %ld already in the ledger; %s%s\n",
		       options->dry_run ? "dry run: " : "", file, run_format(&run), run.rows,
		       run.skipped, run.inserted,
		       run.kind == K_RATES ? "rates" : run.kind == K_BUDGETS ? "budgets" :
		       run.kind == K_FX_RATES ? "fx rates" : run.kind == K_HARDWARE ? "machines" :
		       run.kind == K_INVOICES ? "invoices" : "intervals",
		       run.duplicate, report, run.inserted ? "" : "; already imported, nothing added");
done:
	free(report);
	close_run(&run);
	return exit_code;
}

/*
 * Commits the import's transaction, then builds the indexes it deferred
 * (bulk_index.h) while a second connection checkpoints its rows. Returns the
 * exit code: failing to build the indexes does not undo the import, and the
 * next write to the ledger builds them.
 */
static int commit_import(sqlite3 *db, const char *path)
{
	struct background_checkpoint *checkpoint;
	int deferred = bulk_index_pending(db), rc, synced;

	/* With indexes to build, the COMMIT must not copy the WAL itself. */
	if (deferred > 0)
		sqlite3_wal_autocheckpoint(db, 0);
	rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		/* Disk full, quota, I/O error: the rows counted above were not kept. */
		error_exit(EXIT_LEDGER, "cannot commit the import to ledger '%s': %s; nothing imported",
			   path, sqlite3_errmsg(db));
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return EXIT_LEDGER;
	}
	if (deferred <= 0) {
		synced = ledger_sync_wal(path);
		goto done;
	}
	/* The index transaction is a COMMIT of its own, made durable as SQLite
	 * does by default. */
	sqlite3_exec(db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	checkpoint = background_checkpoint_start(path);
	rc = bulk_index_build(db);
	synced = background_checkpoint_wait(checkpoint);
	/* What the background checkpoint did not copy (the new indexes). */
	sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	sqlite3_wal_autocheckpoint(db, 1000); /* SQLite's default */
	if (rc != SQLITE_OK)
		fprintf(stderr, "costledger: imported, but building the indexes of ledger '%s' failed: "
			"%s; the next command that writes to the ledger builds them\n", path,
			sqlite3_errstr(rc));
done:
	if (synced != 0)
		return error_exit(EXIT_LEDGER, "the import is committed to ledger '%s' but could not "
				  "be flushed to disk: %s", path,
				  synced > 0 ? strerror(synced) : "out of memory");
	return EXIT_OK;
}

/* After the last file: statements replace what they restate. */
static int finish_delivery(struct delivery *d)
{
	if (delivery_supersede_charges(d) != SQLITE_OK || delivery_supersede_usage_events(d) != SQLITE_OK ||
	    delivery_discard_if_unchanged(d) != SQLITE_OK)
		return error_exit(EXIT_LEDGER, "cannot replace restated rows: %s", sqlite3_errmsg(d->db));
	if (d->charges_superseded || d->usage_superseded)
		printf("delivery %lld: %ld charges and %ld usage intervals of earlier deliveries "
		       "replaced (now in charge_history and usage_history)\n", (long long)d->id,
		       d->charges_superseded, d->usage_superseded);
	else if (reserve_import_id(d->db) == d->first_import_id) /* no imports row written */
		printf("nothing changed: every row is already in the ledger\n");
	return EXIT_OK;
}

/* After the last file: the usage CSV jobs the command left open. */
static void warn_open_jobs(const struct usage_csv *timeline)
{
	size_t i;

	for (i = 0; timeline && i < usage_csv_file_count(timeline); i++)
		if (usage_csv_open_since(timeline, i))
			fprintf(stderr, "costledger: %s: %ld job(s) never stopped; their open intervals "
				"are not recorded (see jobs_not_stopped in the report)\n",
				usage_csv_file(timeline, i), usage_csv_open_since(timeline, i));
}

/* Imports one part of a CUR manifest (cur_manifest.h) into the delivery. */
struct manifest_part_context {
	sqlite3 *db;
	const struct import_options *options;
};

static int import_manifest_part(void *context, const char *path)
{
	const struct manifest_part_context *c = context;

	return import_file(c->db, path, c->options);
}

int cmd_import(int argc, char **argv)
{
	static const struct option long_options[] = {
		{"format", required_argument, NULL, 'f'},
		{"dry-run", no_argument, NULL, 'n'},
		{"tag-project", required_argument, NULL, 't'},
		{"ledger", required_argument, NULL, 'l'},
		{"tz", required_argument, NULL, 'z'},
		{"fields", required_argument, NULL, 'F'},
		{"resource", required_argument, NULL, 'r'},
		{"idle-threshold", required_argument, NULL, 'i'},
		{"strict", no_argument, NULL, 'S'},
		{"delivery", required_argument, NULL, 'D'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	static const char *const formats[] = {"auto", "focus", "aws-cur", "usage", "sacct",
					      "nvidia-smi", "rates", "budgets", "fx-rates", "hardware",
					      "invoices", NULL};
	struct import_options options = {0};
	struct delivery delivery;
	struct usage_csv *usage_timeline = NULL;
	const char *path = global_ledger_option, *tz = "UTC";
	char message[512];
	int c, i, known = 0, incremental = 0, exit_code = EXIT_OK;
	sqlite3 *db;

	options.format = "auto";
	options.tag_key = "project";
	options.idle_threshold = 5;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":hn", long_options, NULL)) != -1) {
		switch (c) {
		case 'f': options.format = optarg; break;
		case 'n': options.dry_run = 1; break;
		case 'S': options.strict = 1; break;
		case 't': options.tag_key = optarg; break;
		case 'l': path = optarg; break;
		case 'z': tz = optarg; break;
		case 'F': options.fields = optarg; break;
		case 'r': options.resource = optarg; break;
		case 'i':
			if (number_parse(optarg, strlen(optarg), &options.idle_threshold) != MONEY_OK ||
			    !(options.idle_threshold >= 0 && options.idle_threshold <= 100))
				return error_exit(EXIT_USAGE, "import: --idle-threshold '%s': not a "
						  "percentage 0-100", optarg);
			break;
		case 'D':
			if (strcmp(optarg, "statement") && strcmp(optarg, "incremental"))
				return error_exit(EXIT_USAGE, "import: --delivery '%s': not statement or "
						  "incremental", optarg);
			incremental = !strcmp(optarg, "incremental");
			break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: return option_error("import", usage, c, argv);
		}
	}
	if (optind >= argc) {
		fputs(usage, stderr);
		return error_exit(EXIT_USAGE, "import: no file given");
	}
	for (i = 0; formats[i]; i++)
		known |= !strcmp(options.format, formats[i]);
	if (!known)
		return error_exit(EXIT_USAGE, "import: unknown format '%s' (auto, " FORMAT_NAMES ")",
				  options.format);
	if (usage_tz_init(&options.tz, tz, message, sizeof message) < 0)
		return error_exit(EXIT_USAGE, "import: %s", message);
	if (!(db = ledger_open(ledger_path(path), LEDGER_WRITE)))
		return EXIT_LEDGER;
	/* 16 MB of page cache: row keys are time-ordered, so de-duplication
	 * touches only the index's right edge; CREATE INDEX's sorter takes as
	 * much again, and 32 MB put a million-row import over 64 MB of RSS. */
	sqlite3_exec(db, "PRAGMA cache_size = -16384", NULL, NULL, NULL);
	/* CREATE INDEX (bulk_index.c) runs after the reading thread is done:
	 * let SQLite's sorter use the core it leaves free. */
	sqlite3_exec(db, "PRAGMA threads = 1", NULL, NULL, NULL);
	/* Every row an import writes names the imports row that finish_import
	 * writes in the same transaction, and skips only when no row was
	 * added: checking the reference per row cost half a second per
	 * million rows. bulk_import.sh runs PRAGMA foreign_key_check. */
	sqlite3_exec(db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
	/* The import's COMMIT does not wait for the WAL's fsync: with deferred
	 * indexes a thread does it beside the index build (commit_import), else
	 * ledger_sync_wal() right after, so the command ends with the import on
	 * disk either way. WAL with synchronous=NORMAL cannot corrupt the
	 * ledger; before the fsync a power loss could only undo the whole
	 * import. (The level cannot change inside a transaction: set it here.) */
	sqlite3_exec(db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
	if (ledger_exec(db, "BEGIN IMMEDIATE") != SQLITE_OK) {
		ledger_close(db);
		return EXIT_LEDGER;
	}
	if (delivery_begin(&delivery, db, reserve_import_id(db), incremental) != SQLITE_OK) {
		exit_code = error_exit(EXIT_LEDGER, "cannot prepare import: %s", sqlite3_errmsg(db));
		goto done;
	}
	options.delivery = &delivery;
	options.usage_timeline = &usage_timeline;
	for (i = optind; i < argc && exit_code == EXIT_OK; i++) {
		struct manifest_part_context part = {db, &options};

		if (cur_manifest_is(argv[i]))
			exit_code = cur_manifest_each(db, argv[i], import_manifest_part, &part);
		else
			exit_code = import_file(db, argv[i], &options);
	}
	if (exit_code == EXIT_OK)
		exit_code = finish_delivery(&delivery);
	if (exit_code == EXIT_OK)
		warn_open_jobs(usage_timeline);
	if (exit_code == EXIT_OK && !options.dry_run) {
		exit_code = commit_import(db, ledger_path(path));
	} else {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		if (exit_code != EXIT_OK)
			fprintf(stderr, "costledger: nothing imported\n");
	}
done:
	usage_csv_free(usage_timeline);
	ledger_close(db);
	return exit_code;
}
