/*
 * usage_csv.h: the costledger usage CSV (docs/formats.md), in its two forms:
 * events (timestamp,event,job_id,...: start pause resume interrupt stop
 * epoch_end, turned into intervals) and intervals (usage_start,usage_end,
 * state,...). No SQLite here.
 */
#ifndef COSTLEDGER_USAGE_CSV_H
#define COSTLEDGER_USAGE_CSV_H

#include "usage.h"

struct usage_csv;

int usage_csv_new(const struct usage_tz *tz, const char *file, struct usage_csv **out);
void usage_csv_free(struct usage_csv *u);

/*
 * The next file of the same command (a header row comes next): jobs keep
 * their state, so the events of one job across the files of one command
 * form one timeline, in the order the files are given. An interval that
 * opens in one file and closes in a later one is emitted while the later
 * file is read, with source_file and source_line of the event that opened
 * it. The counts and the report start again.
 */
int usage_csv_next_file(struct usage_csv *u, const char *file);

/* Every row, the header first; returns 0, -1 with *error, or emit's non-zero value. */
int usage_csv_row(struct usage_csv *u, const struct csv_row *row, usage_emit_fn emit,
		  void *context, struct import_error *error);
/* End of file: counts the jobs left open (they are not emitted; a later
 * file of the command may go on with them). */
int usage_csv_finish(struct usage_csv *u, usage_emit_fn emit, void *context,
		     struct import_error *error);

/* "usage-events" or "usage-intervals" (NULL before the header). */
const char *usage_csv_format(const struct usage_csv *u);
long usage_csv_rows(const struct usage_csv *u);      /* data rows read */
long usage_csv_open_jobs(const struct usage_csv *u); /* jobs open at the end of the file */
/* After the last file: how many files the command gave, the name of file
 * i, and how many jobs are left open since an event of file i. */
size_t usage_csv_file_count(const struct usage_csv *u);
const char *usage_csv_file(const struct usage_csv *u, size_t i);
long usage_csv_open_since(const struct usage_csv *u, size_t i);
/* JSON: the format, ignored columns, jobs open at the end of the file (event form). */
int usage_csv_report(const struct usage_csv *u, char *buf, size_t size);

#endif
