/*
 * fuzz_sql.c: every SQL function of the extension (found by comparing
 * pragma_function_list with and without sqlite3_costledger_init) called with
 * argument values drawn from the input: NULL, integers (int64 limits among
 * them), doubles (NaN, +-inf, -0, huge, tiny), text (numeric-looking or
 * raw bytes) and blobs, over 1 to 3 rows so aggregates add up.
 * Properties: no crash, no leak; a failing call's message names the function.
 */
#include <sqlite3.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int sqlite3_costledger_init(sqlite3 *db, char **pzErrMsg, const void *pApi);

#define CHECK(cond, ...) do { if (!(cond)) { fprintf(stderr, "fuzz_sql: " __VA_ARGS__); \
	fprintf(stderr, " [%s]\n", #cond); abort(); } } while (0)

struct function {
	char name[64];
	int nargs; /* -1: variadic, tried with 0..4 */
};

static sqlite3 *db;
static struct function *functions;
static int function_count;

static void init(void)
{
	sqlite3 *plain;
	sqlite3_stmt *st;
	char *err = NULL;

	CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK, "open");
	CHECK(sqlite3_costledger_init(db, &err, NULL) == SQLITE_OK, "init: %s", err ? err : "");
	CHECK(sqlite3_open(":memory:", &plain) == SQLITE_OK, "open");
	CHECK(sqlite3_exec(plain, "CREATE TEMP TABLE builtin AS SELECT name, narg FROM pragma_function_list",
			   NULL, NULL, NULL) == SQLITE_OK, "function_list");
	CHECK(sqlite3_exec(db, "CREATE TEMP TABLE builtin (name, narg)", NULL, NULL, NULL) == SQLITE_OK, "t");
	{
		/* Copy the builtin list across. */
		sqlite3_stmt *in, *out;
		CHECK(sqlite3_prepare_v2(plain, "SELECT name, narg FROM builtin", -1, &in, NULL) == SQLITE_OK, "p");
		CHECK(sqlite3_prepare_v2(db, "INSERT INTO builtin VALUES (?1, ?2)", -1, &out, NULL) == SQLITE_OK, "p");
		while (sqlite3_step(in) == SQLITE_ROW) {
			sqlite3_bind_value(out, 1, sqlite3_column_value(in, 0));
			sqlite3_bind_value(out, 2, sqlite3_column_value(in, 1));
			sqlite3_step(out);
			sqlite3_reset(out);
		}
		sqlite3_finalize(in);
		sqlite3_finalize(out);
	}
	sqlite3_close(plain);
	CHECK(sqlite3_prepare_v2(db, "SELECT DISTINCT name, narg FROM pragma_function_list"
				 " WHERE (name, narg) NOT IN (SELECT name, narg FROM temp.builtin) ORDER BY 1, 2",
				 -1, &st, NULL) == SQLITE_OK, "list: %s", sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		functions = realloc(functions, (size_t)(function_count + 1) * sizeof *functions);
		CHECK(functions, "oom");
		snprintf(functions[function_count].name, sizeof functions[0].name, "%s",
			 (const char *)sqlite3_column_text(st, 0));
		functions[function_count].nargs = sqlite3_column_int(st, 1);
		function_count++;
	}
	sqlite3_finalize(st);
	CHECK(function_count >= 8, "only %d extension functions found", function_count);
	sqlite3_exec(db, "DROP TABLE temp.builtin", NULL, NULL, NULL);
	if (getenv("FUZZ_SQL_LIST"))
		for (int i = 0; i < function_count; i++)
			fprintf(stderr, "%s/%d\n", functions[i].name, functions[i].nargs);
}

struct input {
	const uint8_t *p;
	size_t n;
};

static unsigned take(struct input *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

static uint64_t take64(struct input *in)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | take(in);
	return v;
}

static void bind_one(sqlite3_stmt *st, int index, struct input *in)
{
	static const int64_t ints[] = {0, 1, -1, INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1,
				       1000000000, -1000000000, 9223372036LL, 86400, 3600000};
	static const double doubles[] = {0.0, -0.0, 1.0, -1.0, 0.5, 1e-9, 1e-300, 1e300, 1.7976931348623157e308,
					 9.2233720368547758e18, -9.2233720368547758e18, 1e18, 123.456};
	static const char *const texts[] = {"", " ", "0", "1.5", "-1.5", "1e400", "-1e400", "NaN", "inf",
					    "-inf", "9223372036.854775807", "9223372036.854775808",
					    "-9223372036.854775808", "1.0000000005", "0x10", "12,5", "abc",
					    "2024-09-18T22:00:00Z", "2024-13-01", "1e-400", "  7  ",
					    "99999999999999999999999999", "\xff\xfe", "1.5E+3"};
	unsigned kind = take(in) % 10;
	size_t len;

	switch (kind) {
	case 0: sqlite3_bind_null(st, index); break;
	case 1: sqlite3_bind_int64(st, index, ints[take(in) % (sizeof ints / sizeof ints[0])]); break;
	case 2: sqlite3_bind_int64(st, index, (int64_t)take64(in)); break;
	case 3: {
		unsigned which = take(in) % 16;
		double d = which == 13 ? NAN : which == 14 ? INFINITY : which == 15 ? -INFINITY :
			   doubles[which];
		sqlite3_bind_double(st, index, d);
		break;
	}
	case 4: {
		uint64_t bits = take64(in);
		double d;
		memcpy(&d, &bits, sizeof d);
		sqlite3_bind_double(st, index, d);
		break;
	}
	case 5: sqlite3_bind_text(st, index, texts[take(in) % (sizeof texts / sizeof texts[0])], -1, SQLITE_STATIC); break;
	case 6: case 7:
		len = take(in) % 48;
		if (len > in->n)
			len = in->n;
		sqlite3_bind_text(st, index, (const char *)in->p, (int)len, SQLITE_TRANSIENT);
		in->p += len;
		in->n -= len;
		break;
	case 8:
		len = take(in) % 48;
		if (len > in->n)
			len = in->n;
		sqlite3_bind_blob(st, index, in->p, (int)len, SQLITE_TRANSIENT);
		in->p += len;
		in->n -= len;
		break;
	default: sqlite3_bind_zeroblob(st, index, (int)(take(in) % 17)); break;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = {data, size};
	const struct function *f;
	sqlite3_stmt *st;
	char sql[512];
	int nargs, rows, i, pos, rc, row;

	if (!db)
		init();
	f = &functions[take(&in) % (unsigned)function_count];
	nargs = f->nargs >= 0 ? f->nargs : (int)(take(&in) % 5);
	rows = 1 + (int)(take(&in) % 3);
	pos = snprintf(sql, sizeof sql, "SELECT %s(", f->name);
	for (i = 0; i < nargs; i++)
		pos += snprintf(sql + pos, sizeof sql - (size_t)pos, "%s?%d", i ? ", " : "", i + 1);
	snprintf(sql + pos, sizeof sql - (size_t)pos, ") FROM (SELECT 1%s%s)",
		 rows > 1 ? " UNION ALL SELECT 2" : "", rows > 2 ? " UNION ALL SELECT 3" : "");
	CHECK(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "prepare %s: %s", sql,
	      sqlite3_errmsg(db));
	for (i = 1; i <= nargs; i++)
		bind_one(st, i, &in);
	row = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row++;
		(void)sqlite3_column_text(st, 0);
	}
	if (rc != SQLITE_DONE) {
		const char *message = sqlite3_errmsg(db);
		CHECK(rc == SQLITE_ERROR || rc == SQLITE_TOOBIG || rc == SQLITE_NOMEM,
		      "%s: rc %d: %s", sql, rc, message);
		if (rc == SQLITE_ERROR)
			CHECK(strncasecmp(message, f->name, strlen(f->name)) == 0 &&
			      (message[strlen(f->name)] == ':' || message[strlen(f->name)] == ' '),
			      "%s: the error does not start with the function's name: %s", sql, message);
	}
	sqlite3_finalize(st);
	return 0;
}
