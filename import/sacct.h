/*
 * sacct.h: Slurm `sacct --parsable2` (with or without header) to usage
 * intervals: one per parent allocation; steps (123.batch, 123.0) skipped and
 * counted. No SQLite here.
 */
#ifndef COSTLEDGER_SACCT_H
#define COSTLEDGER_SACCT_H

#include <stddef.h>

#include "usage.h"

struct sacct;

/* fields: the order when the file has no header ("JobID,Account,..."), or NULL. */
int sacct_new(const struct usage_tz *tz, const char *fields, const char *file, struct sacct **out,
	      struct import_error *error);
void sacct_free(struct sacct *s);
int sacct_row(struct sacct *s, const struct csv_row *row, usage_emit_fn emit, void *context,
	      struct import_error *error);
long sacct_rows(const struct sacct *s);    /* rows read (allocations and steps) */
long sacct_skipped(const struct sacct *s); /* steps, pending jobs, jobs without an end */
int sacct_report(const struct sacct *s, char *buf, size_t size);

/* GPUs in an AllocTRES value: gres/gpu=N, else the sum of typed gres/gpu:T=N; -1 if none. */
long sacct_tres_gpus(const char *tres);

/* The GPU type of a job, for typed rate cards: the first gres/gpu:TYPE=N of
 * AllocTRES, else TYPE of an AllocGRES gpu:TYPE:N; "" if untyped. */
void sacct_gpu_type(const char *tres, const char *gres, char *out, size_t size);
/* The interval state of a Slurm state ("CANCELLED by 12" -> running); NULL: skip (PENDING); "" unknown. */
const char *sacct_state(const char *slurm_state);

#endif
