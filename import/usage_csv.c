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
 * The jobs live for the whole command (usage_csv_next_file): a job started
 * in one file may stop in the next. A job still open at the end of the
 * last file is reported and nothing is invented for it. Zero-length
 * intervals are not emitted.
 */
#include "usage_csv.h"

#include "usage_jobs.h"

#include "field_check.h"
#include "json_text.h"
#include "money.h"

#include "timeparse.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum column {
	C_TIMESTAMP, C_EVENT, C_START, C_END, C_STATE, C_JOB, C_PROJECT, C_PROVIDER, C_ACCOUNT,
	C_RESOURCE, C_INSTANCE, C_PRICING, C_GPUS, C_EPOCH, C_PLANNED, C_RUN, C_UTIL,
	C_COUNT
};

static const char *const column_names[C_COUNT] = {
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
static const enum column text_columns[T_COUNT] = {
	C_PROJECT, C_PROVIDER, C_ACCOUNT, C_RESOURCE, C_INSTANCE, C_PRICING, C_RUN,
};

static const char *const job_state_names[] = {"stopped", "running", "paused", "interrupted"};


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
static const char *current_file(const struct usage_csv *u)
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
		json_member_string(&w, "state", job_state_names[j->state]);
		json_member_string(&w, "since", when);
		if (j->since_file != current_file(u))
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
			usage_fold(column_names[c], want, sizeof want);
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
							column_names[c]);
		if (u->column[C_START] >= 0 || u->column[C_END] >= 0 || u->column[C_STATE] >= 0)
			return import_error_set(error, u->file, row->line, NULL,
						"usage CSV: both event columns (timestamp, event) and "
						"interval columns (usage_start, usage_end, state)");
		return 0;
	}
	for (c = 0; c < C_COUNT; c++)
		if ((c == C_START || c == C_END || c == C_STATE) && u->column[c] < 0)
			return import_error_set(error, u->file, row->line, NULL,
						"usage CSV (interval form): no column '%s'", column_names[c]);
	return 0;
}

/* The trimmed field in buf, or NULL when absent or empty. */
static const char *field(const struct usage_csv *u, const struct csv_row *row, enum column c,
			 char *buf, size_t size)
{
	int i = u->column[c];

	if (i < 0 || (size_t)i >= row->count)
		return NULL;
	usage_trim(row->fields[i], row->lengths[i], buf, size);
	return buf[0] ? buf : NULL;
}

static int bad(const struct usage_csv *u, const struct csv_row *row, enum column c,
	       struct import_error *error, const char *what, const char *value)
{
	return import_error_set(error, u->file, row->line, column_names[c], "%s: \"%.200s\"", what,
				value ? value : "");
}

/* The row's extra columns (by their header names) as a JSON object, or NULL. */
static const char *extra_attributes(const struct usage_csv *u, const struct csv_row *row,
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

static int read_time(const struct usage_csv *u, const struct csv_row *row, enum column c,
		     int64_t *ms, struct import_error *error)
{
	char buf[128];
	const char *s = field(u, row, c, buf, sizeof buf);
	int status;

	if (!s)
		return bad(u, row, c, error, "missing timestamp", "");
	status = usage_time(&u->tz, s, strlen(s), ms);
	if (status != TIME_OK)
		return bad(u, row, c, error, time_strerror(status), s);
	return 0;
}

/* A whole number >= min; *present 0 when empty. */
static int read_long(const struct usage_csv *u, const struct csv_row *row, enum column c, long min,
		     int *present, long *value, struct import_error *error)
{
	char buf[64];
	const char *s = field(u, row, c, buf, sizeof buf);
	int64_t v;

	*present = 0;
	if (!s)
		return 0;
	if (number_parse_whole(s, strlen(s), &v) != MONEY_OK || v < min || v > 1000000000L)
		return bad(u, row, c, error, min > 0 ? "not a whole number >= 1" :
			   "not a whole number >= 0", s);
	*present = 1;
	*value = (long)v;
	return 0;
}

static const char *pricing_word(const char *s)
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

static int check_pricing(const struct usage_csv *u, const struct csv_row *row,
			 struct import_error *error)
{
	char buf[64];
	const char *s = field(u, row, C_PRICING, buf, sizeof buf);

	if (s && !pricing_word(s))
		return bad(u, row, C_PRICING, error, "not one of on-demand, spot, reserved, own", s);
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
	if (read_time(u, row, C_START, &r.start_ms, error) < 0 ||
	    read_time(u, row, C_END, &r.end_ms, error) < 0)
		return -1;
	if (r.end_ms < r.start_ms)
		return bad(u, row, C_END, error, "before usage_start",
			   row->fields[u->column[C_END]]);
	if (!(s = field(u, row, C_STATE, state, sizeof state)) || !(r.state = state_word(s)))
		return bad(u, row, C_STATE, error,
			   "not one of running, paused, stopped, interrupted, idle", s);
	if (check_pricing(u, row, error) < 0)
		return -1;
	r.job_id = field(u, row, C_JOB, job, sizeof job);
	for (i = 0; i < T_COUNT; i++) {
		s = field(u, row, text_columns[i], t[i], sizeof t[i]);
		switch (i) {
		case T_PROJECT: r.project = s; break;
		case T_PROVIDER: r.provider = s; break;
		case T_ACCOUNT: r.account = s; break;
		case T_RESOURCE: r.resource_id = s; break;
		case T_INSTANCE: r.instance_type = s; break;
		case T_PRICING: r.pricing = s ? pricing_word(s) : NULL; break;
		case T_RUN: r.run_id = s; break;
		}
	}
	if (read_long(u, row, C_GPUS, 0, &r.has_gpus, &r.gpus, error) < 0 ||
	    read_long(u, row, C_EPOCH, 0, &r.has_epoch, &r.epoch, error) < 0 ||
	    read_long(u, row, C_PLANNED, 1, &r.has_planned, &r.planned_epochs, error) < 0)
		return -1;
	if ((s = field(u, row, C_UTIL, util, sizeof util))) {
		if (number_parse(s, strlen(s), &r.util) != MONEY_OK || r.util < 0 || r.util > 100)
			return bad(u, row, C_UTIL, error, "not a percentage 0-100", s);
		r.has_util = 1;
	}
	r.attributes = extra_attributes(u, row, &attributes);
	usage_record_key(&r);
	rc = emit(context, &r);
	json_writer_free(&attributes);
	return rc;
}

static int close_interval(struct usage_csv *u, struct usage_job *j, int64_t at, usage_emit_fn emit,
			  void *context)
{
	struct usage_record r;

	if (j->state == J_NONE || at <= j->since)
		return 0;
	memset(&r, 0, sizeof r);
	r.source_file = j->since_file;
	r.source_line = j->since_line;
	r.job_id = j->job_id;
	r.project = j->text[T_PROJECT];
	r.provider = j->text[T_PROVIDER];
	r.account = j->text[T_ACCOUNT];
	r.resource_id = j->text[T_RESOURCE];
	r.instance_type = j->text[T_INSTANCE];
	r.pricing = j->text[T_PRICING];
	r.run_id = j->text[T_RUN];
	r.has_gpus = j->has_gpus;
	r.gpus = j->gpus;
	r.has_planned = j->has_planned;
	r.planned_epochs = j->planned;
	r.has_epoch = 1;
	r.epoch = j->epoch;
	r.state = job_state_names[j->state];
	r.start_ms = j->since;
	r.end_ms = at;
	r.attributes = j->attributes;
	usage_record_key(&r);
	return emit(context, &r);
}

/* The state `event` takes job j to (*next), or an error naming the job's
 * previous event when the table of transitions has no such move. */
static int transition(const struct usage_csv *u, const struct csv_row *row,
		      const struct usage_job *j, const char *event, const char *id,
		      enum job_state *next, struct import_error *error)
{
	if (!strcmp(event, "start"))
		*next = (j->state == J_NONE || j->state == J_INTERRUPTED) ? J_RUNNING : J_NONE;
	else if (!strcmp(event, "pause"))
		*next = j->state == J_RUNNING ? J_PAUSED : J_NONE;
	else if (!strcmp(event, "resume"))
		*next = (j->state == J_PAUSED || j->state == J_INTERRUPTED) ? J_RUNNING : J_NONE;
	else if (!strcmp(event, "interrupt"))
		*next = (j->state == J_RUNNING || j->state == J_PAUSED) ? J_INTERRUPTED : J_NONE;
	else if (!strcmp(event, "epoch_end"))
		*next = j->state == J_RUNNING ? J_RUNNING : J_NONE;
	else
		*next = j->state != J_NONE ? J_NONE : J_RUNNING /* marks invalid below */;
	if ((strcmp(event, "stop") && *next == J_NONE) || (!strcmp(event, "stop") && j->state == J_NONE)) {
		if (j->last_line && j->last_file == current_file(u))
			return import_error_set(error, u->file, row->line, "event",
						"%s for job '%s', which is %s since line %ld", event,
						id, job_state_names[j->state], j->last_line);
		if (j->last_line)
			return import_error_set(error, u->file, row->line, "event",
						"%s for job '%s', which is %s since %s:%ld", event,
						id, job_state_names[j->state], j->last_file,
						j->last_line);
		return import_error_set(error, u->file, row->line, "event",
					"%s for job '%s', which has not started (a job's earlier "
					"events come in the same command, in an earlier file)",
					event, id);
	}
	return 0;
}

/* What makes an event the same event again: "kind\x1f" and a JSON array of
 * every value the row gives, canonical (numbers parsed, pricing's word, the
 * extra columns' object); the timestamp is compared apart. Caller frees. */
static char *event_content(const struct usage_csv *u, const struct csv_row *row, const char *event,
			   const long numbers[3], const int present[3])
{
	struct json_writer w, extra;
	char buf[512], *content;
	const char *s;
	int i;

	json_writer_init(&w);
	json_open(&w, '[');
	for (i = 0; i < T_COUNT; i++) {
		s = field(u, row, text_columns[i], buf, sizeof buf);
		if (s && i == T_PRICING)
			s = pricing_word(s);
		if (s)
			json_string(&w, s);
		else
			json_null(&w);
	}
	for (i = 0; i < 3; i++)
		if (present[i])
			json_integer(&w, numbers[i]);
		else
			json_null(&w);
	if ((s = extra_attributes(u, row, &extra)))
		json_string(&w, s);
	json_writer_free(&extra);
	json_close(&w, ']');
	s = json_writer_text(&w);
	content = malloc(strlen(event) + strlen(s ? s : "") + 2);
	if (!content)
		abort();
	sprintf(content, "%s\x1f%s", event, s ? s : "");
	json_writer_free(&w);
	return content;
}

/* An event at or before the job's previous one: a repeat of one already
 * read (1: skip it), new at the same time (0: take it), or refused (-1):
 * going back in time, or at the time of an earlier event of the same kind
 * with other values (a conflict). Both errors name the earlier event. */
static int repeated_event(struct usage_csv *u, const struct csv_row *row, const struct usage_job *j,
			  int64_t at, const char *event, const char *content,
			  struct import_error *error)
{
	const struct usage_event *other, *same_kind;
	const char *when = row->fields[u->column[C_TIMESTAMP]];

	if (usage_job_repeat(j, at, content, event, &other, &same_kind)) {
		u->repeats++;
		return 1;
	}
	if (same_kind || (other && at < j->last))
		return import_error_set(error, u->file, row->line, column_names[C_EVENT],
					"%s for job '%s' at \"%.200s\" conflicts with its %s at the same "
					"time (%s:%ld): an event given again must repeat it exactly",
					event, j->job_id, when, same_kind ? event : "event",
					(same_kind ? same_kind : other)->file,
					(same_kind ? same_kind : other)->line);
	if (at == j->last)
		return 0;
	if (j->last_file == current_file(u))
		return bad(u, row, C_TIMESTAMP, error, "earlier than the job's previous event", when);
	return import_error_set(error, u->file, row->line, column_names[C_TIMESTAMP],
				"earlier than the job's previous event (%s:%ld; give each "
				"event once, the files in time order): \"%.200s\"", j->last_file,
				j->last_line, when);
}

static int event_row(struct usage_csv *u, const struct csv_row *row, usage_emit_fn emit,
		     void *context, struct import_error *error)
{
	static const char *const events[] = {"start", "pause", "resume", "interrupt", "stop",
					     "epoch_end", NULL};
	char id[512], ev[64], buf[512], *content;
	const char *s, *event = NULL;
	struct usage_job *j;
	int64_t at;
	long epoch = 0, gpus = 0, planned = 0;
	int has_epoch, has_gpus, has_planned, i, rc;
	enum job_state next;

	if (read_time(u, row, C_TIMESTAMP, &at, error) < 0)
		return -1;
	if ((s = field(u, row, C_EVENT, ev, sizeof ev)))
		for (i = 0; events[i]; i++)
			if (!strcasecmp(s, events[i]))
				event = events[i];
	if (!event)
		return bad(u, row, C_EVENT, error,
			   "not one of start, pause, resume, interrupt, stop, epoch_end", s);
	if (!(s = field(u, row, C_JOB, id, sizeof id)))
		return bad(u, row, C_JOB, error, "missing job id", "");
	if (check_pricing(u, row, error) < 0 ||
	    read_long(u, row, C_GPUS, 0, &has_gpus, &gpus, error) < 0 ||
	    read_long(u, row, C_EPOCH, 0, &has_epoch, &epoch, error) < 0 ||
	    read_long(u, row, C_PLANNED, 1, &has_planned, &planned, error) < 0)
		return -1;
	{
		const long numbers[3] = {gpus, epoch, planned};
		const int present[3] = {has_gpus, has_epoch, has_planned};
		content = event_content(u, row, event, numbers, present);
	}
	j = usage_jobs_find(&u->jobs, id);
	if (j->last_line && at <= j->last &&
	    (rc = repeated_event(u, row, j, at, event, content, error)) != 0) {
		free(content);
		return rc < 0 ? -1 : 0;
	}
	usage_job_remember(j, at, content, current_file(u), row->line);
	free(content);

	if (transition(u, row, j, event, id, &next, error) < 0)
		return -1;
	if (!strcmp(event, "stop"))
		next = J_NONE;

	/* Close what was open, with the values it was opened with. */
	if (!strcmp(event, "epoch_end") && has_epoch)
		j->epoch = epoch;
	if ((rc = close_interval(u, j, at, emit, context)) != 0)
		return rc;
	/* Take the row's values for what opens now. */
	for (i = 0; i < T_COUNT; i++) {
		if ((s = field(u, row, text_columns[i], buf, sizeof buf))) {
			if (i == T_PRICING)
				s = pricing_word(s);
			free(j->text[i]);
			j->text[i] = usage_strdup(s);
		}
	}
	{
		struct json_writer extra;
		const char *json = extra_attributes(u, row, &extra);
		if (json) {
			free(j->attributes);
			j->attributes = usage_strdup(json);
		}
		json_writer_free(&extra);
	}
	if (has_gpus) {
		j->has_gpus = 1;
		j->gpus = gpus;
	}
	if (has_planned) {
		j->has_planned = 1;
		j->planned = planned;
	}
	if (!strcmp(event, "epoch_end"))
		j->epoch++;
	else if (has_epoch)
		j->epoch = epoch;
	j->state = next;
	j->since = at;
	j->since_line = row->line;
	j->since_file = j->last_file = current_file(u);
	j->last = at;
	j->last_line = row->line;
	return 0;
}

/* Every column read, and every extra one: valid UTF-8 and within its limit. */
static int check_fields(const struct usage_csv *u, const struct csv_row *row,
			struct import_error *error)
{
	size_t k;
	int c;

	for (c = 0; c < C_COUNT; c++)
		if (field_check(row, u->column[c], column_names[c], column_limits[c], u->file, error) < 0)
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
	return u->events ? event_row(u, row, emit, context, error) :
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
