/*
 * reader.h: a delimited text file (plain or gzip, told apart by its magic
 * bytes) turned into rows of fields, with the line each row starts on.
 * zlib reads, libcsv splits; no SQLite here.
 */
#ifndef COSTLEDGER_READER_H
#define COSTLEDGER_READER_H

#include <stddef.h>
#include <stdint.h>

#include "import_error.h"

struct csv_row {
	long line;              /* 1-based line the row starts on */
	size_t count;           /* number of fields */
	const char *const *fields; /* each NUL-terminated, valid during the callback */
	const size_t *lengths;
};

/* Returns 0 to go on, non-zero to stop (the value is returned by reader_run). */
typedef int (*row_callback)(void *context, const struct csv_row *row);

struct reader_stats {
	uint64_t file_size;     /* bytes on disk (0 for stdin) */
	uint64_t content_size;  /* decompressed bytes */
	uint32_t content_crc32; /* zlib crc32 of the decompressed bytes */
	int compressed;
	long rows;              /* rows passed to the callback */
	long lines;
};

struct reader_options {
	char delimiter;         /* ',' or '|' */
	int progress;           /* print progress to stderr (a terminal) */
};

/*
 * Reads `path` ("-" for stdin) and calls `callback` for every row that is
 * not blank. A UTF-8 byte-order mark is dropped; CRLF and LF both end lines;
 * spaces around unquoted fields are trimmed (libcsv's default), so a line of
 * spaces is blank too. Returns 0 when the whole file was read,
 * the callback's non-zero value when it stopped, or -1 with *error filled in
 * (cannot open, corrupt or truncated gzip, unterminated quote, NUL byte).
 */
int reader_run(const char *path, const struct reader_options *options,
	       row_callback callback, void *context, struct reader_stats *stats,
	       struct import_error *error);

/*
 * A second stage for the reading thread: `map` turns each row into a record
 * of record_size bytes (which may point into the row's fields: they stay
 * valid until the callback for that row returns), rows in file order, while
 * the caller's thread is still storing earlier rows. A non-zero answer
 * stops the reading after that row; the value reaches the callback as
 * `mapped`, so errors are still met in file order. Records are zeroed once
 * and reused; `release` (optional) frees what a record holds, at the end.
 */
struct reader_map {
	int (*map)(void *context, const struct csv_row *row, void *record);
	void (*release)(void *record);
	void *context;
	size_t record_size;
};

typedef int (*record_callback)(void *context, const struct csv_row *row, void *record, int mapped);

/* reader_run with the rows mapped in the reading thread first. */
int reader_run_mapped(const char *path, const struct reader_options *options,
		      const struct reader_map *map, record_callback callback, void *context,
		      struct reader_stats *stats, struct import_error *error);

#endif
