/* store_fx.c: exchange rates, one per (date, from, to), never replaced. */
#include "store_fx.h"

#include "money.h"

#include <stdlib.h>
#include <string.h>

struct fx_store {
	sqlite3 *db;
	sqlite3_stmt *find, *insert;
};

int fx_store_open(sqlite3 *db, struct fx_store **out)
{
	struct fx_store *s = calloc(1, sizeof *s);
	int rc;

	*out = NULL;
	if (!s)
		return SQLITE_NOMEM;
	s->db = db;
	rc = sqlite3_prepare_v2(db,
		"SELECT import_id, source_file, source_line, rate FROM fx_rates"
		" WHERE rate_date = ?1 AND from_currency = ?2 AND to_currency = ?3", -1, &s->find, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db,
			"INSERT INTO fx_rates (rate_date, from_currency, to_currency, rate, import_id,"
			" source_file, source_line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", -1, &s->insert, NULL);
	if (rc != SQLITE_OK) {
		fx_store_close(s);
		return rc;
	}
	*out = s;
	return SQLITE_OK;
}

void fx_store_close(struct fx_store *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->find);
	sqlite3_finalize(s->insert);
	free(s);
}

static const char *text_or(sqlite3_stmt *st, int col, const char *otherwise)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t ? (const char *)t : otherwise;
}

/* -1 when the stored rate differs from r (or is the same key of this import), 0 when equal. */
static int compare_stored(sqlite3_stmt *st, sqlite3_int64 import_id, const char *file,
			  const struct fx_rate *r, struct import_error *error)
{
	const char *stored = text_or(st, 3, "");
	struct decimal value;

	if (sqlite3_column_type(st, 0) != SQLITE_NULL && sqlite3_column_int64(st, 0) == import_id)
		return import_error_set(error, file, r->source_line, NULL,
					"a second rate for %s to %s on %s (the first is %s:%lld)",
					r->from, r->to, r->date, text_or(st, 1, "?"),
					(long long)sqlite3_column_int64(st, 2));
	if (decimal_parse(stored, strlen(stored), &value, NULL) == MONEY_OK &&
	    value.mantissa == r->value.mantissa && value.scale == r->value.scale)
		return 0;
	return import_error_set(error, file, r->source_line, "rate",
				"\"%s\" for %s to %s on %s differs from \"%s\" of %s:%lld "
				"(a stored rate is not replaced)", r->rate, r->from, r->to, r->date,
				stored, text_or(st, 1, "?"), (long long)sqlite3_column_int64(st, 2));
}

int fx_store_add(struct fx_store *s, sqlite3_int64 import_id, const char *file,
		 const struct fx_rate *r, enum store_outcome *outcome, struct import_error *error)
{
	sqlite3_stmt *st = s->find;
	int rc;

	sqlite3_bind_text(st, 1, r->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->to, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		int differs = compare_stored(st, import_id, file, r, error) < 0;
		sqlite3_reset(st);
		if (differs)
			return -1;
		*outcome = STORE_DUPLICATE;
		return 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return rc;
	st = s->insert;
	sqlite3_bind_text(st, 1, r->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, r->rate, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, import_id);
	sqlite3_bind_text(st, 6, file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, r->source_line);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return rc;
	*outcome = STORE_INSERTED;
	return 0;
}
