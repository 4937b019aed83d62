/*
 * sql_interval.c: SQL glue for intervals (extension/interval.c).
 *
 * SQL Function: overlap_seconds(A_START, A_END, B_START, B_END)
 * SQL Aggregate: interval_union_seconds(START, END)
 *
 * A time is ISO-8601 text (UTC unless it carries an offset; see
 * timeparse.h) or a number of unix seconds.
 */
#include "sql_glue.h"
SQLITE_EXTENSION_INIT3

#include "interval.h"
#include "timeparse.h"

#include <stdlib.h>

/* Reads a time argument as unix milliseconds: 1 ok, 0 NULL, -1 error raised. */
static int time_arg(sqlite3_context *ctx, sqlite3_value *value, const char *function,
		    int index, const char *arg_name, double *ms)
{
	int64_t parsed;
	int status;

	switch (sqlite3_value_type(value)) {
	case SQLITE_NULL:
		return 0;
	case SQLITE_TEXT:
		status = time_parse((const char *)sqlite3_value_text(value),
				    (size_t)sqlite3_value_bytes(value), 0, &parsed);
		if (status == TIME_OK) {
			*ms = (double)parsed;
			return 1;
		}
		if (sqlite3_value_numeric_type(value) == SQLITE_TEXT) {
			sql_arg_error(ctx, function, index, arg_name, "is %s: \"%s\"",
				      status == TIME_INVALID ? "an invalid date or time" :
				      status == TIME_RANGE ? "outside the years 0001-9999 (UTC)" : "not a timestamp",
				      (const char *)sqlite3_value_text(value));
			return -1;
		}
		/* numeric text is unix seconds */
		/* fall through */
	default:
		if (sql_arg_double(ctx, value, function, index, arg_name, ms) < 0)
			return -1;
		*ms *= 1000;
		return 1;
	}
}

/* Reads [start, end) from two arguments; raises an error when end < start. */
static int interval_args(sqlite3_context *ctx, sqlite3_value **argv, const char *function,
			 int index, const char *start_name, const char *end_name,
			 struct interval *iv)
{
	int a = time_arg(ctx, argv[0], function, index, start_name, &iv->start);
	int b;

	if (a < 0)
		return -1;
	if ((b = time_arg(ctx, argv[1], function, index + 1, end_name, &iv->end)) < 0)
		return -1;
	if (!a || !b)
		return 0;
	if (iv->end < iv->start) {
		sql_arg_error(ctx, function, index + 1, end_name,
			      "is before argument %d '%s' (a negative duration)", index + 1, start_name);
		return -1;
	}
	return 1;
}

void sql_overlap_seconds(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct interval a, b;
	int ra, rb, i;

	for (i = 0; i < 4; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			return; /* NULL in any argument: NULL, before any other check */
	if ((ra = interval_args(ctx, argv, "overlap_seconds", 0, "a_start", "a_end", &a)) < 0)
		return;
	if ((rb = interval_args(ctx, argv + 2, "overlap_seconds", 2, "b_start", "b_end", &b)) < 0)
		return;
	if (ra && rb)
		sql_result_number(ctx, interval_overlap(a.start, a.end, b.start, b.end) / 1000);
}

struct union_state {
	struct interval *items;
	size_t count, capacity;
};

void sql_interval_union_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct union_state *state;
	struct interval iv;

	if (interval_args(ctx, argv, "interval_union_seconds", 0, "start", "end", &iv) <= 0)
		return;
	state = sqlite3_aggregate_context(ctx, sizeof *state);
	if (!state) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (state->count == state->capacity) {
		size_t capacity = state->capacity ? state->capacity * 2 : 64;
		struct interval *grown = sqlite3_realloc64(state->items, capacity * sizeof *grown);

		if (!grown) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
		state->items = grown;
		state->capacity = capacity;
	}
	state->items[state->count++] = iv;
}

void sql_interval_union_final(sqlite3_context *ctx)
{
	struct union_state *state = sqlite3_aggregate_context(ctx, 0);

	if (!state || !state->count)
		return;
	sql_result_number(ctx, interval_union_length(state->items, state->count) / 1000);
	sqlite3_free(state->items);
}
