/* hardware.c: hardware CSV rows to struct hardware. */
#include "hardware.h"

#include "field_check.h"
#include "json_text.h"
#include "fx_rates.h" /* fx_date_problem */
#include "money.h"
#include "usage.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum column {
	H_MACHINE, H_GPUS, H_COST, H_CURRENCY, H_DATE, H_LIFETIME, H_WATTS, H_KWH, H_PUE, H_COUNT
};

static const char *const column_names[H_COUNT] = {
	"machine", "gpus", "purchase_cost", "currency", "purchase_date", "lifetime_years", "watts",
	"price_per_kwh", "pue",
};

struct hardware_reader {
	char file[512];
	int column[H_COUNT];
	size_t header_count, ignored;
};

static int column_of(const char *name)
{
	char folded[128], want[128];
	int c;

	usage_fold(name, folded, sizeof folded);
	for (c = 0; c < H_COUNT; c++) {
		usage_fold(column_names[c], want, sizeof want);
		if (!strcmp(folded, want))
			return c;
	}
	return -1;
}

int hardware_detect(const char *line)
{
	char folded[4096];
	size_t n = 0;
	const char *p;

	for (p = line; *p && *p != '\n' && n + 1 < sizeof folded; p++)
		if (*p != ' ' && *p != '"' && *p != '\r' && *p != '_')
			folded[n++] = (char)tolower((unsigned char)*p);
	folded[n] = 0;
	return !strncmp(folded, "machine,", 8) && strstr(folded, ",gpus") &&
	       strstr(folded, ",purchasecost");
}

int hardware_reader_new(const struct csv_row *header, const char *file,
			struct hardware_reader **out, struct import_error *error)
{
	struct hardware_reader *r = calloc(1, sizeof *r);
	size_t i;
	int c;

	*out = NULL;
	if (!r)
		return import_error_set(error, file, 0, NULL, "out of memory");
	snprintf(r->file, sizeof r->file, "%s", file);
	r->header_count = header->count;
	for (c = 0; c < H_COUNT; c++)
		r->column[c] = -1;
	for (i = 0; i < header->count; i++) {
		char name[128];
		usage_trim(header->fields[i], header->lengths[i], name, sizeof name);
		if ((c = column_of(name)) < 0) {
			r->ignored++;
			continue;
		}
		if (r->column[c] >= 0) {
			import_error_set(error, file, header->line, name, "column given twice");
			free(r);
			return -1;
		}
		r->column[c] = (int)i;
	}
	for (c = 0; c < H_COUNT; c++)
		if (r->column[c] < 0 && c != H_PUE) {
			import_error_set(error, file, header->line, NULL, "hardware CSV: no column '%s'",
					 column_names[c]);
			free(r);
			return -1;
		}
	*out = r;
	return 0;
}

void hardware_reader_free(struct hardware_reader *r)
{
	free(r);
}

int hardware_reader_report(const struct hardware_reader *r, char *buf, size_t size)
{
	struct json_writer w;

	json_writer_init(&w);
	json_open(&w, '{');
	json_member_string(&w, "format", "hardware");
	json_key(&w, "ignored_columns");
	json_integer(&w, (long long)r->ignored);
	return json_report_end(&w, buf, size);
}

static int bad(const struct hardware_reader *r, const struct csv_row *row, enum column c,
	       struct import_error *error, const char *what, const char *value)
{
	return import_error_set(error, r->file, row->line, column_names[c], "%s: \"%.200s\"", what,
				value);
}

/*
 * The field without surrounding spaces; "" when the column is absent. A
 * field that is not UTF-8 or does not fit is refused (field_check), never cut.
 */
static int field(const struct hardware_reader *r, const struct csv_row *row, enum column c,
		 char *buf, size_t size, struct import_error *error)
{
	int i = r->column[c];

	buf[0] = 0;
	if (field_check(row, i, column_names[c], size - 1, r->file, error) < 0)
		return -1;
	if (i >= 0 && (size_t)i < row->count)
		usage_trim(row->fields[i], row->lengths[i], buf, size);
	return 0;
}

/* An amount (purchase_cost, price_per_kwh): nanos, not negative. */
static int read_money(const struct hardware_reader *r, const struct csv_row *row, enum column c,
		      int64_t *nanos, int *rounded, struct import_error *error)
{
	char text[64];
	int status;

	if (field(r, row, c, text, sizeof text, error) < 0)
		return -1;
	status = money_parse(text, strlen(text), nanos, rounded);
	if (status != MONEY_OK)
		return bad(r, row, c, error, status == MONEY_EMPTY ? "empty" : money_strerror(status),
			   text);
	if (*nanos < 0)
		return bad(r, row, c, error, "negative", text);
	return 0;
}

/* A quantity (lifetime_years, watts, pue), kept as the text written; at least min. */
static int read_number(const struct hardware_reader *r, const struct csv_row *row, enum column c,
		       char *text, size_t size, double min, int min_allowed,
		       struct import_error *error)
{
	double x;
	int status;

	if (field(r, row, c, text, size, error) < 0)
		return -1;
	status = number_parse(text, strlen(text), &x);
	if (status != MONEY_OK)
		return bad(r, row, c, error, status == MONEY_EMPTY ? "empty" : money_strerror(status),
			   text);
	if (x < min || (x == min && !min_allowed))
		return bad(r, row, c, error, c == H_PUE ? "below 1 (1 = no cooling overhead)"
					     : min_allowed ? "negative" : "not above 0", text);
	return 0;
}

int hardware_reader_row(struct hardware_reader *r, const struct csv_row *row,
			struct hardware *hw, struct import_error *error)
{
	char buf[64];
	const char *problem;
	int64_t gpus;

	memset(hw, 0, sizeof *hw);
	hw->source_line = row->line;
	if (row->count != r->header_count)
		return import_error_set(error, r->file, row->line, NULL,
					"%zu fields where the header has %zu", row->count,
					r->header_count);
	if (field(r, row, H_MACHINE, hw->machine, sizeof hw->machine, error) < 0)
		return -1;
	if (!*hw->machine)
		return bad(r, row, H_MACHINE, error, "empty", "");
	if (field(r, row, H_GPUS, buf, sizeof buf, error) < 0)
		return -1;
	if (number_parse_whole(buf, strlen(buf), &gpus) != MONEY_OK || gpus < 1 || gpus > 1000000)
		return bad(r, row, H_GPUS, error, "not a whole number of GPUs above 0", buf);
	hw->gpus = (int)gpus;
	if (read_money(r, row, H_COST, &hw->purchase_cost, &hw->rounded, error) < 0)
		return -1;
	if (field(r, row, H_CURRENCY, buf, sizeof buf, error) < 0)
		return -1;
	if (currency_code(buf, hw->currency) < 0)
		return bad(r, row, H_CURRENCY, error, "not a three-letter currency code (ISO 4217)", buf);
	if (field(r, row, H_DATE, buf, sizeof buf, error) < 0)
		return -1;
	if ((problem = fx_date_problem(buf)))
		return bad(r, row, H_DATE, error, problem, buf);
	memcpy(hw->purchase_date, buf, sizeof hw->purchase_date);
	if (read_number(r, row, H_LIFETIME, hw->lifetime_years, sizeof hw->lifetime_years, 0, 0,
			error) < 0 ||
	    read_number(r, row, H_WATTS, hw->watts, sizeof hw->watts, 0, 1, error) < 0 ||
	    read_money(r, row, H_KWH, &hw->price_per_kwh, NULL, error) < 0)
		return -1;
	if (field(r, row, H_PUE, hw->pue, sizeof hw->pue, error) < 0)
		return -1;
	if (!*hw->pue)
		strcpy(hw->pue, "1");
	else if (read_number(r, row, H_PUE, hw->pue, sizeof hw->pue, 1, 1, error) < 0)
		return -1;
	return 0;
}
