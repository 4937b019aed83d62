/* interval.c: overlap and union length of intervals. See interval.h. */
#include "interval.h"

#include <stdlib.h>

double interval_overlap(double a_start, double a_end, double b_start, double b_end)
{
	double start = a_start > b_start ? a_start : b_start;
	double end = a_end < b_end ? a_end : b_end;

	return end > start ? end - start : 0;
}

static int by_start(const void *a, const void *b)
{
	const struct interval *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

double interval_union_length(struct interval *v, size_t n)
{
	double total = 0, cur_start = 0, cur_end = 0;
	int open = 0;
	size_t i;

	qsort(v, n, sizeof *v, by_start);
	for (i = 0; i < n; i++) {
		if (v[i].end <= v[i].start)
			continue;
		if (open && v[i].start <= cur_end) {
			if (v[i].end > cur_end)
				cur_end = v[i].end;
			continue;
		}
		if (open)
			total += cur_end - cur_start;
		cur_start = v[i].start;
		cur_end = v[i].end;
		open = 1;
	}
	if (open)
		total += cur_end - cur_start;
	return total;
}
