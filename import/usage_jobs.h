/*
 * usage_jobs.h: the jobs of the usage CSV's event form (usage_csv.c), by
 * job_id, each with the values its open interval carries. They live for a
 * whole import command, so that its files form one timeline. No SQLite here.
 */
#ifndef COSTLEDGER_USAGE_JOBS_H
#define COSTLEDGER_USAGE_JOBS_H

#include <stddef.h>
#include <stdint.h>

/* The texts a job carries from row to row. */
enum { T_PROJECT, T_PROVIDER, T_ACCOUNT, T_RESOURCE, T_INSTANCE, T_PRICING, T_RUN, T_COUNT };

enum job_state { J_NONE, J_RUNNING, J_PAUSED, J_INTERRUPTED };

/* An event already read for a job in this command: its time, its content
 * (usage_csv.c's canonical text of kind and values), where it was. */
struct usage_event {
	int64_t at;
	char *content;
	const char *file;
	long line;
};

struct usage_job {
	char *job_id;
	struct usage_event *seen;   /* in time order (an event never goes back) */
	size_t seen_count, seen_alloc;
	char *text[T_COUNT];
	int has_gpus, has_planned;
	long gpus, planned;
	long epoch;
	enum job_state state;
	char *attributes;           /* the extra columns of the row that opened the interval */
	int64_t since, last;
	long since_line, last_line;
	const char *since_file, *last_file; /* names the table's owner keeps */
};

struct usage_jobs {
	struct usage_job *jobs;
	size_t count, alloc;
	size_t *slots;              /* open addressing: job index + 1, 0 empty */
	size_t slot_count;          /* a power of two, > 2 x count */
};

/* The job `id`, added (not started, epoch 1) when new; aborts on no memory.
 * The pointer is valid until the next call. */
struct usage_job *usage_jobs_find(struct usage_jobs *t, const char *id);
void usage_jobs_free(struct usage_jobs *t);

/* Note an event of job j (after every event taken; the content is copied). */
void usage_job_remember(struct usage_job *j, int64_t at, const char *content, const char *file,
			long line);
/* The event of j at `at` with this content (a repeat), or NULL; *other is
 * then the first event of j at `at` (any content), or NULL, and *same_kind
 * the first one at `at` whose content starts with `kind` and a '\x1f'. */
const struct usage_event *usage_job_repeat(const struct usage_job *j, int64_t at,
					   const char *content, const char *kind,
					   const struct usage_event **other,
					   const struct usage_event **same_kind);

#endif
