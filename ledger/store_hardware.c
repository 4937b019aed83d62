/* store_hardware.c: own machines (hardware table), replaced by a later import. */
#include "store_hardware.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct hardware_store {
	sqlite3_stmt *find, *upsert;
};

int hardware_store_open(sqlite3 *db, struct hardware_store **out)
{
	struct hardware_store *s = calloc(1, sizeof *s);
	int rc;

	*out = NULL;
	if (!s)
		return SQLITE_NOMEM;
	rc = sqlite3_prepare_v2(db,
		"SELECT import_id, source_file, source_line, gpus = ?3 AND purchase_cost = ?4"
		" AND currency = ?5 AND lifetime_years = ?6 AND watts = ?7 AND price_per_kwh = ?8"
		" AND pue = ?9 FROM hardware WHERE machine = ?1 AND purchase_date = ?2", -1, &s->find,
		NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db,
			"INSERT INTO hardware (import_id, source_file, source_line, machine, purchase_date,"
			" gpus, purchase_cost, currency, lifetime_years, watts, price_per_kwh, pue)"
			" VALUES (?10, ?11, ?12, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
			" ON CONFLICT (machine, purchase_date) DO UPDATE SET import_id = excluded.import_id,"
			" source_file = excluded.source_file, source_line = excluded.source_line,"
			" gpus = excluded.gpus, purchase_cost = excluded.purchase_cost,"
			" currency = excluded.currency, lifetime_years = excluded.lifetime_years,"
			" watts = excluded.watts, price_per_kwh = excluded.price_per_kwh, pue = excluded.pue",
			-1, &s->upsert, NULL);
	if (rc != SQLITE_OK) {
		hardware_store_close(s);
		return rc;
	}
	*out = s;
	return SQLITE_OK;
}

void hardware_store_close(struct hardware_store *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->find);
	sqlite3_finalize(s->upsert);
	free(s);
}

static void bind_values(sqlite3_stmt *st, const struct hardware *hw)
{
	sqlite3_bind_text(st, 1, hw->machine, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hw->purchase_date, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, hw->gpus);
	sqlite3_bind_int64(st, 4, hw->purchase_cost);
	sqlite3_bind_text(st, 5, hw->currency, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, hw->lifetime_years, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, hw->watts, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, hw->price_per_kwh);
	sqlite3_bind_text(st, 9, hw->pue, -1, SQLITE_STATIC);
}

int hardware_store_add(struct hardware_store *s, sqlite3_int64 import_id, const char *file,
		       const struct hardware *hw, enum store_outcome *outcome,
		       struct import_error *error)
{
	sqlite3_stmt *st = s->find;
	int rc;

	bind_values(st, hw);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (sqlite3_column_int64(st, 0) == import_id) {
			import_error_set(error, file, hw->source_line, "machine",
					 "'%s' bought %s is given twice (the first is %s:%lld)",
					 hw->machine, hw->purchase_date,
					 (const char *)sqlite3_column_text(st, 1),
					 (long long)sqlite3_column_int64(st, 2));
			sqlite3_reset(st);
			return -1;
		}
		if (sqlite3_column_int(st, 3)) {
			sqlite3_reset(st);
			*outcome = STORE_DUPLICATE;
			return 0;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return rc;
	st = s->upsert;
	bind_values(st, hw);
	sqlite3_bind_int64(st, 10, import_id);
	sqlite3_bind_text(st, 11, file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 12, hw->source_line);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return rc;
	*outcome = STORE_INSERTED;
	return 0;
}
