/* reader_pipeline.c: reader_run and reader_run_mapped over the parser of reader.c. */
#include "reader.h"
#include "reader_rows.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

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
	int result = reader_read_file(p->path, p->options, batch_target, add_to_batch, p,
				      p->stats, &p->error);

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
		return reader_read_file(path, options, NULL, row_cb, context, stats, error);
	if (!(m.record = calloc(1, map->record_size)))
		return import_error_set(error, path, 0, NULL, "out of memory");
	rc = reader_read_file(path, options, NULL, map_inline, &m, stats, error);
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
