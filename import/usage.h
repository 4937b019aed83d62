/*
 * usage.h: what the usage-log formats (costledger usage CSV, Slurm sacct,
 * nvidia-smi) share: the interval record they produce, the timezone of naive
 * timestamps, header helpers, the row key. No SQLite here.
 *
 * Every format is driven the same way: *_new, then *_row for every row the
 * reader gives (the header included), then *_finish once at the end of the
 * file; records go to an emit callback, their texts valid during the call.
 */
#ifndef COSTLEDGER_USAGE_H
#define COSTLEDGER_USAGE_H

#include <stddef.h>
#include <stdint.h>

#include "import_error.h"
#include "reader.h"

/* One usage interval, as the usage table stores it. */
struct usage_record {
	const char *source_file; /* the file of source_line; NULL: the file being read */
	long source_line;
	const char *provider, *account, *project, *job_id, *run_id, *resource_id;
	const char *instance_type;
	const char *pricing;    /* on-demand spot reserved own, or NULL */
	const char *state;      /* running paused stopped interrupted idle */
	int has_epoch, has_planned, has_gpus, has_util;
	long epoch, planned_epochs, gpus;
	double util;            /* GPU utilisation in percent */
	int64_t start_ms, end_ms;
	const char *attributes; /* JSON object text or NULL */
	unsigned char row_key[16];
};

/* Returns 0 to go on; non-zero stops the import (the value is passed back). */
typedef int (*usage_emit_fn)(void *context, const struct usage_record *record);

/* Fills record->row_key from every field of the record. */
void usage_record_key(struct usage_record *record);

/*
 * The zone of timestamps written without one: "UTC" (default), a fixed
 * offset "+02:00" / "-0530" / "+02", or an IANA name ("Europe/Berlin"), which
 * is applied with setenv("TZ") + tzset() + mktime() (a wall time repeated at
 * the end of summer time takes mktime's choice; one skipped at its start is
 * moved forward). Timestamps that carry an offset keep it.
 */
struct usage_tz {
	int iana;               /* 1: TZ has been set to name */
	int offset_minutes;     /* when !iana */
	char name[128];
};
int usage_tz_init(struct usage_tz *tz, const char *spec, char *message, size_t size);

/* Parses a timestamp in the zone; returns a time_status (TIME_OK...). */
int usage_time(const struct usage_tz *tz, const char *s, size_t n, int64_t *unix_ms);

/* "3-04:05:06", "04:05:06", "05:06" or "1-04" (days-hours) to seconds; -1 if
 * not one, -2 past 10,000 years (a part too big to be a duration). */
long long usage_elapsed_seconds(const char *s);

/* s[0..n) without surrounding spaces (and a trailing CR): its length, *start its first byte. */
size_t usage_trimmed(const char *s, size_t n, const char **start);

/* Copies s without surrounding spaces into out (size > 0); what does not fit
 * is cut, so readers check a field's length first (field_check.h). */
void usage_trim(const char *s, size_t n, char *out, size_t size);

/* Folds a header name to compare: lowercase, without spaces, '_', '.', '-' and units "[..]". */
void usage_fold(const char *s, char *out, size_t size);

/* A usage row's attributes: a JSON object of strings through the one JSON
 * writer (json_member_string for each member). usage_json_end returns the
 * text, NULL when there is no member; json_writer_free(j) after use. */
struct json_writer;
void usage_json_begin(struct json_writer *j);
const char *usage_json_end(struct json_writer *j);

/* A copy of s (NULL stays NULL); aborts on no memory. */
char *usage_strdup(const char *s);

/*
 * Which usage format a file's first line is, from its text: "usage" (the
 * costledger usage CSV, either form), "sacct" (a '|' line starting JobID, or
 * a '|' line of 10+ fields), "nvidia-smi" (timestamp, index, ...), or NULL
 * (not a usage log: a bill, say).
 */
const char *usage_detect(const char *first_line);

#endif
