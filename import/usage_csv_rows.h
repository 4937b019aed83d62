/*
 * usage_csv_rows.h: what usage_csv.c (header, interval form, the command's
 * files) and usage_events.c (the event form's state machine) share: the
 * reader's state and its field readers. Private to the two. No SQLite here.
 */
#ifndef COSTLEDGER_USAGE_CSV_ROWS_H
#define COSTLEDGER_USAGE_CSV_ROWS_H

#include "usage_csv.h"
#include "usage_jobs.h"

#include "json_text.h"

#include <stddef.h>
#include <stdint.h>

enum column {
	C_TIMESTAMP, C_EVENT, C_START, C_END, C_STATE, C_JOB, C_PROJECT, C_PROVIDER, C_ACCOUNT,
	C_RESOURCE, C_INSTANCE, C_PRICING, C_GPUS, C_EPOCH, C_PLANNED, C_RUN, C_UTIL,
	C_COUNT
};

extern const char *const usage_csv_column_names[C_COUNT];
extern const enum column usage_csv_text_columns[T_COUNT];
extern const char *const usage_csv_state_names[4]; /* by enum job_state */

struct usage_csv {
	struct usage_tz tz;
	char file[512];
	char **files;               /* every file of the command, for the jobs' lines */
	size_t file_count;
	int have_header, events;
	int column[C_COUNT];
	char *header[256];
	size_t header_count, ignored;
	int extra[256];             /* columns of no field: kept in attributes */
	size_t extra_count;
	long rows, repeats;         /* repeats: events already read in this command, skipped */
	struct usage_jobs jobs;
	long open_jobs;
};

/* The file the current one is, as the jobs point to it. */
const char *usage_csv_current_file(const struct usage_csv *u);
/* The trimmed field in buf, or NULL when absent or empty. */
const char *usage_csv_field(const struct usage_csv *u, const struct csv_row *row, enum column c,
			    char *buf, size_t size);
/* A file:line error naming column c and the value. */
int usage_csv_bad(const struct usage_csv *u, const struct csv_row *row, enum column c,
		  struct import_error *error, const char *what, const char *value);
/* The row's extra columns as a JSON object in j, or NULL; free j after. */
const char *usage_csv_extra(const struct usage_csv *u, const struct csv_row *row,
			    struct json_writer *j);
int usage_csv_time(const struct usage_csv *u, const struct csv_row *row, enum column c,
		   int64_t *ms, struct import_error *error);
/* A whole number >= min; *present 0 when empty. */
int usage_csv_long(const struct usage_csv *u, const struct csv_row *row, enum column c, long min,
		   int *present, long *value, struct import_error *error);
/* The canonical pricing word, or NULL when s is none. */
const char *usage_csv_pricing(const char *s);
int usage_csv_check_pricing(const struct usage_csv *u, const struct csv_row *row,
			    struct import_error *error);
/* One row of the event form (usage_events.c). */
int usage_csv_event_row(struct usage_csv *u, const struct csv_row *row, usage_emit_fn emit,
			void *context, struct import_error *error);

#endif
