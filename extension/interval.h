/*
 * interval.h: time intervals, their overlap and the length of their union.
 * No SQLite here. Units are the caller's (seconds or milliseconds).
 */
#ifndef COSTLEDGER_INTERVAL_H
#define COSTLEDGER_INTERVAL_H

#include <stddef.h>

struct interval {
	double start, end; /* end exclusive; end < start is an empty interval */
};

/* Length of [a_start, a_end) ∩ [b_start, b_end), 0 when disjoint. */
double interval_overlap(double a_start, double a_end, double b_start, double b_end);

/* Total length covered by the union of v[0..n); sorts v in place. */
double interval_union_length(struct interval *v, size_t n);

#endif
