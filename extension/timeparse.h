/*
 * timeparse.h: timestamps as they appear in bills and usage logs, to UTC.
 * No SQLite here.
 */
#ifndef COSTLEDGER_TIMEPARSE_H
#define COSTLEDGER_TIMEPARSE_H

#include <stddef.h>
#include <stdint.h>

enum time_status {
	TIME_OK = 0,
	TIME_EMPTY,
	TIME_SYNTAX,    /* not a timestamp we know */
	TIME_INVALID,   /* a field out of range: month 13, hour 30, Feb 30 */
	TIME_RANGE,     /* in UTC, before 0001-01-01 or after 9999-12-31 */
};

/* The instants the ledger holds: years 0001 to 9999 in UTC, the years that
 * "YYYY-MM-DDTHH:MM:SSZ" can write and read back. */
#define TIME_MS_MIN (INT64_C(-62135596800) * 1000)
#define TIME_MS_MAX (INT64_C(253402300800) * 1000 - 1)

/*
 * Parses s[0..n) to milliseconds since 1970-01-01T00:00:00Z. Accepts
 *   2024-09-18 22:00:00, 2024-09-18T22:00:00Z, 2023-11-01T00:00:00.000Z,
 *   2020-11-09 23:00:00+00:00, 2023-11-13T10:00Z, 2024-09-18 (midnight),
 *   2024/11/23 12:23:29.950 (nvidia-smi), offsets +HH:MM, +HHMM, +HH.
 * A timestamp without a zone is taken to be in default_offset_minutes east of
 * UTC (0 for UTC). Fractions beyond milliseconds are truncated. Surrounding
 * spaces are ignored. An instant outside TIME_MS_MIN..TIME_MS_MAX is
 * TIME_RANGE (9999-12-31T23:00-05:00 is in the year 10000 in UTC).
 */
int time_parse(const char *s, size_t n, int default_offset_minutes, int64_t *unix_ms);

/* Days in month m (1-12) of year y, proleptic Gregorian. */
unsigned days_in_month(int64_t y, unsigned m);

/* Days since 1970-01-01 of a proleptic Gregorian date (no range checks). */
int64_t days_from_civil(int64_t year, unsigned month, unsigned day);

/* Writes unix_ms as "YYYY-MM-DDTHH:MM:SSZ" (seconds truncated toward the
 * past); buf needs 21 bytes. Returns the length. */
int time_format(int64_t unix_ms, char *buf, size_t size);

const char *time_strerror(int status);

#endif
