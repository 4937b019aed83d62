/*
 * fuzz_time.c: time_parse on any text (the first byte picks the default
 * zone offset). Property: a parsed time formats as YYYY-MM-DDTHH:MM:SSZ and
 * that text parses back to the same second (the parsed ms truncated toward
 * the past), for years time_format can write in four digits.
 */
#include "timeparse.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define CHECK(cond, ...) do { if (!(cond)) { fprintf(stderr, "fuzz_time: " __VA_ARGS__); \
	fprintf(stderr, " [%s]\n", #cond); abort(); } } while (0)

/* 0000-01-01 and 10000-01-01 in ms since 1970. */
#define MIN_MS (-62167219200000LL)
#define MAX_MS (253402300800000LL)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int64_t ms, again, second;
	int offset, status, len;
	char buf[64];

	if (size < 1)
		return 0;
	offset = ((int)(int8_t)data[0]) * 15; /* -32h..+32h in quarter hours */
	status = time_parse((const char *)data + 1, size - 1, offset, &ms);
	CHECK(status >= TIME_OK && status <= TIME_RANGE, "status %d", status);
	if (status != TIME_OK || ms < MIN_MS || ms >= MAX_MS)
		return 0;
	len = time_format(ms, buf, sizeof buf);
	CHECK(len == 20, "time_format(%lld) wrote %d bytes", (long long)ms, len);
	status = time_parse(buf, (size_t)len, 0, &again);
	CHECK(status == TIME_OK, "'%s' (from %lld) does not parse: %d", buf, (long long)ms, status);
	second = ms >= 0 ? ms / 1000 * 1000 : -((-ms + 999) / 1000) * 1000;
	CHECK(again == second, "%lld -> '%s' -> %lld, want %lld", (long long)ms, buf,
	      (long long)again, (long long)second);
	return 0;
}
