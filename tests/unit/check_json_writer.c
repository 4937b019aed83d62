/*
 * check_json_writer.c: the JSON writer of import/json_text.c. Whatever the
 * strings (quotes, backslashes, control characters, invalid UTF-8), the text
 * is valid JSON for SQLite's json_valid() and reads back through
 * json_extract() as written (invalid bytes as U+FFFD). SQLite is the oracle.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_util.h"
#include "json_text.h"

#define ROWS(t) ((int)(sizeof(t) / sizeof((t)[0])))

/* json_valid(text), and json_extract(text, path) as text into out. */
static int oracle(const char *text, const char *path, char *out, size_t size)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int valid;

	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT json_valid(?1), CASE WHEN json_valid(?1)"
					    " THEN json_extract(?1, ?2) END", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	valid = sqlite3_column_int(st, 0);
	snprintf(out, size, "%s", sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : "(null)");
	sqlite3_finalize(st);
	sqlite3_close(db);
	return valid;
}

static const struct {
	const char *value, *read_back;
} strings[] = {
	{"plain", "plain"},
	{"a\"b", "a\"b"},
	{"back\\slash", "back\\slash"},
	{"tab\there\nnew\rline", "tab\there\nnew\rline"},
	{"esc\x1b[2Kx\x7f", "esc\x1b[2Kx\x7f"},
	{"caf\xc3\xa9 \xe6\x97\xa5", "caf\xc3\xa9 \xe6\x97\xa5"},
	{"latin1 caf\xe9!", "latin1 caf\xef\xbf\xbd!"},
	{"cut \xe6\x97", "cut \xef\xbf\xbd\xef\xbf\xbd"},
	{"overlong \xc0\xaf", "overlong \xef\xbf\xbd\xef\xbf\xbd"},
	{"", ""},
};

START_TEST(core_strings)
{
	struct json_writer w;
	char got[256];

	json_writer_init(&w);
	json_open(&w, '{');
	json_key(&w, strings[_i].value); /* a key needs the same escaping */
	json_integer(&w, 1);
	json_key(&w, "v");
	json_string(&w, strings[_i].value);
	json_close(&w, '}');
	ck_assert_ptr_nonnull(json_writer_text(&w));
	ck_assert_int_eq(oracle(json_writer_text(&w), "$.v", got, sizeof got), 1);
	ck_assert_str_eq(got, strings[_i].read_back);
	json_writer_free(&w);
}
END_TEST

/* Commas in nested objects and arrays; numbers; null; a text past the
 * writer's own buffer (it grows, nothing is cut). */
START_TEST(core_structure)
{
	struct json_writer w;
	char got[64], *big = malloc(10001);
	int i;

	memset(big, 'x', 10000);
	big[10000] = 0;
	json_writer_init(&w);
	json_open(&w, '{');
	json_key(&w, "list");
	json_open(&w, '[');
	for (i = 0; i < 3; i++) {
		json_open(&w, '{');
		json_key(&w, "i");
		json_integer(&w, i);
		json_member_string(&w, "skipped", "");
		json_member_string(&w, "s", "x");
		json_close(&w, '}');
	}
	json_null(&w);
	json_number(&w, 1.0 / 0.0, 2);
	json_number(&w, 0.125, 4);
	json_close(&w, ']');
	json_key(&w, "big");
	json_string(&w, big);
	json_close(&w, '}');
	ck_assert_int_eq(oracle(json_writer_text(&w), "$.list[2].i", got, sizeof got), 1);
	ck_assert_str_eq(got, "2");
	oracle(json_writer_text(&w), "$.list[5]", got, sizeof got);
	ck_assert_str_eq(got, "0.125");
	oracle(json_writer_text(&w), "$.list[4]", got, sizeof got);
	ck_assert_str_eq(got, "(null)");
	oracle(json_writer_text(&w), "$.list[0].skipped", got, sizeof got);
	ck_assert_str_eq(got, "(null)");
	ck_assert_uint_eq(strlen(json_writer_text(&w)), 10000 + strlen("{\"list\":[{\"i\":0,\"s\":\"x\"},"
			  "{\"i\":1,\"s\":\"x\"},{\"i\":2,\"s\":\"x\"},null,null,0.1250],\"big\":\"\"}"));
	json_writer_free(&w);
	free(big);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("json_writer");
	TCase *core = tcase_create("core");

	tcase_add_loop_test(core, core_strings, 0, ROWS(strings));
	tcase_add_test(core, core_structure);
	suite_add_tcase(s, core);
	return s;
}

CHECK_MAIN(make_suite)
