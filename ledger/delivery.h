/*
 * delivery.h: what one import command does to the ledger as a whole.
 *
 * All files of one command are one delivery. A bill delivery in 'statement'
 * mode (the default) is the complete statement for each statement key
 * (provider, billing_account_id, billing_period_start) it covers: rows of
 * earlier deliveries for those keys that it does not repeat move from
 * charges to charge_history, marked superseded_by the delivery. In
 * 'incremental' mode its rows only add. Usage logs replace what they cover
 * again (delivery_supersede_usage). Everything happens in the import's one
 * transaction.
 */
#ifndef COSTLEDGER_DELIVERY_H
#define COSTLEDGER_DELIVERY_H

#include <sqlite3.h>

struct delivery {
	sqlite3 *db;
	sqlite3_int64 first_import_id;      /* ids this command may give its imports start here */
	sqlite3_int64 id;                   /* the first import it wrote; 0: none yet */
	int incremental;
	sqlite3_int64 first_charge_id;      /* above every charge, current or history */
	sqlite3_int64 first_usage_id;
	long charges_superseded, usage_superseded;
	long capacity_lines;                /* its charges of a capacity reservation (capacity_blocks.h) */
};

/* Starts a delivery whose first import id will be first_import_id. */
int delivery_begin(struct delivery *d, sqlite3 *db, sqlite3_int64 first_import_id, int incremental);

/*
 * The id the first new row of `table` (charges or usage) must be given so
 * that no new row takes the id of a replaced one (findings may name it),
 * or 0 where SQLite's max(id) + 1 is already above them.
 */
int delivery_first_row_id(const struct delivery *d, const char *table, sqlite3_int64 *id);

/*
 * Notes that a row of this delivery (import import_id) belongs to a
 * statement key; cheap when the key is the previous row's.
 */
struct statement_note {
	sqlite3_stmt *insert;
	sqlite3_int64 import_id;
	char key[3][256];
	int key_null[3], have_key;
};
int statement_note_open(struct statement_note *n, sqlite3 *db);
int statement_note_add(struct statement_note *n, sqlite3_int64 import_id, const char *provider,
		       const char *account, const char *period_start, int period_start_length);
void statement_note_close(struct statement_note *n);

/*
 * Records the import import_id (just written to imports) as part of the
 * delivery: import_deliveries and, for bills, the statement keys it covered.
 */
int delivery_add_import(struct delivery *d, sqlite3_int64 import_id, const char *mode);

/* Statement mode, after the last bill file: moves the replaced charges. */
int delivery_supersede_charges(struct delivery *d);

/*
 * After a usage file: an nvidia-smi import replaces older nvidia-smi
 * intervals of the same resource that overlap the span it covers; a sacct
 * import replaces older sacct records of the same (cluster, JobID).
 */
int delivery_supersede_usage(struct delivery *d, sqlite3_int64 import_id, const char *format);

/*
 * After the last file: the usage CSV event form. Its timeline is the whole
 * command's (a job may start in one file and stop in the next), so a
 * delivery's intervals of a job replace the older event-form intervals of
 * the same job_id that overlap the span they cover and that it does not
 * repeat: a corrected log replaces, a grown one only adds.
 */
int delivery_supersede_usage_events(struct delivery *d);

/* A delivery that changed nothing leaves no imports rows (rows_inserted 0). */
int delivery_discard_if_unchanged(struct delivery *d);

#endif
