/*
 * check_json_text.c: import/json_text.c against SQLite's own JSON parser.
 *
 * json_text_find() must call malformed exactly what json_valid() does and
 * find the member json_extract(x, '$."key"') finds, so every case here is
 * asked of both; SQLite is the oracle, never the code under test. A table
 * of edge cases, then random texts from a JSON-ish alphabet and random
 * mutations of valid tags.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "check_util.h"
#include "json_text.h"

#define ROWS(t) ((int)(sizeof(t) / sizeof((t)[0])))

static sqlite3 *db;
static sqlite3_stmt *oracle;

static void open_oracle(void)
{
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT json_valid(?1), CASE WHEN json_valid(?1)"
					    " AND json_type(?1) = 'object' THEN json_extract(?1,"
					    " '$.\"project\"') END, CASE WHEN json_valid(?1) AND"
					    " json_type(?1) = 'object' THEN json_type(?1,"
					    " '$.\"project\"') END", -1, &oracle, NULL),
			 SQLITE_OK);
}

static void close_oracle(void)
{
	sqlite3_finalize(oracle);
	sqlite3_close(db);
}

/* Asks both about text[0..n) and compares; returns whether it was valid. */
static int compare(const char *text, size_t n)
{
	struct json_member member;
	int mine = json_text_find(text, n, "project", 7, &member) == 0, theirs;
	const char *type;

	sqlite3_bind_text(oracle, 1, text, (int)n, SQLITE_STATIC);
	ck_assert_hot(sqlite3_step(oracle) == SQLITE_ROW, "the oracle query failed: %s", sqlite3_errmsg(db));
	theirs = sqlite3_column_int(oracle, 0);
	ck_assert_hot(mine == theirs, "json_valid says %d, json_text_find %d: [%.*s]", theirs, mine,
		      (int)n, text);
	type = (const char *)sqlite3_column_text(oracle, 2);
	if (mine && !type) {
		ck_assert_hot(member.kind == JSON_MEMBER_ABSENT, "found a member SQLite did not: [%.*s]",
			      (int)n, text);
	} else if (mine) {
		ck_assert_hot(member.kind != JSON_MEMBER_ABSENT, "missed the member: [%.*s]", (int)n, text);
		if (member.kind == JSON_MEMBER_PLAIN_STRING) {
			const char *value = (const char *)sqlite3_column_text(oracle, 1);
			ck_assert_hot(strcmp(type, "text") == 0, "a plain string SQLite types '%s': [%.*s]", type,
				      (int)n, text);
			ck_assert_hot(sqlite3_column_bytes(oracle, 1) == (int)member.length &&
				      memcmp(value, member.value, member.length) == 0,
				      "value '%.*s', SQLite's '%s': [%.*s]", (int)member.length, member.value,
				      value, (int)n, text);
		} else {
			/* OTHER: an escaped string or not a string; its text is the value's */
			ck_assert_hot(member.value[0] != '"' || memchr(member.value, '\\', member.length),
				      "a plain string taken for an escaped one: [%.*s]", (int)n, text);
		}
	}
	sqlite3_reset(oracle);
	return mine;
}

static const char *const edge_cases[] = {
	"{}", " {} ", "{\"project\":\"vision\"}", "{\"project\": \"vision\", \"team\": \"ml\"}",
	"{\"team\":\"ml\",\"project\":\"a\",\"project\":\"b\"}", "{\"proj\\u0065ct\":\"a\"}",
	"{\"project\":\"a\\\"b\"}", "{\"project\":\"\"}", "{\"project\":1e2}", "{\"project\":null}",
	"{\"project\":true}", "{\"project\":[1,{\"project\":\"x\"}]}", "{\"x\":{\"project\":\"y\"}}",
	"{\"Project\":\"a\"}", "{\"project \":\"a\"}", "{\"project\":\"\xC3\xA9t\xC3\xA9\"}",
	"{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{,}", "{\"a\":1 \"b\":2}", "{a:1}",
	"{'a':1}", "{\"a\":1}x", "{\"a\":1}{}", "[1,]", "[,1]", "[1 2]", "[]", "[[]]", "\"x\"", "1",
	"-0", "-", "01", "-01", "1.", ".5", "1.e5", "1e", "1e+", "1E+5", "0e5", "-0.0e-0", "+1",
	"1.2.3", "1e5.5", "nul", "null", "nullx", "true", "tru", "falsey", "\"\\u12g4\"",
	"\"\\u1234\"", "\"\\x\"", "\"\\/\"", "\"a\tb\"", "\"a\nb\"", "\"\x7f\"", "\"\x1f\"", "",
	" ", "\t{}\r\n", "\v{}", "\f{}", "{}\v", "{\"a\":\"b\",\"project\":{\"c\":[true,false,null]}}",
	"{\"project\":\"a\",}", "{\"project\":\"a\"", "{\"project\":\"a}",
};

START_TEST(core_edge_cases)
{
	open_oracle();
	compare(edge_cases[_i], strlen(edge_cases[_i]));
	close_oracle();
}
END_TEST

/* Nesting: SQLite allows 2000 levels, not 2001. */
START_TEST(core_depth)
{
	static char text[2 * 2002 + 1];
	int depth;

	open_oracle();
	for (depth = 1998; depth <= 2002; depth++) {
		memset(text, '[', (size_t)depth);
		memset(text + depth, ']', (size_t)depth);
		ck_assert_int_eq(compare(text, 2 * (size_t)depth), depth <= 2000);
	}
	close_oracle();
}
END_TEST

static unsigned long long seed = 88172645463325252ULL;

static unsigned next_random(unsigned n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % n);
}

/* Short random texts: every few characters a different grammar path. */
START_TEST(random_texts)
{
	static const char alphabet[] = "{}[]\":,0123456789.eE+- \t\n\\u/abfnrtlsprojectx\v\x01";
	char text[16];
	int i, valid = 0;

	open_oracle();
	for (i = 0; i < 200000; i++) {
		size_t n = next_random(sizeof text), k;
		for (k = 0; k < n; k++)
			text[k] = alphabet[next_random(sizeof alphabet - 1)];
		valid += compare(text, n);
	}
	ck_assert_int_gt(valid, 1000); /* the valid side was exercised too */
	close_oracle();
}
END_TEST

/* Tags as bills write them, with one byte changed, dropped or doubled. */
START_TEST(random_mutations)
{
	static const char *const tags[] = {
		"{\"project\": \"robotics\", \"team\": \"ml\", \"env\": \"dev\"}",
		"{\"team\":\"ml\",\"project\":\"vision\",\"cost-center\":\"42\"}",
		"{\"project\":\"a\\u00e9\",\"n\":-1.5e3,\"ok\":true,\"list\":[1,2,{\"x\":null}]}",
		"{\"user:project\":\"x\",\"project\":\"\"}",
	};
	static const char bytes[] = "{}[]\":,0.e-\\ x";
	char text[128];
	int i, valid = 0;

	open_oracle();
	for (i = 0; i < 100000; i++) {
		const char *t = tags[next_random(ROWS(tags))];
		size_t n = strlen(t), at = next_random((unsigned)n);
		memcpy(text, t, n);
		switch (next_random(3)) {
		case 0: text[at] = bytes[next_random(sizeof bytes - 1)]; break;
		case 1: memmove(text + at, text + at + 1, n - at - 1); n--; break;
		default: memmove(text + at + 1, text + at, n - at); n++; break;
		}
		valid += compare(text, n);
	}
	ck_assert_int_gt(valid, 1000);
	close_oracle();
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("json_text");
	TCase *core = tcase_create("core");
	TCase *random = tcase_create("random");

	tcase_add_loop_test(core, core_edge_cases, 0, ROWS(edge_cases));
	tcase_add_test(core, core_depth);
	tcase_add_test(random, random_texts);
	tcase_add_test(random, random_mutations);
	tcase_set_timeout(random, 120);
	suite_add_tcase(s, core);
	suite_add_tcase(s, random);
	return s;
}

CHECK_MAIN(make_suite)
