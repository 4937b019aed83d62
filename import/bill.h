/*
 * bill.h: the bill formats (FOCUS 1.0-1.3, AWS CUR legacy and 2.0): from a
 * header row to a column mapping, and from each row to a struct charge or a
 * file:line: column 'X' error. No SQLite here.
 */
#ifndef COSTLEDGER_BILL_H
#define COSTLEDGER_BILL_H

#include "charge.h"
#include "import_error.h"
#include "reader.h"

struct bill_mapping;

/*
 * Reads the header row. `format` is "auto", "focus" or "aws-cur". On
 * failure says which formats were tried and what each lacked.
 */
int bill_mapping_new(const struct csv_row *header, const char *format, const char *file,
		     struct bill_mapping **mapping, struct import_error *error);
void bill_mapping_free(struct bill_mapping *mapping);

/* "focus-1.2", "aws-cur", "aws-cur-2.0". */
const char *bill_mapping_format(const struct bill_mapping *mapping);

/*
 * What the import report says about the header: a JSON object with the
 * format, the FOCUS columns it lacked and how many columns were ignored.
 * Returns the length written (truncated to size).
 */
int bill_mapping_report(const struct bill_mapping *mapping, char *buf, size_t size);

/* The tags column's name as the header writes it ("Tags", "resource_tags"),
 * for errors found in the tags later; NULL when the tags are built from
 * several columns (CUR resourceTags/user:KEY) or there are none. */
const char *bill_mapping_tags_column(const struct bill_mapping *mapping);

/* Maps one row; returns 0, or -1 with *error naming line and column. */
int bill_mapping_row(struct bill_mapping *mapping, const struct csv_row *row,
		     struct charge *charge, struct import_error *error);

/*
 * Whether charge->tags is text the mapping built (the JSON of CUR tag
 * columns), which the next row overwrites, rather than a field of the row.
 */
int bill_mapping_built_tags(const struct bill_mapping *mapping, const struct charge *charge);

/* Folds a header name as the mapping compares it: lowercase, without '/',
 * '_', ' ' and '"'. */
void bill_fold_header(const char *name, char *out, size_t size);

/* A NULL as bills write it: empty, NULL or null. */
int bill_is_null(const char *s, size_t n);

#endif
