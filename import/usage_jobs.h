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

struct usage_job {
	char *job_id;
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

#endif
