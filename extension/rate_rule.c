/*
 * rate_rule.c: the rate in force (rate_rule.h has the rule).
 */
#include "rate_rule.h"

#include "price.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* ASCII case-insensitive order; NULL before everything. */
static int fold_cmp(const char *a, const char *b)
{
	if (!a || !b)
		return a ? 1 : b ? -1 : 0;
	for (; *a && fold((unsigned char)*a) == fold((unsigned char)*b); a++, b++)
		;
	return fold((unsigned char)*a) - fold((unsigned char)*b);
}

static int same_text(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static int row_cmp(const void *pa, const void *pb)
{
	const struct rate_row *a = pa, *b = pb;
	int c = fold_cmp(a->provider, b->provider);

	if (c)
		return c;
	return a->rate_id < b->rate_id ? -1 : a->rate_id > b->rate_id;
}

void rate_card_sort(struct rate_card *card)
{
	if (card->n > 1)
		qsort(card->v, card->n, sizeof *card->v, row_cmp);
}

const char *pricing_category(const char *pricing)
{
	if (!pricing || !strcmp(pricing, "on-demand"))
		return "Standard";
	if (!strcmp(pricing, "spot"))
		return "Dynamic";
	if (!strcmp(pricing, "reserved"))
		return "Committed";
	if (!strcmp(pricing, "own"))
		return "Other";
	return NULL;
}

/* The first row of provider's block in the sorted card. */
static size_t provider_first(const struct rate_card *card, const char *provider)
{
	size_t lo = 0, hi = card->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (fold_cmp(card->v[mid].provider, provider) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* How well row r fits q, whatever the time: -1 it does not apply; else
 * 4 x exact SKU + region rank (2 own region, 1 none, 0 another). */
static int fit(const struct rate_row *r, const struct rate_query *q)
{
	int sku, region;
	const char *category = q->category ? q->category : "Standard";

	sku = same_text(r->sku, q->sku) || same_text(r->sku, q->sku2);
	if (!sku && !same_text(r->sku, "*"))
		return -1;
	if (fold_cmp(r->category, category) != 0)
		return -1;
	if (!r->region || !*r->region)
		region = 1;
	else if (q->region && *q->region)
		region = same_text(r->region, q->region) ? 2 : -1;
	else
		region = 0;
	if (region < 0)
		return -1;
	return 4 * sku + region;
}

const struct rate_row *rate_in_force(const struct rate_card *card, const struct rate_query *q)
{
	const struct rate_row *best = NULL;
	int best_fit = -1;

	if (!q->provider)
		return NULL;
	for (size_t i = provider_first(card, q->provider);
	     i < card->n && fold_cmp(card->v[i].provider, q->provider) == 0; i++) {
		const struct rate_row *r = &card->v[i];
		int f;

		if (q->at < r->from || q->at >= r->to || (f = fit(r, q)) < 0)
			continue;
		/* Rows come by rate_id within the provider: a tie keeps the first. */
		if (!best || f > best_fit || (f == best_fit && r->from > best->from)) {
			best = r;
			best_fit = f;
		}
	}
	return best;
}

/* The first time after t at which a row that fits q starts or ends. */
static int64_t next_change(const struct rate_card *card, const struct rate_query *q, int64_t t)
{
	int64_t next = INT64_MAX;

	for (size_t i = provider_first(card, q->provider);
	     i < card->n && fold_cmp(card->v[i].provider, q->provider) == 0; i++) {
		const struct rate_row *r = &card->v[i];

		if (fit(r, q) < 0)
			continue;
		if (r->from > t && r->from < next)
			next = r->from;
		if (r->to > t && r->to < next)
			next = r->to;
	}
	return next;
}

/* The one discount rule: net = list less money_mul(list, discount). */
static int discounted(const struct rate_row *r, int64_t full, int64_t *net, int64_t *list)
{
	int64_t off = 0;

	if (r->has_discount && money_mul(full, &r->discount, &off) != MONEY_OK)
		return -1;
	if (list)
		*list = full;
	*net = full - off;
	return 0;
}

int rate_cost(const struct rate_row *r, const struct decimal *quantity, int64_t *net,
	      int64_t *list)
{
	return rate_cost_in_unit(r, quantity, 0, net, list);
}

int rate_cost_in_unit(const struct rate_row *r, const struct decimal *quantity,
		      int64_t quantity_unit_seconds, int64_t *net, int64_t *list)
{
	int64_t full, num, den;

	if (!quantity_unit_seconds || !r->unit_seconds || quantity_unit_seconds == r->unit_seconds) {
		if (price_mul(&r->price, quantity, &full) != MONEY_OK)
			return -1;
		return discounted(r, full, net, list);
	}
	/* quantity x its unit / the rate's unit = mantissa x qus / (10^scale x rus). */
	num = quantity->mantissa;
	den = r->unit_seconds;
	if (__builtin_mul_overflow(num, quantity_unit_seconds, &num))
		return -1;
	for (int scale = quantity->scale; scale != 0; scale += scale < 0 ? 1 : -1)
		if (scale < 0 ? __builtin_mul_overflow(num, 10, &num) : __builtin_mul_overflow(den, 10, &den))
			return -1;
	if (price_mul_ratio(&r->price, num, den, &full) != MONEY_OK)
		return -1;
	return discounted(r, full, net, list);
}

int64_t rate_unit_seconds(const char *unit)
{
	static const struct {
		const char *name;
		int64_t seconds;
	} units[] = {
		{"second", 1}, {"seconds", 1}, {"sec", 1}, {"secs", 1}, {"s", 1},
		{"minute", 60}, {"minutes", 60}, {"min", 60}, {"mins", 60},
		{"hour", 3600}, {"hours", 3600}, {"hr", 3600}, {"hrs", 3600}, {"h", 3600},
		{"gpu-hour", 3600},
		{"day", 86400}, {"days", 86400}, {"d", 86400},
	};

	for (size_t i = 0; unit && i < sizeof units / sizeof units[0]; i++)
		if (!strcasecmp(unit, units[i].name))
			return units[i].seconds;
	return 0;
}

int rate_cost_seconds(const struct rate_row *r, int64_t seconds, int64_t gpus, int64_t *net,
		      int64_t *list)
{
	int64_t units, full;

	if (__builtin_mul_overflow(seconds, r->per_gpu && gpus > 1 ? gpus : 1, &units) ||
	    price_mul_ratio(&r->price, units, r->unit_seconds ? r->unit_seconds : 3600, &full) !=
		    MONEY_OK)
		return -1;
	return discounted(r, full, net, list);
}

int rate_usage_cost(const struct rate_card *card, const struct rate_query *q, int64_t start,
		    int64_t end, int64_t gpus, int64_t *cost, int64_t *unpriced_seconds,
		    const struct rate_row **first)
{
	struct rate_query at = *q;
	__int128 total = 0;
	int64_t t = start;

	*cost = 0;
	*unpriced_seconds = 0;
	*first = NULL;
	if (!q->provider) {
		*unpriced_seconds = end > start ? end - start : 0;
		return 0;
	}
	while (t < end) {
		const struct rate_row *r;
		int64_t piece_end, piece;

		at.at = t;
		r = rate_in_force(card, &at);
		piece_end = next_change(card, q, t);
		if (piece_end > end)
			piece_end = end;
		if (r && !*first)
			*first = r;
		if (r && same_text(r->currency, (*first)->currency)) {
			if (rate_cost_seconds(r, piece_end - t, gpus, &piece, NULL) < 0)
				return -1;
			total += piece;
		} else {
			*unpriced_seconds += piece_end - t;
		}
		t = piece_end;
	}
	if (total > INT64_MAX || total < INT64_MIN)
		return -1;
	*cost = (int64_t)total;
	return 0;
}
