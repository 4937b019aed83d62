/*
 * nvidia_smi.c: GPU samples to intervals.
 *
 * Sample i of a GPU covers [t_i, t_i+1) (its next sample); the last sample
 * of a GPU covers one median gap of that GPU (of the whole log when the GPU
 * has one sample). A gap longer than 3 median gaps means the logger was not
 * running: the sample then also covers one median gap and the rest is left
 * unknown. Consecutive samples with the same state and GPU name are merged
 * into one interval whose utilisation is the time-weighted mean.
 */
#include "field_check.h"
#include "json_text.h"
#include "money.h"
#include "nvidia_smi.h"

#include "timeparse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum column { N_TIMESTAMP, N_INDEX, N_NAME, N_UUID, N_UTIL, N_MEMORY, N_POWER, N_COUNT };

static const char *const column_names[N_COUNT] = {
	"timestamp", "index", "name", "uuid", "utilization.gpu", "memory.used", "power.draw",
};

/* The longest text each column read takes (its buffer in nvidia_smi_row,
 * less the NUL; 0: not read): a longer field is refused, never cut. */
static const size_t column_limits[N_COUNT] = {63, 31, 255, 127, 63, 0, 0};

struct sample {
	int64_t at;
	long index, line;
	int has_util;
	double util;
	const char *name, *uuid;    /* interned: one copy per distinct text */
};

struct nvidia_smi {
	struct usage_tz tz;
	char file[512], resource[256];
	double idle_threshold;
	int have_mapping;
	int column[N_COUNT];
	struct sample *samples;
	size_t count, alloc;
	long repeated_headers, no_util;
	char **strings;             /* the interned texts */
	size_t string_count, string_alloc;
};

/* One copy per distinct text (GPU names and uuids repeat in every sample). */
static const char *intern(struct nvidia_smi *n, const char *s)
{
	size_t i, from = n->string_count > 64 ? n->string_count - 64 : 0;

	if (!s[0] || s[0] == '[')
		return NULL;
	for (i = n->string_count; i-- > from;)
		if (!strcmp(n->strings[i], s))
			return n->strings[i];
	if (n->string_count == n->string_alloc) {
		size_t size = n->string_alloc ? n->string_alloc * 2 : 16;
		char **bigger = realloc(n->strings, size * sizeof *bigger);
		if (!bigger)
			abort();
		n->strings = bigger;
		n->string_alloc = size;
	}
	return n->strings[n->string_count++] = usage_strdup(s);
}

static void map_names(struct nvidia_smi *n, char *const *names, size_t count)
{
	size_t i;
	int c;
	char folded[64], want[64];

	for (c = 0; c < N_COUNT; c++)
		n->column[c] = -1;
	for (i = 0; i < count; i++) {
		usage_fold(names[i], folded, sizeof folded);
		for (c = 0; c < N_COUNT; c++) {
			usage_fold(column_names[c], want, sizeof want);
			if (!strcmp(folded, want) && n->column[c] < 0)
				n->column[c] = (int)i;
		}
	}
}

static int check_mapping(const struct nvidia_smi *n, long line, struct import_error *error)
{
	if (n->column[N_TIMESTAMP] < 0 || n->column[N_INDEX] < 0 || n->column[N_UTIL] < 0)
		return import_error_set(error, n->file, line, NULL,
					"nvidia-smi: the query needs timestamp, index and utilization.gpu");
	return 0;
}

static void map_list(struct nvidia_smi *n, const char *list)
{
	char *copy = usage_strdup(list), *names[64], *p, *save = NULL;
	size_t count = 0;

	for (p = strtok_r(copy, ",", &save); p && count < 64; p = strtok_r(NULL, ",", &save))
		names[count++] = p;
	map_names(n, names, count);
	free(copy);
}

int nvidia_smi_new(const struct usage_tz *tz, const char *resource, const char *fields,
		   double idle_threshold, const char *file, struct nvidia_smi **out,
		   struct import_error *error)
{
	struct nvidia_smi *n;

	*out = NULL;
	if (!resource || !*resource)
		return import_error_set(error, file, 0, NULL,
					"nvidia-smi logs need --resource ID (the machine the log is from)");
	if (strlen(resource) >= sizeof n->resource)
		return import_error_set(error, file, 0, NULL, "--resource: longer than %zu bytes",
					sizeof n->resource - 1);
	if (utf8_invalid_at(resource, strlen(resource)) < strlen(resource))
		return import_error_set(error, file, 0, NULL, "--resource: invalid UTF-8");
	if (!(n = calloc(1, sizeof *n)))
		return import_error_set(error, file, 0, NULL, "out of memory");
	n->tz = *tz;
	snprintf(n->file, sizeof n->file, "%s", file);
	snprintf(n->resource, sizeof n->resource, "%s", resource);
	n->idle_threshold = idle_threshold;
	map_list(n, fields && *fields ? fields :
		 "timestamp,index,name,utilization.gpu,memory.used,power.draw");
	if (check_mapping(n, 0, error) < 0) {
		free(n);
		return -1;
	}
	*out = n;
	return 0;
}

void nvidia_smi_free(struct nvidia_smi *n)
{
	size_t i;

	if (!n)
		return;
	for (i = 0; i < n->string_count; i++)
		free(n->strings[i]);
	free(n->strings);
	free(n->samples);
	free(n);
}

long nvidia_smi_rows(const struct nvidia_smi *n)
{
	return (long)n->count;
}

long nvidia_smi_skipped(const struct nvidia_smi *n)
{
	return n->repeated_headers > 0 ? n->repeated_headers - 1 : 0;
}

int nvidia_smi_report(const struct nvidia_smi *n, char *buf, size_t size)
{
	struct json_writer w;

	json_writer_init(&w);
	json_open(&w, '{');
	json_member_string(&w, "format", "nvidia-smi");
	json_key(&w, "resource");
	json_string(&w, n->resource);
	json_key(&w, "samples");
	json_integer(&w, (long long)n->count);
	json_key(&w, "headers");
	json_integer(&w, n->repeated_headers);
	json_key(&w, "samples_without_utilization");
	json_integer(&w, n->no_util);
	json_key(&w, "idle_threshold");
	json_number(&w, n->idle_threshold, -1);
	json_member_string(&w, "timezone", n->tz.name[0] ? n->tz.name : "UTC");
	return json_report_end(&w, buf, size);
}

int nvidia_smi_value(const char *s, double *v)
{
	const char *end;

	while (*s == ' ')
		s++;
	if (!*s || *s == '[')
		return 0;
	/* the number, then maybe a unit after a space: "92 %", "25073 MiB", "250.00 W" */
	end = s + strcspn(s, " ");
	if (number_parse(s, (size_t)(end - s), v) != MONEY_OK)
		return 0;
	while (*end == ' ')
		end++;
	return *end == 0 || (*end != '.' && (*end < '0' || *end > '9')) ? 1 : 0;
}

static const char *field(const struct nvidia_smi *n, const struct csv_row *row, enum column c,
			 char *buf, size_t size)
{
	int i = n->column[c];

	buf[0] = 0;
	if (i >= 0 && (size_t)i < row->count)
		usage_trim(row->fields[i], row->lengths[i], buf, size);
	return buf;
}

int nvidia_smi_row(struct nvidia_smi *n, const struct csv_row *row, struct import_error *error)
{
	char ts[64], index[32], util[64], name[256], uuid[128], folded[64];
	int64_t whole;
	struct sample *s;
	int status, c;

	if (!row->count)
		return 0;
	usage_trim(row->fields[0], row->lengths[0], ts, sizeof ts);
	usage_fold(ts, folded, sizeof folded);
	if (!strcmp(folded, "timestamp")) {
		/* A header: the first maps, repeats (one per nvidia-smi call) must agree. */
		char *names[64], copies[64][64];
		size_t i, count = row->count < 64 ? row->count : 64;
		for (i = 0; i < count; i++) {
			usage_trim(row->fields[i], row->lengths[i], copies[i], sizeof copies[i]);
			names[i] = copies[i];
		}
		map_names(n, names, count);
		n->repeated_headers++;
		n->have_mapping = 1;
		return check_mapping(n, row->line, error);
	}
	for (c = 0; c < N_COUNT; c++)
		if (field_check(row, n->column[c], column_names[c], column_limits[c], n->file, error) < 0)
			return -1;
	field(n, row, N_TIMESTAMP, ts, sizeof ts);
	if (n->count == n->alloc) {
		size_t size = n->alloc ? n->alloc * 2 : 256;
		struct sample *bigger = realloc(n->samples, size * sizeof *bigger);
		if (!bigger)
			return import_error_set(error, n->file, row->line, NULL, "out of memory");
		n->samples = bigger;
		n->alloc = size;
	}
	s = &n->samples[n->count];
	memset(s, 0, sizeof *s);
	s->line = row->line;
	status = usage_time(&n->tz, ts, strlen(ts), &s->at);
	if (status != TIME_OK)
		return import_error_set(error, n->file, row->line, "timestamp", "%s: \"%.100s\"",
					time_strerror(status), ts);
	field(n, row, N_INDEX, index, sizeof index);
	if (number_parse_whole(index, strlen(index), &whole) != MONEY_OK || whole < 0 || whole > 1000000)
		return import_error_set(error, n->file, row->line, "index",
					"not a GPU index: \"%.100s\"", index);
	s->index = (long)whole;
	field(n, row, N_UTIL, util, sizeof util);
	if (nvidia_smi_value(util, &s->util)) {
		if (s->util < 0 || s->util > 100)
			return import_error_set(error, n->file, row->line, "utilization.gpu",
						"not a percentage 0-100: \"%.100s\"", util);
		s->has_util = 1;
	} else if (util[0] == '[' || !util[0]) {
		n->no_util++;
	} else {
		return import_error_set(error, n->file, row->line, "utilization.gpu",
					"not a percentage: \"%.100s\"", util);
	}
	field(n, row, N_NAME, name, sizeof name);
	s->name = intern(n, name);
	field(n, row, N_UUID, uuid, sizeof uuid);
	s->uuid = intern(n, uuid);
	n->count++;
	return 0;
}

static int by_gpu_time(const void *a, const void *b)
{
	const struct sample *x = a, *y = b;

	if (x->index != y->index)
		return x->index < y->index ? -1 : 1;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int by_value(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* Median of the positive gaps between samples [from, to) of one GPU; 0 when none. */
static int64_t median_gap(const struct sample *s, size_t from, size_t to)
{
	int64_t *gaps, m;
	size_t i, k = 0;

	if (to - from < 2)
		return 0;
	if (!(gaps = malloc((to - from) * sizeof *gaps)))
		return 0;
	for (i = from + 1; i < to; i++)
		if (s[i].at > s[i - 1].at)
			gaps[k++] = s[i].at - s[i - 1].at;
	qsort(gaps, k, sizeof *gaps, by_value);
	m = k ? gaps[k / 2] : 0;
	free(gaps);
	return m;
}

struct run {
	int open;
	const char *state;
	const struct sample *first;
	int64_t start, end;
	double util_ms, util_weight;
};

static int flush(struct nvidia_smi *n, struct run *run, usage_emit_fn emit, void *context)
{
	char resource[300];
	struct usage_record r;
	struct json_writer j;
	int rc;

	if (!run->open || run->end <= run->start) {
		run->open = 0;
		return 0;
	}
	run->open = 0;
	memset(&r, 0, sizeof r);
	snprintf(resource, sizeof resource, "%s:gpu%ld", n->resource, run->first->index);
	r.source_line = run->first->line;
	r.resource_id = resource;
	r.instance_type = run->first->name;
	r.has_gpus = 1;
	r.gpus = 1;
	r.state = run->state;
	r.start_ms = run->start;
	r.end_ms = run->end;
	if (run->util_weight > 0) {
		r.has_util = 1;
		r.util = run->util_ms / run->util_weight;
	}
	usage_json_begin(&j);
	json_member_string(&j, "gpu_uuid", run->first->uuid);
	json_member_string(&j, "source", "nvidia-smi");
	r.attributes = usage_json_end(&j);
	usage_record_key(&r);
	rc = emit(context, &r);
	json_writer_free(&j);
	return rc;
}

int nvidia_smi_finish(struct nvidia_smi *n, usage_emit_fn emit, void *context,
		      struct import_error *error)
{
	size_t from = 0, to, i;
	int64_t global_gap = 0, gap;
	int rc;

	if (n->count == 0)
		return 0;
	qsort(n->samples, n->count, sizeof *n->samples, by_gpu_time);
	/* The log's median gap, for GPUs with a single sample. */
	for (from = 0; from < n->count; from = to) {
		for (to = from + 1; to < n->count && n->samples[to].index == n->samples[from].index; to++)
			;
		gap = median_gap(n->samples, from, to);
		if (gap > global_gap)
			global_gap = gap;
	}
	/* A sample covers the time to the next one of its GPU: with one sample
	 * per GPU there is no interval to record, and importing nothing without
	 * saying so looks like success. */
	if (global_gap == 0)
		return import_error_set(error, n->file, 0, NULL,
					"%zu sample(s), none of them a second sample of its GPU at a later "
					"time: the time a sample covers is the gap to the next one, so there "
					"is no interval to record (log with nvidia-smi -l SECONDS)", n->count);
	for (from = 0; from < n->count; from = to) {
		struct run run = {0};
		for (to = from + 1; to < n->count && n->samples[to].index == n->samples[from].index; to++)
			;
		gap = median_gap(n->samples, from, to);
		if (!gap)
			gap = global_gap;
		for (i = from; i < to; i++) {
			const struct sample *s = &n->samples[i];
			const char *state = s->has_util && s->util < n->idle_threshold ? "idle" : "running";
			int64_t end = i + 1 < to ? n->samples[i + 1].at : s->at + gap;
			int hole = 0;
			if (gap > 0 && end - s->at > 3 * gap) {
				end = s->at + gap;
				hole = 1;
			}
			if (run.open && (run.state != state || run.end != s->at ||
					 (run.first->name == NULL) != (s->name == NULL) ||
					 (s->name && strcmp(run.first->name, s->name)))) {
				if ((rc = flush(n, &run, emit, context)) != 0)
					return rc;
			}
			if (!run.open) {
				run.open = 1;
				run.state = state;
				run.first = s;
				run.start = s->at;
				run.util_ms = run.util_weight = 0;
			}
			run.end = end;
			if (s->has_util) {
				run.util_ms += s->util * (double)(end - s->at);
				run.util_weight += (double)(end - s->at);
			}
			if (hole && (rc = flush(n, &run, emit, context)) != 0)
				return rc;
		}
		if ((rc = flush(n, &run, emit, context)) != 0)
			return rc;
	}
	return 0;
}
