/*
 * fuzz_usage.c: the readers of everything that is not a bill, from bytes to
 * records: usage CSV (events or intervals), sacct (usage_lines, '|'),
 * nvidia-smi, rate cards, budgets and fx rates. The input but its last byte
 * is written to a file; the last byte picks the reader (its value mod 6 in
 * that order) and its bit 6 the zone (UTC or +02:00). Properties:
 *   - no crash, no leak; an error always names the file;
 *   - every usage interval ends at or after it starts, its attributes are
 *     NULL or a JSON object, its texts valid UTF-8;
 *   - every report (imports.report) is valid JSON;
 *   - a rate's validity ends after it starts, a budget's alert ratio is in
 *     (0, 1], an fx rate is above 0 and its text parses to the same value.
 */
#include "field_check.h"
#include "fx_rates.h"
#include "json_text.h"
#include "money.h"
#include "nvidia_smi.h"
#include "rates.h"
#include "reader.h"
#include "sacct.h"
#include "usage.h"
#include "usage_csv.h"
#include "usage_lines.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHECK(cond, ...) do { if (!(cond)) { fprintf(stderr, "fuzz_usage: " __VA_ARGS__); \
	fprintf(stderr, " [%s]\n", #cond); abort(); } } while (0)

enum reader_kind { R_USAGE, R_SACCT, R_NVIDIA, R_RATES, R_BUDGETS, R_FX, R_KINDS };

static char path[64];
static int fd = -1;

struct run {
	enum reader_kind kind;
	struct usage_tz tz;
	struct usage_csv *usage;
	struct sacct *sacct;
	struct nvidia_smi *nvidia;
	struct rates_reader *rates;
	struct fx_reader *fx;
	struct import_error error;
	long records;
};

static void check_text(const char *s, const char *what)
{
	if (s)
		CHECK(utf8_invalid_at(s, strlen(s)) == strlen(s), "%s '%s' is not UTF-8", what, s);
}

static int on_record(void *context, const struct usage_record *u)
{
	struct run *r = context;
	struct json_member member;

	r->records++;
	CHECK(u->end_ms >= u->start_ms, "line %ld: ends before it starts", u->source_line);
	CHECK(u->state && *u->state, "line %ld: no state", u->source_line);
	if (u->attributes) {
		CHECK(json_text_find(u->attributes, strlen(u->attributes), "x", 1, &member) == 0,
		      "line %ld: attributes not JSON: %s", u->source_line, u->attributes);
		CHECK(u->attributes[0] == '{', "line %ld: attributes not an object", u->source_line);
	}
	check_text(u->project, "project");
	check_text(u->job_id, "job_id");
	check_text(u->resource_id, "resource_id");
	check_text(u->instance_type, "instance_type");
	return 0;
}

static int on_row(void *context, const struct csv_row *row)
{
	struct run *r = context;
	struct rate rate;
	struct budget budget;
	struct fx_rate fx;
	struct decimal value;

	switch (r->kind) {
	case R_USAGE:
		return usage_csv_row(r->usage, row, on_record, r, &r->error) ? 2 : 0;
	case R_SACCT:
		return sacct_row(r->sacct, row, on_record, r, &r->error) ? 2 : 0;
	case R_NVIDIA:
		return nvidia_smi_row(r->nvidia, row, &r->error) ? 2 : 0;
	case R_RATES:
	case R_BUDGETS:
		if (!r->rates)
			return rates_reader_new(r->kind == R_BUDGETS, row, path, &r->rates, &r->error) ? 2 : 0;
		if (r->kind == R_RATES) {
			if (rates_reader_rate(r->rates, row, &rate, &r->error) < 0)
				return 2;
			CHECK(!rate.has_valid_to || rate.valid_to > rate.valid_from, "line %ld: validity", row->line);
			check_text(rate.sku, "sku");
		} else {
			if (rates_reader_budget(r->rates, row, &budget, &r->error) < 0)
				return 2;
			CHECK(budget.alert_ratio > 0 && budget.alert_ratio <= 1, "line %ld: alert %g",
			      row->line, budget.alert_ratio);
			check_text(budget.project, "project");
		}
		return 0;
	case R_FX:
		if (!r->fx)
			return fx_reader_new(row, path, &r->fx, &r->error) ? 2 : 0;
		if (fx_reader_row(r->fx, row, &fx, &r->error) < 0)
			return 2;
		CHECK(decimal_parse(fx.rate, strlen(fx.rate), &value, NULL) == MONEY_OK &&
		      value.mantissa == fx.value.mantissa && value.scale == fx.value.scale,
		      "line %ld: rate %s is not what its text says", row->line, fx.rate);
		CHECK(fx.value.mantissa > 0, "line %ld: rate %s not above 0", row->line, fx.rate);
		return 0;
	case R_KINDS:
		break;
	}
	return 0;
}

static void check_report(int length, const char *report)
{
	struct json_member member;

	CHECK(length >= 0 && length < 65536, "report length %d", length);
	CHECK(json_text_find(report, (size_t)length, "format", 6, &member) == 0, "report not JSON: %s", report);
	CHECK(member.kind == JSON_MEMBER_PLAIN_STRING, "report without a format: %s", report);
}

static void remove_file(void)
{
	unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reader_options options = {',', 0};
	struct reader_stats stats;
	static char report[65536];
	struct run r;
	char message[256];
	int result = 0, length = 0;

	if (fd < 0) {
		snprintf(path, sizeof path, "%s/fuzz_usage.XXXXXX", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
		fd = mkstemp(path);
		CHECK(fd >= 0, "mkstemp");
		atexit(remove_file);
	}
	if (size == 0)
		return 0;
	CHECK(ftruncate(fd, 0) == 0 && pwrite(fd, data, size - 1, 0) == (ssize_t)(size - 1), "write %s", path);
	memset(&r, 0, sizeof r);
	r.kind = (enum reader_kind)(data[size - 1] % R_KINDS);
	CHECK(usage_tz_init(&r.tz, data[size - 1] & 64 ? "+02:00" : "UTC", message, sizeof message) == 0, "tz");
	if (r.kind == R_USAGE)
		CHECK(usage_csv_new(&r.tz, path, &r.usage) == 0, "usage_csv_new");
	else if (r.kind == R_SACCT)
		CHECK(sacct_new(&r.tz, NULL, path, &r.sacct, &r.error) == 0, "sacct_new");
	else if (r.kind == R_NVIDIA)
		CHECK(nvidia_smi_new(&r.tz, "node-1", NULL, 5, path, &r.nvidia, &r.error) == 0, "nvidia_smi_new");
	if (r.kind == R_SACCT)
		result = usage_lines_run(path, '|', on_row, &r, &stats, &r.error);
	else
		result = reader_run(path, &options, on_row, &r, &stats, &r.error);
	if (result == 0 && r.kind == R_USAGE)
		result = usage_csv_finish(r.usage, on_record, &r, &r.error) ? 2 : 0;
	if (result == 0 && r.kind == R_NVIDIA)
		result = nvidia_smi_finish(r.nvidia, on_record, &r, &r.error) ? 2 : 0;
	if (result != 0)
		CHECK(!strcmp(r.error.file, path), "error without the file: '%s'", r.error.file);
	if (r.usage)
		length = usage_csv_report(r.usage, report, sizeof report);
	else if (r.sacct)
		length = sacct_report(r.sacct, report, sizeof report);
	else if (r.nvidia)
		length = nvidia_smi_report(r.nvidia, report, sizeof report);
	else if (r.rates)
		length = rates_reader_report(r.rates, report, sizeof report);
	else if (r.fx)
		length = fx_reader_report(r.fx, report, sizeof report);
	if (r.usage || r.sacct || r.nvidia || r.rates || r.fx)
		check_report(length, report);
	usage_csv_free(r.usage);
	sacct_free(r.sacct);
	nvidia_smi_free(r.nvidia);
	rates_reader_free(r.rates);
	fx_reader_free(r.fx);
	return 0;
}
