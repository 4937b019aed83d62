/*
 * cmd_sql.c: costledger sql [--csv] "SELECT ..." — queries for users who
 * have no sqlite3 shell. The ledger is opened read-only.
 */
#include "commands.h"
#include "csv_out.h"
#include "ledger.h"
#include "term_text.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: costledger sql [--ledger FILE] [--csv | --safe-csv] SQL\n"
	"\n"
	"Runs SQL against the ledger (read-only) and prints an aligned table, or\n"
	"CSV with a header row. The extension's functions are available.\n"
	"Control characters in the table are shown as \\xHH. --csv writes every\n"
	"value as it is (for scripts); --safe-csv is CSV for a spreadsheet: a text\n"
	"value starting with = + - @ tab or CR gets a leading ' (as export does).\n";

struct table {
	char **cells;          /* row-major, header first */
	size_t count, columns, capacity;
};

/* Appends a copy of s ("" for NULL), control characters shown, as the next cell. */
static int table_add(struct table *t, const char *s)
{
	if (t->count == t->capacity) {
		size_t capacity = t->capacity ? t->capacity * 2 : 256;
		char **grown = realloc(t->cells, capacity * sizeof *grown);
		if (!grown)
			return -1;
		t->cells = grown;
		t->capacity = capacity;
	}
	if (!(t->cells[t->count] = term_text(s)))
		return -1;
	t->count++;
	return 0;
}

static void table_free(struct table *t)
{
	size_t r;

	for (r = 0; r < t->count; r++)
		free(t->cells[r]);
	free(t->cells);
}

enum csv_mode { NOT_CSV, CSV_AS_IS, CSV_SAFE };

static void print_csv_row(sqlite3_stmt *stmt, int columns, int header, enum csv_mode mode)
{
	int i;

	for (i = 0; i < columns; i++) {
		const char *s = header ? sqlite3_column_name(stmt, i)
				       : (const char *)sqlite3_column_text(stmt, i);
		if (i)
			putchar(',');
		if (!s)
			continue;
		/* The guard is for text: a negative number stays a number. */
		if (mode == CSV_SAFE && (header || sqlite3_column_type(stmt, i) == SQLITE_TEXT))
			csv_out_text(stdout, s);
		else
			csv_fwrite(stdout, s, strlen(s));
	}
	putchar('\n');
}

static int run_statement(sqlite3_stmt *stmt, enum csv_mode as_csv)
{
	int columns = sqlite3_column_count(stmt), i, rc;
	struct table t = {0};
	size_t *width, r, n;

	if (columns == 0) {
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			;
		return rc == SQLITE_DONE ? 0 : -1;
	}
	if (as_csv) {
		print_csv_row(stmt, columns, 1, as_csv);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			print_csv_row(stmt, columns, 0, as_csv);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	t.columns = (size_t)columns;
	for (i = 0; i < columns; i++) {
		if (table_add(&t, sqlite3_column_name(stmt, i)) < 0)
			goto out_of_memory;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		for (i = 0; i < columns; i++) {
			if (table_add(&t, (const char *)sqlite3_column_text(stmt, i)) < 0)
				goto out_of_memory;
		}
	}
	n = t.count;
	width = calloc(t.columns, sizeof *width);
	for (r = 0; width && r < n; r++) {
		size_t len = t.cells[r] ? strlen(t.cells[r]) : 0;
		if (len > width[r % t.columns])
			width[r % t.columns] = len;
	}
	for (r = 0; width && r < n; r++) {
		size_t c = r % t.columns;
		int numeric = r >= t.columns && t.cells[r] && t.cells[r][0] &&
			      strspn(t.cells[r], "-0123456789.eE+") == strlen(t.cells[r]);
		/* The last column is not padded: no trailing spaces. */
		printf(numeric ? "%*s" : "%-*s", c + 1 == t.columns && !numeric ? 0 : (int)width[c],
		       t.cells[r] ? t.cells[r] : "");
		fputs(c + 1 == t.columns ? "\n" : "  ", stdout);
		if (r + 1 == t.columns) {
			for (c = 0; c < t.columns; c++) {
				size_t k;
				for (k = 0; k < width[c]; k++)
					putchar('-');
				fputs(c + 1 == t.columns ? "\n" : "  ", stdout);
			}
		}
	}
	table_free(&t);
	free(width);
	return rc == SQLITE_DONE ? 0 : -1;
out_of_memory:
	table_free(&t);
	return -1;
}

int cmd_sql(int argc, char **argv)
{
	const char *path = global_ledger_option, *sql = NULL, *tail;
	enum csv_mode as_csv = NOT_CSV;
	int i, exit_code = EXIT_OK;
	sqlite3 *db;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--csv")) {
			as_csv = CSV_AS_IS;
		} else if (!strcmp(argv[i], "--safe-csv")) {
			as_csv = CSV_SAFE;
		} else if (!strcmp(argv[i], "--ledger") && i + 1 < argc) {
			path = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fputs(usage, stderr);
			return error_exit(EXIT_USAGE, "sql: unknown option '%s'", argv[i]);
		} else if (!sql) {
			sql = argv[i];
		} else {
			return error_exit(EXIT_USAGE, "sql: give the SQL as one argument");
		}
	}
	if (!sql) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (!(db = ledger_open(ledger_path(path), LEDGER_READ)))
		return EXIT_LEDGER;
	for (tail = sql; tail && *tail && exit_code == EXIT_OK;) {
		sqlite3_stmt *stmt = NULL;
		if (sqlite3_prepare_v2(db, tail, -1, &stmt, &tail) != SQLITE_OK) {
			exit_code = error_exit(EXIT_USAGE, "sql: %s", sqlite3_errmsg(db));
			break;
		}
		if (!stmt)
			break; /* only whitespace or comments left */
		if (run_statement(stmt, as_csv) < 0)
			exit_code = error_exit(EXIT_USAGE, "sql: %s", sqlite3_errmsg(db));
		sqlite3_finalize(stmt);
	}
	ledger_close(db);
	return exit_code;
}
