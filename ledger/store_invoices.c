/* store_invoices.c: invoice totals, one per (provider, account, invoice id). */
#include "store_invoices.h"

#include "money.h"

#include <stdlib.h>
#include <string.h>

struct invoice_store {
	sqlite3 *db;
	sqlite3_stmt *find, *insert;
};

int invoice_store_open(sqlite3 *db, struct invoice_store **out)
{
	struct invoice_store *s = calloc(1, sizeof *s);
	int rc;

	*out = NULL;
	if (!s)
		return SQLITE_NOMEM;
	s->db = db;
	rc = sqlite3_prepare_v2(db,
		"SELECT import_id, source_file, source_line, billing_period, amount, currency FROM invoices"
		" WHERE provider = ?1 AND billing_account_id = ?2 AND invoice_id = ?3", -1, &s->find, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db,
			"INSERT INTO invoices (import_id, source_file, source_line, invoice_id, provider,"
			" billing_account_id, billing_period, amount, currency)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", -1, &s->insert, NULL);
	if (rc != SQLITE_OK) {
		invoice_store_close(s);
		return rc;
	}
	*out = s;
	return SQLITE_OK;
}

void invoice_store_close(struct invoice_store *s)
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

/* -1 when the stored invoice differs from inv (or is of this import), 0 when equal. */
static int compare_stored(sqlite3_stmt *st, sqlite3_int64 import_id, const char *file,
			  const struct invoice *inv, struct import_error *error)
{
	char stored[MONEY_TEXT_MAX], given[MONEY_TEXT_MAX];

	if (sqlite3_column_int64(st, 0) == import_id)
		return import_error_set(error, file, inv->source_line, NULL,
					"invoice '%s' of %s account %s a second time (the first is %s:%lld)",
					inv->invoice_id, inv->provider, inv->billing_account_id,
					text_or(st, 1, "?"), (long long)sqlite3_column_int64(st, 2));
	if (!strcmp(text_or(st, 3, ""), inv->billing_period) && sqlite3_column_int64(st, 4) == inv->amount &&
	    !strcmp(text_or(st, 5, ""), inv->currency))
		return 0;
	money_format(sqlite3_column_int64(st, 4), 9, stored, sizeof stored);
	money_format(inv->amount, 9, given, sizeof given);
	return import_error_set(error, file, inv->source_line, NULL,
				"invoice '%s' (%s %s %s) differs from %s %s %s of %s:%lld (a stored "
				"invoice is not replaced)", inv->invoice_id, inv->billing_period, given,
				inv->currency, text_or(st, 3, "?"), stored, text_or(st, 5, "?"),
				text_or(st, 1, "?"), (long long)sqlite3_column_int64(st, 2));
}

int invoice_store_add(struct invoice_store *s, sqlite3_int64 import_id, const char *file,
		      const struct invoice *inv, enum store_outcome *outcome, struct import_error *error)
{
	sqlite3_stmt *st = s->find;
	int rc;

	sqlite3_bind_text(st, 1, inv->provider, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, inv->billing_account_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, inv->invoice_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		int differs = compare_stored(st, import_id, file, inv, error) < 0;
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
	sqlite3_bind_int64(st, 1, import_id);
	sqlite3_bind_text(st, 2, file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, inv->source_line);
	sqlite3_bind_text(st, 4, inv->invoice_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, inv->provider, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, inv->billing_account_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, inv->billing_period, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, inv->amount);
	sqlite3_bind_text(st, 9, inv->currency, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return rc;
	*outcome = STORE_INSERTED;
	return 0;
}
