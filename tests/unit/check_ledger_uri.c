/*
 * check_ledger_uri.c: ledger/ledger_uri.c. The URI of ordinary paths
 * ("core"), paths with the characters a URI gives a meaning to, and that
 * SQLite opens each URI as the file it names ("limits").
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check_util.h"
#include "ledger_uri.h"

#define ROWS(a) ((int)(sizeof(a) / sizeof((a)[0])))

struct uri_row {
	const char *path, *uri;
};

static const struct uri_row core_rows[] = {
	{"costledger.db", "file:costledger.db?mode=ro&immutable=1"},
	{"ro/l.db", "file:ro/l.db?mode=ro&immutable=1"},
	{"/srv/ledgers/2026_10-a~b.db", "file:///srv/ledgers/2026_10-a~b.db?mode=ro&immutable=1"},
	{"../l.db", "file:../l.db?mode=ro&immutable=1"},
};

static const struct uri_row limit_rows[] = {
	{"a%20b.db", "file:a%2520b.db?mode=ro&immutable=1"},
	{"what?.db", "file:what%3F.db?mode=ro&immutable=1"},
	{"#1.db", "file:%231.db?mode=ro&immutable=1"},
	{"a b&c=d.db", "file:a%20b%26c%3Dd.db?mode=ro&immutable=1"},
	{"//host/l.db", "file:////host/l.db?mode=ro&immutable=1"},
	{"caf\xc3\xa9.db", "file:caf%C3%A9.db?mode=ro&immutable=1"},
	{"file:l.db", "file:file%3Al.db?mode=ro&immutable=1"},
};

static void check_row(const struct uri_row *row)
{
	char *uri = ledger_immutable_uri(row->path);

	ck_assert_ptr_nonnull(uri);
	ck_assert_str_eq(uri, row->uri);
	sqlite3_free(uri);
}

START_TEST(core_uri)
{
	check_row(&core_rows[_i]);
}
END_TEST

START_TEST(limits_uri)
{
	check_row(&limit_rows[_i]);
}
END_TEST

/* SQLite opens the URI of an awkward name as that very file. */
static const char *const awkward_names[] = {"a%20b?c#d .db", "x%%?.db", "caf\xc3\xa9 #.db"};

START_TEST(limits_open)
{
	char folder[] = "/tmp/check_ledger_uri.XXXXXX", path[256], *uri;
	sqlite3 *db = NULL;
	sqlite3_stmt *st;

	ck_assert_ptr_nonnull(mkdtemp(folder));
	snprintf(path, sizeof path, "%s/%s", folder, awkward_names[_i]);
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (42)", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	uri = ledger_immutable_uri(path);
	ck_assert_int_eq(sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), SQLITE_OK);
	sqlite3_free(uri);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT x FROM t", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), 42);
	sqlite3_finalize(st);
	ck_assert_str_eq(sqlite3_db_filename(db, "main"), path);
	ck_assert_int_eq(sqlite3_db_readonly(db, "main"), 1);
	sqlite3_close(db);
	ck_assert_int_eq(unlink(path), 0);
	/* the folder is empty again: no -wal, -shm or journal was left */
	ck_assert_int_eq(rmdir(folder), 0);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("ledger_uri");
	TCase *core = tcase_create("core"), *limits = tcase_create("limits");

	tcase_add_loop_test(core, core_uri, 0, ROWS(core_rows));
	tcase_add_loop_test(limits, limits_uri, 0, ROWS(limit_rows));
	tcase_add_loop_test(limits, limits_open, 0, ROWS(awkward_names));
	suite_add_tcase(s, core);
	suite_add_tcase(s, limits);
	return s;
}

CHECK_MAIN(make_suite)
