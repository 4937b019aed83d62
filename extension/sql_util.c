/* sql_util.c: argument conversion shared by the SQL glue. See sql_glue.h. */
#include "sql_glue.h"
SQLITE_EXTENSION_INIT3

#include "timeparse.h"

#include <math.h>
#include <string.h>
#include <stdarg.h>

void sql_arg_error(sqlite3_context *ctx, const char *function, int index,
		   const char *arg_name, const char *fmt, ...)
{
	va_list ap;
	char *detail, *message;

	va_start(ap, fmt);
	detail = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	message = sqlite3_mprintf("%s: argument %d '%s' %s", function, index + 1, arg_name,
				  detail ? detail : "is invalid");
	if (message)
		sqlite3_result_error(ctx, message, -1);
	else
		sqlite3_result_error_nomem(ctx);
	sqlite3_free(detail);
	sqlite3_free(message);
}

/* Applies numeric affinity to TEXT; reports what is left that is not a number. */
static int numeric_type(sqlite3_context *ctx, sqlite3_value *value, const char *function,
			int index, const char *arg_name)
{
	int type = sqlite3_value_type(value);

	if (type == SQLITE_TEXT)
		type = sqlite3_value_numeric_type(value);
	if (type == SQLITE_TEXT) {
		sql_arg_error(ctx, function, index, arg_name, "is not a number: \"%s\"",
			      (const char *)sqlite3_value_text(value));
		return -1;
	}
	if (type == SQLITE_BLOB) {
		sql_arg_error(ctx, function, index, arg_name, "must be a number, not a blob");
		return -1;
	}
	return type;
}

int sql_arg_double(sqlite3_context *ctx, sqlite3_value *value, const char *function,
		   int index, const char *arg_name, double *out)
{
	int type = sqlite3_value_type(value);

	/* The common case first: this runs once per argument per row. */
	if (type == SQLITE_FLOAT || type == SQLITE_INTEGER) {
		*out = sqlite3_value_double(value);
	} else if (type == SQLITE_NULL) {
		return 0;
	} else {
		if (numeric_type(ctx, value, function, index, arg_name) < 0)
			return -1;
		*out = sqlite3_value_double(value);
	}
	if (!isfinite(*out)) {
		sql_arg_error(ctx, function, index, arg_name, "must be finite, got %s",
			      isnan(*out) ? "NaN" : *out > 0 ? "Inf" : "-Inf");
		return -1;
	}
	return 1;
}

int sql_arg_int64(sqlite3_context *ctx, sqlite3_value *value, const char *function,
		  int index, const char *arg_name, int64_t *out)
{
	int type = sqlite3_value_type(value);
	double d;

	if (type == SQLITE_NULL)
		return 0;
	if (type != SQLITE_INTEGER &&
	    (type = numeric_type(ctx, value, function, index, arg_name)) < 0)
		return -1;
	if (type == SQLITE_INTEGER) {
		*out = sqlite3_value_int64(value);
		return 1;
	}
	/* A whole REAL (2.0) is the integer it equals; 2.5 is not. */
	d = sqlite3_value_double(value);
	if (d == floor(d) && d >= -9007199254740992.0 && d <= 9007199254740992.0) {
		*out = (int64_t)d;
		return 1;
	}
	sql_arg_error(ctx, function, index, arg_name, "must be an integer, got %!.15g", d);
	return -1;
}

void sql_result_number(sqlite3_context *ctx, double value)
{
	if (value == floor(value) && fabs(value) < 9.0e15)
		sqlite3_result_int64(ctx, (sqlite3_int64)value);
	else
		sqlite3_result_double(ctx, value);
}

/* See sql_glue.h; a negative time is rounded toward the past. */
int sql_arg_time(sqlite3_context *ctx, sqlite3_value *v, const char *function, int index,
		 const char *name, int64_t *t)
{
	int64_t ms;
	const char *s;

	switch (sqlite3_value_type(v)) {
	case SQLITE_NULL:
		return 0;
	case SQLITE_INTEGER:
		*t = sqlite3_value_int64(v);
		return 1;
	case SQLITE_TEXT:
		s = (const char *)sqlite3_value_text(v);
		if (time_parse(s, (size_t)sqlite3_value_bytes(v), 0, &ms) == TIME_OK) {
			*t = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
			return 1;
		}
		break;
	}
	sql_arg_error(ctx, function, index, name, "is not a timestamp: \"%s\"",
		      (const char *)sqlite3_value_text(v));
	return -1;
}

void *sql_statement_data(sqlite3_context *ctx, int key, size_t size,
			 int (*load)(sqlite3 *db, void *data), void (*destroy)(void *data),
			 const char *function, const char *table)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	void *data = sqlite3_get_auxdata(ctx, key);
	int rc;

	if (data)
		return data;
	if (!(data = sqlite3_malloc64(size))) {
		sqlite3_result_error_nomem(ctx);
		return NULL;
	}
	memset(data, 0, size);
	if ((rc = load(db, data)) != SQLITE_OK) {
		char *msg = sqlite3_mprintf("%s: cannot read table %s: %s", function, table,
					    rc == SQLITE_MISMATCH ? "a row of an unexpected type or"
					    " form" : sqlite3_errmsg(db));
		sqlite3_result_error(ctx, msg ? msg : function, -1);
		sqlite3_free(msg);
		sqlite3_free(data);
		return NULL;
	}
	sqlite3_set_auxdata(ctx, key, data, destroy);
	/* SQLite may refuse to keep it (and has then destroyed it). */
	if (!(data = sqlite3_get_auxdata(ctx, key)))
		sqlite3_result_error(ctx, "statement data not kept", -1);
	return data;
}
