/*
 * rates.h: the rate card CSV and the budgets CSV (docs/formats.md), from a
 * header to a mapping and from each row to a typed record or a
 * file:line: column 'X' error. No SQLite here.
 */
#ifndef COSTLEDGER_RATES_H
#define COSTLEDGER_RATES_H

#include <stdint.h>

#include "import_error.h"
#include "price.h"
#include "reader.h"

struct rate {
	long source_line;
	char provider[128], sku[256], region[128];
	const char *pricing_category;   /* Standard Dynamic Committed Other */
	char unit[64], currency[8], discount[48];
	const char *billing_rule;       /* wall running */
	char unit_price[PRICE_TEXT_MAX]; /* canonical decimal text (price.h), exact */
	int64_t valid_from;             /* unix ms */
	int has_valid_to;
	int64_t valid_to;               /* unix ms, exclusive */
};

struct budget {
	long source_line;
	char project[256], period[8], currency[8];
	int64_t amount;                 /* nanos */
	double alert_ratio;
	int rounded;
};

struct rates_reader;

/* budgets: 0 for a rate card, 1 for budgets. */
int rates_reader_new(int budgets, const struct csv_row *header, const char *file,
		     struct rates_reader **out, struct import_error *error);
void rates_reader_free(struct rates_reader *r);
int rates_reader_rate(struct rates_reader *r, const struct csv_row *row, struct rate *rate,
		      struct import_error *error);
int rates_reader_budget(struct rates_reader *r, const struct csv_row *row, struct budget *budget,
			struct import_error *error);
int rates_reader_report(const struct rates_reader *r, char *buf, size_t size);

/* on-demand/Standard -> Standard, spot/Dynamic -> Dynamic, reserved/Committed -> Committed, own/Other -> Other. */
const char *rates_pricing_category(const char *s);

/* 1 when the header looks like a rate card, 2 like budgets, else 0 (for auto-detection). */
int rates_detect(const char *first_line);

#endif
