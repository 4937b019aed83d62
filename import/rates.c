/* rates.c: rate card and budgets CSV rows to struct rate / struct budget. */
#include "rates.h"

#include "field_check.h"
#include "money.h"
#include "timeparse.h"
#include "usage.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum column {
	R_PROVIDER, R_SKU, R_REGION, R_CATEGORY, R_UNIT, R_PRICE, R_CURRENCY, R_DISCOUNT, R_RULE,
	R_FROM, R_TO, B_PROJECT, B_PERIOD, B_AMOUNT, B_ALERT, R_COUNT
};

static const char *const column_names[R_COUNT] = {
	"provider", "sku", "region", "pricing_category", "unit", "unit_price", "currency",
	"discount", "billing_rule", "valid_from", "valid_to", "project", "period", "amount",
	"alert_ratio",
};

/* The longest text each column takes: the buffer it is read into, less the
 * NUL. A longer field is refused (field_check), never cut. */
static const size_t column_limits[R_COUNT] = {
	127, 255, 127, 127, 63, 127, 63, 47, 127, 127, 127, 255, 63, 127, 63,
};

struct rates_reader {
	int budgets;
	char file[512];
	int column[R_COUNT];
	size_t ignored;
};

const char *rates_pricing_category(const char *s)
{
	static const struct {
		const char *given, *category;
	} map[] = {
		{"Standard", "Standard"}, {"on-demand", "Standard"}, {"OnDemand", "Standard"},
		{"Dynamic", "Dynamic"}, {"spot", "Dynamic"},
		{"Committed", "Committed"}, {"reserved", "Committed"},
		{"Other", "Other"}, {"own", "Other"},
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof *map; i++)
		if (!strcasecmp(s, map[i].given))
			return map[i].category;
	return NULL;
}

int rates_detect(const char *line)
{
	char folded[4096];
	size_t n = 0;
	const char *p;

	/* Fold the whole line: lowercase, no spaces or quotes; keep the commas. */
	for (p = line; *p && *p != '\n' && n + 1 < sizeof folded; p++)
		if (*p != ' ' && *p != '"' && *p != '\r')
			folded[n++] = (char)tolower((unsigned char)*p);
	folded[n] = 0;
	if (!strncmp(folded, "provider,", 9) && strstr(folded, ",unit_price") && strstr(folded, ",valid_from"))
		return 1;
	if (!strncmp(folded, "project,period,amount", 21))
		return 2;
	return 0;
}

int rates_reader_new(int budgets, const struct csv_row *header, const char *file,
		     struct rates_reader **out, struct import_error *error)
{
	static const int rate_required[] = {R_PROVIDER, R_SKU, R_UNIT, R_PRICE, R_CURRENCY, R_FROM};
	static const int budget_required[] = {B_PROJECT, B_PERIOD, B_AMOUNT, R_CURRENCY};
	struct rates_reader *r = calloc(1, sizeof *r);
	const int *required = budgets ? budget_required : rate_required;
	size_t nrequired = budgets ? 4 : 6, i;
	int c;

	*out = NULL;
	if (!r)
		return import_error_set(error, file, 0, NULL, "out of memory");
	r->budgets = budgets;
	snprintf(r->file, sizeof r->file, "%s", file);
	for (c = 0; c < R_COUNT; c++)
		r->column[c] = -1;
	for (i = 0; i < header->count; i++) {
		char name[128], folded[128], want[128];
		int found = -1;
		usage_trim(header->fields[i], header->lengths[i], name, sizeof name);
		usage_fold(name, folded, sizeof folded);
		for (c = 0; c < R_COUNT; c++) {
			usage_fold(column_names[c], want, sizeof want);
			if (!strcmp(folded, want))
				found = c;
		}
		if (found < 0 || (budgets ? (found < B_PROJECT && found != R_CURRENCY) : found >= B_PROJECT)) {
			r->ignored++;
			continue;
		}
		if (r->column[found] >= 0) {
			import_error_set(error, file, header->line, name, "column given twice");
			free(r);
			return -1;
		}
		r->column[found] = (int)i;
	}
	for (i = 0; i < nrequired; i++)
		if (r->column[required[i]] < 0) {
			import_error_set(error, file, header->line, NULL, "%s CSV: no column '%s'",
					 budgets ? "budgets" : "rates", column_names[required[i]]);
			free(r);
			return -1;
		}
	*out = r;
	return 0;
}

void rates_reader_free(struct rates_reader *r)
{
	free(r);
}

int rates_reader_report(const struct rates_reader *r, char *buf, size_t size)
{
	return snprintf(buf, size, "{\"format\":\"%s\",\"ignored_columns\":%zu}",
			r->budgets ? "budgets" : "rates", r->ignored);
}

static const char *field(const struct rates_reader *r, const struct csv_row *row, enum column c,
			 char *buf, size_t size)
{
	int i = r->column[c];

	buf[0] = 0;
	if (i >= 0 && (size_t)i < row->count)
		usage_trim(row->fields[i], row->lengths[i], buf, size);
	return buf;
}

static int bad(const struct rates_reader *r, const struct csv_row *row, enum column c,
	       struct import_error *error, const char *what, const char *value)
{
	return import_error_set(error, r->file, row->line, column_names[c], "%s: \"%.200s\"", what, value);
}

static int required_text(const struct rates_reader *r, const struct csv_row *row, enum column c,
			 char *buf, size_t size, struct import_error *error)
{
	if (!*field(r, row, c, buf, size))
		return bad(r, row, c, error, "empty", "");
	return 0;
}

static int read_currency(const struct rates_reader *r, const struct csv_row *row, char *out,
			 struct import_error *error)
{
	char buf[64];

	field(r, row, R_CURRENCY, buf, sizeof buf);
	if (currency_code(buf, out) < 0)
		return bad(r, row, R_CURRENCY, error, "not a three-letter currency code (ISO 4217)", buf);
	return 0;
}

static int read_money(const struct rates_reader *r, const struct csv_row *row, enum column c,
		      int64_t *nanos, int *rounded, struct import_error *error)
{
	char buf[128];
	int status;

	field(r, row, c, buf, sizeof buf);
	status = money_parse(buf, strlen(buf), nanos, rounded);
	if (status != MONEY_OK)
		return bad(r, row, c, error, status == MONEY_EMPTY ? "empty" : money_strerror(status), buf);
	if (*nanos < 0)
		return bad(r, row, c, error, "negative", buf);
	return 0;
}

/* Every column read: valid UTF-8 and within its limit. */
static int check_fields(const struct rates_reader *r, const struct csv_row *row,
			struct import_error *error)
{
	int c;

	for (c = 0; c < R_COUNT; c++)
		if (field_check(row, r->column[c], column_names[c], column_limits[c], r->file, error) < 0)
			return -1;
	return 0;
}

/* A unit price: exact, never rounded (price.h), and not negative. */
static int read_price(const struct rates_reader *r, const struct csv_row *row, enum column c,
		      char *out, struct import_error *error)
{
	char buf[128];
	int status;

	field(r, row, c, buf, sizeof buf);
	status = price_canonical(buf, strlen(buf), out, PRICE_TEXT_MAX);
	if (status != MONEY_OK)
		return bad(r, row, c, error, status == MONEY_EMPTY ? "empty" : price_strerror(status), buf);
	if (out[0] == '-')
		return bad(r, row, c, error, "negative", buf);
	return 0;
}

int rates_reader_rate(struct rates_reader *r, const struct csv_row *row, struct rate *rate,
		      struct import_error *error)
{
	char buf[128];
	int status, rounded = 0;
	struct decimal d;

	memset(rate, 0, sizeof *rate);
	rate->source_line = row->line;
	if (check_fields(r, row, error) < 0)
		return -1;
	if (required_text(r, row, R_PROVIDER, rate->provider, sizeof rate->provider, error) < 0 ||
	    required_text(r, row, R_SKU, rate->sku, sizeof rate->sku, error) < 0 ||
	    required_text(r, row, R_UNIT, rate->unit, sizeof rate->unit, error) < 0)
		return -1;
	field(r, row, R_REGION, rate->region, sizeof rate->region);
	field(r, row, R_CATEGORY, buf, sizeof buf);
	rate->pricing_category = *buf ? rates_pricing_category(buf) : "Standard";
	if (!rate->pricing_category)
		return bad(r, row, R_CATEGORY, error,
			   "not one of Standard (on-demand), Dynamic (spot), Committed (reserved), Other (own)", buf);
	if (read_price(r, row, R_PRICE, rate->unit_price, error) < 0 ||
	    read_currency(r, row, rate->currency, error) < 0)
		return -1;
	field(r, row, R_DISCOUNT, rate->discount, sizeof rate->discount);
	if (!*rate->discount)
		strcpy(rate->discount, "0");
	if (decimal_parse(rate->discount, strlen(rate->discount), &d, &rounded) != MONEY_OK ||
	    d.mantissa < 0 || rate->discount[0] == '-')
		return bad(r, row, R_DISCOUNT, error, "not a fraction like 0.15", rate->discount);
	{
		/* 0 <= discount < 1: its nanos are below one unit. */
		int64_t nanos;
		if (money_parse(rate->discount, strlen(rate->discount), &nanos, NULL) != MONEY_OK ||
		    nanos >= MONEY_NANOS_PER_UNIT)
			return bad(r, row, R_DISCOUNT, error, "not a fraction below 1 (0.15 for 15%)",
				   rate->discount);
	}
	field(r, row, R_RULE, buf, sizeof buf);
	if (!*buf || !strcasecmp(buf, "wall"))
		rate->billing_rule = "wall";
	else if (!strcasecmp(buf, "running"))
		rate->billing_rule = "running";
	else
		return bad(r, row, R_RULE, error, "not wall or running", buf);
	field(r, row, R_FROM, buf, sizeof buf);
	if ((status = time_parse(buf, strlen(buf), 0, &rate->valid_from)) != TIME_OK)
		return bad(r, row, R_FROM, error, time_strerror(status), buf);
	field(r, row, R_TO, buf, sizeof buf);
	if (*buf) {
		if ((status = time_parse(buf, strlen(buf), 0, &rate->valid_to)) != TIME_OK)
			return bad(r, row, R_TO, error, time_strerror(status), buf);
		if (rate->valid_to <= rate->valid_from)
			return bad(r, row, R_TO, error, "not after valid_from", buf);
		rate->has_valid_to = 1;
	}
	return 0;
}

int rates_reader_budget(struct rates_reader *r, const struct csv_row *row, struct budget *b,
			struct import_error *error)
{
	char buf[64];

	memset(b, 0, sizeof *b);
	b->source_line = row->line;
	if (check_fields(r, row, error) < 0)
		return -1;
	if (required_text(r, row, B_PROJECT, b->project, sizeof b->project, error) < 0)
		return -1;
	field(r, row, B_PERIOD, buf, sizeof buf);
	if (strlen(buf) != 7 || buf[4] != '-' || !isdigit((unsigned char)buf[0]) ||
	    !isdigit((unsigned char)buf[1]) || !isdigit((unsigned char)buf[2]) ||
	    !isdigit((unsigned char)buf[3]) || !isdigit((unsigned char)buf[5]) ||
	    !isdigit((unsigned char)buf[6]) || atoi(buf + 5) < 1 || atoi(buf + 5) > 12)
		return bad(r, row, B_PERIOD, error, "not a month YYYY-MM", buf);
	memcpy(b->period, buf, 8);
	if (read_money(r, row, B_AMOUNT, &b->amount, &b->rounded, error) < 0 ||
	    read_currency(r, row, b->currency, error) < 0)
		return -1;
	field(r, row, B_ALERT, buf, sizeof buf);
	b->alert_ratio = 0.8;
	if (*buf) {
		if (number_parse(buf, strlen(buf), &b->alert_ratio) != MONEY_OK ||
		    !(b->alert_ratio > 0 && b->alert_ratio <= 1))
			return bad(r, row, B_ALERT, error, "not a ratio in (0, 1]", buf);
	}
	return 0;
}
