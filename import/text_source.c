/*
 * text_source.c: see text_source.h. inflate() by hand rather than gzread():
 * gzread() takes whatever follows a gzip member and is not another member
 * for "trailing garbage" and ends the text there without an error. The
 * output goes straight into the caller's buffer, as gzread() does for large
 * reads, so the bytes are not copied once more.
 */
#include "text_source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

struct text_source {
	int fd;
	z_stream z;              /* next_in/avail_in: the raw bytes not used yet (also when plain) */
	unsigned char *raw;
	size_t raw_size;
	uint64_t raw_read;       /* bytes read from fd */
	int started, compressed, inflating, eof, member_ended, failed;
	char error[200];
};

struct text_source *text_source_open(int fd, size_t raw_size)
{
	struct text_source *s = calloc(1, sizeof *s);

	if (!s || !(s->raw = malloc(raw_size))) {
		free(s);
		return NULL;
	}
	s->fd = fd;
	s->raw_size = raw_size;
	return s;
}

static long fail(struct text_source *s, const char *fmt, const char *detail)
{
	snprintf(s->error, sizeof s->error, fmt, detail);
	s->failed = 1;
	return -1;
}

/* read() that retries on EINTR: bytes, 0 at the end, -1 (error set). */
static ssize_t read_some(struct text_source *s, void *buf, size_t len)
{
	ssize_t n;

	do
		n = read(s->fd, buf, len);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return fail(s, "read error: %s", strerror(errno));
	if (n == 0)
		s->eof = 1;
	s->raw_read += (uint64_t)n;
	return n;
}

/* Keeps the unused raw bytes and reads more after them, until at least
 * `want` are there or the file ends. 0, or -1 on a read error. */
static int fill(struct text_source *s, size_t want)
{
	if (s->z.avail_in && s->z.next_in != s->raw)
		memmove(s->raw, s->z.next_in, s->z.avail_in);
	s->z.next_in = s->raw;
	while (s->z.avail_in < want && !s->eof) {
		ssize_t n = read_some(s, s->raw + s->z.avail_in, s->raw_size - s->z.avail_in);
		if (n < 0)
			return -1;
		s->z.avail_in += (uInt)n;
	}
	return 0;
}

static int start(struct text_source *s)
{
	s->started = 1;
	if (fill(s, 2) < 0)
		return -1;
	s->compressed = s->z.avail_in >= 2 && s->raw[0] == 0x1f && s->raw[1] == 0x8b;
	if (s->compressed) {
		/* 15 + 16: a gzip wrapper, its CRC-32 and length checked. */
		if (inflateInit2(&s->z, 15 + 16) != Z_OK)
			return (int)fail(s, "%s", "out of memory");
		s->inflating = 1;
	}
	return 0;
}

static long read_plain(struct text_source *s, unsigned char *buf, size_t len)
{
	size_t got = s->z.avail_in < len ? s->z.avail_in : len;

	memcpy(buf, s->z.next_in, got);
	s->z.next_in += got;
	s->z.avail_in -= (uInt)got;
	while (got < len && !s->eof) {
		ssize_t n = read_some(s, buf + got, len - got);
		if (n < 0)
			return -1;
		got += (size_t)n;
	}
	return (long)got;
}

/* After a member's trailer: the end of the file, or the next member. */
static int next_member(struct text_source *s)
{
	char at[64];

	if (fill(s, 2) < 0)
		return -1;
	if (s->z.avail_in == 0)
		return 1; /* the end */
	if (s->z.avail_in < 2 || s->raw[0] != 0x1f || s->raw[1] != 0x8b) {
		snprintf(at, sizeof at, "%llu", (unsigned long long)text_source_offset(s));
		return (int)fail(s, "corrupt gzip file: data after the gzip stream at byte %s"
				 " that is not a gzip member", at);
	}
	inflateReset(&s->z);
	s->member_ended = 0;
	return 0;
}

static long read_gzip(struct text_source *s, unsigned char *buf, size_t len)
{
	int rc;

	s->z.next_out = buf;
	s->z.avail_out = (uInt)len;
	while (s->z.avail_out > 0) {
		if (s->member_ended) {
			if ((rc = next_member(s)) < 0)
				return -1;
			if (rc == 1)
				break;
		}
		if (s->z.avail_in == 0) {
			if (fill(s, 1) < 0)
				return -1;
			if (s->z.avail_in == 0)
				return fail(s, "truncated gzip file: %s", "unexpected end of file");
		}
		rc = inflate(&s->z, Z_NO_FLUSH);
		if (rc == Z_STREAM_END)
			s->member_ended = 1;
		else if (rc == Z_MEM_ERROR)
			return fail(s, "%s", "out of memory");
		else if (rc != Z_OK && rc != Z_BUF_ERROR)
			return fail(s, "corrupt gzip file: %s", s->z.msg ? s->z.msg : "invalid data");
	}
	return (long)(len - s->z.avail_out);
}

long text_source_read(struct text_source *s, void *buf, size_t len)
{
	if (s->failed)
		return -1;
	if (!s->started && start(s) < 0)
		return -1;
	if (len > (size_t)1 << 30)
		len = (size_t)1 << 30; /* avail_out is 32 bits */
	return s->compressed ? read_gzip(s, buf, len) : read_plain(s, buf, len);
}

int text_source_compressed(const struct text_source *s)
{
	return s->compressed;
}

uint64_t text_source_offset(const struct text_source *s)
{
	return s->raw_read - s->z.avail_in;
}

const char *text_source_error(const struct text_source *s)
{
	return s->error;
}

void text_source_close(struct text_source *s)
{
	if (!s)
		return;
	if (s->inflating)
		inflateEnd(&s->z);
	close(s->fd);
	free(s->raw);
	free(s);
}
