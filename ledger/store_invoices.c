/* store_invoices.c: invoice totals, one per (provider, account, invoice id). */
#include "store_invoices.h"

#include "ledger.h"
#include "money.h"
#include "store_once.h"

#include <stdlib.h>
#include <string.h>

struct invoice_store {
	struct store_once once;
};

int invoice_store_open(sqlite3 *db, struct invoice_store **out)
{
	struct invoice_store *s = calloc(1, sizeof *s);
	int rc;

	*out = NULL;
	if (!s)
		return SQLITE_NOMEM;
	rc = store_once_open(db,
		"SELECT import_id, source_file, source_line, billing_period, amount, currency FROM invoices"
		" WHERE provider = ?1 AND billing_account_id = ?2 AND invoice_id = ?3",
		"INSERT INTO invoices (import_id, source_file, source_line, invoice_id, provider,"
		" billing_account_id, billing_period, amount, currency)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &s->once);
	if (rc != SQLITE_OK) {
		free(s);
		return rc;
	}
	*out = s;
	return SQLITE_OK;
}

void invoice_store_close(struct invoice_store *s)
{
	if (!s)
		return;
	store_once_close(&s->once);
	free(s);
}

/* -1 when the stored invoice differs from inv (or is of this import), 0 when equal. */
static int compare_stored(sqlite3_stmt *st, sqlite3_int64 import_id, const char *file,
			  const void *record, struct import_error *error)
{
	const struct invoice *inv = record;
	char stored[MONEY_TEXT_MAX], given[MONEY_TEXT_MAX];

	if (sqlite3_column_int64(st, 0) == import_id)
		return import_error_set(error, file, inv->source_line, NULL,
					"invoice '%s' of %s account %s a second time (the first is %s:%lld)",
					inv->invoice_id, inv->provider, inv->billing_account_id,
					ledger_column_text(st, 1, "?"), (long long)sqlite3_column_int64(st, 2));
	if (!strcmp(ledger_column_text(st, 3, ""), inv->billing_period) &&
	    sqlite3_column_int64(st, 4) == inv->amount &&
	    !strcmp(ledger_column_text(st, 5, ""), inv->currency))
		return 0;
	money_format(sqlite3_column_int64(st, 4), 9, stored, sizeof stored);
	money_format(inv->amount, 9, given, sizeof given);
	return import_error_set(error, file, inv->source_line, NULL,
				"invoice '%s' (%s %s %s) differs from %s %s %s of %s:%lld (a stored "
				"invoice is not replaced)", inv->invoice_id, inv->billing_period, given,
				inv->currency, ledger_column_text(st, 3, "?"), stored, ledger_column_text(st, 5, "?"),
				ledger_column_text(st, 1, "?"), (long long)sqlite3_column_int64(st, 2));
}

int invoice_store_add(struct invoice_store *s, sqlite3_int64 import_id, const char *file,
		      const struct invoice *inv, enum store_outcome *outcome, struct import_error *error)
{
	sqlite3_stmt *st = s->once.find;

	sqlite3_bind_text(st, 1, inv->provider, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, inv->billing_account_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, inv->invoice_id, -1, SQLITE_STATIC);
	st = s->once.insert;
	sqlite3_bind_int64(st, 1, import_id);
	sqlite3_bind_text(st, 2, file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, inv->source_line);
	sqlite3_bind_text(st, 4, inv->invoice_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, inv->provider, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, inv->billing_account_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, inv->billing_period, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, inv->amount);
	sqlite3_bind_text(st, 9, inv->currency, -1, SQLITE_STATIC);
	return store_once_add(&s->once, compare_stored, import_id, file, inv, outcome, error);
}
