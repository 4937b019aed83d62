/*
 * check_reader.c: import/reader.c on small files written to /tmp. Each row
 * of the table is read twice, as written and gzip-compressed, and must give
 * the same rows with the same line numbers ("core"); errors, stats, stopping
 * and files larger than the reader's buffers are in "limits".
 *
 * Rows are compared as one text: "LINE:field^field\n" per row, with CR and
 * LF inside fields written as \r and \n.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "check_util.h"
#include "reader.h"

#define ROWS(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* --- helpers -------------------------------------------------------------- */

/* Writes bytes to a new file under /tmp; returns its path in path[64]. */
static void write_plain(const char *bytes, size_t n, char *path)
{
	int fd;

	strcpy(path, "/tmp/costledger-reader-XXXXXX");
	fd = mkstemp(path);
	ck_assert_msg(fd >= 0, "mkstemp failed");
	ck_assert_int_eq(write(fd, bytes, n), (ssize_t)n);
	close(fd);
}

/* Writes bytes gzip-compressed with zlib's gzopen/gzwrite. */
static void write_gzip(const char *bytes, size_t n, char *path)
{
	gzFile gz;
	int fd;

	strcpy(path, "/tmp/costledger-reader-XXXXXX");
	fd = mkstemp(path);
	ck_assert_msg(fd >= 0, "mkstemp failed");
	close(fd);
	gz = gzopen(path, "wb");
	ck_assert_msg(gz != NULL, "gzopen failed");
	if (n)
		ck_assert_int_eq(gzwrite(gz, bytes, (unsigned)n), (int)n);
	ck_assert_int_eq(gzclose(gz), Z_OK);
}

static long file_size(const char *path)
{
	FILE *f = fopen(path, "rb");
	long n;

	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fclose(f);
	return n;
}

struct collected {
	char *text;
	size_t used, size;
	long calls;
	long stop_after;   /* return stop_value on this call (0: never) */
	int stop_value;
};

static void append(struct collected *c, const char *s, size_t n)
{
	if (c->used + n + 1 > c->size) {
		c->size = (c->used + n + 1) * 2;
		c->text = realloc(c->text, c->size);
		ck_assert_ptr_nonnull(c->text);
	}
	memcpy(c->text + c->used, s, n);
	c->used += n;
	c->text[c->used] = 0;
}

static int collect(void *context, const struct csv_row *row)
{
	struct collected *c = context;
	char num[32];
	size_t i, k;

	c->calls++;
	snprintf(num, sizeof num, "%ld:", row->line);
	append(c, num, strlen(num));
	for (i = 0; i < row->count; i++) {
		ck_assert_hot(row->fields[i][row->lengths[i]] == 0, "field %zu not NUL-terminated", i);
		if (i)
			append(c, "^", 1);
		for (k = 0; k < row->lengths[i]; k++) {
			char ch = row->fields[i][k];
			if (ch == '\n')
				append(c, "\\n", 2);
			else if (ch == '\r')
				append(c, "\\r", 2);
			else
				append(c, &ch, 1);
		}
	}
	append(c, "\n", 1);
	if (c->stop_after && c->calls == c->stop_after)
		return c->stop_value;
	return 0;
}

/* --- the table ------------------------------------------------------------ */

struct read_row {
	const char *name;
	const char *bytes;
	size_t n;            /* bytes may hold a NUL */
	char delimiter;
	const char *rows;    /* what collect() writes; for errors, the rows before it */
	long lines;          /* stats->lines when ok */
	const char *error;   /* NULL when the read must succeed; else a phrase of the message */
	long error_line;
};

#define IN(s) s, sizeof(s) - 1
#define OK(name, input, delim, rows, lines) { name, IN(input), delim, rows, lines, NULL, 0 }
#define ERR(name, input, delim, error, line) { name, IN(input), delim, NULL, 0, error, line }

static const struct read_row read_rows[] = {
	OK("lf", "a,b\nc,d\n", ',', "1:a^b\n2:c^d\n", 2),
	OK("crlf", "a,b\r\nc,d\r\n", ',', "1:a^b\n2:c^d\n", 2),
	OK("no final newline", "a,b\nc,d", ',', "1:a^b\n2:c^d\n", 2),
	OK("crlf, no final newline", "a,b\r\nc,d", ',', "1:a^b\n2:c^d\n", 2),
	OK("blank lines", "a,b\n\n\nc,d\n\n", ',', "1:a^b\n4:c^d\n", 5),
	OK("blank crlf lines", "\r\na,b\r\n\r\nc,d\r\n\r\n", ',', "2:a^b\n4:c^d\n", 5),
	OK("bom", "\xEF\xBB\xBF" "a,b\nc,d\n", ',', "1:a^b\n2:c^d\n", 2),
	OK("bom and quote", "\xEF\xBB\xBF\"a\",b\n", ',', "1:a^b\n", 1),
	OK("quoted newline", "h1,h2\n\"x\ny\",z\nnext,row\n", ',',
	   "1:h1^h2\n2:x\\ny^z\n4:next^row\n", 4),
	OK("quoted newlines, several", "\"a\n\n\nb\",c\nd,\"e\nf\"\ng,h\n", ',',
	   "1:a\\n\\n\\nb^c\n5:d^e\\nf\n7:g^h\n", 7),
	OK("quoted crlf", "\"x\r\ny\",z\r\nnext,row\r\n", ',',
	   "1:x\\r\\ny^z\n3:next^row\n", 3),
	OK("doubled quotes", "\"say \"\"hi\"\"\",b\n", ',', "1:say \"hi\"^b\n", 1),
	OK("tags json", "\"{\"\"app\"\":\"\"vision\"\"}\",1\n", ',', "1:{\"app\":\"vision\"}^1\n", 1),
	OK("quoted delimiter", "\"a,b\",c\n", ',', "1:a,b^c\n", 1),
	OK("empty quoted", "\"\",x\n", ',', "1:^x\n", 1),
	OK("empty fields", "a,,c\n,,\n", ',', "1:a^^c\n2:^^\n", 2),
	OK("pipe delimiter", "a|b,c|d\n1|\"x|y\"|2\n", '|', "1:a^b,c^d\n2:1^x|y^2\n", 2),
	OK("pipe, sacct style", "JobID|State\n1234.batch|CANCELLED by 1300204\n", '|',
	   "1:JobID^State\n2:1234.batch^CANCELLED by 1300204\n", 2),
	/* libcsv's default, which on_row relies on: spaces around unquoted fields
	 * go (reader.h says they stay; see the report), quoted ones stay. */
	OK("unquoted spaces trimmed", " a , b \n\" c \",d\n", ',', "1:a^b\n2: c ^d\n", 2),
	OK("a line of spaces is blank", "a\n   \n\t\nb\n", ',', "1:a\n4:b\n", 4),
	OK("one field", "x\ny\n", ',', "1:x\n2:y\n", 2),
	OK("empty file", "", ',', "", 0),
	OK("only a bom", "\xEF\xBB\xBF", ',', "", 0),
	OK("only newlines", "\n\n\r\n", ',', "", 3),
	OK("utf-8 kept", "caf\xC3\xA9,\xE2\x82\xAC\n", ',', "1:caf\xC3\xA9^\xE2\x82\xAC\n", 1),
	ERR("unterminated quote", "a,b\nc,\"open\nmore\nstill\n", ',', "unterminated", 2),
	ERR("unterminated quote at the start", "\"a,b\nc,d\n", ',', "unterminated", 1),
	ERR("unterminated quote after a quoted newline", "\"x\ny\",z\nq,\"w\n", ',',
	    "unterminated", 3),
	ERR("nul byte", "a,b\nc\0d\ne,f\n", ',', "NUL", 2),
	ERR("nul byte on line 1", "\0", ',', "NUL", 1),
	ERR("quote in an unquoted field", "a,b\nc,d\"e\n", ',', "malformed", 2),
	ERR("text after a closing quote", "a,b\n\"c\"x,d\n", ',', "malformed", 2),
};

static void read_one(const struct read_row *r, int gzip)
{
	struct reader_options options = { r->delimiter, 0 };
	struct reader_stats stats;
	struct import_error error;
	struct collected c = {0};
	char path[64], message[2048];
	int result;

	memset(&error, 0, sizeof error);
	if (gzip)
		write_gzip(r->bytes, r->n, path);
	else
		write_plain(r->bytes, r->n, path);
	result = reader_run(path, &options, collect, &c, &stats, &error);
	import_error_format(&error, message, sizeof message);
	if (!r->error) {
		ck_assert_msg(result == 0, "%s (%s): result %d: %s", r->name, gzip ? "gzip" : "plain",
			      result, message);
		ck_assert_msg(strcmp(c.text ? c.text : "", r->rows) == 0, "%s (%s): rows\n%s\nwant\n%s",
			      r->name, gzip ? "gzip" : "plain", c.text ? c.text : "", r->rows);
		ck_assert_msg(stats.rows == c.calls, "%s: stats.rows %ld, calls %ld", r->name,
			      stats.rows, c.calls);
		ck_assert_msg(stats.lines == r->lines, "%s (%s): stats.lines %ld, want %ld", r->name,
			      gzip ? "gzip" : "plain", stats.lines, r->lines);
		/* An empty gzip stream is compressed too. */
		ck_assert_msg(stats.compressed == gzip, "%s (%s): compressed %d", r->name,
			      gzip ? "gzip" : "plain", stats.compressed);
		ck_assert_msg(stats.content_size == r->n, "%s: content_size %llu, want %zu", r->name,
			      (unsigned long long)stats.content_size, r->n);
		ck_assert_msg(stats.content_crc32 == (uint32_t)crc32(0, (const Bytef *)r->bytes, (uInt)r->n),
			      "%s (%s): content_crc32 is not zlib's crc32 of the plain bytes", r->name,
			      gzip ? "gzip" : "plain");
		ck_assert_int_eq((long)stats.file_size, file_size(path));
	} else {
		ck_assert_msg(result == -1, "%s (%s): result %d, want -1", r->name,
			      gzip ? "gzip" : "plain", result);
		ck_assert_msg(strstr(error.message, r->error) != NULL, "%s (%s): '%s' lacks '%s'",
			      r->name, gzip ? "gzip" : "plain", message, r->error);
		ck_assert_msg(error.line == r->error_line, "%s (%s): error on line %ld, want %ld (%s)",
			      r->name, gzip ? "gzip" : "plain", error.line, r->error_line, message);
		ck_assert_str_eq(error.file, path);
		ck_assert_msg(strncmp(message, path, strlen(path)) == 0, "%s: '%s'", r->name, message);
	}
	unlink(path);
	free(c.text);
}

START_TEST(core_plain)
{
	read_one(&read_rows[_i], 0);
}
END_TEST

START_TEST(core_gzip)
{
	read_one(&read_rows[_i], 1);
}
END_TEST

/* --- larger than the reader's buffers --------------------------------------- */

/*
 * n rows "i,<40 bytes>,text" where every 7th text is quoted with a newline
 * inside (so that row takes two lines) and every 11th line is followed by a
 * blank line; *expect gets the rows as collect() writes them.
 */
static char *big_input(long n, size_t *size, char **expect, long *lines)
{
	struct collected in = {0}, out = {0};
	long i, line = 1;
	char buf[256];

	for (i = 0; i < n; i++) {
		int len;

		if (i % 7 == 3) {
			len = snprintf(buf, sizeof buf, "%ld,0123456789012345678901234567890123456789,\"two\nlines %ld\"\r\n", i, i);
			append(&in, buf, (size_t)len);
			len = snprintf(buf, sizeof buf, "%ld:%ld^0123456789012345678901234567890123456789^two\\nlines %ld\n", line, i, i);
			append(&out, buf, (size_t)len);
			line += 2;
		} else {
			len = snprintf(buf, sizeof buf, "%ld,0123456789012345678901234567890123456789,plain %ld\r\n", i, i);
			append(&in, buf, (size_t)len);
			len = snprintf(buf, sizeof buf, "%ld:%ld^0123456789012345678901234567890123456789^plain %ld\n", line, i, i);
			append(&out, buf, (size_t)len);
			line += 1;
		}
		if (i % 11 == 5) {
			append(&in, "\r\n", 2);
			line++;
		}
	}
	*size = in.used;
	*expect = out.text;
	*lines = line - 1;
	return in.text;
}

START_TEST(limits_big)
{
	struct reader_options options = { ',', 0 };
	struct reader_stats stats;
	struct import_error error;
	size_t size;
	long lines;
	char *expect, *input = big_input(20000, &size, &expect, &lines);
	int gzip;

	ck_assert_uint_gt(size, 2 * 256 * 1024); /* spans several reads */
	for (gzip = 0; gzip < 2; gzip++) {
		struct collected c = {0};
		char path[64];

		if (gzip)
			write_gzip(input, size, path);
		else
			write_plain(input, size, path);
		ck_assert_int_eq(reader_run(path, &options, collect, &c, &stats, &error), 0);
		ck_assert_int_eq(c.calls, 20000);
		ck_assert_int_eq(stats.rows, 20000);
		ck_assert_int_eq(stats.lines, lines);
		ck_assert_int_eq(stats.compressed, gzip);
		ck_assert_uint_eq(stats.content_size, size);
		ck_assert_uint_eq(stats.content_crc32, (uint32_t)crc32(0, (const Bytef *)input, (uInt)size));
		if (strcmp(c.text, expect) != 0) {
			size_t k = 0;
			while (c.text[k] == expect[k])
				k++;
			ck_abort_msg("%s: rows differ at byte %zu: got '%.80s', want '%.80s'",
				     gzip ? "gzip" : "plain", k, c.text + k, expect + k);
		}
		unlink(path);
		free(c.text);
	}
	free(input);
	free(expect);
}
END_TEST

/* A callback that returns non-zero stops the reading, and its value comes back. */
START_TEST(limits_stop)
{
	static const long stops[] = {1, 2, 511, 512, 513, 1000, 19999};
	struct reader_options options = { ',', 0 };
	struct reader_stats stats;
	struct import_error error;
	size_t size, k;
	long lines;
	char *expect, *input = big_input(20000, &size, &expect, &lines);
	char path[64];

	write_plain(input, size, path);
	for (k = 0; k < sizeof stops / sizeof stops[0]; k++) {
		struct collected c = {0};
		c.stop_after = stops[k];
		c.stop_value = 7;
		ck_assert_int_eq(reader_run(path, &options, collect, &c, &stats, &error), 7);
		ck_assert_msg(c.calls == stops[k], "stop after %ld: called %ld times", stops[k], c.calls);
		free(c.text);
	}
	{
		/* a negative value too */
		struct collected c = {0};
		c.stop_after = 3;
		c.stop_value = -5;
		ck_assert_int_eq(reader_run(path, &options, collect, &c, &stats, &error), -5);
		ck_assert_int_eq(c.calls, 3);
		free(c.text);
	}
	unlink(path);
	free(input);
	free(expect);
}
END_TEST

/* A 3 MB quoted field with 1000 newlines in it, then a row of 5000 fields:
 * both come through whole, and the lines after them are counted right. */
START_TEST(limits_huge_field)
{
	struct reader_options options = { ',', 0 };
	struct reader_stats stats;
	struct import_error error;
	struct collected in = {0}, c = {0};
	char path[64], want[64];
	size_t field = 3 * 1024 * 1024, i;
	char *big = malloc(field);
	int gzip;

	ck_assert_ptr_nonnull(big);
	for (i = 0; i < field; i++)
		big[i] = i % 3000 == 2999 ? '\n' : (char)('a' + i % 26);
	append(&in, "h1,h2\n\"", 7);
	append(&in, big, field);
	append(&in, "\",x\n", 4);
	for (i = 0; i < 5000; i++)
		append(&in, i ? ",f" : "f", i ? 2 : 1);
	append(&in, "\nlast,row\n", 10);
	for (gzip = 0; gzip < 2; gzip++) {
		long lines = 2 + (long)(field / 3000);  /* the row after the big field */

		if (gzip)
			write_gzip(in.text, in.used, path);
		else
			write_plain(in.text, in.used, path);
		c.used = 0;
		c.calls = 0;
		ck_assert_int_eq(reader_run(path, &options, collect, &c, &stats, &error), 0);
		ck_assert_int_eq(c.calls, 4);
		ck_assert_int_eq(stats.rows, 4);
		/* rows 1 and 2 as collect() writes them: the newlines become \n */
		ck_assert_uint_eq(c.used, strlen("1:h1^h2\n") + strlen("2:") + field + (field / 3000) +
				  strlen("^x\n") + strlen(":") + 5000 * 2 - 1 + 1 + snprintf(want, sizeof want, "%ld", lines + 1) +
				  strlen(":last^row\n") + snprintf(want, sizeof want, "%ld", lines + 2));
		snprintf(want, sizeof want, "\n%ld:last^row\n", lines + 2);
		ck_assert_msg(strcmp(c.text + c.used - strlen(want), want) == 0, "%s: ends '%s', want '%s'",
			      gzip ? "gzip" : "plain", c.text + c.used - 40, want);
		snprintf(want, sizeof want, "\n%ld:f^f^f", lines + 1);
		ck_assert_msg(strstr(c.text, want) != NULL, "%s: the wide row is not on line %ld",
			      gzip ? "gzip" : "plain", lines + 1);
		ck_assert_int_eq(stats.lines, lines + 2);
		unlink(path);
	}
	free(big);
	free(in.text);
	free(c.text);
}
END_TEST

/* --- broken gzip ------------------------------------------------------------ */

static void expect_gzip_error(const char *bytes, size_t n, const char *what)
{
	struct reader_options options = { ',', 0 };
	struct reader_stats stats;
	struct import_error error;
	struct collected c = {0};
	char path[64], message[2048];
	int result;

	memset(&error, 0, sizeof error);
	write_plain(bytes, n, path);
	result = reader_run(path, &options, collect, &c, &stats, &error);
	import_error_format(&error, message, sizeof message);
	ck_assert_msg(result == -1, "%s: result %d, want -1 (%ld rows)", what, result, c.calls);
	ck_assert_msg(strstr(message, "gzip") != NULL, "%s: '%s' does not mention gzip", what, message);
	ck_assert_msg(strstr(message, "<fd:") == NULL, "%s: '%s' keeps zlib's prefix", what, message);
	unlink(path);
	free(c.text);
}

/* The gzip bytes of the big input. */
static char *gzip_bytes(size_t *gz_size, size_t *plain_size)
{
	char path[64], *expect, *input, *gz;
	long lines;
	FILE *f;

	input = big_input(20000, plain_size, &expect, &lines);
	write_gzip(input, *plain_size, path);
	*gz_size = (size_t)file_size(path);
	gz = malloc(*gz_size);
	f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fread(gz, 1, *gz_size, f), *gz_size);
	fclose(f);
	unlink(path);
	free(input);
	free(expect);
	return gz;
}

START_TEST(limits_truncated_gzip)
{
	size_t gz_size, plain_size;
	char *gz = gzip_bytes(&gz_size, &plain_size);

	expect_gzip_error(gz, gz_size / 2, "cut in half");
	expect_gzip_error(gz, gz_size - 8, "without its trailer");
	expect_gzip_error(gz, gz_size - 1, "one byte short");
	expect_gzip_error(gz, 20, "just the header and a little");
	free(gz);
}
END_TEST

START_TEST(limits_corrupt_gzip)
{
	size_t gz_size, plain_size;
	char *gz = gzip_bytes(&gz_size, &plain_size);

	/* a wrong CRC in the trailer */
	gz[gz_size - 8] ^= 0x55;
	expect_gzip_error(gz, gz_size, "wrong crc");
	gz[gz_size - 8] ^= 0x55;
	/* a wrong length in the trailer */
	gz[gz_size - 4] ^= 0x01;
	expect_gzip_error(gz, gz_size, "wrong length");
	gz[gz_size - 4] ^= 0x01;
	/* garbage in the deflate stream */
	memset(gz + 100, 0xFF, 64);
	expect_gzip_error(gz, gz_size, "garbage in the stream");
	free(gz);
}
END_TEST

/* --- files that are not there, and stdin ------------------------------------ */

START_TEST(limits_open)
{
	struct reader_options options = { ',', 0 };
	struct reader_stats stats;
	struct import_error error;
	struct collected c = {0};
	char message[2048];

	ck_assert_int_eq(reader_run("/tmp/costledger-no-such-file.csv", &options, collect, &c,
				    &stats, &error), -1);
	import_error_format(&error, message, sizeof message);
	ck_assert_msg(strstr(message, "/tmp/costledger-no-such-file.csv: cannot open") == message,
		      "'%s'", message);
	ck_assert_int_eq(error.line, 0);
	ck_assert_int_eq(reader_run("/tmp", &options, collect, &c, &stats, &error), -1);
	ck_assert_msg(strstr(error.message, "directory") != NULL, "'%s'", error.message);
	ck_assert_int_eq(c.calls, 0);
}
END_TEST

START_TEST(limits_stdin)
{
	static const char input[] = "a|b\r\n\"c\nd\"|e\r\n";
	struct reader_options options = { '|', 0 };
	struct reader_stats stats;
	struct import_error error;
	struct collected c = {0};
	char path[64];
	int saved = dup(0), fd, gzip;

	for (gzip = 0; gzip < 2; gzip++) {
		if (gzip)
			write_gzip(input, sizeof input - 1, path);
		else
			write_plain(input, sizeof input - 1, path);
		fd = open(path, O_RDONLY);
		ck_assert_int_ge(fd, 0);
		dup2(fd, 0);
		close(fd);
		c.used = 0;
		c.calls = 0;
		ck_assert_int_eq(reader_run("-", &options, collect, &c, &stats, &error), 0);
		dup2(saved, 0);
		ck_assert_str_eq(c.text, "1:a^b\n2:c\\nd^e\n");
		ck_assert_int_eq(stats.compressed, gzip);
		ck_assert_uint_eq(stats.content_size, sizeof input - 1);
		unlink(path);
	}
	close(saved);
	free(c.text);
}
END_TEST

/* --- reader_run_mapped: rows mapped in the reading thread ------------------ */

struct line_record {
	long line;
	const char *first;      /* points into the row's first field */
	char *copy;             /* a heap copy of it, freed by release */
};

struct mapping_counts {
	long mapped, fail_at;   /* fail_at: the map fails on this row (0: never) */
	int fail_value;
	long released_with_copy;
};

static int map_line(void *context, const struct csv_row *row, void *out)
{
	struct mapping_counts *m = context;
	struct line_record *r = out;

	m->mapped++;
	r->line = row->line;
	r->first = row->fields[0];
	free(r->copy);
	r->copy = strdup(row->fields[0]);
	if (m->fail_at && m->mapped == m->fail_at)
		return m->fail_value;
	return 0;
}

static __thread struct mapping_counts *releasing;

static void release_line(void *out)
{
	struct line_record *r = out;

	if (r->copy)
		releasing->released_with_copy++;
	free(r->copy);
}

struct mapped_collect {
	struct collected rows;
	long last_mapped_value, calls_with_value;
	int pass_on;            /* return the map's failure (as cmd_import does) */
};

static int collect_mapped(void *context, const struct csv_row *row, void *out, int mapped)
{
	struct mapped_collect *c = context;
	const struct line_record *r = out;

	ck_assert_hot(r->line == row->line, "record of line %ld, row of line %ld", r->line, row->line);
	ck_assert_hot(r->first == row->fields[0], "line %ld: the record points elsewhere", row->line);
	ck_assert_hot(strcmp(r->copy, row->fields[0]) == 0, "line %ld: copy '%s', field '%s'", row->line,
		      r->copy, row->fields[0]);
	if (mapped) {
		c->last_mapped_value = mapped;
		c->calls_with_value++;
	}
	collect(&c->rows, row);
	return c->pass_on ? mapped : 0;
}

/* Every row arrives once, in order, with the record the map made of it;
 * each record slot is released once at the end. */
START_TEST(mapped_all)
{
	struct reader_options options = { ',', 0 };
	struct reader_stats stats;
	struct import_error error;
	struct mapping_counts counts = {0};
	struct reader_map map = {map_line, release_line, &counts, sizeof(struct line_record)};
	size_t size;
	long lines;
	char *expect, *input = big_input(20000, &size, &expect, &lines);
	struct mapped_collect c = {0};
	char path[64];

	write_gzip(input, size, path);
	releasing = &counts;
	ck_assert_int_eq(reader_run_mapped(path, &options, &map, collect_mapped, &c, &stats, &error), 0);
	ck_assert_int_eq(counts.mapped, 20000);
	ck_assert_int_eq(c.rows.calls, 20000);
	ck_assert_int_eq(c.calls_with_value, 0);
	ck_assert_int_eq(stats.rows, 20000);
	ck_assert_str_eq(c.rows.text, expect);
	/* records are reused: at most the ring's slots were ever filled */
	ck_assert_int_gt(counts.released_with_copy, 0);
	ck_assert_int_le(counts.released_with_copy, 20000);
	unlink(path);
	free(c.rows.text);
	free(input);
	free(expect);
}
END_TEST

/* A map that fails on row k: rows 1..k reach the callback, in order, the
 * k-th with the map's value, none after it; reader_run_mapped returns it. */
START_TEST(mapped_fail)
{
	static const long fails[] = {1, 2, 511, 512, 513, 1000, 19999, 20000};
	struct reader_options options = { ',', 0 };
	struct reader_stats stats;
	struct import_error error;
	size_t size, k;
	long lines;
	char *expect, *input = big_input(20000, &size, &expect, &lines);
	char path[64];
	int pass_on;

	write_plain(input, size, path);
	for (pass_on = 0; pass_on < 2; pass_on++)
		for (k = 0; k < sizeof fails / sizeof fails[0]; k++) {
			struct mapping_counts counts = {0};
			struct reader_map map = {map_line, release_line, &counts, sizeof(struct line_record)};
			struct mapped_collect c = {0};

			counts.fail_at = fails[k];
			counts.fail_value = 9;
			c.pass_on = pass_on;
			releasing = &counts;
			ck_assert_int_eq(reader_run_mapped(path, &options, &map, collect_mapped, &c,
							   &stats, &error), 9);
			ck_assert_msg(c.rows.calls == fails[k], "fail at %ld: %ld rows delivered",
				      fails[k], c.rows.calls);
			ck_assert_int_eq(counts.mapped, fails[k]);
			ck_assert_int_eq(c.calls_with_value, 1);
			ck_assert_int_eq(c.last_mapped_value, 9);
			ck_assert_int_eq(strncmp(c.rows.text, expect, c.rows.used), 0);
			free(c.rows.text);
		}
	unlink(path);
	free(input);
	free(expect);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("reader");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");
	TCase *mapped = tcase_create("mapped");

	tcase_add_loop_test(core, core_plain, 0, ROWS(read_rows));
	tcase_add_loop_test(core, core_gzip, 0, ROWS(read_rows));
	tcase_add_test(limits, limits_big);
	tcase_add_test(limits, limits_stop);
	tcase_add_test(limits, limits_huge_field);
	tcase_add_test(limits, limits_truncated_gzip);
	tcase_add_test(limits, limits_corrupt_gzip);
	tcase_add_test(limits, limits_open);
	tcase_add_test(limits, limits_stdin);
	tcase_set_timeout(limits, 60);
	suite_add_tcase(s, core);
	tcase_add_test(mapped, mapped_all);
	tcase_add_test(mapped, mapped_fail);
	tcase_set_timeout(mapped, 60);
	suite_add_tcase(s, limits);
	suite_add_tcase(s, mapped);
	return s;
}

CHECK_MAIN(make_suite)
