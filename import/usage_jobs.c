/* usage_jobs.c: the event form's jobs by job_id, an open-addressing table. See usage_jobs.h. */
#include "usage_jobs.h"

#include "usage.h"

#include <stdlib.h>
#include <string.h>

static size_t hash_id(const char *s)
{
	size_t h = 1469598103934665603u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

static void grow_slots(struct usage_jobs *t)
{
	size_t n = t->slot_count ? t->slot_count * 2 : 64, i;
	size_t *slots = calloc(n, sizeof *slots);

	if (!slots)
		abort();
	for (i = 0; i < t->count; i++) {
		size_t k = hash_id(t->jobs[i].job_id) & (n - 1);
		while (slots[k])
			k = (k + 1) & (n - 1);
		slots[k] = i + 1;
	}
	free(t->slots);
	t->slots = slots;
	t->slot_count = n;
}

struct usage_job *usage_jobs_find(struct usage_jobs *t, const char *id)
{
	size_t k;
	struct usage_job *j;

	if ((t->count + 1) * 2 >= t->slot_count)
		grow_slots(t);
	for (k = hash_id(id) & (t->slot_count - 1); t->slots[k]; k = (k + 1) & (t->slot_count - 1))
		if (!strcmp(t->jobs[t->slots[k] - 1].job_id, id))
			return &t->jobs[t->slots[k] - 1];
	t->slots[k] = t->count + 1;
	if (t->count == t->alloc) {
		size_t n = t->alloc ? t->alloc * 2 : 16;
		struct usage_job *bigger = realloc(t->jobs, n * sizeof *bigger);
		if (!bigger)
			abort();
		t->jobs = bigger;
		t->alloc = n;
	}
	j = &t->jobs[t->count++];
	memset(j, 0, sizeof *j);
	j->job_id = usage_strdup(id);
	j->epoch = 1;
	return j;
}

void usage_jobs_free(struct usage_jobs *t)
{
	size_t i, k;

	for (i = 0; i < t->count; i++) {
		free(t->jobs[i].job_id);
		free(t->jobs[i].attributes);
		for (k = 0; k < t->jobs[i].seen_count; k++)
			free(t->jobs[i].seen[k].content);
		free(t->jobs[i].seen);
		for (k = 0; k < T_COUNT; k++)
			free(t->jobs[i].text[k]);
	}
	free(t->jobs);
	free(t->slots);
	memset(t, 0, sizeof *t);
}

void usage_job_remember(struct usage_job *j, int64_t at, const char *content, const char *file,
			long line)
{
	struct usage_event *e;

	if (j->seen_count == j->seen_alloc) {
		size_t n = j->seen_alloc ? j->seen_alloc * 2 : 8;
		struct usage_event *bigger = realloc(j->seen, n * sizeof *bigger);
		if (!bigger)
			abort();
		j->seen = bigger;
		j->seen_alloc = n;
	}
	e = &j->seen[j->seen_count++];
	e->at = at;
	e->content = usage_strdup(content);
	e->file = file;
	e->line = line;
}

const struct usage_event *usage_job_repeat(const struct usage_job *j, int64_t at,
					   const char *content, const char *kind,
					   const struct usage_event **other,
					   const struct usage_event **same_kind)
{
	size_t lo = 0, hi = j->seen_count, kind_length = strlen(kind);

	*other = *same_kind = NULL;
	while (lo < hi) { /* the first event at or after `at` */
		size_t mid = lo + (hi - lo) / 2;
		if (j->seen[mid].at < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < j->seen_count && j->seen[lo].at == at; lo++) {
		const struct usage_event *e = &j->seen[lo];
		if (!strcmp(e->content, content))
			return e;
		if (!*other)
			*other = e;
		if (!*same_kind && !strncmp(e->content, kind, kind_length) &&
		    e->content[kind_length] == '\x1f')
			*same_kind = e;
	}
	return NULL;
}
