/* store_fx.c: exchange rates, one per (date, from, to), never replaced. */
#include "store_fx.h"

#include "ledger.h"
#include "money.h"
#include "store_once.h"

#include <stdlib.h>
#include <string.h>

struct fx_store {
	struct store_once once;
};

int fx_store_open(sqlite3 *db, struct fx_store **out)
{
	struct fx_store *s = calloc(1, sizeof *s);
	int rc;

	*out = NULL;
	if (!s)
		return SQLITE_NOMEM;
	rc = store_once_open(db,
		"SELECT import_id, source_file, source_line, rate FROM fx_rates"
		" WHERE rate_date = ?1 AND from_currency = ?2 AND to_currency = ?3",
		"INSERT INTO fx_rates (rate_date, from_currency, to_currency, rate, import_id,"
		" source_file, source_line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &s->once);
	if (rc != SQLITE_OK) {
		free(s);
		return rc;
	}
	*out = s;
	return SQLITE_OK;
}

void fx_store_close(struct fx_store *s)
{
	if (!s)
		return;
	store_once_close(&s->once);
	free(s);
}

/* -1 when the stored rate differs from r (or is the same key of this import), 0 when equal. */
static int compare_stored(sqlite3_stmt *st, sqlite3_int64 import_id, const char *file,
			  const void *record, struct import_error *error)
{
	const struct fx_rate *r = record;
	const char *stored = ledger_column_text(st, 3, "");
	struct decimal value;

	if (sqlite3_column_type(st, 0) != SQLITE_NULL && sqlite3_column_int64(st, 0) == import_id)
		return import_error_set(error, file, r->source_line, NULL,
					"a second rate for %s to %s on %s (the first is %s:%lld)",
					r->from, r->to, r->date, ledger_column_text(st, 1, "?"),
					(long long)sqlite3_column_int64(st, 2));
	if (decimal_parse(stored, strlen(stored), &value, NULL) == MONEY_OK &&
	    value.mantissa == r->value.mantissa && value.scale == r->value.scale)
		return 0;
	return import_error_set(error, file, r->source_line, "rate",
				"\"%s\" for %s to %s on %s differs from \"%s\" of %s:%lld "
				"(a stored rate is not replaced)", r->rate, r->from, r->to, r->date,
				stored, ledger_column_text(st, 1, "?"), (long long)sqlite3_column_int64(st, 2));
}

int fx_store_add(struct fx_store *s, sqlite3_int64 import_id, const char *file,
		 const struct fx_rate *r, enum store_outcome *outcome, struct import_error *error)
{
	sqlite3_stmt *st = s->once.find;

	sqlite3_bind_text(st, 1, r->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->to, -1, SQLITE_STATIC);
	st = s->once.insert;
	sqlite3_bind_text(st, 1, r->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, r->rate, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, import_id);
	sqlite3_bind_text(st, 6, file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, r->source_line);
	return store_once_add(&s->once, compare_stored, import_id, file, r, outcome, error);
}
