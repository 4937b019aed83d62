/*
 * bill_fields.c: a bill row's fields as text, amounts (nanos), exact unit
 * prices and times, or a file:line: column 'X' error (bill_internal.h).
 */
#include "bill_internal.h"

#include "money.h"
#include "price.h"
#include "timeparse.h"

#include <stdio.h>
#include <string.h>

/* The field's text, or NULL when the column is absent or the value null. */
const char *bill_text(const struct bill_mapping *m, const struct csv_row *row, enum bill_field f,
			size_t *len)
{
	int c = m->column[f];

	if (c < 0 || (size_t)c >= row->count || bill_is_null(row->fields[c], row->lengths[c]))
		return NULL;
	if (len)
		*len = row->lengths[c];
	return row->fields[c];
}

int bill_field_error(const struct bill_mapping *m, const struct csv_row *row, enum bill_field f,
		       struct import_error *error, const char *what)
{
	int c = m->column[f];
	const char *value = c >= 0 && (size_t)c < row->count ? row->fields[c] : "";

	return import_error_set(error, m->file, row->line, m->header[c], "%s: \"%.200s\"", what, value);
}

int bill_money_field(const struct bill_mapping *m, const struct csv_row *row, enum bill_field f,
		       struct opt_i64 *out, int *rounded, struct import_error *error)
{
	size_t n;
	const char *s = bill_text(m, row, f, &n);
	int r = 0, status;

	out->present = 0;
	if (!s)
		return 0;
	status = money_parse(s, n, &out->value, &r);
	if (status == MONEY_EMPTY)
		return 0;
	if (status != MONEY_OK)
		return bill_field_error(m, row, f, error, status == MONEY_OVERFLOW ?
				   "amount out of range" : "not a number");
	out->present = 1;
	*rounded += r;
	return 0;
}

/* A unit price, kept exact as its canonical text ("" when absent). */
int bill_price_field(const struct bill_mapping *m, const struct csv_row *row, enum bill_field f,
		     char *out, struct import_error *error)
{
	size_t n;
	const char *s = bill_text(m, row, f, &n);
	int status;

	out[0] = 0;
	if (!s)
		return 0;
	status = price_canonical(s, n, out, PRICE_TEXT_MAX);
	if (status == MONEY_EMPTY)
		return 0;
	if (status != MONEY_OK)
		return bill_field_error(m, row, f, error, price_strerror(status));
	return 0;
}

/* `last` keeps the column's last parse: only a text that parsed is kept,
 * so a bad one is always parsed, and reported. */
int bill_time_field(const struct bill_mapping *m, const struct csv_row *row, enum bill_field f,
		    struct parsed_time *last, struct opt_i64 *out, struct import_error *error)
{
	size_t n;
	const char *s = bill_text(m, row, f, &n);
	int status;

	out->present = 0;
	if (!s)
		return 0;
	if (last->length > 0 && n == last->length && memcmp(s, last->text, n) == 0) {
		out->value = last->value;
		out->present = 1;
		return 0;
	}
	status = time_parse(s, n, 0, &out->value);
	if (status == TIME_EMPTY)
		return 0;
	if (status != TIME_OK)
		return bill_field_error(m, row, f, error, time_strerror(status));
	out->present = 1;
	if (n < sizeof last->text) {
		memcpy(last->text, s, n);
		last->length = n;
		last->value = out->value;
	}
	return 0;
}
