/*
 * bill_internal.h: what bill.c (the header mapping, FOCUS rows) and
 * bill_cur.c (the AWS CUR rows) share. Not for other files: bill.h is the
 * interface.
 */
#ifndef COSTLEDGER_BILL_INTERNAL_H
#define COSTLEDGER_BILL_INTERNAL_H

#include "bill.h"

#include <stdint.h>

enum format_id { FORMAT_FOCUS, FORMAT_CUR };

struct column_name {
	enum bill_field field;
	const char *names[3]; /* as written in the spec; folded before comparing */
	int required;
};

struct bill_mapping {
	enum format_id format;
	char format_name[24];
	char file[512];
	int column[F_COUNT];        /* index in the row, -1 when absent */
	unsigned char custom[F_COUNT]; /* found as x_NAME: imported, not checked */
	const char *header_name[F_COUNT];
	size_t header_count;
	char **header;              /* the header as written, for messages */
	int *tag_columns;           /* CUR resourceTags/user:KEY columns */
	size_t tag_count;
	size_t ignored;             /* columns no field uses */
	const char *missing[F_COUNT]; /* FOCUS columns this file lacks */
	size_t missing_count;
	char *tags_buf;             /* CUR tags JSON built per row */
	size_t tags_size;
	/* The last text each time column parsed to, and what: a bill repeats
	 * them row after row (an hour's charges share one period). */
	struct parsed_time {
		char text[40];
		size_t length;      /* 0: nothing kept */
		int64_t value;
	} last_time[4];
};

struct vocabulary {
	const char *given, *mapped;
};

/* The CUR's columns and line item types (bill_cur.c). */
extern const struct column_name bill_cur_columns[];
extern const size_t bill_cur_column_count;
extern const struct vocabulary bill_cur_line_item_types[];

/* The field's text, or NULL when the column is absent or the value null. */
const char *bill_text(const struct bill_mapping *m, const struct csv_row *row, enum bill_field f,
		      size_t *len);
/* "file:line: column 'X': WHAT: "value"" in *error; returns -1. */
int bill_field_error(const struct bill_mapping *m, const struct csv_row *row, enum bill_field f,
		     struct import_error *error, const char *what);
/* An amount in nanos (out->present 0 when absent); *rounded counts amounts
 * rounded past 9 decimals. */
int bill_money_field(const struct bill_mapping *m, const struct csv_row *row, enum bill_field f,
		     struct opt_i64 *out, int *rounded, struct import_error *error);
/* A unit price kept exact as its canonical text ("" when absent). */
int bill_price_field(const struct bill_mapping *m, const struct csv_row *row, enum bill_field f,
		     char *out, struct import_error *error);
/* A date-time in ms since 1970 UTC; `last` keeps the column's last parse
 * (an hour's rows share their period). */
int bill_time_field(const struct bill_mapping *m, const struct csv_row *row, enum bill_field f,
		    struct parsed_time *last, struct opt_i64 *out, struct import_error *error);
/* What v maps s to (compared without case), NULL when v does not know it. */
const char *bill_lookup(const struct vocabulary *v, const char *s);

/* The CUR part of a row's mapping: the billing month, the pricing category,
 * commitment lines' effective cost and id, instance type and tags. */
int bill_cur_row(struct bill_mapping *m, const struct csv_row *row, struct charge *ch,
		 struct import_error *error);

#endif
