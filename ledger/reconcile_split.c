/*
 * reconcile_split.c: the seconds and the amounts of a charge's parts
 * (reconcile_split.h).
 */
#include "reconcile_split.h"

int64_t split_billed_seconds(int64_t period, const struct decimal *q, int64_t unit_seconds)
{
	__int128 num, den = 1, s, r;
	int scale;

	if (!q || q->mantissa < 0 || unit_seconds <= 0)
		return period;
	/* q x unit = mantissa x unit / 10^scale, half-even. */
	num = (__int128)q->mantissa * unit_seconds;
	for (scale = q->scale; scale < 0; scale++) {
		num *= 10;
		if (num > (__int128)period * 10)
			return period;
	}
	for (; scale > 0; scale--)
		den *= 10;
	s = num / den;
	r = num % den;
	if (2 * r > den || (2 * r == den && (s & 1)))
		s++;
	return s < period ? (int64_t)s : period;
}

void split_seconds(int64_t billed, const struct coverage *cov, int running_rule,
		   int64_t parts[PART_COUNT])
{
	int64_t left = billed, take;

	if (running_rule) {
		take = cov->running < left ? cov->running : left;
		parts[PART_BILLABLE] = take;
		left -= take;
		take = cov->stopped < left ? cov->stopped : left;
		parts[PART_PAUSED] = take;
		left -= take;
	} else {
		int64_t used = cov->running + cov->stopped;
		take = used < left ? used : left;
		parts[PART_BILLABLE] = take;
		parts[PART_PAUSED] = 0;
		left -= take;
	}
	parts[PART_UNEXPLAINED] = left;
}

int split_amount(int64_t amount, const int64_t *w, size_t n, int64_t *parts)
{
	__int128 total = 0, left, a = amount < 0 ? -(__int128)amount : amount;
	__int128 part[SPLIT_MAX_PARTS], rem[SPLIT_MAX_PARTS];
	size_t i;

	for (i = 0; i < n; i++) {
		parts[i] = 0;
		total += w[i];
	}
	if (total <= 0 || n > SPLIT_MAX_PARTS)
		return -1;
	left = a;
	for (i = 0; i < n; i++) {
		__int128 p = a * w[i];
		part[i] = p / total;
		rem[i] = p % total;
		left -= part[i];
	}
	/* At most n - 1 units are left: one each to the largest remainders. */
	while (left > 0) {
		size_t best = n;
		for (i = 0; i < n; i++)
			if (w[i] > 0 && rem[i] >= 0 && (best == n || rem[i] > rem[best]))
				best = i;
		if (best == n)
			break;
		part[best]++;
		rem[best] = -1;
		left--;
	}
	/* Each part is at most |amount| and has its sign: it fits. */
	for (i = 0; i < n; i++)
		parts[i] = (int64_t)(amount < 0 ? -part[i] : part[i]);
	return 0;
}
