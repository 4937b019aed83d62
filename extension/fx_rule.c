/*
 * fx_rule.c: the exchange rate of a day and the conversion (fx_rule.h).
 */
#include "fx_rule.h"

#include <stdlib.h>
#include <string.h>

/* A currency code folded to upper-case into code; -1 when it is not 1 to 3
 * bytes (no row can match it). */
static int fold_code(const char *s, char code[4])
{
	size_t i;

	for (i = 0; s[i]; i++) {
		if (i == 3)
			return -1;
		code[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
	}
	code[i] = 0;
	return i ? 0 : -1;
}

static int fx_cmp(const void *pa, const void *pb)
{
	const struct fx_row *a = pa, *b = pb;
	int c = strcmp(a->from, b->from);

	if (!c)
		c = strcmp(a->to, b->to);
	if (!c)
		c = a->day < b->day ? -1 : a->day > b->day;
	return c;
}

void fx_table_sort(struct fx_table *fx)
{
	for (size_t i = 0; i < fx->n; i++) {
		fold_code(fx->v[i].from, fx->v[i].from);
		fold_code(fx->v[i].to, fx->v[i].to);
	}
	if (fx->n > 1)
		qsort(fx->v, fx->n, sizeof *fx->v, fx_cmp);
}

int64_t fx_day(int64_t t)
{
	return t >= 0 ? t / 86400 : -((-(t + 1)) / 86400) - 1;
}

const struct decimal *fx_find(const struct fx_table *fx, const char *from, const char *to,
			      int64_t day)
{
	struct fx_row key;
	size_t lo = 0, hi = fx->n;

	if (fold_code(from, key.from) < 0 || fold_code(to, key.to) < 0)
		return NULL;
	key.day = day;
	/* The first row after (from, to, day); the one before it, if of the pair. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (fx_cmp(&fx->v[mid], &key) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || strcmp(fx->v[lo - 1].from, key.from) || strcmp(fx->v[lo - 1].to, key.to))
		return NULL;
	return &fx->v[lo - 1].rate;
}

/* Equal codes, ASCII case-folded. */
static int same_code(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = (char)(*a >= 'a' && *a <= 'z' ? *a - 32 : *a);
		char y = (char)(*b >= 'a' && *b <= 'z' ? *b - 32 : *b);
		if (x != y)
			return 0;
	}
	return *a == *b;
}

int fx_convert(const struct fx_table *fx, const char *from, const char *to, int64_t day,
	       int64_t *amount)
{
	const struct decimal *rate;
	int64_t out;

	if (!from || !*from || !to || !*to || same_code(from, to))
		return FX_OK;
	if (!(rate = fx_find(fx, from, to, day)))
		return FX_NO_RATE;
	if (money_mul(*amount, rate, &out) != MONEY_OK)
		return FX_OVERFLOW;
	*amount = out;
	return FX_OK;
}
