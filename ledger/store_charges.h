/* store_charges.h: writes struct charge rows into the ledger's charges table. */
#ifndef COSTLEDGER_STORE_CHARGES_H
#define COSTLEDGER_STORE_CHARGES_H

#include <sqlite3.h>

#include "charge.h"
#include "delivery.h"
#include "store_dedup.h" /* enum store_outcome */

struct charge_store;

/* Prepares the statements; tag_key names the tag that gives a charge its
 * project; the rows are the file import_id of `delivery`. */
int charge_store_open(sqlite3 *db, const char *tag_key, const struct delivery *delivery,
		      sqlite3_int64 import_id, struct charge_store **store);
void charge_store_close(struct charge_store *store);

/*
 * What binding a charge needs besides the charge: its texts' lengths, its
 * times as ledger text and its project. Made by charge_binding_make, which
 * calls no SQLite, so the mapping thread can do it while the storing thread
 * inserts.
 */
#define CHARGE_TEXTS 31
struct charge_binding {
	int text_length[CHARGE_TEXTS];      /* -1: NULL */
	char time[4][32];                   /* billing and charge period start, end */
	int time_length[4];                 /* 0: NULL */
	const char *project;                /* the project tag's text in the tags, or NULL */
	int project_length;
	int project_by_sql;                 /* not plain text: json_extract() gives it */
};

/*
 * Fills *binding for *charge; tag_key names the tag that gives the project
 * (NULL: "project"). Returns 0, or -1 when the tags are not JSON as SQLite
 * reads it (json_text.h), which the import reports as malformed.
 */
int charge_binding_make(const struct charge *charge, const char *tag_key,
			struct charge_binding *binding);

/*
 * Inserts one charge unless the ledger already has it (same row key and
 * occurrence from an earlier delivery), and notes its statement key. binding is charge_binding_make's for
 * this charge, made with the tag_key the store was opened with. Returns
 * SQLITE_OK and *outcome, or
 * an SQLite error code (the message is sqlite3_errmsg(db)).
 */
int charge_store_add(struct charge_store *store, sqlite3_int64 import_id, const char *source_file,
		     const struct charge *charge, const struct charge_binding *binding,
		     enum store_outcome *outcome);

#endif
