/*
 * reader.c: file -> rows. text_source.c reads plain and gzip files alike
 * (and refuses what follows the last gzip member); libcsv splits the bytes
 * into fields.
 *
 * libcsv reports no positions, so the text is fed one line at a time and a
 * row's first line is the line being fed when the parser was between rows
 * (pstate 0, which csv.h exposes in struct csv_parser). The threads that
 * carry the rows to the caller are reader_pipeline.c.
 */
#include "reader.h"
#include "reader_rows.h"

#include "text_source.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#define READ_SIZE (256 * 1024)


static int field_store_add(struct field_store *s, const char *data, size_t len)
{
	if (s->count == s->capacity) {
		size_t capacity = s->capacity ? s->capacity * 2 : 1024;
		size_t *offsets, *lengths;

		if (!(offsets = realloc(s->offsets, capacity * sizeof *offsets)))
			return -1;
		s->offsets = offsets;
		if (!(lengths = realloc(s->lengths, capacity * sizeof *lengths)))
			return -1;
		s->lengths = lengths;
		s->capacity = capacity;
	}
	if (s->arena_used + len + 1 > s->arena_size) {
		size_t size = s->arena_size ? s->arena_size : 1 << 16;
		char *arena;

		while (size < s->arena_used + len + 1)
			size *= 2;
		if (!(arena = realloc(s->arena, size)))
			return -1;
		s->arena = arena;
		s->arena_size = size;
	}
	if (len)
		memcpy(s->arena + s->arena_used, data, len);
	s->arena[s->arena_used + len] = 0;
	s->offsets[s->count] = s->arena_used;
	s->lengths[s->count] = len;
	s->count++;
	s->arena_used += len + 1;
	return 0;
}

void field_store_free(struct field_store *s)
{
	free(s->arena);
	free(s->offsets);
	free(s->lengths);
}

int field_store_row(const struct field_store *s, size_t first, size_t count, long line,
		    const char ***fields, size_t *fields_size, struct csv_row *row)
{
	size_t k;

	if (count > *fields_size) {
		const char **grown = realloc(*fields, count * sizeof *grown);
		if (!grown)
			return -1;
		*fields = grown;
		*fields_size = count;
	}
	for (k = 0; k < count; k++)
		(*fields)[k] = s->arena + s->offsets[first + k];
	row->line = line;
	row->count = count;
	row->fields = *fields;
	row->lengths = s->lengths + first;
	return 0;
}

/*
 * libcsv's fields, gathered into rows. Without a target a row's fields go
 * into the builder's own store, which is emptied after each row. With one,
 * they go straight into the store target() names (the batch the parsing
 * thread is filling: copying each row there afterwards cost a second copy
 * of every byte), and the callback gets the row's line and lengths only.
 */
struct row_builder {
	struct field_store own;
	struct field_store *out;        /* where fields go */
	size_t first, first_byte;       /* where in *out the row began */
	struct field_store *(*target)(void *context);
	const char **fields;            /* without a target: the row's fields */
	size_t fields_size;
	long row_line, line;
	row_callback callback;
	void *context;
	int stopped;            /* the callback's non-zero answer */
	int failed;             /* out of memory */
	long rows;
	int after_cr;           /* the last byte fed was a CR ending a line */
};

static void on_field(void *data, size_t len, void *p)
{
	struct row_builder *b = p;

	if (b->stopped || b->failed)
		return;
	if (field_store_add(b->out, data, len) < 0)
		b->failed = 1;
}

static void on_row(int terminator, void *p)
{
	struct row_builder *b = p;
	struct csv_row row;
	size_t count = b->out->count - b->first;

	/* Once stopped, a target's store may be the caller's: leave it be. */
	if (b->stopped || (b->failed && b->target))
		return;
	if (b->failed)
		goto reset;
	/* A line of nothing but spaces is blank too. */
	if (count == 0 || (count == 1 && b->out->lengths[b->first] == 0))
		goto reset;
	if (b->target) {
		row.line = b->row_line;
		row.count = count;
		row.lengths = b->out->lengths + b->first;
		row.fields = NULL;
	} else if (field_store_row(b->out, b->first, count, b->row_line, &b->fields,
				   &b->fields_size, &row) < 0) {
		b->failed = 1;
		goto reset;
	}
	b->rows++;
	b->stopped = b->callback(b->context, &row);
	if (b->target) {
		/* The callback kept the row; the store may be another one now. */
		if (!b->stopped) {
			b->out = b->target(b->context);
			b->first = b->out->count;
			b->first_byte = b->out->arena_used;
		}
		return;
	}
reset:
	b->out->count = b->first;
	b->out->arena_used = b->first_byte;
}

static void print_progress(const struct reader_stats *stats, const struct text_source *src,
			   long rows, time_t started, int done)
{
	double elapsed = difftime(time(NULL), started);
	double percent = stats->file_size ?
		100.0 * (double)text_source_offset(src) / (double)stats->file_size : 0;

	fprintf(stderr, "\r%ld rows, %.0f MB, %.0f rows/s, %.0f%%%s", rows,
		(double)stats->content_size / 1e6, elapsed > 0 ? rows / elapsed : 0,
		done ? 100.0 : percent, done ? "\n" : "");
}

/*
 * Feeds buf[0..n) to the parser a line at a time. A line ends at LF, CRLF or
 * a bare CR (libcsv ends a row at a bare CR too, so counting only LF gave
 * every row of a CR-only file line 1). Returns 0, or -1 on a parse error.
 */
static int feed(struct csv_parser *parser, struct row_builder *b, const char *buf, size_t n,
		int *at_line_start)
{
	const char *p = buf, *end = buf + n, *cr = NULL;
	int no_more_cr = 0;

	while (p < end && !b->stopped && !b->failed) {
		const char *nl, *eol, *chunk_end;

		if (b->after_cr && *p == '\n') {
			/* The LF of a CRLF cut in two by the read: the line is counted. */
			b->after_cr = 0;
			if (csv_parse(parser, p, 1, on_field, on_row, b) != 1)
				return -1;
			p++;
			continue;
		}
		b->after_cr = 0;
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!no_more_cr && (!cr || cr < p) &&
		    !(cr = memchr(p, '\r', (size_t)(end - p))))
			no_more_cr = 1;
		eol = cr && (!nl || cr < nl) ? cr : nl;
		if (!eol)
			chunk_end = end;
		else if (*eol == '\r' && eol + 1 < end && eol[1] == '\n')
			chunk_end = eol + 2;
		else
			chunk_end = eol + 1;
		if (eol && *eol == '\r' && chunk_end == end)
			b->after_cr = 1;
		if (*at_line_start && parser->pstate == 0)
			b->row_line = b->line;
		if (csv_parse(parser, p, (size_t)(chunk_end - p), on_field, on_row, b) !=
		    (size_t)(chunk_end - p))
			return -1;
		*at_line_start = eol != NULL;
		if (eol)
			b->line++;
		p = chunk_end;
	}
	return 0;
}

/* The file (or stdin for "-") as text: plain read as it is, gzip inflated;
 * NULL with error set. */
static struct text_source *open_source(const char *path, struct reader_stats *stats,
				       struct import_error *error)
{
	struct text_source *src;
	struct stat st;
	int fd = strcmp(path, "-") == 0 ? dup(0) : open(path, O_RDONLY);

	if (fd < 0)
		return import_error_set(error, path, 0, NULL, "cannot open: %s", strerror(errno)), NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		stats->file_size = (uint64_t)st.st_size;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		return import_error_set(error, path, 0, NULL, "is a directory"), NULL;
	}
	/* Plain text is read and gzip inflated straight into buf; the raw
	 * buffer holds compressed bytes only. */
	if (!(src = text_source_open(fd, READ_SIZE / 2))) {
		close(fd);
		return import_error_set(error, path, 0, NULL, "cannot open: out of memory"), NULL;
	}
	return src;
}

/* A NUL in the n bytes at p, read from line `line` on: not text. */
static void nul_error(const char *path, const char *p, size_t n, long line, int compressed,
		      struct import_error *error)
{
	const char *nul = memchr(p, 0, n), *q;

	for (q = p; q < nul; q++)
		line += *q == '\n';
	import_error_set(error, path, line, NULL,
			 compressed ? "NUL byte in the decompressed text" : "NUL byte: not a text file");
}

int reader_read_file(const char *path, const struct reader_options *options,
		     struct field_store *(*target)(void *context), row_callback callback,
		     void *context, struct reader_stats *stats, struct import_error *error)
{
	struct row_builder b = {0};
	struct csv_parser parser;
	char *buf = NULL;
	struct text_source *src = NULL;
	int result = -1, at_line_start = 1, first = 1;
	long got;
	time_t started = time(NULL), last_progress = started;

	memset(stats, 0, sizeof *stats);
	b.callback = callback;
	b.context = context;
	b.target = target;
	b.out = target ? target(context) : &b.own;
	b.first = b.out->count;
	b.first_byte = b.out->arena_used;
	b.line = 1;
	if (!(src = open_source(path, stats, error)))
		return -1;
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		text_source_close(src);
		return import_error_set(error, path, 0, NULL, "out of memory");
	}
	csv_set_delim(&parser, (unsigned char)(options && options->delimiter ? options->delimiter : ','));
	/* libcsv grows a field's buffer by blk_size bytes at a time (128 by
	 * default): a 10 MB field meant 80,000 reallocs, quadratic where realloc
	 * copies (under ASan it took minutes). 64 KiB steps keep it linear enough. */
	csv_set_blk_size(&parser, 64 * 1024);
	if (!(buf = malloc(READ_SIZE))) {
		import_error_set(error, path, 0, NULL, "out of memory");
		goto done;
	}
	while ((got = text_source_read(src, buf, READ_SIZE)) > 0) {
		const char *p = buf;
		size_t n = (size_t)got;

		if (first) {
			stats->compressed = text_source_compressed(src);
			if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
				p += 3; /* UTF-8 byte-order mark */
				n -= 3;
			}
			first = 0;
		}
		stats->content_crc32 = (uint32_t)crc32(stats->content_crc32, (const Bytef *)buf, (uInt)got);
		stats->content_size += (uint64_t)got;
		if (memchr(p, 0, n)) {
			nul_error(path, p, n, b.line, stats->compressed, error);
			goto done;
		}
		if (feed(&parser, &b, p, n, &at_line_start) < 0) {
			import_error_set(error, path, b.row_line, NULL, "%s",
					 csv_error(&parser) == CSV_EPARSE ?
					 "malformed CSV: a quote inside an unquoted field or after a closing quote" :
					 csv_strerror(csv_error(&parser)));
			goto done;
		}
		if (b.failed) {
			import_error_set(error, path, b.line, NULL, "out of memory");
			goto done;
		}
		if (b.stopped) {
			result = b.stopped;
			goto done;
		}
		if (options && options->progress && time(NULL) != last_progress) {
			last_progress = time(NULL);
			print_progress(stats, src, b.rows, started, 0);
		}
	}
	if (first) /* nothing was read: an empty file, or an empty gzip stream */
		stats->compressed = text_source_compressed(src);
	if (got < 0) {
		import_error_set(error, path, 0, NULL, "%s", text_source_error(src));
		goto done;
	}
	if (csv_fini(&parser, on_field, on_row, &b) != 0) {
		import_error_set(error, path, b.row_line, NULL,
				 "unterminated quoted field (the quote opened here is never closed)");
		goto done;
	}
	if (b.failed) {
		import_error_set(error, path, b.line, NULL, "out of memory");
		goto done;
	}
	result = b.stopped;
	if (options && options->progress)
		print_progress(stats, src, b.rows, started, 1);
done:
	stats->rows = b.rows;
	stats->lines = b.line - (at_line_start ? 1 : 0);
	csv_free(&parser);
	text_source_close(src);
	free(buf);
	field_store_free(&b.own);
	free(b.fields);
	return result;
}
