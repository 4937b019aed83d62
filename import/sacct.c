/*
 * sacct.c: Slurm accounting records to usage intervals.
 *
 * One interval per allocation: [Start, End), or [Start, Start + Elapsed)
 * when End is Unknown (a running job); without either it is skipped and
 * counted. Provider 'slurm', pricing 'own', project from Account, resource
 * from NodeList, GPUs from AllocTRES. The Slurm state stays in attributes.
 */
#include "sacct.h"

#include "field_check.h"
#include "json_text.h"
#include "money.h"
#include "timeparse.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum column {
	S_JOBID, S_START, S_END, S_ELAPSED, S_ELAPSEDRAW, S_STATE, S_ACCOUNT, S_ALLOCTRES,
	S_NODELIST, S_USER, S_JOBNAME, S_PARTITION, S_CLUSTER, S_EXITCODE, S_NCPUS, S_ALLOCGRES,
	S_COUNT
};

static const char *const column_names[S_COUNT] = {
	"JobID", "Start", "End", "Elapsed", "ElapsedRaw", "State", "Account", "AllocTRES",
	"NodeList", "User", "JobName", "Partition", "Cluster", "ExitCode", "NCPUS", "AllocGRES",
};

/* The longest text each column takes (its buffer in sacct_row, less the
 * NUL): a longer field is refused, never cut. */
static const size_t column_limits[S_COUNT] = {
	127, 63, 63, 63, 31, 127, 255, 1023, 1023, 127, 255, 127, 127, 31, 0, 255,
};

struct sacct {
	struct usage_tz tz;
	char file[512];
	int have_mapping;
	int column[S_COUNT];
	long rows, skipped, steps, pending, no_end;
};

static void map_names(struct sacct *s, char *const *names, size_t count)
{
	size_t i;
	int c;
	char folded[64], want[64];

	for (c = 0; c < S_COUNT; c++)
		s->column[c] = -1;
	for (i = 0; i < count; i++) {
		usage_fold(names[i], folded, sizeof folded);
		for (c = 0; c < S_COUNT; c++) {
			usage_fold(column_names[c], want, sizeof want);
			if (!strcmp(folded, want) && s->column[c] < 0)
				s->column[c] = (int)i;
		}
		/* JobIDRaw stands in for JobID. */
		if (!strcmp(folded, "jobidraw") && s->column[S_JOBID] < 0)
			s->column[S_JOBID] = (int)i;
	}
	if (s->column[S_JOBID] >= 0 && s->column[S_JOBID] != 0) {
		/* Prefer JobID over JobIDRaw when both are there. */
		for (i = 0; i < count; i++) {
			usage_fold(names[i], folded, sizeof folded);
			if (!strcmp(folded, "jobid"))
				s->column[S_JOBID] = (int)i;
		}
	}
	s->have_mapping = 1;
}

static int check_mapping(struct sacct *s, long line, struct import_error *error)
{
	static const int required[] = {S_JOBID, S_START, S_STATE};
	size_t i;

	for (i = 0; i < sizeof required / sizeof *required; i++)
		if (s->column[required[i]] < 0)
			return import_error_set(error, s->file, line, NULL,
						"sacct: no field '%s' (in the header or --fields)",
						column_names[required[i]]);
	if (s->column[S_END] < 0 && s->column[S_ELAPSED] < 0 && s->column[S_ELAPSEDRAW] < 0)
		return import_error_set(error, s->file, line, NULL,
					"sacct: neither End nor Elapsed (in the header or --fields)");
	return 0;
}

int sacct_new(const struct usage_tz *tz, const char *fields, const char *file, struct sacct **out,
	      struct import_error *error)
{
	struct sacct *s = calloc(1, sizeof *s);

	*out = NULL;
	if (!s)
		return import_error_set(error, file, 0, NULL, "out of memory");
	s->tz = *tz;
	snprintf(s->file, sizeof s->file, "%s", file);
	if (fields && *fields) {
		char *copy = usage_strdup(fields), *names[128], *p, *save = NULL;
		size_t n = 0;
		for (p = strtok_r(copy, ",|", &save); p && n < 128; p = strtok_r(NULL, ",|", &save))
			names[n++] = p;
		map_names(s, names, n);
		free(copy);
		if (check_mapping(s, 0, error) < 0) {
			free(s);
			return -1;
		}
		s->have_mapping = 2; /* from --fields: a header row may still replace it */
	}
	*out = s;
	return 0;
}

void sacct_free(struct sacct *s)
{
	free(s);
}

long sacct_rows(const struct sacct *s)
{
	return s->rows;
}

long sacct_skipped(const struct sacct *s)
{
	return s->skipped;
}

int sacct_report(const struct sacct *s, char *buf, size_t size)
{
	struct json_writer w;

	json_writer_init(&w);
	json_open(&w, '{');
	json_member_string(&w, "format", "sacct");
	json_key(&w, "steps_skipped");
	json_integer(&w, s->steps);
	json_key(&w, "pending_skipped");
	json_integer(&w, s->pending);
	json_key(&w, "no_end_skipped");
	json_integer(&w, s->no_end);
	json_member_string(&w, "timezone", s->tz.name[0] ? s->tz.name : "UTC");
	return json_report_end(&w, buf, size);
}

void sacct_gpu_type(const char *tres, const char *gres, char *out, size_t size)
{
	const char *p = tres, *end;

	out[0] = 0;
	/* AllocTRES "...,gres/gpu:h100=4": the first typed GPU */
	while (p && *p) {
		size_t n;
		end = strchr(p, ',');
		n = end ? (size_t)(end - p) : strlen(p);
		if (n > 9 && !strncmp(p, "gres/gpu:", 9)) {
			const char *eq = memchr(p, '=', n);
			size_t len = (eq ? (size_t)(eq - p) : n) - 9;
			if (len && len < size) {
				memcpy(out, p + 9, len);
				out[len] = 0;
				return;
			}
		}
		p = end ? end + 1 : NULL;
	}
	/* AllocGRES "gpu:h100:4" or "gpu:h100:4(IDX:0-3)" (not "gpu:4") */
	if (gres && !strncmp(gres, "gpu:", 4) && (end = strchr(gres + 4, ':')) &&
	    !isdigit((unsigned char)gres[4]) && (size_t)(end - gres - 4) < size) {
		memcpy(out, gres + 4, (size_t)(end - gres - 4));
		out[end - gres - 4] = 0;
	}
}

long sacct_tres_gpus(const char *tres)
{
	long plain = -1, typed = -1;
	const char *p = tres;

	while (p && *p) {
		const char *end = strchr(p, ','), *eq;
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n > 8 && !strncmp(p, "gres/gpu", 8) && (eq = memchr(p, '=', n))) {
			long v = strtol(eq + 1, NULL, 10);
			if (p[8] == '=')
				plain = v;
			else if (p[8] == ':')
				typed = (typed < 0 ? 0 : typed) + v;
		}
		p = end ? end + 1 : NULL;
	}
	return plain >= 0 ? plain : typed;
}

const char *sacct_state(const char *state)
{
	static const struct {
		const char *slurm, *state;
	} map[] = {
		{"COMPLETED", "running"}, {"FAILED", "running"}, {"TIMEOUT", "running"},
		{"CANCELLED", "running"}, {"OUT_OF_MEMORY", "running"}, {"RUNNING", "running"},
		{"DEADLINE", "running"}, {"COMPLETING", "running"}, {"RESIZING", "running"},
		{"PREEMPTED", "interrupted"}, {"NODE_FAIL", "interrupted"},
		{"REQUEUED", "interrupted"}, {"BOOT_FAIL", "interrupted"}, {"REVOKED", "interrupted"},
		{"SUSPENDED", "paused"}, {"PENDING", NULL},
	};
	size_t i, n = 0;

	while (state[n] && state[n] != ' ' && state[n] != '+')
		n++;
	for (i = 0; i < sizeof map / sizeof *map; i++)
		if (strlen(map[i].slurm) == n && !strncasecmp(state, map[i].slurm, n))
			return map[i].state;
	return "";
}

/* The trimmed field, "" when absent. */
static const char *field(const struct sacct *s, const struct csv_row *row, enum column c,
			 char *buf, size_t size)
{
	int i = s->column[c];

	buf[0] = 0;
	if (i >= 0 && (size_t)i < row->count)
		usage_trim(row->fields[i], row->lengths[i], buf, size);
	return buf;
}

/* A header names JobID or JobIDRaw in any place (sacct --format=Account,JobID,...
 * writes it second); a data row has a job's id there, never the word. */
static int sacct_is_header(const struct csv_row *row)
{
	char folded[64];
	size_t i;

	for (i = 0; i < row->count; i++) {
		if (row->lengths[i] > 12)
			continue;
		usage_fold(row->fields[i], folded, sizeof folded);
		if (!strcmp(folded, "jobid") || !strcmp(folded, "jobidraw"))
			return 1;
	}
	return 0;
}

static int is_unknown(const char *s)
{
	return !*s || !strcasecmp(s, "Unknown") || !strcasecmp(s, "None");
}

/* The text of one sacct row's fields, which the record points into. */
struct sacct_text {
	char jobid[128], start[64], end[64], elapsed[64], state[128], account[256], nodes[1024];
	char tres[1024], raw[32], user[128], name[256], partition[128], cluster[128], exitcode[32];
	char gres[256], gpu_type[128];
};

static int sacct_header_row(struct sacct *s, const struct csv_row *row, struct import_error *error)
{
	char *names[256];
	char copies[256][64];
	size_t i, n = row->count < 256 ? row->count : 256;

	for (i = 0; i < n; i++) {
		usage_trim(row->fields[i], row->lengths[i], copies[i], sizeof copies[i]);
		names[i] = copies[i];
	}
	map_names(s, names, n);
	return check_mapping(s, row->line, error);
}

/* The job's start and end into r: 0, 1 when it has none yet (counted and
 * skipped), -1 with error set. */
static int sacct_span(struct sacct *s, const struct csv_row *row, struct sacct_text *t,
		      struct usage_record *r, struct import_error *error)
{
	long long secs = -1;
	int status;

	field(s, row, S_START, t->start, sizeof t->start);
	if (is_unknown(t->start)) {
		s->no_end++;
		s->skipped++;
		return 1;
	}
	status = usage_time(&s->tz, t->start, strlen(t->start), &r->start_ms);
	if (status != TIME_OK)
		return import_error_set(error, s->file, row->line, column_names[S_START],
					"%s: \"%.100s\"", time_strerror(status), t->start);
	field(s, row, S_ELAPSED, t->elapsed, sizeof t->elapsed);
	if (!is_unknown(t->elapsed) && (secs = usage_elapsed_seconds(t->elapsed)) < 0)
		return import_error_set(error, s->file, row->line, column_names[S_ELAPSED],
					secs == -2 ? "out of range: \"%.100s\"" :
					"not [D-]HH:MM:SS: \"%.100s\"", t->elapsed);
	t->raw[0] = 0;
	if (secs < 0) {
		int64_t whole;
		field(s, row, S_ELAPSEDRAW, t->raw, sizeof t->raw);
		if (*t->raw) {
			if (number_parse_whole(t->raw, strlen(t->raw), &whole) != MONEY_OK || whole < 0)
				return import_error_set(error, s->file, row->line,
							column_names[S_ELAPSEDRAW],
							"not a number of seconds: \"%.100s\"", t->raw);
			secs = whole;
		}
	}
	/* The end must be an instant the ledger holds (and secs * 1000 must not overflow). */
	if (secs > (TIME_MS_MAX - r->start_ms) / 1000)
		return import_error_set(error, s->file, row->line, column_names[is_unknown(t->elapsed) ?
					S_ELAPSEDRAW : S_ELAPSED], "out of range: the job would end after"
					" 9999-12-31: \"%.100s\"", is_unknown(t->elapsed) ? t->raw : t->elapsed);
	field(s, row, S_END, t->end, sizeof t->end);
	if (!is_unknown(t->end)) {
		status = usage_time(&s->tz, t->end, strlen(t->end), &r->end_ms);
		if (status != TIME_OK)
			return import_error_set(error, s->file, row->line, column_names[S_END],
						"%s: \"%.100s\"", time_strerror(status), t->end);
		if (r->end_ms < r->start_ms)
			return import_error_set(error, s->file, row->line, column_names[S_END],
						"before Start: \"%.100s\"", t->end);
	} else if (secs >= 0) {
		r->end_ms = r->start_ms + secs * 1000;
	} else {
		s->no_end++;
		s->skipped++;
		return 1;
	}
	return 0;
}

/* Who ran it, where, on how many GPUs of which type. */
static void sacct_resources(struct sacct *s, const struct csv_row *row, struct sacct_text *t,
			    struct usage_record *r)
{
	long gpus;

	r->provider = "slurm";
	r->pricing = "own";
	r->job_id = t->jobid;
	field(s, row, S_ACCOUNT, t->account, sizeof t->account);
	r->project = *t->account ? t->account : NULL;
	field(s, row, S_CLUSTER, t->cluster, sizeof t->cluster);
	r->account = *t->cluster ? t->cluster : NULL;
	field(s, row, S_NODELIST, t->nodes, sizeof t->nodes);
	r->resource_id = *t->nodes && strcasecmp(t->nodes, "None assigned") ? t->nodes : NULL;
	field(s, row, S_ALLOCTRES, t->tres, sizeof t->tres);
	field(s, row, S_ALLOCGRES, t->gres, sizeof t->gres);
	gpus = sacct_tres_gpus(t->tres);
	if (gpus < 0 && !strncmp(t->gres, "gpu", 3)) {
		const char *colon = strrchr(t->gres, ':');
		gpus = colon ? strtol(colon + 1, NULL, 10) : -1;
	}
	/* What a typed rate card prices: the GPU type, else the partition. */
	field(s, row, S_PARTITION, t->partition, sizeof t->partition);
	sacct_gpu_type(t->tres, t->gres, t->gpu_type, sizeof t->gpu_type);
	r->instance_type = *t->gpu_type ? t->gpu_type : *t->partition ? t->partition : NULL;
	r->has_gpus = 1;
	r->gpus = gpus < 0 ? 0 : gpus;
}

/* The fields kept as the record's attributes. */
static void sacct_attributes(struct sacct *s, const struct csv_row *row, struct sacct_text *t,
			     struct json_writer *j)
{
	usage_json_begin(j);
	json_member_string(j, "slurm_state", t->state);
	field(s, row, S_USER, t->user, sizeof t->user);
	json_member_string(j, "user", t->user);
	field(s, row, S_JOBNAME, t->name, sizeof t->name);
	json_member_string(j, "job_name", t->name);
	json_member_string(j, "partition", t->partition);
	field(s, row, S_EXITCODE, t->exitcode, sizeof t->exitcode);
	json_member_string(j, "exit_code", t->exitcode);
	if (is_unknown(t->end))
		json_member_string(j, "end", "from Start + Elapsed");
}

int sacct_row(struct sacct *s, const struct csv_row *row, usage_emit_fn emit, void *context,
	      struct import_error *error)
{
	struct sacct_text t;
	struct usage_record r;
	struct json_writer j;
	const char *mapped;
	int status, c;

	if (s->have_mapping != 1 && sacct_is_header(row))
		return sacct_header_row(s, row, error);
	if (!s->have_mapping)
		return import_error_set(error, s->file, row->line, NULL,
					"sacct output without a header: give the field order with --fields");
	s->rows++;
	for (c = 0; c < S_COUNT; c++)
		if (field_check(row, s->column[c], column_names[c], column_limits[c], s->file, error) < 0)
			return -1;
	field(s, row, S_JOBID, t.jobid, sizeof t.jobid);
	if (!*t.jobid)
		return import_error_set(error, s->file, row->line, column_names[S_JOBID], "empty");
	if (strchr(t.jobid, '.')) {
		s->steps++;
		s->skipped++;
		return 0;
	}
	field(s, row, S_STATE, t.state, sizeof t.state);
	mapped = sacct_state(t.state);
	if (!mapped) {
		s->pending++;
		s->skipped++;
		return 0;
	}
	if (!*mapped)
		return import_error_set(error, s->file, row->line, column_names[S_STATE],
					"not a Slurm job state: \"%.100s\"", t.state);
	memset(&r, 0, sizeof r);
	r.source_line = row->line;
	r.state = mapped;
	if ((status = sacct_span(s, row, &t, &r, error)) != 0)
		return status < 0 ? -1 : 0;
	sacct_resources(s, row, &t, &r);
	sacct_attributes(s, row, &t, &j);
	r.attributes = usage_json_end(&j);
	usage_record_key(&r);
	status = emit(context, &r);
	json_writer_free(&j);
	return status;
}
