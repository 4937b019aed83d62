/*
 * import_run.h: one file of an import command (cmd_import.c), read and
 * stored by its kind (import_kinds.c): the reader and the store each kind
 * opens, the rows it takes, what it reports and holds back at the end.
 */
#ifndef COSTLEDGER_IMPORT_RUN_H
#define COSTLEDGER_IMPORT_RUN_H

#include "import_detect.h"
#include "import_error.h"
#include "reader.h"
#include "usage.h"

#include <sqlite3.h>

struct delivery;
struct usage_csv;

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

/* The table a file of the kind goes to, as imports.kind names it. */
const char *import_run_table(enum kind k);
/* Opens the kind's reader and store: 0, -1 with run->error set, or an exit code. */
int import_run_open(struct import_run *run);
/* Reads the whole file into the store and ends it (what the usage formats
 * hold back, the counts): 0, -1 or an exit code, with run->error set. */
int import_run_read(struct import_run *run, struct reader_stats *stats);
void import_run_close(struct import_run *run);
/* The format the file was read as ("focus-1.2", "usage-events", ...). */
const char *import_run_format(const struct import_run *run);
/* The import's report (JSON, whole: a cut one would not be JSON), to free(); NULL: out of memory. */
char *import_run_report(const struct import_run *run);

#endif
