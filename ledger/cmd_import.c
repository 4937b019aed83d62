/*
 * cmd_import.c: costledger import [--format F] [--dry-run] [--tag-project KEY] FILE...
 *
 * One transaction for the whole command: any error rolls everything back,
 * so a failed import leaves the ledger exactly as it was.
 */
#include "commands.h"
#include "ledger.h"
#include "store_charges.h"

#include "bill.h"
#include "reader.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
	"usage: costledger import [--ledger FILE] [--format auto|focus|aws-cur]\n"
	"                         [--dry-run] [--tag-project KEY] FILE...\n"
	"\n"
	"Imports bills (FOCUS 1.0-1.3, AWS CUR legacy or 2.0; CSV or gzip, told\n"
	"apart by content; '-' reads stdin) into the ledger, in one transaction.\n"
	"Lines already in the ledger are not added again.\n"
	"\n"
	"  --format F        the bill format (default auto: from the header)\n"
	"  --dry-run         report what would be imported, write nothing\n"
	"  --tag-project KEY the tag whose value is a charge's project (default project)\n"
	"\n"
	"exit status: 0 imported, 2 bad usage or bad input, 3 ledger error\n";

struct import_run {
	sqlite3 *db;
	const char *file;
	const char *format;
	struct bill_mapping *mapping;
	struct charge_store *store;
	sqlite3_int64 import_id;
	long rows, inserted, duplicate, rounded;
	struct import_error error;
	int failed_exit;
};

static int on_row(void *context, const struct csv_row *row)
{
	struct import_run *run = context;
	struct charge charge;
	enum store_outcome outcome;
	int rc;

	if (!run->mapping) {
		if (bill_mapping_new(row, run->format, run->file, &run->mapping, &run->error) < 0)
			return EXIT_USAGE;
		return 0;
	}
	if (bill_mapping_row(run->mapping, row, &charge, &run->error) < 0)
		return EXIT_USAGE;
	run->rows++;
	rc = charge_store_add(run->store, run->import_id, run->file, &charge, &outcome);
	if (rc != SQLITE_OK) {
		const char *message = sqlite3_errmsg(run->db);
		if (strstr(message, "JSON"))
			import_error_set(&run->error, run->file, row->line, "Tags", "%s", message);
		else
			import_error_set(&run->error, run->file, row->line, NULL, "cannot store: %s",
					 message);
		return strstr(message, "JSON") ? EXIT_USAGE : EXIT_LEDGER;
	}
	if (outcome == STORE_INSERTED)
		run->inserted++;
	else
		run->duplicate++;
	run->rounded += charge.rounded > 0;
	return 0;
}

static sqlite3_int64 begin_import(sqlite3 *db, const char *file)
{
	sqlite3_stmt *stmt;
	sqlite3_int64 id = -1;
	char now[32];
	time_t t = time(NULL);

	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
	if (sqlite3_prepare_v2(db, "INSERT INTO imports (kind, file_name, content_crc32, content_size,"
			       " format, imported_at) VALUES ('bill', ?1, 0, 0, '?', ?2)",
			       -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, file, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, now, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(stmt) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db);
	sqlite3_finalize(stmt);
	return id;
}

/* The earlier import with the same content, or 0. */
static sqlite3_int64 same_content(sqlite3 *db, sqlite3_int64 id, const struct reader_stats *stats)
{
	sqlite3_stmt *stmt;
	sqlite3_int64 earlier = 0;

	if (sqlite3_prepare_v2(db, "SELECT min(import_id) FROM imports WHERE kind = 'bill'"
			       " AND content_crc32 = ?1 AND content_size = ?2 AND import_id <> ?3",
			       -1, &stmt, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(stmt, 1, stats->content_crc32);
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)stats->content_size);
	sqlite3_bind_int64(stmt, 3, id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		earlier = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return earlier;
}

static int finish_import(struct import_run *run, const struct reader_stats *stats)
{
	sqlite3_stmt *stmt;
	char report[1024];
	int rc;

	bill_mapping_report(run->mapping, report, sizeof report);
	if (run->inserted == 0) {
		/* Nothing new: leave no trace of this file. */
		char sql[96];
		snprintf(sql, sizeof sql, "DELETE FROM imports WHERE import_id = %lld",
			 (long long)run->import_id);
		return ledger_exec(run->db, sql) == SQLITE_OK ? 0 : -1;
	}
	if (sqlite3_prepare_v2(run->db, "UPDATE imports SET file_size = ?2, compressed = ?3,"
			       " content_crc32 = ?4, content_size = ?5, format = ?6, rows_read = ?7,"
			       " rows_inserted = ?8, rows_duplicate = ?9, values_rounded = ?10,"
			       " report = ?11 WHERE import_id = ?1", -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(stmt, 1, run->import_id);
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)stats->file_size);
	sqlite3_bind_int(stmt, 3, stats->compressed);
	sqlite3_bind_int64(stmt, 4, stats->content_crc32);
	sqlite3_bind_int64(stmt, 5, (sqlite3_int64)stats->content_size);
	sqlite3_bind_text(stmt, 6, bill_mapping_format(run->mapping), -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 7, run->rows);
	sqlite3_bind_int64(stmt, 8, run->inserted);
	sqlite3_bind_int64(stmt, 9, run->duplicate);
	sqlite3_bind_int64(stmt, 10, run->rounded);
	sqlite3_bind_text(stmt, 11, report, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int import_file(sqlite3 *db, const char *file, const char *format, const char *tag_key,
		       int dry_run)
{
	struct import_run run = {0};
	struct reader_stats stats;
	struct reader_options options = {',', isatty(2)};
	sqlite3_int64 earlier;
	char message[1600], report[1024];
	int result, exit_code = EXIT_OK;

	run.db = db;
	run.file = file;
	run.format = format;
	if ((run.import_id = begin_import(db, file)) < 0)
		return error_exit(EXIT_LEDGER, "cannot record import of '%s': %s", file, sqlite3_errmsg(db));
	if (charge_store_open(db, tag_key, &run.store) != SQLITE_OK)
		return error_exit(EXIT_LEDGER, "cannot prepare import: %s", sqlite3_errmsg(db));
	result = reader_run(file, &options, on_row, &run, &stats, &run.error);
	if (result == 0 && !run.mapping) {
		import_error_set(&run.error, file, 0, NULL, "empty file: no header");
		result = EXIT_USAGE;
	} else if (result == 0 && run.rows == 0) {
		import_error_set(&run.error, file, 0, NULL, "no rows after the header");
		result = EXIT_USAGE;
	}
	if (result != 0) {
		import_error_format(&run.error, message, sizeof message);
		exit_code = error_exit(result < 0 ? EXIT_USAGE : result, "%s", message);
		goto done;
	}
	earlier = same_content(db, run.import_id, &stats);
	if (finish_import(&run, &stats) < 0) {
		exit_code = error_exit(EXIT_LEDGER, "cannot record import of '%s': %s", file,
				       sqlite3_errmsg(db));
		goto done;
	}
	bill_mapping_report(run.mapping, report, sizeof report);
	if (earlier && run.inserted == 0)
		printf("%s: already imported (import %lld); nothing added\n", file, (long long)earlier);
	else
		printf("%s%s: %s, %ld rows: %ld new, %ld already in the ledger, %ld with amounts rounded "
		       "past 9 decimals; %s\n", dry_run ? "dry run: " : "", file,
		       bill_mapping_format(run.mapping), run.rows, run.inserted, run.duplicate,
		       run.rounded, report);
done:
	charge_store_close(run.store);
	bill_mapping_free(run.mapping);
	return exit_code;
}

int cmd_import(int argc, char **argv)
{
	static const struct option long_options[] = {
		{"format", required_argument, NULL, 'f'},
		{"dry-run", no_argument, NULL, 'n'},
		{"tag-project", required_argument, NULL, 't'},
		{"ledger", required_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *format = "auto", *tag_key = "project", *path = global_ledger_option;
	int dry_run = 0, c, i, exit_code = EXIT_OK;
	sqlite3 *db;

	optind = 1;
	while ((c = getopt_long(argc, argv, "hn", long_options, NULL)) != -1) {
		switch (c) {
		case 'f': format = optarg; break;
		case 'n': dry_run = 1; break;
		case 't': tag_key = optarg; break;
		case 'l': path = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fputs(usage, stderr);
		return error_exit(EXIT_USAGE, "import: no file given");
	}
	if (strcmp(format, "auto") && strcmp(format, "focus") && strcmp(format, "aws-cur"))
		return error_exit(EXIT_USAGE, "import: unknown format '%s' (auto, focus, aws-cur)", format);
	if (!(db = ledger_open(ledger_path(path), LEDGER_WRITE)))
		return EXIT_LEDGER;
	/* A large page cache keeps the de-duplication index in memory. */
	sqlite3_exec(db, "PRAGMA cache_size = -32768", NULL, NULL, NULL);
	if (ledger_exec(db, "BEGIN IMMEDIATE") != SQLITE_OK) {
		ledger_close(db);
		return EXIT_LEDGER;
	}
	for (i = optind; i < argc && exit_code == EXIT_OK; i++)
		exit_code = import_file(db, argv[i], format, tag_key, dry_run);
	if (exit_code != EXIT_OK || dry_run) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		if (exit_code != EXIT_OK)
			fprintf(stderr, "costledger: nothing imported\n");
	} else if (ledger_exec(db, "COMMIT") != SQLITE_OK) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		exit_code = EXIT_LEDGER;
	}
	ledger_close(db);
	return exit_code;
}
