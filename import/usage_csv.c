/*
 * usage_csv.c: the costledger usage CSV to usage intervals.
 *
 * Event form: each job (by job_id) is a little state machine. An event
 * first closes the job's open interval at its timestamp (with the values the
 * interval was opened with), then takes the row's non-empty values, then
 * opens the next interval:
 *   start      (idle or interrupted) -> running
 *   pause      running               -> paused
 *   resume     paused, interrupted   -> running
 *   interrupt  running, paused       -> interrupted
 *   epoch_end  running               -> running, epoch + 1
 *   stop       running, paused, interrupted -> nothing open
 * The event form's rows are usage_events.c's; the jobs (usage_jobs.c) live
 * for the whole command (usage_csv_next_file): a job started
 * in one file may stop in the next. A job still open at the end of the
 * last file is reported and nothing is invented for it. Zero-length
 * intervals are not emitted.
 */
#include "usage_csv_rows.h"

#include "field_check.h"
#include "json_text.h"
#include "money.h"

#include "timeparse.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const usage_csv_column_names[C_COUNT] = {
	"timestamp", "event", "usage_start", "usage_end", "state", "job_id", "project",
	"provider", "account", "resource_id", "instance_type", "pricing", "gpus", "epoch",
	"planned_epochs", "run_id", "gpu_utilization",
};

/* The longest text each column takes (the buffer it is read into, less the
 * NUL); extra columns go into attributes up to EXTRA_LIMIT. Longer fields
 * are refused, never cut. */
static const size_t column_limits[C_COUNT] = {
	127, 63, 127, 127, 63, 511, 511, 511, 511, 511, 511, 63, 63, 63, 63, 511, 63,
};
#define EXTRA_LIMIT 511

/* The texts a job carries from row to row (usage_jobs.h), by column. */
const enum column usage_csv_text_columns[T_COUNT] = {
	C_PROJECT, C_PROVIDER, C_ACCOUNT, C_RESOURCE, C_INSTANCE, C_PRICING, C_RUN,
};

const char *const usage_csv_state_names[4] = {"stopped", "running", "paused", "interrupted"};

int usage_csv_new(const struct usage_tz *tz, const char *file, struct usage_csv **out)
{
	struct usage_csv *u = calloc(1, sizeof *u);

	if (!u)
		return -1;
	u->tz = *tz;
	*out = u;
	if (usage_csv_next_file(u, file) < 0) {
		usage_csv_free(u);
		*out = NULL;
		return -1;
	}
	return 0;
}

int usage_csv_next_file(struct usage_csv *u, const char *file)
{
	char **grown = realloc(u->files, (u->file_count + 1) * sizeof *grown);
	size_t i;

	if (!grown)
		return -1;
	u->files = grown;
	u->files[u->file_count++] = usage_strdup(file);
	snprintf(u->file, sizeof u->file, "%s", file);
	for (i = 0; i < u->header_count; i++)
		free(u->header[i]);
	u->header_count = u->ignored = u->extra_count = 0;
	u->have_header = u->events = 0;
	u->rows = u->open_jobs = u->repeats = 0;
	return 0;
}

/* The file the current one is, as the jobs point to it. */
const char *usage_csv_current_file(const struct usage_csv *u)
{
	return u->files[u->file_count - 1];
}

void usage_csv_free(struct usage_csv *u)
{
	size_t i;

	if (!u)
		return;
	for (i = 0; i < u->header_count; i++)
		free(u->header[i]);
	for (i = 0; i < u->file_count; i++)
		free(u->files[i]);
	free(u->files);
	usage_jobs_free(&u->jobs);
	free(u);
}

const char *usage_csv_format(const struct usage_csv *u)
{
	if (!u->have_header)
		return NULL;
	return u->events ? "usage-events" : "usage-intervals";
}

long usage_csv_rows(const struct usage_csv *u)
{
	return u->rows;
}

long usage_csv_open_jobs(const struct usage_csv *u)
{
	return u->open_jobs;
}

size_t usage_csv_file_count(const struct usage_csv *u)
{
	return u->file_count;
}

const char *usage_csv_file(const struct usage_csv *u, size_t i)
{
	return u->files[i];
}

long usage_csv_open_since(const struct usage_csv *u, size_t i)
{
	long n = 0;
	size_t k;

	for (k = 0; k < u->jobs.count; k++)
		n += u->jobs.jobs[k].state != J_NONE && u->jobs.jobs[k].since_file == u->files[i];
	return n;
}

int usage_csv_report(const struct usage_csv *u, char *buf, size_t size)
{
	struct json_writer w;
	char when[32];
	size_t i;

	json_writer_init(&w);
	json_open(&w, '{');
	json_member_string(&w, "format", usage_csv_format(u) ? usage_csv_format(u) : "usage");
	json_key(&w, "extra_columns");
	json_integer(&w, (long long)u->ignored);
	json_key(&w, "jobs_not_stopped");
	json_open(&w, '[');
	for (i = 0; u->events && i < u->jobs.count; i++) {
		const struct usage_job *j = &u->jobs.jobs[i];
		if (j->state == J_NONE)
			continue;
		time_format(j->since, when, sizeof when);
		json_open(&w, '{');
		json_member_string(&w, "job_id", j->job_id);
		json_member_string(&w, "state", usage_csv_state_names[j->state]);
		json_member_string(&w, "since", when);
		if (j->since_file != usage_csv_current_file(u))
			json_member_string(&w, "file", j->since_file);
		json_key(&w, "line");
		json_integer(&w, j->since_line);
		json_close(&w, '}');
	}
	json_close(&w, ']');
	if (u->repeats) {
		json_key(&w, "repeated_events_skipped");
		json_integer(&w, u->repeats);
	}
	return json_report_end(&w, buf, size);
}

static int read_header(struct usage_csv *u, const struct csv_row *row, struct import_error *error)
{
	size_t i;
	int c;
	char folded[128], want[128];

	for (c = 0; c < C_COUNT; c++)
		u->column[c] = -1;
	for (i = 0; i < row->count && i < 256; i++) {
		char name[128];
		int found = -1;
		/* Extra columns go into attributes under their names: none is cut. */
		if (field_check(row, (int)i, NULL, sizeof name - 1, u->file, error) < 0)
			return -1;
		usage_trim(row->fields[i], row->lengths[i], name, sizeof name);
		u->header[i] = usage_strdup(name);
		u->header_count = i + 1;
		usage_fold(name, folded, sizeof folded);
		for (c = 0; c < C_COUNT; c++) {
			usage_fold(usage_csv_column_names[c], want, sizeof want);
			if (!strcmp(folded, want))
				found = c;
		}
		if (found < 0) {
			u->ignored++;
			u->extra[u->extra_count++] = (int)i;
			continue;
		}
		if (u->column[found] >= 0)
			return import_error_set(error, u->file, row->line, name,
						"column given twice (also column %d)", u->column[found] + 1);
		u->column[found] = (int)i;
	}
	if (row->count > 256)
		return import_error_set(error, u->file, row->line, NULL, "more than 256 columns");
	u->have_header = 1;
	if (u->column[C_EVENT] >= 0 || u->column[C_TIMESTAMP] >= 0) {
		u->events = 1;
		for (c = 0; c < C_COUNT; c++)
			if ((c == C_TIMESTAMP || c == C_EVENT || c == C_JOB) && u->column[c] < 0)
				return import_error_set(error, u->file, row->line, NULL,
							"usage CSV (event form): no column '%s'",
							usage_csv_column_names[c]);
		if (u->column[C_START] >= 0 || u->column[C_END] >= 0 || u->column[C_STATE] >= 0)
			return import_error_set(error, u->file, row->line, NULL,
						"usage CSV: both event columns (timestamp, event) and "
						"interval columns (usage_start, usage_end, state)");
		return 0;
	}
	for (c = 0; c < C_COUNT; c++)
		if ((c == C_START || c == C_END || c == C_STATE) && u->column[c] < 0)
			return import_error_set(error, u->file, row->line, NULL,
						"usage CSV (interval form): no column '%s'", usage_csv_column_names[c]);
	return 0;
}

/* The trimmed field in buf, or NULL when absent or empty. */
const char *usage_csv_field(const struct usage_csv *u, const struct csv_row *row, enum column c,
			 char *buf, size_t size)
{
	int i = u->column[c];

	if (i < 0 || (size_t)i >= row->count)
		return NULL;
	usage_trim(row->fields[i], row->lengths[i], buf, size);
	return buf[0] ? buf : NULL;
}

int usage_csv_bad(const struct usage_csv *u, const struct csv_row *row, enum column c,
	       struct import_error *error, const char *what, const char *value)
{
	return import_error_set(error, u->file, row->line, usage_csv_column_names[c], "%s: \"%.200s\"", what,
				value ? value : "");
}

/* The row's extra columns (by their header names) as a JSON object, or NULL. */
const char *usage_csv_extra(const struct usage_csv *u, const struct csv_row *row,
				    struct json_writer *j)
{
	size_t k;
	char value[512];

	usage_json_begin(j);
	for (k = 0; k < u->extra_count; k++) {
		int i = u->extra[k];
		if ((size_t)i >= row->count || !u->header[i][0])
			continue;
		usage_trim(row->fields[i], row->lengths[i], value, sizeof value);
		json_member_string(j, u->header[i], value);
	}
	return usage_json_end(j);
}

int usage_csv_time(const struct usage_csv *u, const struct csv_row *row, enum column c,
		     int64_t *ms, struct import_error *error)
{
	char buf[128];
	const char *s = usage_csv_field(u, row, c, buf, sizeof buf);
	int status;

	if (!s)
		return usage_csv_bad(u, row, c, error, "missing timestamp", "");
	status = usage_time(&u->tz, s, strlen(s), ms);
	if (status != TIME_OK)
		return usage_csv_bad(u, row, c, error, time_strerror(status), s);
	return 0;
}

/* A whole number >= min; *present 0 when empty. */
int usage_csv_long(const struct usage_csv *u, const struct csv_row *row, enum column c, long min,
		     int *present, long *value, struct import_error *error)
{
	char buf[64];
	const char *s = usage_csv_field(u, row, c, buf, sizeof buf);
	int64_t v;

	*present = 0;
	if (!s)
		return 0;
	if (number_parse_whole(s, strlen(s), &v) != MONEY_OK || v < min || v > 1000000000L)
		return usage_csv_bad(u, row, c, error, min > 0 ? "not a whole number >= 1" :
			   "not a whole number >= 0", s);
	*present = 1;
	*value = (long)v;
	return 0;
}

const char *usage_csv_pricing(const char *s)
{
	static const char *const words[] = {"on-demand", "spot", "reserved", "own", NULL};
	int i;

	for (i = 0; words[i]; i++)
		if (!strcasecmp(s, words[i]))
			return words[i];
	return NULL;
}

static const char *state_word(const char *s)
{
	static const char *const words[] = {"running", "paused", "stopped", "interrupted", "idle", NULL};
	int i;

	for (i = 0; words[i]; i++)
		if (!strcasecmp(s, words[i]))
			return words[i];
	return NULL;
}

int usage_csv_check_pricing(const struct usage_csv *u, const struct csv_row *row,
			 struct import_error *error)
{
	char buf[64];
	const char *s = usage_csv_field(u, row, C_PRICING, buf, sizeof buf);

	if (s && !usage_csv_pricing(s))
		return usage_csv_bad(u, row, C_PRICING, error, "not one of on-demand, spot, reserved, own", s);
	return 0;
}

static int interval_row(struct usage_csv *u, const struct csv_row *row, usage_emit_fn emit,
			void *context, struct import_error *error)
{
	char t[T_COUNT][512], job[512], state[64], util[64];
	struct json_writer attributes;
	struct usage_record r;
	const char *s;
	int i, rc;

	memset(&r, 0, sizeof r);
	r.source_line = row->line;
	if (usage_csv_time(u, row, C_START, &r.start_ms, error) < 0 ||
	    usage_csv_time(u, row, C_END, &r.end_ms, error) < 0)
		return -1;
	if (r.end_ms < r.start_ms)
		return usage_csv_bad(u, row, C_END, error, "before usage_start",
			   row->fields[u->column[C_END]]);
	if (!(s = usage_csv_field(u, row, C_STATE, state, sizeof state)) || !(r.state = state_word(s)))
		return usage_csv_bad(u, row, C_STATE, error,
			   "not one of running, paused, stopped, interrupted, idle", s);
	if (usage_csv_check_pricing(u, row, error) < 0)
		return -1;
	r.job_id = usage_csv_field(u, row, C_JOB, job, sizeof job);
	for (i = 0; i < T_COUNT; i++) {
		s = usage_csv_field(u, row, usage_csv_text_columns[i], t[i], sizeof t[i]);
		switch (i) {
		case T_PROJECT: r.project = s; break;
		case T_PROVIDER: r.provider = s; break;
		case T_ACCOUNT: r.account = s; break;
		case T_RESOURCE: r.resource_id = s; break;
		case T_INSTANCE: r.instance_type = s; break;
		case T_PRICING: r.pricing = s ? usage_csv_pricing(s) : NULL; break;
		case T_RUN: r.run_id = s; break;
		}
	}
	if (usage_csv_long(u, row, C_GPUS, 0, &r.has_gpus, &r.gpus, error) < 0 ||
	    usage_csv_long(u, row, C_EPOCH, 0, &r.has_epoch, &r.epoch, error) < 0 ||
	    usage_csv_long(u, row, C_PLANNED, 1, &r.has_planned, &r.planned_epochs, error) < 0)
		return -1;
	if ((s = usage_csv_field(u, row, C_UTIL, util, sizeof util))) {
		if (number_parse(s, strlen(s), &r.util) != MONEY_OK || r.util < 0 || r.util > 100)
			return usage_csv_bad(u, row, C_UTIL, error, "not a percentage 0-100", s);
		r.has_util = 1;
	}
	r.attributes = usage_csv_extra(u, row, &attributes);
	usage_record_key(&r);
	rc = emit(context, &r);
	json_writer_free(&attributes);
	return rc;
}

/* Every column read, and every extra one: valid UTF-8 and within its limit. */
static int check_fields(const struct usage_csv *u, const struct csv_row *row,
			struct import_error *error)
{
	size_t k;
	int c;

	for (c = 0; c < C_COUNT; c++)
		if (field_check(row, u->column[c], usage_csv_column_names[c], column_limits[c], u->file, error) < 0)
			return -1;
	for (k = 0; k < u->extra_count; k++)
		if (field_check(row, u->extra[k], u->header[u->extra[k]], EXTRA_LIMIT, u->file, error) < 0)
			return -1;
	return 0;
}

int usage_csv_row(struct usage_csv *u, const struct csv_row *row, usage_emit_fn emit,
		  void *context, struct import_error *error)
{
	if (!u->have_header)
		return read_header(u, row, error);
	if (check_fields(u, row, error) < 0)
		return -1;
	u->rows++;
	return u->events ? usage_csv_event_row(u, row, emit, context, error) :
			   interval_row(u, row, emit, context, error);
}

int usage_csv_finish(struct usage_csv *u, usage_emit_fn emit, void *context,
		     struct import_error *error)
{
	size_t i;

	/* The report lists them (usage_csv_report). */
	u->open_jobs = 0;
	for (i = 0; i < u->jobs.count; i++)
		u->open_jobs += u->jobs.jobs[i].state != J_NONE;
	return 0;
}
