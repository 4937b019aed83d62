/*
 * csv_out.c: see csv_out.h.
 */
#include "csv_out.h"

#include "money.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

void csv_out_text(FILE *out, const char *s)
{
	size_t n = strlen(s);

	if (n && strchr("=+-@\t\r", s[0])) {
		/* csv_fwrite quotes every field; a quote first, then the text. */
		char *t = malloc(n + 2);
		if (!t)
			return;
		t[0] = '\'';
		memcpy(t + 1, s, n + 1);
		csv_fwrite(out, t, n + 1);
		free(t);
		return;
	}
	if (strpbrk(s, ",\"\r\n") || (n && (s[0] == ' ' || s[n - 1] == ' ')))
		csv_fwrite(out, s, n);
	else
		fputs(s, out);
}

void csv_out_number(FILE *out, const char *s)
{
	fputs(s, out);
}

struct rem {
	int64_t remainder;
	size_t index;
};

static int rem_cmp(const void *pa, const void *pb)
{
	const struct rem *a = pa, *b = pb;

	if (a->remainder != b->remainder)
		return a->remainder > b->remainder ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

int csv_out_allocate(const int64_t *values, size_t n, int decimals, int64_t *rounded)
{
	struct money_sum sum = {0};
	int64_t unit = 1, total, target, floor_sum = 0, missing;
	struct rem *rems;
	size_t i;
	int d;

	if (decimals < 0 || decimals > 9)
		return -1;
	for (d = decimals; d < 9; d++)
		unit *= 10;
	for (i = 0; i < n; i++)
		money_sum_add(&sum, values[i]);
	if (money_sum_result(&sum, &total) != MONEY_OK || money_round(total, decimals, &target) != MONEY_OK)
		return -1;
	if (!(rems = malloc((n ? n : 1) * sizeof *rems)))
		return -1;
	for (i = 0; i < n; i++) {
		int64_t q = values[i] / unit, r = values[i] % unit;
		if (r < 0) {
			q--;
			r += unit;
		}
		rounded[i] = q * unit;
		floor_sum += rounded[i];
		rems[i].remainder = r;
		rems[i].index = i;
	}
	missing = (target - floor_sum) / unit; /* 0 <= missing <= n */
	qsort(rems, n, sizeof *rems, rem_cmp);
	for (i = 0; i < n && missing > 0; i++, missing--)
		rounded[rems[i].index] += unit;
	free(rems);
	return 0;
}
