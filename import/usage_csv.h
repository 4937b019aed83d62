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

/* Every row, the header first; returns 0, -1 with *error, or emit's non-zero value. */
int usage_csv_row(struct usage_csv *u, const struct csv_row *row, usage_emit_fn emit,
		  void *context, struct import_error *error);
/* End of file: reports the jobs left open (they are not emitted). */
int usage_csv_finish(struct usage_csv *u, usage_emit_fn emit, void *context,
		     struct import_error *error);

/* "usage-events" or "usage-intervals" (NULL before the header). */
const char *usage_csv_format(const struct usage_csv *u);
long usage_csv_rows(const struct usage_csv *u);      /* data rows read */
long usage_csv_open_jobs(const struct usage_csv *u); /* jobs never stopped */
/* JSON: the format, ignored columns, jobs never stopped. */
int usage_csv_report(const struct usage_csv *u, char *buf, size_t size);

#endif
