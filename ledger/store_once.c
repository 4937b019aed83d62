/* store_once.c: see store_once.h. */
#include "store_once.h"

#include <stddef.h>

int store_once_open(sqlite3 *db, const char *find_sql, const char *insert_sql, struct store_once *s)
{
	int rc;

	s->find = s->insert = NULL;
	rc = sqlite3_prepare_v2(db, find_sql, -1, &s->find, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, insert_sql, -1, &s->insert, NULL);
	if (rc != SQLITE_OK)
		store_once_close(s);
	return rc;
}

void store_once_close(struct store_once *s)
{
	sqlite3_finalize(s->find);
	sqlite3_finalize(s->insert);
	s->find = s->insert = NULL;
}

int store_once_add(struct store_once *s, store_once_compare *compare, sqlite3_int64 import_id,
		   const char *file, const void *record, enum store_outcome *outcome,
		   struct import_error *error)
{
	int rc = sqlite3_step(s->find);

	if (rc == SQLITE_ROW) {
		int differs = compare(s->find, import_id, file, record, error) < 0;
		sqlite3_reset(s->find);
		if (differs)
			return -1;
		*outcome = STORE_DUPLICATE;
		return 0;
	}
	sqlite3_reset(s->find);
	if (rc != SQLITE_DONE)
		return rc;
	rc = sqlite3_step(s->insert);
	sqlite3_reset(s->insert);
	if (rc != SQLITE_DONE)
		return rc;
	*outcome = STORE_INSERTED;
	return 0;
}
