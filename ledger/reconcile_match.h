/*
 * reconcile_match.h: which usage is behind a charge and which charges cover
 * a usage interval (same provider, case-folded, same resource, overlapping
 * times), as sorted spans per group, and the seconds they cover.
 */
#ifndef COSTLEDGER_RECONCILE_MATCH_H
#define COSTLEDGER_RECONCILE_MATCH_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "reconcile_split.h"

/* An interval of a group: a usage row (for the charges) or a usage charge
 * (for the usage), in unix seconds. */
struct span {
	int64_t start, end;
	int stopped;            /* usage: paused, stopped or interrupted */
};

/* The spans of one provider (NOCASE) and resource, sorted by start. */
struct spans {
	char *provider, *resource;
	int started;
	struct span *v;
	size_t n, cap;
};

/* Starts the group of provider and resource unless it is the current one. */
int spans_group(struct spans *sp, const char *provider, const char *resource);
int spans_add(struct spans *sp, int64_t start, int64_t end, int stopped);
void spans_close(struct spans *sp);

/* The longest interval per resource, sorted by resource: how far before a
 * time the spans that reach it can start. */
struct bound {
	char *resource;
	int64_t seconds;
};
struct bounds {
	struct bound *v;
	size_t n;
};
/* Fills b from sql's rows (resource, longest seconds) in resource order. */
int bounds_load(sqlite3 *db, const char *sql, struct bounds *b);
void bounds_free(struct bounds *b);
/* The longest interval of resource plus a second; 0 when it has none. */
int64_t bound_seconds(const struct bounds *b, const char *resource);
/* The longest interval of all resources, plus a second. */
int64_t bounds_max(const struct bounds *b);

/*
 * The seconds of [start, end) that the spans cover (none of which starts
 * before start - longest): running where some span is not stopped, stopped
 * where all the spans there are. Overlapping spans (one row per GPU) count
 * once: the union of their seconds.
 */
void coverage_of(const struct spans *sp, int64_t longest, int64_t start, int64_t end,
		 struct coverage *cov);

/*
 * Calls gap(ctx, a, b) for each piece [a, b) of [start, end) that no span
 * covers, in order; returns the seconds they add up to, or -1 when gap
 * returned non-zero.
 */
int64_t uncovered(const struct spans *sp, int64_t longest, int64_t start, int64_t end,
		  int (*gap)(void *ctx, int64_t a, int64_t b), void *ctx);

#endif
