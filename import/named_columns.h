/*
 * named_columns.h: the header of a small CSV kind whose columns are found by
 * name, in any order (fx rates, invoice totals): names folded as usage_fold
 * folds them, each column required once, other columns ignored and counted.
 * No SQLite here.
 */
#ifndef COSTLEDGER_NAMED_COLUMNS_H
#define COSTLEDGER_NAMED_COLUMNS_H

#include <stddef.h>

#include "import_error.h"
#include "reader.h"

/* A header name (folded) and the column it names (0..31). */
struct named_column {
	const char *folded;
	int column;
};

struct named_columns {
	const struct named_column *names;
	size_t count;
	const char *const *column_names; /* per column, for messages */
	int columns;
	const char *kind;                /* "fx rates CSV": for "no column" errors */
};

/* The columns a file's first line names: bit c for column c. */
unsigned named_columns_seen(const struct named_columns *spec, const char *first_line);

/*
 * column[c] = the header field of column c (every column found once);
 * *ignored = the fields that name none. -1 with *error naming the header
 * line for a column given twice or missing.
 */
int named_columns_bind(const struct named_columns *spec, const struct csv_row *header, const char *file,
		       int *column, size_t *ignored, struct import_error *error);

/* A reader of such a file: its file name and its header bound. */
struct named_reader {
	const struct named_columns *spec;
	char file[512];
	int column[32];
	size_t header_count, ignored;
};

/* Binds header for file (named_columns_bind): 0, or -1 with *error. */
int named_reader_init(struct named_reader *r, const struct named_columns *spec,
		      const struct csv_row *header, const char *file, struct import_error *error);

/* {"format":FORMAT,"ignored_columns":N}, as snprintf would write it. */
int named_reader_report(const struct named_reader *r, const char *format, char *buf, size_t size);

/* -1 with *error: "file:line: column 'C': WHAT: "VALUE"". */
int named_reader_bad(const struct named_reader *r, const struct csv_row *row, int c,
		     struct import_error *error, const char *what, const char *value);

/* 0 when row has as many fields as the header, else -1 with *error (an
 * unquoted 1,0852 is two fields: never read it as 1). */
int named_reader_width(const struct named_reader *r, const struct csv_row *row,
		       struct import_error *error);

/*
 * Column c of row without surrounding spaces into buf: its length (0 when
 * empty or absent), or -1 with *error when buf cannot hold it (it would be
 * cut short).
 */
int named_reader_field(const struct named_reader *r, const struct csv_row *row, int c, char *buf,
		       size_t size, struct import_error *error);

#endif
