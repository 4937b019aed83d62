/*
 * cmd_import.c: costledger import [--format F] [--dry-run] [--tag-project KEY]
 *               [--tz ZONE] [--fields LIST] [--resource ID] [--idle-threshold PCT] FILE...
 *
 * One transaction for the whole command: any error rolls everything back,
 * so a failed import leaves the ledger exactly as it was. Bills go to
 * charges; usage logs (costledger usage CSV, Slurm sacct, nvidia-smi) to
 * usage; rate cards to rates; budgets to budgets; exchange rates to
 * fx_rates. With --format auto the kind is told from the file's first line.
 */
#include "background_checkpoint.h"
#include "bulk_index.h"
#include "commands.h"
#include "ledger.h"
#include "store_charges.h"
#include "store_fx.h"
#include "store_invoices.h"
#include "store_rates.h"
#include "store_usage.h"

#include "bill.h"
#include "focus_rules.h"
#include "fx_rates.h"
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
	"                         [--idle-threshold PCT] [--strict] FILE...\n"
	"\n"
	"Imports bills (FOCUS 1.0-1.3, AWS CUR legacy or 2.0), usage logs (costledger\n"
	"usage CSV, Slurm sacct --parsable2, nvidia-smi --query-gpu CSV), rate cards,\n"
	"budgets, exchange rates and invoice totals (CSV or gzip, told apart by\n"
	"content; '-' reads stdin) into the ledger, in one transaction. Lines\n"
	"already in the ledger are not added again. The formats: docs/formats.md.\n"
	"\n"
	"  --format F        auto (default: from the first line), focus, aws-cur, usage,\n"
	"                    sacct, nvidia-smi, rates, budgets, fx-rates, invoices\n"
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
	"\n"
	"exit status: 0 imported, 2 bad usage or bad input, 3 ledger error\n";

enum kind { K_BILL, K_USAGE_CSV, K_SACCT, K_NVIDIA_SMI, K_RATES, K_BUDGETS, K_FX_RATES, K_INVOICES };

struct import_options {
	const char *format, *tag_key, *fields, *resource;
	struct usage_tz tz;
	double idle_threshold;
	int dry_run, strict;
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

	if (usage_store_add(run->usage_store, run->import_id, run->file, record, &outcome) != SQLITE_OK)
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
		run->rounded += rate.rounded > 0;
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

/* The earlier import with the same content, or 0. */
static sqlite3_int64 same_content(sqlite3 *db, enum kind kind, const struct reader_stats *stats)
{
	sqlite3_stmt *stmt;
	sqlite3_int64 earlier = 0;

	if (sqlite3_prepare_v2(db, "SELECT min(import_id) FROM imports WHERE kind = ?3"
			       " AND content_crc32 = ?1 AND content_size = ?2",
			       -1, &stmt, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(stmt, 1, stats->content_crc32);
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)stats->content_size);
	sqlite3_bind_text(stmt, 3, kind_table(kind), -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		earlier = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return earlier;
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
	case K_INVOICES: return "invoices";
	}
	return "?";
}

/* The mapping's report, with the FOCUS rules broken (as `validate` counts them). */
static void bill_report(const struct import_run *run, char *report, size_t size)
{
	size_t n = (size_t)bill_mapping_report(run->mapping, report, size);

	if (run->rules && n > 0 && n < size) {
		n--; /* over the closing brace */
		n += (size_t)snprintf(report + n, size - n, ",\"focus_rules_broken\":");
		if (n < size)
			n += (size_t)focus_rules_report(run->rules, report + n, size - n);
		if (n + 1 < size)
			snprintf(report + n, size - n, "}");
	}
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

static void run_report(const struct import_run *run, char *report, size_t size)
{
	switch (run->kind) {
	case K_BILL: bill_report(run, report, size); break;
	case K_USAGE_CSV: usage_csv_report(run->usage_csv, report, size); break;
	case K_SACCT: sacct_report(run->sacct, report, size); break;
	case K_NVIDIA_SMI: nvidia_smi_report(run->nvidia, report, size); break;
	case K_RATES:
	case K_BUDGETS: rates_reader_report(run->rates, report, size); break;
	case K_FX_RATES: fx_reader_report(run->fx, report, size); break;
	case K_INVOICES: invoices_reader_report(run->invoices, report, size); break;
	}
}

static int finish_import(struct import_run *run, const struct reader_stats *stats)
{
	sqlite3_stmt *stmt;
	char report[8192], now[32];
	time_t t = time(NULL);
	int rc;

	if (run->inserted == 0)
		return 0; /* nothing new: leave no trace of this file */
	run_report(run, report, sizeof report);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
	if (sqlite3_prepare_v2(run->db, "INSERT INTO imports (import_id, kind, file_name, imported_at,"
			       " file_size, compressed, content_crc32, content_size, format, rows_read,"
			       " rows_inserted, rows_duplicate, values_rounded, report, rows_skipped)"
			       " VALUES (?1, ?13, ?14, ?15, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
			       -1, &stmt, NULL) != SQLITE_OK)
		return -1;
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
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The first non-blank line of a file (plain or gzip), for auto-detection; "" for stdin. */
static void first_line(const char *file, char *buf, int size)
{
	gzFile gz;

	buf[0] = 0;
	if (!strcmp(file, "-") || !(gz = gzopen(file, "rb")))
		return;
	while (gzgets(gz, buf, size)) {
		size_t n = strlen(buf);
		while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
			buf[--n] = 0;
		if (n)
			break;
	}
	gzclose(gz);
}

static enum kind detect_kind(const char *file, const char *format)
{
	static char line[65536];
	const char *usage_format;
	int r;

	if (!strcmp(format, "usage")) return K_USAGE_CSV;
	if (!strcmp(format, "sacct")) return K_SACCT;
	if (!strcmp(format, "nvidia-smi")) return K_NVIDIA_SMI;
	if (!strcmp(format, "rates")) return K_RATES;
	if (!strcmp(format, "budgets")) return K_BUDGETS;
	if (!strcmp(format, "fx-rates")) return K_FX_RATES;
	if (!strcmp(format, "invoices")) return K_INVOICES;
	if (strcmp(format, "auto"))
		return K_BILL;
	first_line(file, line, sizeof line);
	if ((r = rates_detect(line)))
		return r == 1 ? K_RATES : K_BUDGETS;
	if (fx_detect(line))
		return K_FX_RATES;
	if (invoices_detect(line))
		return K_INVOICES;
	usage_format = usage_detect(line);
	if (!usage_format)
		return K_BILL;
	if (!strcmp(usage_format, "sacct"))
		return K_SACCT;
	if (!strcmp(usage_format, "nvidia-smi"))
		return K_NVIDIA_SMI;
	return K_USAGE_CSV;
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

	return rc == SQLITE_OK ? usage_store_open(run->db, &run->usage_store) : rc;
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
			rc = charge_store_open(run->db, o->tag_key, &run->store);
		break;
	case K_RATES:
	case K_BUDGETS:
		rc = rate_store_open(run->db, &run->rate_store);
		break;
	case K_FX_RATES:
		rc = fx_store_open(run->db, &run->fx_store);
		break;
	case K_INVOICES:
		rc = invoice_store_open(run->db, &run->invoice_store);
		break;
	case K_USAGE_CSV:
		if (usage_csv_new(&o->tz, run->file, &run->usage_csv) < 0)
			return error_exit(EXIT_LEDGER, "out of memory");
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
	usage_csv_free(run->usage_csv);
	sacct_free(run->sacct);
	nvidia_smi_free(run->nvidia);
	usage_store_close(run->usage_store);
	rates_reader_free(run->rates);
	rate_store_close(run->rate_store);
	fx_reader_free(run->fx);
	fx_store_close(run->fx_store);
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

static int import_file(sqlite3 *db, const char *file, const struct import_options *options)
{
	struct import_run run = {0};
	struct reader_stats stats;
	struct reader_options reader = {',', isatty(2)};
	sqlite3_int64 earlier;
	char message[1600], report[8192];
	int result, exit_code = EXIT_OK;

	run.db = db;
	run.file = file;
	run.options = options;
	run.kind = detect_kind(file, options->format);
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
		exit_code = error_exit(result < 0 ? EXIT_USAGE : result, "%s", message);
		goto done;
	}
	earlier = same_content(db, run.kind, &stats);
	if (earlier && run.inserted > 0) {
		/* Rows of the earlier import were deleted since, or (usage logs)
		 * the same bytes were read with other options. */
		const char *table = run.kind == K_BILL ? "charges" : kind_table(run.kind);

		exit_code = error_exit(EXIT_USAGE, "%s: the same content is import %lld, yet %ld of "
				       "its rows are not in the ledger: deleted since%s? To import it "
				       "again, delete the rest first: DELETE FROM %s WHERE import_id = "
				       "%lld; DELETE FROM imports WHERE import_id = %lld", file,
				       (long long)earlier, run.inserted,
				       run.kind == K_USAGE_CSV || run.kind == K_SACCT ||
				       run.kind == K_NVIDIA_SMI ? ", or read with another --tz, "
				       "--fields or --resource" : "", table, (long long)earlier,
				       (long long)earlier);
		goto done;
	}
	if (finish_import(&run, &stats) < 0) {
		exit_code = error_exit(EXIT_LEDGER, "cannot record import of '%s': %s", file,
				       sqlite3_errmsg(db));
		goto done;
	}
	run_report(&run, report, sizeof report);
	if (run.kind == K_USAGE_CSV && usage_csv_open_jobs(run.usage_csv))
		fprintf(stderr, "costledger: %s: %ld job(s) never stopped; their open intervals are not "
			"recorded (see jobs_not_stopped in the report)\n", file,
			usage_csv_open_jobs(run.usage_csv));
	if (earlier && run.inserted == 0)
		printf("%s: already imported (import %lld); nothing added\n", file, (long long)earlier);
	else if (run.kind == K_BILL)
		printf("%s%s: %s, %ld rows: %ld new, %ld already in the ledger, %ld with amounts rounded "
		       "past 9 decimals; %s\n", options->dry_run ? "dry run: " : "", file,
		       run_format(&run), run.rows, run.inserted, run.duplicate, run.rounded, report);
	else
		printf("%s%s: %s, %ld rows (%ld skipped): %ld new %s, %ld already in the ledger; %s\n",
		       options->dry_run ? "dry run: " : "", file, run_format(&run), run.rows,
		       run.skipped, run.inserted,
		       run.kind == K_RATES ? "rates" : run.kind == K_BUDGETS ? "budgets" :
		       run.kind == K_FX_RATES ? "fx rates" : run.kind == K_INVOICES ? "invoices" : "intervals",
		       run.duplicate, report);
done:
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
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	static const char *const formats[] = {"auto", "focus", "aws-cur", "usage", "sacct",
					      "nvidia-smi", "rates", "budgets", "fx-rates", "invoices", NULL};
	struct import_options options = {0};
	const char *path = global_ledger_option, *tz = "UTC";
	char message[512], *end;
	int c, i, known = 0, exit_code = EXIT_OK;
	sqlite3 *db;

	options.format = "auto";
	options.tag_key = "project";
	options.idle_threshold = 5;
	optind = 1;
	while ((c = getopt_long(argc, argv, "hn", long_options, NULL)) != -1) {
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
			options.idle_threshold = strtod(optarg, &end);
			if (*end || !(options.idle_threshold >= 0 && options.idle_threshold <= 100))
				return error_exit(EXIT_USAGE, "import: --idle-threshold '%s': not a "
						  "percentage 0-100", optarg);
			break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fputs(usage, stderr);
		return error_exit(EXIT_USAGE, "import: no file given");
	}
	for (i = 0; formats[i]; i++)
		known |= !strcmp(options.format, formats[i]);
	if (!known)
		return error_exit(EXIT_USAGE, "import: unknown format '%s' (auto, focus, aws-cur, usage, "
				  "sacct, nvidia-smi, rates, budgets, fx-rates, invoices)", options.format);
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
	for (i = optind; i < argc && exit_code == EXIT_OK; i++)
		exit_code = import_file(db, argv[i], &options);
	if (exit_code == EXIT_OK && !options.dry_run) {
		exit_code = commit_import(db, ledger_path(path));
	} else {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		if (exit_code != EXIT_OK)
			fprintf(stderr, "costledger: nothing imported\n");
	}
	ledger_close(db);
	return exit_code;
}
