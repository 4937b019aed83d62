/*
 * nvidia_smi.h: `nvidia-smi --query-gpu=... --format=csv[,noheader][,nounits]`
 * logs to per-GPU usage intervals (docs/formats.md). No SQLite here.
 */
#ifndef COSTLEDGER_NVIDIA_SMI_H
#define COSTLEDGER_NVIDIA_SMI_H

#include "usage.h"

struct nvidia_smi;

/*
 * resource: the machine the log came from (resource ids are RESOURCE:gpuN);
 * fields: the query order when the log has no header (default
 * timestamp,index,name,utilization.gpu,memory.used,power.draw); idle_threshold
 * in percent: a sample below it is 'idle'.
 */
int nvidia_smi_new(const struct usage_tz *tz, const char *resource, const char *fields,
		   double idle_threshold, const char *file, struct nvidia_smi **out,
		   struct import_error *error);
void nvidia_smi_free(struct nvidia_smi *n);
/* Samples are kept; the intervals are emitted by nvidia_smi_finish. */
int nvidia_smi_row(struct nvidia_smi *n, const struct csv_row *row, struct import_error *error);
int nvidia_smi_finish(struct nvidia_smi *n, usage_emit_fn emit, void *context,
		      struct import_error *error);
long nvidia_smi_rows(const struct nvidia_smi *n);     /* samples */
long nvidia_smi_skipped(const struct nvidia_smi *n);  /* repeated headers */
int nvidia_smi_report(const struct nvidia_smi *n, char *buf, size_t size);

/* A value as nvidia-smi writes it ("92 %", "92", "[N/A]"): 1 and *v, or 0 when not available. */
int nvidia_smi_value(const char *s, double *v);

#endif
