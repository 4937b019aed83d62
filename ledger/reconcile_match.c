/*
 * reconcile_match.c: spans per group and the seconds they cover
 * (reconcile_match.h).
 */
#include "reconcile_match.h"

#include <stdlib.h>
#include <string.h>

static int same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static int nocase_same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return sqlite3_stricmp(a, b) == 0;
}

void spans_close(struct spans *sp)
{
	free(sp->provider);
	free(sp->resource);
	free(sp->v);
	memset(sp, 0, sizeof *sp);
}

int spans_group(struct spans *sp, const char *provider, const char *resource)
{
	if (sp->started && nocase_same(sp->provider, provider) && same(sp->resource, resource))
		return SQLITE_OK;
	free(sp->provider);
	free(sp->resource);
	sp->provider = provider ? strdup(provider) : NULL;
	sp->resource = resource ? strdup(resource) : NULL;
	sp->n = 0;
	sp->started = 1;
	if ((provider && !sp->provider) || (resource && !sp->resource))
		return SQLITE_NOMEM;
	return SQLITE_OK;
}

int spans_add(struct spans *sp, int64_t start, int64_t end, int stopped)
{
	if (sp->n == sp->cap) {
		size_t cap = sp->cap ? sp->cap * 2 : 1024;
		struct span *grown = realloc(sp->v, cap * sizeof *grown);
		if (!grown)
			return SQLITE_NOMEM;
		sp->v = grown;
		sp->cap = cap;
	}
	sp->v[sp->n].start = start;
	sp->v[sp->n].end = end;
	sp->v[sp->n].stopped = stopped;
	sp->n++;
	return SQLITE_OK;
}

/* The first span whose start is at or after t. */
static size_t spans_from(const struct spans *sp, int64_t t)
{
	size_t lo = 0, hi = sp->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sp->v[mid].start < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int bounds_load(sqlite3 *db, const char *sql, struct bounds *b)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *res = (const char *)sqlite3_column_text(st, 0);

		if (!res)
			continue;
		if (b->n == cap) {
			struct bound *grown;
			cap = cap ? cap * 2 : 256;
			if (!(grown = realloc(b->v, cap * sizeof *grown))) {
				rc = SQLITE_NOMEM;
				break;
			}
			b->v = grown;
		}
		if (!(b->v[b->n].resource = strdup(res))) {
			rc = SQLITE_NOMEM;
			break;
		}
		b->v[b->n++].seconds = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

void bounds_free(struct bounds *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->v[i].resource);
	free(b->v);
	memset(b, 0, sizeof *b);
}

int64_t bound_seconds(const struct bounds *b, const char *resource)
{
	size_t lo = 0, hi = b->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(b->v[mid].resource, resource);

		if (c == 0)
			return b->v[mid].seconds + 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int64_t bounds_max(const struct bounds *b)
{
	int64_t m = 0;

	for (size_t i = 0; i < b->n; i++)
		if (b->v[i].seconds > m)
			m = b->v[i].seconds;
	return m + 1;
}

/* A union being built from pieces that come by start. */
struct run_union {
	int open;
	int64_t start, end, total;
};

static void union_add(struct run_union *u, int64_t a, int64_t b)
{
	if (u->open && a <= u->end) {
		if (b > u->end)
			u->end = b;
		return;
	}
	if (u->open)
		u->total += u->end - u->start;
	u->open = 1;
	u->start = a;
	u->end = b;
}

static int64_t union_total(struct run_union *u)
{
	return u->total + (u->open ? u->end - u->start : 0);
}

void coverage_of(const struct spans *sp, int64_t longest, int64_t start, int64_t end,
		 struct coverage *cov)
{
	struct run_union all = {0, 0, 0, 0}, running = {0, 0, 0, 0};

	/* Clipped to start, the spans' starts still do not decrease. */
	for (size_t i = spans_from(sp, start - longest - 1); i < sp->n && sp->v[i].start < end; i++) {
		int64_t a = sp->v[i].start > start ? sp->v[i].start : start;
		int64_t b = sp->v[i].end < end ? sp->v[i].end : end;

		if (b <= a)
			continue;
		union_add(&all, a, b);
		if (!sp->v[i].stopped)
			union_add(&running, a, b);
	}
	cov->running = union_total(&running);
	cov->stopped = union_total(&all) - cov->running;
}

int64_t uncovered(const struct spans *sp, int64_t longest, int64_t start, int64_t end,
		  int (*gap)(void *ctx, int64_t a, int64_t b), void *ctx)
{
	int64_t t = start, total = 0;

	for (size_t i = spans_from(sp, start - longest - 1); i < sp->n && sp->v[i].start < end; i++) {
		int64_t a = sp->v[i].start > start ? sp->v[i].start : start;
		int64_t b = sp->v[i].end < end ? sp->v[i].end : end;

		if (b <= a || b <= t)
			continue;
		if (a > t) {
			if (gap && gap(ctx, t, a))
				return -1;
			total += a - t;
		}
		t = b;
	}
	if (t < end) {
		if (gap && gap(ctx, t, end))
			return -1;
		total += end - t;
	}
	return total;
}
