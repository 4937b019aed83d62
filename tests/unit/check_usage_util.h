/*
 * check_usage_util.h: what the usage-log tests share: a csv_row built from
 * text, and the records an import emitted as one line of text each.
 */
#ifndef COSTLEDGER_CHECK_USAGE_UTIL_H
#define COSTLEDGER_CHECK_USAGE_UTIL_H

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "import_error.h"
#include "reader.h"
#include "timeparse.h"
#include "usage.h"

#define ROWS(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* A csv_row made from "a|b|c" (split at `sep`); the strings live in the struct. */
#define MAX_FIELDS 64
struct test_row {
	char buf[4096];
	const char *fields[MAX_FIELDS];
	size_t lengths[MAX_FIELDS];
	struct csv_row row;
};

static inline const struct csv_row *make_row(struct test_row *t, long line, const char *text, char sep)
{
	char *p;
	size_t n = 0;

	snprintf(t->buf, sizeof t->buf, "%s", text);
	p = t->buf;
	for (;;) {
		char *bar = strchr(p, sep);
		ck_assert_int_lt(n, MAX_FIELDS);
		if (bar)
			*bar = 0;
		t->fields[n] = p;
		t->lengths[n] = strlen(p);
		n++;
		if (!bar)
			break;
		p = bar + 1;
	}
	t->row.line = line;
	t->row.count = n;
	t->row.fields = t->fields;
	t->row.lengths = t->lengths;
	return &t->row;
}

/* The records an import emitted, as one line of text each. */
struct collected {
	char text[32][512];
	int count;
};

static inline int collect(void *context, const struct usage_record *r)
{
	struct collected *c = context;
	char start[32], end[32];

	ck_assert_int_lt(c->count, 32);
	time_format(r->start_ms, start, sizeof start);
	time_format(r->end_ms, end, sizeof end);
	snprintf(c->text[c->count++], sizeof c->text[0],
		 "%ld %s %s %s job=%s project=%s resource=%s type=%s pricing=%s gpus=%ld epoch=%ld util=%g",
		 r->source_line, r->state, start, end, r->job_id ? r->job_id : "-",
		 r->project ? r->project : "-", r->resource_id ? r->resource_id : "-",
		 r->instance_type ? r->instance_type : "-", r->pricing ? r->pricing : "-",
		 r->has_gpus ? r->gpus : -1, r->has_epoch ? r->epoch : -1, r->has_util ? r->util : -1.0);
	return 0;
}

static inline void error_text(const struct import_error *e, char *buf, size_t size)
{
	import_error_format(e, buf, size);
}

#endif
