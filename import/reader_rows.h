/*
 * reader_rows.h: what the parser (reader.c) and the pipeline that carries
 * its rows to the caller (reader_pipeline.c) share. Internal to the reader.
 */
#ifndef COSTLEDGER_READER_ROWS_H
#define COSTLEDGER_READER_ROWS_H

#include <stddef.h>

#include "reader.h"

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

/* The fields [first, first + count) of a store as a struct csv_row of the
 * given line; *fields (grown as needed) holds the pointers. -1 out of memory. */
int field_store_row(const struct field_store *s, size_t first, size_t count, long line,
		    const char ***fields, size_t *fields_size, struct csv_row *row);
void field_store_free(struct field_store *s);

/*
 * Reads the whole file in this thread, calling callback for every row. With
 * target, each row's fields go straight into the store target() names, and
 * the callback gets the row's line and lengths only (fields NULL).
 */
int reader_read_file(const char *path, const struct reader_options *options,
		     struct field_store *(*target)(void *context), row_callback callback,
		     void *context, struct reader_stats *stats, struct import_error *error);

#endif
