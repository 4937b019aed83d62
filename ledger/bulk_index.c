/* bulk_index.c: see bulk_index.h. */
#include "bulk_index.h"

#include <stdlib.h>
#include <string.h>

struct bulk_index {
	char **name, **create_sql; /* the deferred indexes and their CREATE INDEX */
	size_t count, size;
	char **tables;          /* tables already considered */
	size_t tables_count;
};

static int seen_table(struct bulk_index *bulk, const char *table)
{
	size_t i;

	for (i = 0; i < bulk->tables_count; i++)
		if (!strcmp(bulk->tables[i], table))
			return 1;
	return 0;
}

static int note_table(struct bulk_index *bulk, const char *table)
{
	char **tables = realloc(bulk->tables, (bulk->tables_count + 1) * sizeof *tables);

	if (!tables)
		return SQLITE_NOMEM;
	bulk->tables = tables;
	if (!(tables[bulk->tables_count] = strdup(table)))
		return SQLITE_NOMEM;
	bulk->tables_count++;
	return SQLITE_OK;
}

/* max(rowid): the rows a table holds, near enough, without counting them. */
static sqlite3_int64 table_rows(sqlite3 *db, const char *table)
{
	char *sql = sqlite3_mprintf("SELECT max(rowid) FROM \"%w\"", table);
	sqlite3_stmt *stmt = NULL;
	sqlite3_int64 rows = -1;

	if (sql && sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		rows = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_free(sql);
	return rows;
}

static int remember(struct bulk_index *bulk, const char *name, const char *create_sql)
{
	if (bulk->count == bulk->size) {
		size_t size = bulk->size ? bulk->size * 2 : 4;
		char **names = realloc(bulk->name, size * sizeof *names);
		char **sqls = names ? realloc(bulk->create_sql, size * sizeof *sqls) : NULL;

		if (names)
			bulk->name = names;
		if (!sqls)
			return SQLITE_NOMEM;
		bulk->create_sql = sqls;
		bulk->size = size;
	}
	bulk->name[bulk->count] = strdup(name);
	bulk->create_sql[bulk->count] = strdup(create_sql);
	if (!bulk->name[bulk->count] || !bulk->create_sql[bulk->count]) {
		free(bulk->name[bulk->count]);
		free(bulk->create_sql[bulk->count]);
		return SQLITE_NOMEM;
	}
	bulk->count++;
	return SQLITE_OK;
}

int bulk_index_defer(struct bulk_index **bulkp, sqlite3 *db, const char *table,
		     const char *arrival_column, sqlite3_int64 expected_rows)
{
	/* Indexes the user or the schema created (origin 'c'), not the ones
	 * behind UNIQUE or PRIMARY KEY constraints, no unique ones, and none
	 * led by the arrival column: those grow at their end anyway, and every
	 * CREATE INDEX reads the whole table again. */
	static const char list_sql[] =
		"SELECT il.name, s.sql FROM pragma_index_list(?1) il"
		" JOIN sqlite_schema s ON s.type = 'index' AND s.name = il.name"
		" WHERE il.origin = 'c' AND il.\"unique\" = 0 AND s.sql IS NOT NULL"
		"   AND coalesce((SELECT ii.name FROM pragma_index_info(il.name) ii"
		"                 WHERE ii.seqno = 0), '') <> ?2"
		" ORDER BY il.name";
	struct bulk_index *bulk = *bulkp;
	sqlite3_stmt *stmt = NULL;
	sqlite3_int64 rows;
	size_t i, first;
	int rc;

	if (!bulk && !(bulk = *bulkp = calloc(1, sizeof *bulk)))
		return SQLITE_NOMEM;
	if (seen_table(bulk, table))
		return SQLITE_OK;
	if ((rc = note_table(bulk, table)) != SQLITE_OK)
		return rc;
	if (expected_rows < BULK_INDEX_MIN_ROWS)
		return SQLITE_OK;
	rows = table_rows(db, table);
	if (rows < 0)
		return sqlite3_errcode(db);
	if (rows >= 4 * expected_rows)
		return SQLITE_OK;
	if ((rc = sqlite3_prepare_v2(db, list_sql, -1, &stmt, NULL)) != SQLITE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, arrival_column, -1, SQLITE_STATIC);
	first = bulk->count;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW &&
	       (rc = remember(bulk, (const char *)sqlite3_column_text(stmt, 0),
			      (const char *)sqlite3_column_text(stmt, 1))) == SQLITE_OK)
		;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return rc;
	/* Dropped only once the listing is done: DDL under a running statement fails. */
	for (i = first; i < bulk->count; i++) {
		char *drop = sqlite3_mprintf("DROP INDEX \"%w\"", bulk->name[i]);

		rc = drop ? sqlite3_exec(db, drop, NULL, NULL, NULL) : SQLITE_NOMEM;
		sqlite3_free(drop);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

int bulk_index_restore(struct bulk_index *bulk, sqlite3 *db)
{
	size_t i;
	int rc;

	if (!bulk)
		return SQLITE_OK;
	for (i = 0; i < bulk->count; i++)
		if ((rc = sqlite3_exec(db, bulk->create_sql[i], NULL, NULL, NULL)) != SQLITE_OK)
			return rc;
	return SQLITE_OK;
}

void bulk_index_free(struct bulk_index *bulk)
{
	size_t i;

	if (!bulk)
		return;
	for (i = 0; i < bulk->count; i++) {
		free(bulk->name[i]);
		free(bulk->create_sql[i]);
	}
	free(bulk->name);
	for (i = 0; i < bulk->tables_count; i++)
		free(bulk->tables[i]);
	free(bulk->create_sql);
	free(bulk->tables);
	free(bulk);
}
