/*
 * reader.c: file -> rows. text_source.c reads plain and gzip files alike
 * (and refuses what follows the last gzip member); libcsv splits the bytes
 * into fields.
 *
 * libcsv reports no positions, so the text is fed one line at a time and a
 * row's first line is the line being fed when the parser was between rows
 * (pstate 0, which csv.h exposes in struct csv_parser).
 */
#include "reader.h"

#include "text_source.h"

#include <csv.h>
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#define READ_SIZE (256 * 1024)

/*
 * Fields one after another: their bytes, each followed by a NUL, in one
 * arena, and where each starts and how long it is. A row builder fills one
 * with a row; a batch is one holding many rows.
 */
struct field_store {
	char *arena;
	size_t arena_used, arena_size;
	size_t *offsets, *lengths;
	size_t count, capacity;
};

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

static void field_store_free(struct field_store *s)
{
	free(s->arena);
	free(s->offsets);
	free(s->lengths);
}

/* The fields [first, first + count) of a store as a struct csv_row of the
 * given line; *fields (grown as needed) holds the pointers. -1 out of memory. */
static int field_store_row(const struct field_store *s, size_t first, size_t count, long line,
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

/* Reads the whole file in this thread, calling callback for every row. */
static int read_file(const char *path, const struct reader_options *options,
		     struct field_store *(*target)(void *context), row_callback callback,
		     void *context, struct reader_stats *stats, struct import_error *error)
{
	struct row_builder b = {0};
	struct csv_parser parser;
	char *buf = NULL;
	struct text_source *src = NULL;
	int fd, result = -1, at_line_start = 1, first = 1;
	long got;
	struct stat st;
	time_t started = time(NULL), last_progress = started;

	memset(stats, 0, sizeof *stats);
	b.callback = callback;
	b.context = context;
	b.target = target;
	b.out = target ? target(context) : &b.own;
	b.first = b.out->count;
	b.first_byte = b.out->arena_used;
	b.line = 1;
	fd = strcmp(path, "-") == 0 ? dup(0) : open(path, O_RDONLY);
	if (fd < 0)
		return import_error_set(error, path, 0, NULL, "cannot open: %s", strerror(errno));
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		stats->file_size = (uint64_t)st.st_size;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		return import_error_set(error, path, 0, NULL, "is a directory");
	}
	/* Plain text is read and gzip inflated straight into buf; the raw
	 * buffer holds compressed bytes only. */
	if (!(src = text_source_open(fd, READ_SIZE / 2))) {
		close(fd);
		return import_error_set(error, path, 0, NULL, "cannot open: out of memory");
	}
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
			const char *nul = memchr(p, 0, n), *q;
			long line = b.line;
			for (q = p; q < nul; q++)
				line += *q == '\n';
			import_error_set(error, path, line, NULL,
					 stats->compressed ? "NUL byte in the decompressed text" :
					 "NUL byte: not a text file");
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

/*
 * The pipeline: one thread decompresses and parses (zlib, libcsv); with
 * reader_run_mapped a second one maps the parsed rows to records; the
 * caller's thread takes the rows or records in file order. Rows travel in
 * batches, parsed straight into each batch's own arena; a ring of batches
 * bounds the memory. Three threads on two cores let the kernel give
 * whichever stage is behind the core another stage is not using: parsing
 * and storing each take about as long as mapping and storing together.
 *
 * 32 batches (~13 MB for a 750-byte-a-row bill): with 6, the storing
 * thread found no batch ready ~300 times per million rows and the parser a
 * full ring ~700 times, each a moment with a core idle; with 32, ~60 and ~140
 * (import 0.3-0.5 s faster). Peak RSS is set later, by CREATE INDEX.
 */
#define BATCH_ROWS 512
#define RING 32
/* A batch also ends at 1 MB of fields, so that a file of very long rows
 * (a 10 MB field) holds at most RING of them in memory, not RING x 512. */
#define BATCH_BYTES (1 << 20)

struct batch {
	struct field_store fields;        /* the rows' fields, one after another */
	long lines[BATCH_ROWS];
	size_t first_field[BATCH_ROWS + 1];
	size_t rows;
	unsigned char *records;           /* BATCH_ROWS records, with a reader_map */
	int mapped;                       /* the last row's map failed with this */
};

/*
 * The ring holds batches [tail, head): [tail, mapped) are ready for the
 * caller, [mapped, head) wait for the mapping thread (none without a map).
 */
struct pipeline {
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct batch ring[RING];
	size_t head, mapped, tail;
	int finished;                     /* the parsing thread is done */
	int map_finished;                 /* the mapping thread is done */
	int stopped;                      /* the caller stopped: everyone ends */
	int map_stopped;                  /* a map failed: nothing after that row */
	int map_result;                   /* what it failed with */
	int failed;                       /* out of memory */
	/* parsing thread's side */
	const char *path;
	const struct reader_options *options;
	struct reader_stats *stats;
	struct import_error error;        /* the parser's own: the callback may write the caller's */
	int result;
	/* mapping thread's side */
	const struct reader_map *map;
	const char **map_fields;          /* the row being mapped */
	size_t map_fields_size;
};

/* A row of a batch as a struct csv_row; fields[] must hold its fields. */
static int batch_row(const struct batch *b, size_t i, const char ***fields, size_t *fields_size,
		     struct csv_row *row)
{
	size_t first = b->first_field[i];

	return field_store_row(&b->fields, first, b->first_field[i + 1] - first, b->lines[i], fields,
			       fields_size, row);
}

/*
 * Mapping thread: maps the rows of a parsed batch (its arena no longer
 * moves, so records may point into it). A failed map ends the batch at that
 * row. Returns 0, the map's non-zero answer, or -1 out of memory.
 */
static int map_batch(struct pipeline *p, struct batch *b)
{
	const struct reader_map *map = p->map;
	size_t i;

	b->mapped = 0;
	if (!b->records && !(b->records = calloc(BATCH_ROWS, map->record_size)))
		return -1;
	for (i = 0; i < b->rows; i++) {
		struct csv_row row;
		int rc;

		if (batch_row(b, i, &p->map_fields, &p->map_fields_size, &row) < 0)
			return -1;
		if ((rc = map->map(map->context, &row, b->records + i * map->record_size)) != 0) {
			b->rows = i + 1;
			b->mapped = rc;
			return rc;
		}
	}
	return 0;
}

static void *map_batches(void *arg)
{
	struct pipeline *p = arg;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		struct batch *b;
		int rc;

		while (p->mapped == p->head && !p->finished && !p->stopped)
			pthread_cond_wait(&p->changed, &p->lock);
		if (p->stopped || p->mapped == p->head)
			break;
		b = &p->ring[p->mapped % RING];
		pthread_mutex_unlock(&p->lock);
		rc = map_batch(p, b);
		pthread_mutex_lock(&p->lock);
		if (rc < 0) {
			p->failed = p->map_stopped = 1;
			break;
		}
		p->mapped++;
		pthread_cond_broadcast(&p->changed);
		if (rc) {
			p->map_stopped = 1;
			p->map_result = rc;
			break;
		}
	}
	p->map_finished = 1;
	pthread_cond_broadcast(&p->changed);
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Under the lock: the batch at head is filled; without a map it is ready. */
static void advance_head(struct pipeline *p)
{
	p->head++;
	if (!p->map)
		p->mapped = p->head;
}

/* Parsing thread: hands the filled batch at head over; waits while the ring
 * is full. Returns non-zero when the caller or a map stopped the import. */
static int publish(struct pipeline *p)
{
	int stopped;

	pthread_mutex_lock(&p->lock);
	advance_head(p);
	pthread_cond_broadcast(&p->changed);
	while (p->head - p->tail >= RING && !p->stopped && !p->map_stopped)
		pthread_cond_wait(&p->changed, &p->lock);
	stopped = p->stopped || p->map_stopped;
	pthread_mutex_unlock(&p->lock);
	if (!stopped) {
		struct batch *b = &p->ring[p->head % RING];
		b->rows = b->fields.count = b->fields.arena_used = 0;
	}
	return stopped;
}

/* Parsing thread: the batch being filled, where the row builder puts fields. */
static struct field_store *batch_target(void *context)
{
	struct pipeline *p = context;

	return &p->ring[p->head % RING].fields;
}

/* Parsing thread's row callback: the row's fields are in the batch already. */
static int add_to_batch(void *context, const struct csv_row *row)
{
	struct pipeline *p = context;
	struct batch *b = &p->ring[p->head % RING];

	b->lines[b->rows] = row->line;
	b->rows++;
	b->first_field[b->rows] = b->fields.count;
	if (b->rows == BATCH_ROWS || b->fields.arena_used >= BATCH_BYTES)
		return publish(p);
	return 0;
}

static void *produce(void *arg)
{
	struct pipeline *p = arg;
	int result = read_file(p->path, p->options, batch_target, add_to_batch, p, p->stats,
			       &p->error);

	pthread_mutex_lock(&p->lock);
	p->result = result;
	/* The last, partly filled batch; after a stop the slot holds stale rows. */
	if (!p->stopped && !p->map_stopped && !p->failed && p->ring[p->head % RING].rows > 0)
		advance_head(p);
	p->finished = 1;
	pthread_cond_broadcast(&p->changed);
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Single-threaded fallback for reader_run_mapped: maps each row, then calls back. */
struct inline_map {
	const struct reader_map *map;
	record_callback callback;
	void *context;
	unsigned char *record;
};

static int map_inline(void *context, const struct csv_row *row)
{
	struct inline_map *m = context;
	int mapped = m->map->map(m->map->context, row, m->record);
	int stop = m->callback(m->context, row, m->record, mapped);

	return stop ? stop : mapped;
}

/* No threads to be had: everything in the caller's thread. */
static int run_inline(const char *path, const struct reader_options *options,
		      const struct reader_map *map, row_callback row_cb,
		      record_callback record_cb, void *context, struct reader_stats *stats,
		      struct import_error *error)
{
	struct inline_map m = {map, record_cb, context, NULL};
	int rc;

	if (!map)
		return read_file(path, options, NULL, row_cb, context, stats, error);
	if (!(m.record = calloc(1, map->record_size)))
		return import_error_set(error, path, 0, NULL, "out of memory");
	rc = read_file(path, options, NULL, map_inline, &m, stats, error);
	if (map->release)
		map->release(m.record);
	free(m.record);
	return rc;
}

static void free_pipeline(struct pipeline *p)
{
	size_t i, j;

	for (i = 0; i < RING; i++) {
		if (p->ring[i].records && p->map->release)
			for (j = 0; j < BATCH_ROWS; j++)
				p->map->release(p->ring[i].records + j * p->map->record_size);
		free(p->ring[i].records);
		field_store_free(&p->ring[i].fields);
	}
	free(p->map_fields);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->changed);
}

static int run_pipeline(const char *path, const struct reader_options *options,
			const struct reader_map *map, row_callback row_cb,
			record_callback record_cb, void *context, struct reader_stats *stats,
			struct import_error *error)
{
	struct pipeline p;
	pthread_t parser, mapper;
	const char **fields = NULL;
	size_t fields_size = 0, i;
	int stop = 0, result;

	memset(&p, 0, sizeof p);
	memset(stats, 0, sizeof *stats);
	p.path = path;
	p.options = options;
	p.stats = stats;
	p.map = map;
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.changed, NULL);
	if (map && pthread_create(&mapper, NULL, map_batches, &p) != 0) {
		free_pipeline(&p);
		return run_inline(path, options, map, row_cb, record_cb, context, stats, error);
	}
	if (pthread_create(&parser, NULL, produce, &p) != 0) {
		if (map) {
			pthread_mutex_lock(&p.lock);
			p.stopped = 1;
			pthread_cond_broadcast(&p.changed);
			pthread_mutex_unlock(&p.lock);
			pthread_join(mapper, NULL);
		}
		free_pipeline(&p);
		return run_inline(path, options, map, row_cb, record_cb, context, stats, error);
	}
	for (;;) {
		struct batch *b;

		pthread_mutex_lock(&p.lock);
		while (p.tail == p.mapped && !(map ? p.map_finished : p.finished))
			pthread_cond_wait(&p.changed, &p.lock);
		if (p.tail == p.mapped) {
			pthread_mutex_unlock(&p.lock);
			break;
		}
		b = &p.ring[p.tail % RING];
		pthread_mutex_unlock(&p.lock);
		for (i = 0; i < b->rows && !stop; i++) {
			struct csv_row row;

			if (batch_row(b, i, &fields, &fields_size, &row) < 0) {
				stop = import_error_set(error, path, b->lines[i], NULL, "out of memory");
				break;
			}
			if (map)
				stop = record_cb(context, &row, b->records + i * map->record_size,
						 i + 1 == b->rows ? b->mapped : 0);
			else
				stop = row_cb(context, &row);
		}
		pthread_mutex_lock(&p.lock);
		p.tail++;
		if (stop)
			p.stopped = 1;
		pthread_cond_broadcast(&p.changed);
		pthread_mutex_unlock(&p.lock);
		if (stop)
			break;
	}
	pthread_join(parser, NULL);
	if (map)
		pthread_join(mapper, NULL);
	free(fields);
	result = p.result;
	free_pipeline(&p);
	if (stop)
		return stop;
	/* A failed map wins over what the parser said: it stopped the parser. */
	if (p.map_result)
		return p.map_result;
	if (p.failed)
		return import_error_set(error, path, 0, NULL, "out of memory");
	if (result < 0)
		*error = p.error;
	return result;
}

int reader_run(const char *path, const struct reader_options *options,
	       row_callback callback, void *context, struct reader_stats *stats,
	       struct import_error *error)
{
	return run_pipeline(path, options, NULL, callback, NULL, context, stats, error);
}

int reader_run_mapped(const char *path, const struct reader_options *options,
		      const struct reader_map *map, record_callback callback, void *context,
		      struct reader_stats *stats, struct import_error *error)
{
	return run_pipeline(path, options, map, NULL, callback, context, stats, error);
}
