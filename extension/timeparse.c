/*
 * timeparse.c: the timestamp shapes found in bills and usage logs, to UTC
 * milliseconds. See timeparse.h. Hand-written rather than strptime because
 * strptime neither validates ranges (hour 30) nor knows "+00:00" portably.
 */
#include "timeparse.h"

#include <stdio.h>

const char *time_strerror(int status)
{
	switch (status) {
	case TIME_OK: return "ok";
	case TIME_EMPTY: return "empty";
	case TIME_SYNTAX: return "not a timestamp";
	case TIME_INVALID: return "invalid date or time";
	case TIME_RANGE: return "outside the years 0001-9999 (UTC)";
	}
	return "unknown error";
}

/* Howard Hinnant's days_from_civil: exact for any proleptic Gregorian date. */
int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static int is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned days_in_month(int64_t y, unsigned m)
{
	static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Reads exactly `width` digits at *p. */
static int read_digits(const char **p, const char *end, int width, int *value)
{
	int v = 0, i;

	if (end - *p < width)
		return 0;
	for (i = 0; i < width; i++) {
		char c = (*p)[i];
		if (c < '0' || c > '9')
			return 0;
		v = v * 10 + (c - '0');
	}
	*p += width;
	*value = v;
	return 1;
}

int time_parse(const char *s, size_t n, int default_offset_minutes, int64_t *unix_ms)
{
	const char *p = s, *end = s + n;
	int year, month, day, hour = 0, minute = 0, second = 0, millis = 0;
	int offset = default_offset_minutes;
	char date_sep;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	if (p == end)
		return TIME_EMPTY;
	if (!read_digits(&p, end, 4, &year) || p == end)
		return TIME_SYNTAX;
	date_sep = *p++;
	if ((date_sep != '-' && date_sep != '/') || !read_digits(&p, end, 2, &month) ||
	    p == end || *p++ != date_sep || !read_digits(&p, end, 2, &day))
		return TIME_SYNTAX;
	if (p < end) {
		if (*p != 'T' && *p != 't' && *p != ' ')
			return TIME_SYNTAX;
		p++;
		if (!read_digits(&p, end, 2, &hour) || p == end || *p++ != ':' ||
		    !read_digits(&p, end, 2, &minute))
			return TIME_SYNTAX;
		if (p < end && *p == ':') {
			p++;
			if (!read_digits(&p, end, 2, &second))
				return TIME_SYNTAX;
			if (p < end && (*p == '.' || *p == ',')) {
				int digits = 0;
				p++;
				while (p < end && *p >= '0' && *p <= '9') {
					if (digits < 3)
						millis = millis * 10 + (*p - '0');
					digits++;
					p++;
				}
				if (digits == 0)
					return TIME_SYNTAX;
				for (; digits < 3; digits++)
					millis *= 10;
			}
		}
		if (p < end && *p == ' ')
			p++; /* "2024-01-01 00:00:00 +00:00" */
		if (p < end) {
			if (*p == 'Z' || *p == 'z') {
				offset = 0;
				p++;
			} else if (*p == '+' || *p == '-') {
				int sign = *p++ == '-' ? -1 : 1, oh = 0, om = 0;
				if (!read_digits(&p, end, 2, &oh))
					return TIME_SYNTAX;
				/* "+05:" needs its minutes; "+05" and "+0530" are whole */
				if (p < end && *p == ':' && (++p == end || !read_digits(&p, end, 2, &om)))
					return TIME_SYNTAX;
				if (p < end && *p != ':' && !read_digits(&p, end, 2, &om))
					return TIME_SYNTAX;
				if (oh > 23 || om > 59)
					return TIME_INVALID;
				offset = sign * (oh * 60 + om);
			}
		}
		if (p != end)
			return TIME_SYNTAX;
	}
	if (month < 1 || month > 12 || day < 1 || (unsigned)day > days_in_month(year, (unsigned)month) ||
	    hour > 24 || minute > 59 || second > 60 ||
	    (hour == 24 && (minute || second || millis)))
		return TIME_INVALID;
	if (second == 60)
		second = 59; /* a leap second is not worth a special case in a bill */
	*unix_ms = ((days_from_civil(year, (unsigned)month, (unsigned)day) * 86400 +
		     hour * 3600 + minute * 60 + second) - (int64_t)offset * 60) * 1000 + millis;
	if (*unix_ms < TIME_MS_MIN || *unix_ms > TIME_MS_MAX)
		return TIME_RANGE;
	return TIME_OK;
}

static char *put2(char *p, unsigned v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
	return p + 2;
}

/* Formats by hand: snprintf was a tenth of an import's time. */
int time_format(int64_t unix_ms, char *buf, size_t size)
{
	int64_t secs = unix_ms >= 0 ? unix_ms / 1000 : -((-unix_ms + 999) / 1000);
	int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
	int64_t rem = secs - days * 86400, y;
	unsigned m, d;
	char *p = buf;

	civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999)
		return snprintf(buf, size, "%04lld-%02u-%02uT%02d:%02d:%02dZ", (long long)y, m, d,
				(int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60));
	if (size < 21)
		return -1;
	p = put2(p, (unsigned)(y / 100));
	p = put2(p, (unsigned)(y % 100));
	*p++ = '-';
	p = put2(p, m);
	*p++ = '-';
	p = put2(p, d);
	*p++ = 'T';
	p = put2(p, (unsigned)(rem / 3600));
	*p++ = ':';
	p = put2(p, (unsigned)(rem / 60 % 60));
	*p++ = ':';
	p = put2(p, (unsigned)(rem % 60));
	*p++ = 'Z';
	*p = 0;
	return (int)(p - buf);
}
