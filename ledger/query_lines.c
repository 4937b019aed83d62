/* query_lines.c: see query_lines.h. */
#include "query_lines.h"

#include <stdio.h>

int query_lines(sqlite3 *db, const char *sql, sqlite3_int64 param, const char *prefix, const char *sep)
{
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), n = 0;

	if (rc != SQLITE_OK)
		return rc;
	if (sqlite3_bind_parameter_count(stmt) >= 1)
		sqlite3_bind_int64(stmt, 1, param);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const unsigned char *text = sqlite3_column_text(stmt, 0);
		if (!text)
			continue;
		printf("%s%s", n++ ? sep : prefix, (const char *)text);
	}
	if (n)
		putchar('\n');
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}
