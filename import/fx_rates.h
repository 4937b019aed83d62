/*
 * fx_rates.h: the fx rates CSV (docs/formats.md): `date,from,to,rate`, one
 * dated exchange rate per row, from a header to a mapping and from each row
 * to a checked record or a file:line: column 'X' error. No SQLite here.
 */
#ifndef COSTLEDGER_FX_RATES_H
#define COSTLEDGER_FX_RATES_H

#include <stddef.h>

#include "import_error.h"
#include "money.h"
#include "reader.h"

/* 1 unit of `from` is `rate` units of `to` on `date` (and after, until the next). */
struct fx_rate {
	long source_line;
	char date[11];          /* YYYY-MM-DD */
	char from[4], to[4];    /* ISO 4217: three upper-case letters */
	char rate[64];          /* the decimal text as written, for money_mul() */
	struct decimal value;   /* the same, parsed: > 0 */
};

struct fx_reader;

int fx_reader_new(const struct csv_row *header, const char *file, struct fx_reader **out,
		  struct import_error *error);
void fx_reader_free(struct fx_reader *r);
int fx_reader_row(struct fx_reader *r, const struct csv_row *row, struct fx_rate *rate,
		  struct import_error *error);
int fx_reader_report(const struct fx_reader *r, char *buf, size_t size);

/* 1 when the first line is an fx rates header (has date, from and to, in any order), else 0. */
int fx_detect(const char *first_line);

/* NULL when s is a calendar date YYYY-MM-DD, else why not ("not a date YYYY-MM-DD", "no such day"). */
const char *fx_date_problem(const char *s);

#endif
