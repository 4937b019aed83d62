/*
 * fuzz_reader.c: the whole path from bytes to charges: the input is written
 * to a file, read by reader_run (plain or gzip, libcsv) and mapped by the bill
 * mapping (the last byte picks auto, focus or aws-cur). Properties:
 *   - no crash, no leak; an error always names the file;
 *   - every row the mapping accepts has end >= start and a known category,
 *     Tags NULL or a JSON object text;
 *   - the billed costs of the accepted rows sum exactly as their text does
 *     (money_parse of the BilledCost / lineItem/UnblendedCost field);
 *   - the reader's line numbers never go backwards.
 */
#include "bill.h"
#include "money.h"
#include "reader.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHECK(cond, ...) do { if (!(cond)) { fprintf(stderr, "fuzz_reader: " __VA_ARGS__); \
	fprintf(stderr, " [%s]\n", #cond); abort(); } } while (0)

static char path[64];
static int fd = -1;

struct run {
	const char *format;
	struct bill_mapping *mapping;
	int billed_column;
	long last_line;
	struct money_sum from_charges, from_text;
	struct import_error error;
};

static int on_row(void *context, const struct csv_row *row)
{
	struct run *r = context;
	struct charge ch;
	size_t i;

	CHECK(row->line > r->last_line, "line %ld after %ld", row->line, r->last_line);
	r->last_line = row->line;
	for (i = 0; i < row->count; i++)
		CHECK(strlen(row->fields[i]) == row->lengths[i], "field %zu has a NUL", i);
	if (!r->mapping) {
		if (bill_mapping_new(row, r->format, path, &r->mapping, &r->error) < 0)
			return 2;
		r->billed_column = -1;
		for (i = 0; i < row->count; i++) {
			char folded[256];
			bill_fold_header(row->fields[i], folded, sizeof folded);
			if (strcmp(folded, !strncmp(bill_mapping_format(r->mapping), "focus", 5) ?
				   "billedcost" : "lineitemunblendedcost") == 0) {
				r->billed_column = (int)i;
				break;
			}
		}
		CHECK(r->billed_column >= 0, "no billed cost column in a %s header",
		      bill_mapping_format(r->mapping));
		return 0;
	}
	if (bill_mapping_row(r->mapping, row, &ch, &r->error) < 0) {
		CHECK(r->error.line == row->line, "error on line %ld for row of line %ld",
		      r->error.line, row->line);
		return 2;
	}
	{
		int64_t nanos;
		const char *text = row->fields[r->billed_column];
		CHECK(money_parse(text, row->lengths[r->billed_column], &nanos, NULL) == MONEY_OK,
		      "line %ld: billed cost '%s' accepted but does not parse", row->line, text);
		CHECK(nanos == ch.billed_cost, "line %ld: billed cost '%s' is %lld, stored %lld",
		      row->line, text, (long long)nanos, (long long)ch.billed_cost);
		money_sum_add(&r->from_text, nanos);
		money_sum_add(&r->from_charges, ch.billed_cost);
	}
	CHECK(ch.charge_period_end >= ch.charge_period_start, "line %ld: end before start", row->line);
	CHECK(!ch.charge_category || !strcmp(ch.charge_category, "Usage") ||
	      !strcmp(ch.charge_category, "Purchase") || !strcmp(ch.charge_category, "Tax") ||
	      !strcmp(ch.charge_category, "Credit") || !strcmp(ch.charge_category, "Adjustment"),
	      "line %ld: category '%s'", row->line, ch.charge_category);
	if (ch.tags) {
		const char *t = ch.tags;
		while (*t == ' ' || *t == '\t' || *t == '\r' || *t == '\n')
			t++;
		CHECK(*t == '{', "line %ld: tags '%s' not an object", row->line, ch.tags);
	}
	return 0;
}

static void remove_file(void)
{
	unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const formats[] = {"auto", "focus", "aws-cur"};
	struct reader_options options = {',', 0};
	struct reader_stats stats;
	struct run r;
	int result;
	int64_t a, b;

	if (fd < 0) {
		snprintf(path, sizeof path, "%s/fuzz_reader.XXXXXX", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
		fd = mkstemp(path);
		CHECK(fd >= 0, "mkstemp");
		atexit(remove_file);
	}
	CHECK(ftruncate(fd, 0) == 0 && pwrite(fd, data, size, 0) == (ssize_t)size, "write %s", path);
	memset(&r, 0, sizeof r);
	r.format = formats[size ? data[size - 1] % 3 : 0];
	result = reader_run(path, &options, on_row, &r, &stats, &r.error);
	if (result < 0)
		CHECK(!strcmp(r.error.file, path), "error without the file: '%s'", r.error.file);
	CHECK(result == 0 || result == 2 || result == -1, "reader_run returned %d", result);
	if (result == 0) {
		char text_sum[64], charge_sum[64];
		money_sum_format(&r.from_text, text_sum, sizeof text_sum);
		money_sum_format(&r.from_charges, charge_sum, sizeof charge_sum);
		CHECK(!strcmp(text_sum, charge_sum) &&
		      money_sum_result(&r.from_text, &a) == money_sum_result(&r.from_charges, &b),
		      "the billed costs sum to %s, their text to %s", charge_sum, text_sum);
	}
	bill_mapping_free(r.mapping);
	return 0;
}
