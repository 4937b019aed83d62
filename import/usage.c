/* usage.c: helpers the usage-log formats share (see usage.h). */
#include "usage.h"

#include "json_text.h"
#include "rowhash.h"
#include "timeparse.h"

#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void hash_text(struct rowhash *h, const char *s)
{
	if (s)
		rowhash_add(h, s, strlen(s));
	else
		rowhash_add(h, "\x01NULL", 5);
}

static void hash_long(struct rowhash *h, int present, long long v)
{
	char buf[32];
	int n = present ? snprintf(buf, sizeof buf, "%lld", v) : snprintf(buf, sizeof buf, "\x01-");

	rowhash_add(h, buf, (size_t)n);
}

void usage_record_key(struct usage_record *r)
{
	struct rowhash h;
	char buf[64];
	int n;

	rowhash_init(&h);
	hash_text(&h, "usage-1");
	hash_text(&h, r->provider);
	hash_text(&h, r->account);
	hash_text(&h, r->project);
	hash_text(&h, r->job_id);
	hash_text(&h, r->run_id);
	hash_text(&h, r->resource_id);
	hash_text(&h, r->instance_type);
	hash_text(&h, r->pricing);
	hash_text(&h, r->state);
	hash_long(&h, r->has_epoch, r->epoch);
	hash_long(&h, r->has_planned, r->planned_epochs);
	hash_long(&h, r->has_gpus, r->gpus);
	hash_long(&h, 1, r->start_ms);
	hash_long(&h, 1, r->end_ms);
	n = r->has_util ? snprintf(buf, sizeof buf, "%.17g", r->util) : snprintf(buf, sizeof buf, "-");
	rowhash_add(&h, buf, (size_t)n);
	hash_text(&h, r->attributes);
	rowhash_final(&h, r->row_key);
}

/* "+02:00", "-0530", "+02" to minutes east; -1 on syntax. */
static int parse_offset(const char *s, int *minutes)
{
	int sign, hh, mm = 0;
	size_t n = strlen(s);

	if (n < 3 || (s[0] != '+' && s[0] != '-'))
		return -1;
	sign = s[0] == '-' ? -1 : 1;
	if (!isdigit((unsigned char)s[1]) || !isdigit((unsigned char)s[2]))
		return -1;
	hh = (s[1] - '0') * 10 + (s[2] - '0');
	s += 3;
	if (*s == ':')
		s++;
	if (*s) {
		if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) || s[2])
			return -1;
		mm = (s[0] - '0') * 10 + (s[1] - '0');
	}
	if (hh > 23 || mm > 59)
		return -1;
	*minutes = sign * (hh * 60 + mm);
	return 0;
}

/* 1 when path is a compiled zone (a TZif file): "Europe" is a folder and
 * "zone.tab" a list, and glibc takes either for UTC without a word. */
static int is_zone_file(const char *path)
{
	char magic[4];
	int fd = open(path, O_RDONLY | O_CLOEXEC), ok = 0;
	struct stat st;

	if (fd < 0)
		return 0;
	ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	     read(fd, magic, sizeof magic) == (ssize_t)sizeof magic && !memcmp(magic, "TZif", 4);
	close(fd);
	return ok;
}

int usage_tz_init(struct usage_tz *tz, const char *spec, char *message, size_t size)
{
	char path[512];
	const char *dir = getenv("TZDIR");

	memset(tz, 0, sizeof *tz);
	if (!spec || !*spec || !strcasecmp(spec, "UTC") || !strcmp(spec, "Z") ||
	    !strcasecmp(spec, "GMT"))
		return 0;
	if (spec[0] == '+' || spec[0] == '-') {
		if (parse_offset(spec, &tz->offset_minutes) < 0) {
			snprintf(message, size, "--tz '%s': not an offset like +02:00", spec);
			return -1;
		}
		snprintf(tz->name, sizeof tz->name, "%s", spec);
		return 0;
	}
	/* glibc takes an unknown name for UTC without a word: look for the file. */
	snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", spec);
	if (strstr(spec, "..") || strlen(spec) >= sizeof tz->name || !is_zone_file(path)) {
		snprintf(message, size, "--tz '%s': not UTC, an offset like +02:00 or a zone in %s",
			 spec, dir && *dir ? dir : "/usr/share/zoneinfo");
		return -1;
	}
	snprintf(tz->name, sizeof tz->name, "%s", spec);
	setenv("TZ", spec, 1);
	tzset();
	tz->iana = 1;
	return 0;
}

int usage_time(const struct usage_tz *tz, const char *s, size_t n, int64_t *unix_ms)
{
	int64_t a, b;
	int status = time_parse(s, n, 0, &a), shifted;
	time_t secs, local;
	struct tm tm;
	int64_t rem;

	if (status != TIME_OK)
		return status;
	/* A text that carries its zone reads the same whatever the default
	 * offset (TIME_RANGE: a zone-less text at the very edge of the range). */
	shifted = time_parse(s, n, 1, &b);
	if ((shifted != TIME_OK && shifted != TIME_RANGE) || (shifted == TIME_OK && a == b)) {
		*unix_ms = a;
		return TIME_OK;
	}
	if (!tz->iana) {
		*unix_ms = a - (int64_t)tz->offset_minutes * 60000;
		return *unix_ms < TIME_MS_MIN || *unix_ms > TIME_MS_MAX ? TIME_RANGE : TIME_OK;
	}
	rem = a % 1000;
	if (rem < 0)
		rem += 1000;
	secs = (time_t)((a - rem) / 1000);
	gmtime_r(&secs, &tm);
	tm.tm_isdst = -1;
	local = mktime(&tm);
	if (local == (time_t)-1)
		return TIME_INVALID;
	*unix_ms = (int64_t)local * 1000 + rem;
	return *unix_ms < TIME_MS_MIN || *unix_ms > TIME_MS_MAX ? TIME_RANGE : TIME_OK;
}

long long usage_elapsed_seconds(const char *s)
{
	long long days = 0, parts[3];
	int count = 0;
	const char *p = s, *dash = strchr(s, '-');
	char *end;

	while (*p == ' ')
		p++;
	if (!*p)
		return -1;
	if (dash) {
		days = strtoll(p, &end, 10);
		if (end != dash || days < 0 || !isdigit((unsigned char)*p))
			return -1;
		/* 10,000 years at most: no product below can overflow */
		if (days > 3660000)
			return -2;
		p = dash + 1;
	}
	while (count < 3) {
		if (!isdigit((unsigned char)*p))
			return -1;
		parts[count++] = strtoll(p, &end, 10);
		if (parts[count - 1] > 1000000000LL)
			return -2;
		p = end;
		if (*p == '.') {        /* fractions of a second: dropped */
			while (isdigit((unsigned char)*++p))
				;
			break;
		}
		if (*p != ':')
			break;
		p++;
	}
	while (*p == ' ')
		p++;
	if (*p)
		return -1;
	if (dash && count == 1)
		return days * 86400 + parts[0] * 3600;          /* D-HH */
	if (dash && count == 2)
		return days * 86400 + parts[0] * 3600 + parts[1] * 60; /* D-HH:MM */
	if (count == 3)
		return days * 86400 + parts[0] * 3600 + parts[1] * 60 + parts[2];
	if (count == 2)
		return parts[0] * 60 + parts[1];                /* MM:SS */
	return -1;
}

size_t usage_trimmed(const char *s, size_t n, const char **start)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	*start = s;
	return n;
}

void usage_trim(const char *s, size_t n, char *out, size_t size)
{
	n = usage_trimmed(s, n, &s);
	if (n >= size)
		n = size - 1;
	memcpy(out, s, n);
	out[n] = 0;
}

void usage_fold(const char *s, char *out, size_t size)
{
	size_t n = 0;

	if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF)
		s += 3;
	for (; *s && n + 1 < size; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '[')
			break;
		if (c == ' ' || c == '_' || c == '.' || c == '-' || c == '"' || c == '\t')
			continue;
		out[n++] = (char)tolower(c);
	}
	out[n] = 0;
}

void usage_json_begin(struct json_writer *j)
{
	json_writer_init(j);
	json_open(j, '{');
}

const char *usage_json_end(struct json_writer *j)
{
	json_close(j, '}');
	/* "{}": no member; NULL (out of memory) is no attributes either */
	return j->length > 2 ? json_writer_text(j) : NULL;
}

char *usage_strdup(const char *s)
{
	char *copy;

	if (!s)
		return NULL;
	if (!(copy = strdup(s)))
		abort();
	return copy;
}

/* 1 when a '|'-separated line has a field JobID or JobIDRaw, in any place. */
static int names_sacct_job_id(const char *line)
{
	const char *p = line;

	while (p) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strcspn(p, "\r\n");
		if ((n == 5 && !strncasecmp(p, "JobID", 5)) || (n == 8 && !strncasecmp(p, "JobIDRaw", 8)))
			return 1;
		p = bar ? bar + 1 : NULL;
	}
	return 0;
}

const char *usage_detect(const char *line)
{
	char first[64], folded[64];
	const char *comma;
	size_t pipes = 0;
	const char *p;

	if ((unsigned char)line[0] == 0xEF && (unsigned char)line[1] == 0xBB &&
	    (unsigned char)line[2] == 0xBF)
		line += 3;
	for (p = line; *p; p++)
		pipes += *p == '|';
	if (pipes >= 5 || (pipes && names_sacct_job_id(line)))
		return "sacct";
	comma = strchr(line, ',');
	usage_trim(line, comma ? (size_t)(comma - line) : strlen(line), first, sizeof first);
	usage_fold(first, folded, sizeof folded);
	if (!strcmp(folded, "timestamp") && comma) {
		char second[64];
		const char *next = strchr(comma + 1, ',');
		usage_trim(comma + 1, next ? (size_t)(next - comma - 1) : strlen(comma + 1), second,
			   sizeof second);
		usage_fold(second, folded, sizeof folded);
		if (!strcmp(folded, "index") || !strcmp(folded, "name") || !strcmp(folded, "uuid") ||
		    !strcmp(folded, "utilizationgpu"))
			return "nvidia-smi";
		if (!strcmp(folded, "event"))
			return "usage";
	}
	if (!strcmp(folded, "usagestart") || strstr(line, ",event,"))
		return "usage";
	/* nvidia-smi without a header: "2024/11/23 12:23:29.950, 0, ..." */
	if (strlen(first) >= 19 && first[4] == '/' && first[7] == '/' && comma)
		return "nvidia-smi";
	return NULL;
}
