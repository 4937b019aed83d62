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

#endif
