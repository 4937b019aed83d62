/*
 * usage_events.c: the usage CSV's event form, row by row: each job a little
 * state machine (the table is in usage_csv.c's head comment and
 * docs/formats.md). An event given again in the command (the same log twice,
 * an older copy beside the grown log) is recognised by its content and
 * skipped; one that conflicts with an earlier event is refused.
 */
#include "usage_csv_rows.h"

#include "timeparse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	r.state = usage_csv_state_names[j->state];
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
		if (j->last_line && j->last_file == usage_csv_current_file(u))
			return import_error_set(error, u->file, row->line, "event",
						"%s for job '%s', which is %s since line %ld", event,
						id, usage_csv_state_names[j->state], j->last_line);
		if (j->last_line)
			return import_error_set(error, u->file, row->line, "event",
						"%s for job '%s', which is %s since %s:%ld", event,
						id, usage_csv_state_names[j->state], j->last_file,
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
		s = usage_csv_field(u, row, usage_csv_text_columns[i], buf, sizeof buf);
		if (s && i == T_PRICING)
			s = usage_csv_pricing(s);
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
	if ((s = usage_csv_extra(u, row, &extra)))
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

	const struct usage_event *seen = usage_job_repeat(j, at, content, event, &other, &same_kind);
	const struct usage_event *last = &j->seen[j->seen_count - 1];

	/* In its own file an event repeats only the line right before it: a
	 * pause, resume, pause at one instant is a zero-length cycle. */
	if (seen && (seen->file != usage_csv_current_file(u) ||
		     (last->at == at && !strcmp(last->content, content)))) {
		u->repeats++;
		return 1;
	}
	if (same_kind || (other && at < j->last))
		return import_error_set(error, u->file, row->line, usage_csv_column_names[C_EVENT],
					"%s for job '%s' at \"%.200s\" conflicts with its %s at the same "
					"time (%s:%ld): an event given again must repeat it exactly",
					event, j->job_id, when, same_kind ? event : "event",
					(same_kind ? same_kind : other)->file,
					(same_kind ? same_kind : other)->line);
	if (at == j->last)
		return 0;
	if (j->last_file == usage_csv_current_file(u))
		return usage_csv_bad(u, row, C_TIMESTAMP, error, "earlier than the job's previous event", when);
	return import_error_set(error, u->file, row->line, usage_csv_column_names[C_TIMESTAMP],
				"earlier than the job's previous event (%s:%ld; give each "
				"event once, the files in time order): \"%.200s\"", j->last_file,
				j->last_line, when);
}

int usage_csv_event_row(struct usage_csv *u, const struct csv_row *row, usage_emit_fn emit,
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

	if (usage_csv_time(u, row, C_TIMESTAMP, &at, error) < 0)
		return -1;
	if ((s = usage_csv_field(u, row, C_EVENT, ev, sizeof ev)))
		for (i = 0; events[i]; i++)
			if (!strcasecmp(s, events[i]))
				event = events[i];
	if (!event)
		return usage_csv_bad(u, row, C_EVENT, error,
			   "not one of start, pause, resume, interrupt, stop, epoch_end", s);
	if (!(s = usage_csv_field(u, row, C_JOB, id, sizeof id)))
		return usage_csv_bad(u, row, C_JOB, error, "missing job id", "");
	if (usage_csv_check_pricing(u, row, error) < 0 ||
	    usage_csv_long(u, row, C_GPUS, 0, &has_gpus, &gpus, error) < 0 ||
	    usage_csv_long(u, row, C_EPOCH, 0, &has_epoch, &epoch, error) < 0 ||
	    usage_csv_long(u, row, C_PLANNED, 1, &has_planned, &planned, error) < 0)
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
	usage_job_remember(j, at, content, usage_csv_current_file(u), row->line);
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
		if ((s = usage_csv_field(u, row, usage_csv_text_columns[i], buf, sizeof buf))) {
			if (i == T_PRICING)
				s = usage_csv_pricing(s);
			free(j->text[i]);
			j->text[i] = usage_strdup(s);
		}
	}
	{
		struct json_writer extra;
		const char *json = usage_csv_extra(u, row, &extra);
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
	j->since_file = j->last_file = usage_csv_current_file(u);
	j->last = at;
	j->last_line = row->line;
	return 0;
}
