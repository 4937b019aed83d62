/*
 * cmd_import.c: costledger import [--format F] [--dry-run] [--tag-project KEY]
 *               [--tz ZONE] [--fields LIST] [--resource ID] [--idle-threshold PCT] FILE...
 *
 * One transaction for the whole command: any error rolls everything back,
 * so a failed import leaves the ledger exactly as it was. Bills go to
 * charges; usage logs (costledger usage CSV, Slurm sacct, nvidia-smi) to
 * usage; rate cards to rates; budgets to budgets; exchange rates to
 * fx_rates; own machines (hardware CSV) to hardware. With --format auto the kind is told from the file's first line.
 * What each kind does with its rows: import_kinds.c (import_run.h).
 */
#include "money.h"
#include "background_checkpoint.h"
#include "bulk_index.h"
#include "capacity_blocks.h"
#include "commands.h"
#include "cur_manifest.h"
#include "delivery.h"
#include "import_detect.h"
#include "import_run.h"
#include "ledger.h"

#include "usage.h"
#include "usage_csv.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
	if (!(report = import_run_report(run)))
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
	sqlite3_bind_text(stmt, 6, import_run_format(run), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 7, run->rows);
	sqlite3_bind_int64(stmt, 8, run->inserted);
	sqlite3_bind_int64(stmt, 9, run->duplicate);
	sqlite3_bind_int64(stmt, 10, run->rounded);
	sqlite3_bind_text(stmt, 11, report, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 12, run->skipped);
	sqlite3_bind_text(stmt, 13, import_run_table(run->kind), -1, SQLITE_STATIC);
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
		rc = delivery_supersede_usage(run->options->delivery, run->import_id, import_run_format(run));
	return rc == SQLITE_OK ? 0 : -1;
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
	if ((result = import_run_open(&run)) != 0) {
		if (result < 0) {
			import_error_format(&run.error, message, sizeof message);
			exit_code = error_exit(EXIT_USAGE, "%s", message);
		} else {
			exit_code = result;
		}
		goto done;
	}
	result = import_run_read(&run, &stats);
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
	if (!(report = import_run_report(&run))) {
		exit_code = error_exit(EXIT_LEDGER, "import of '%s': out of memory", file);
		goto done;
	}
	if (run.kind == K_SACCT && !options->dry_run)
		print_running_jobs(db, run.import_id, file);
	if (run.kind == K_BILL)
		printf("%s%s: %s, %ld rows: %ld new, %ld already in the ledger, %ld with amounts rounded "
		       "past 9 decimals; %s%s\n", options->dry_run ? "dry run: " : "", file,
		       import_run_format(&run), run.rows, run.inserted, run.duplicate, run.rounded, report,
		       run.inserted ? "" : "; already imported, nothing added");
	else
		printf("%s%s: %s, %ld rows (%ld skipped): %ld new %s, %ld already in the ledger; %s%s\n",
		       options->dry_run ? "dry run: " : "", file, import_run_format(&run), run.rows,
		       run.skipped, run.inserted,
		       run.kind == K_RATES ? "rates" : run.kind == K_BUDGETS ? "budgets" :
		       run.kind == K_FX_RATES ? "fx rates" : run.kind == K_HARDWARE ? "machines" :
		       run.kind == K_INVOICES ? "invoices" : "intervals",
		       run.duplicate, report, run.inserted ? "" : "; already imported, nothing added");
done:
	free(report);
	import_run_close(&run);
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
	/* Spreads change only with a reservation's lines, brought or replaced. */
	if ((d->capacity_lines || d->charges_superseded) && capacity_blocks_amortize(d->db) != SQLITE_OK)
		return error_exit(EXIT_LEDGER, "cannot spread capacity block fees over their hours: %s",
				  sqlite3_errmsg(d->db));
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

/* The command line into *o and *path: -1 to go on, else the exit code. */
static int parse_options(int argc, char **argv, struct import_options *o, const char **path,
			 int *incremental)
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
	const char *tz = "UTC";
	char message[512];
	int c, i, known = 0;

	o->format = "auto";
	o->tag_key = "project";
	o->idle_threshold = 5;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":hn", long_options, NULL)) != -1) {
		switch (c) {
		case 'f': o->format = optarg; break;
		case 'n': o->dry_run = 1; break;
		case 'S': o->strict = 1; break;
		case 't': o->tag_key = optarg; break;
		case 'l': *path = optarg; break;
		case 'z': tz = optarg; break;
		case 'F': o->fields = optarg; break;
		case 'r': o->resource = optarg; break;
		case 'i':
			if (number_parse(optarg, strlen(optarg), &o->idle_threshold) != MONEY_OK ||
			    !(o->idle_threshold >= 0 && o->idle_threshold <= 100))
				return error_exit(EXIT_USAGE, "import: --idle-threshold '%s': not a "
						  "percentage 0-100", optarg);
			break;
		case 'D':
			if (strcmp(optarg, "statement") && strcmp(optarg, "incremental"))
				return error_exit(EXIT_USAGE, "import: --delivery '%s': not statement or "
						  "incremental", optarg);
			*incremental = !strcmp(optarg, "incremental");
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
		known |= !strcmp(o->format, formats[i]);
	if (!known)
		return error_exit(EXIT_USAGE, "import: unknown format '%s' (auto, " FORMAT_NAMES ")",
				  o->format);
	if (usage_tz_init(&o->tz, tz, message, sizeof message) < 0)
		return error_exit(EXIT_USAGE, "import: %s", message);
	return -1;
}

int cmd_import(int argc, char **argv)
{
	struct import_options options = {0};
	struct delivery delivery;
	struct usage_csv *usage_timeline = NULL;
	const char *path = global_ledger_option;
	int i, incremental = 0, exit_code;
	sqlite3 *db;

	if ((exit_code = parse_options(argc, argv, &options, &path, &incremental)) >= 0)
		return exit_code;
	exit_code = EXIT_OK;
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
