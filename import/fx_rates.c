/* fx_rates.c: fx rates CSV rows (date,from,to,rate) to struct fx_rate. */
#include "fx_rates.h"

#include "field_check.h"

#include "money.h"
#include "named_columns.h"
#include "timeparse.h"
#include "usage.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum column { F_DATE, F_FROM, F_TO, F_RATE, F_COUNT };

static const char *const column_names[F_COUNT] = {"date", "from", "to", "rate"};

/* Header names, folded as usage_fold folds them ('_' dropped, lowercase). */
static const struct named_column header_names[] = {
	{"date", F_DATE}, {"ratedate", F_DATE},
	{"from", F_FROM}, {"fromcurrency", F_FROM},
	{"to", F_TO}, {"tocurrency", F_TO},
	{"rate", F_RATE},
};

static const struct named_columns columns_spec = {
	header_names, sizeof header_names / sizeof *header_names, column_names, F_COUNT, "fx rates CSV",
};

struct fx_reader {
	struct named_reader named;
};

int fx_detect(const char *line)
{
	/* date, from and to are enough to say so: a missing rate is then named by fx_reader_new. */
	return (named_columns_seen(&columns_spec, line) & 7u) == 7u;
}

int fx_reader_new(const struct csv_row *header, const char *file, struct fx_reader **out,
		  struct import_error *error)
{
	struct fx_reader *r = calloc(1, sizeof *r);

	*out = NULL;
	if (!r)
		return import_error_set(error, file, 0, NULL, "out of memory");
	if (named_reader_init(&r->named, &columns_spec, header, file, error) < 0) {
		free(r);
		return -1;
	}
	*out = r;
	return 0;
}

void fx_reader_free(struct fx_reader *r)
{
	free(r);
}

int fx_reader_report(const struct fx_reader *r, char *buf, size_t size)
{
	return named_reader_report(&r->named, "fx-rates", buf, size);
}

/* The field without surrounding spaces into buf; -1 with *error when it is
 * empty or longer than buf holds (it would be cut short). */
static int field(const struct fx_reader *r, const struct csv_row *row, enum column c, char *buf,
		 size_t size, struct import_error *error)
{
	int n = named_reader_field(&r->named, row, (int)c, buf, size, error);

	if (!n)
		return named_reader_bad(&r->named, row, c, error, "empty", "");
	return n < 0 ? -1 : 0;
}

const char *fx_date_problem(const char *s)
{
	int i, year, month, day;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return "not a date YYYY-MM-DD";
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return "not a date YYYY-MM-DD";
	year = atoi(s);
	month = atoi(s + 5);
	day = atoi(s + 8);
	if (month < 1 || month > 12)
		return "no such month";
	if (day < 1 || (unsigned)day > days_in_month(year, (unsigned)month))
		return "no such day";
	return NULL;
}

static int read_currency(const struct fx_reader *r, const struct csv_row *row, enum column c,
			 char *out, struct import_error *error)
{
	char buf[64];

	if (field(r, row, c, buf, sizeof buf, error) < 0)
		return -1;
	if (currency_code(buf, out) < 0)
		return named_reader_bad(&r->named, row, c, error,
						"not a three-letter currency code (ISO 4217)", buf);
	return 0;
}

int fx_reader_row(struct fx_reader *r, const struct csv_row *row, struct fx_rate *rate,
		  struct import_error *error)
{
	char date[64];
	const char *problem;
	int status, c;

	memset(rate, 0, sizeof *rate);
	rate->source_line = row->line;
	for (c = 0; c < F_COUNT; c++)
		if (field_check(row, r->named.column[c], column_names[c], 0, r->named.file, error) < 0)
			return -1;
	if (named_reader_width(&r->named, row, error) < 0)
		return -1;
	if (field(r, row, F_DATE, date, sizeof date, error) < 0)
		return -1;
	if ((problem = fx_date_problem(date)))
		return named_reader_bad(&r->named, row, F_DATE, error, problem, date);
	memcpy(rate->date, date, sizeof rate->date);
	if (read_currency(r, row, F_FROM, rate->from, error) < 0 ||
	    read_currency(r, row, F_TO, rate->to, error) < 0)
		return -1;
	if (!strcmp(rate->from, rate->to))
		return named_reader_bad(&r->named, row, F_TO, error,
						"the same currency as 'from'", rate->to);
	if (field(r, row, F_RATE, rate->rate, sizeof rate->rate, error) < 0)
		return -1;
	status = decimal_parse(rate->rate, strlen(rate->rate), &rate->value, NULL);
	if (status != MONEY_OK)
		return named_reader_bad(&r->named, row, F_RATE, error,
						money_strerror(status), rate->rate);
	if (rate->value.mantissa <= 0)
		return named_reader_bad(&r->named, row, F_RATE, error, "not above 0", rate->rate);
	return 0;
}
