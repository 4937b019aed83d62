/* delivery.c: statements replaced, usage re-covered, one delivery per command. See delivery.h. */
#include "delivery.h"

#include "store_dedup.h"

#include <stdio.h>
#include <string.h>

/* Runs one statement with up to two integer parameters; SQLite's code. */
static int exec2(sqlite3 *db, const char *sql, sqlite3_int64 a, sqlite3_int64 b)
{
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);

	if (rc != SQLITE_OK)
		return rc;
	if (sqlite3_bind_parameter_count(stmt) >= 1)
		sqlite3_bind_int64(stmt, 1, a);
	if (sqlite3_bind_parameter_count(stmt) >= 2)
		sqlite3_bind_int64(stmt, 2, b);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		;
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static sqlite3_int64 query_int(sqlite3 *db, const char *sql, sqlite3_int64 a)
{
	sqlite3_stmt *stmt;
	sqlite3_int64 v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_bind_parameter_count(stmt) >= 1)
		sqlite3_bind_int64(stmt, 1, a);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

int delivery_begin(struct delivery *d, sqlite3 *db, sqlite3_int64 first_import_id, int incremental)
{
	int rc;

	memset(d, 0, sizeof *d);
	d->db = db;
	d->first_import_id = first_import_id;
	d->incremental = incremental;
	/* Ids above every row ever stored, current or replaced: a new row must
	 * not take the id of a replaced one that findings may still name. */
	d->first_charge_id = query_int(db, "SELECT max(coalesce((SELECT max(charge_id) FROM charges), 0),"
				       " coalesce((SELECT max(charge_id) FROM charge_history), 0)) + 1", 0);
	d->first_usage_id = query_int(db, "SELECT max(coalesce((SELECT max(usage_id) FROM usage), 0),"
				      " coalesce((SELECT max(usage_id) FROM usage_history), 0)) + 1", 0);
	if (d->first_charge_id < 0 || d->first_usage_id < 0)
		return sqlite3_errcode(db);
	rc = sqlite3_exec(db,
			  "CREATE TEMP TABLE IF NOT EXISTS delivery_keys (import_id INTEGER, provider TEXT,"
			  " billing_account_id TEXT, billing_period_start TEXT);"
			  "CREATE INDEX IF NOT EXISTS temp.delivery_keys_key ON delivery_keys"
			  " (provider, billing_account_id, billing_period_start, import_id);"
			  "CREATE TEMP TABLE IF NOT EXISTS moving (id INTEGER PRIMARY KEY);"
			  "DELETE FROM temp.delivery_keys;",
			  NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = dedup_begin_delivery(db, "charges");
	if (rc == SQLITE_OK)
		rc = dedup_begin_delivery(db, "usage");
	return rc;
}

int delivery_first_row_id(const struct delivery *d, const char *table, sqlite3_int64 *id)
{
	char *sql = sqlite3_mprintf("SELECT coalesce(max(rowid), 0) + 1 FROM %s", table);
	sqlite3_int64 next = sql ? query_int(d->db, sql, 0) : -1;
	sqlite3_int64 above = strcmp(table, "usage") ? d->first_charge_id : d->first_usage_id;

	sqlite3_free(sql);
	*id = next < above ? above : 0;
	return next < 0 ? SQLITE_ERROR : SQLITE_OK;
}

int statement_note_open(struct statement_note *n, sqlite3 *db)
{
	memset(n, 0, sizeof *n);
	return sqlite3_prepare_v2(db,
				  "INSERT INTO temp.delivery_keys SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS"
				  " (SELECT 1 FROM temp.delivery_keys WHERE provider IS ?2 AND"
				  " billing_account_id IS ?3 AND billing_period_start IS ?4 AND import_id = ?1)",
				  -1, &n->insert, NULL);
}

void statement_note_close(struct statement_note *n)
{
	sqlite3_finalize(n->insert);
	n->insert = NULL;
}

/* Whether key part i is text[0..length) (length < 0: NULL), as last noted. */
static int same_part(const struct statement_note *n, int i, const char *text, int length)
{
	if (length < 0)
		return n->key_null[i];
	return !n->key_null[i] && (size_t)length < sizeof n->key[i] &&
	       memcmp(n->key[i], text, (size_t)length) == 0 && n->key[i][length] == 0;
}

static void keep_part(struct statement_note *n, int i, const char *text, int length)
{
	n->key_null[i] = length < 0;
	if (length >= 0) {
		size_t k = (size_t)length < sizeof n->key[i] ? (size_t)length : sizeof n->key[i] - 1;
		memcpy(n->key[i], text, k);
		n->key[i][k] = 0;
	}
}

int statement_note_add(struct statement_note *n, sqlite3_int64 import_id, const char *provider,
		       const char *account, const char *period_start, int period_start_length)
{
	const char *texts[3] = {provider, account, period_start};
	int lengths[3], i, rc;

	lengths[0] = provider ? (int)strlen(provider) : -1;
	lengths[1] = account ? (int)strlen(account) : -1;
	lengths[2] = period_start && period_start_length > 0 ? period_start_length : -1;
	if (n->have_key && n->import_id == import_id && same_part(n, 0, texts[0], lengths[0]) &&
	    same_part(n, 1, texts[1], lengths[1]) && same_part(n, 2, texts[2], lengths[2]))
		return SQLITE_OK;
	sqlite3_bind_int64(n->insert, 1, import_id);
	for (i = 0; i < 3; i++) {
		if (lengths[i] >= 0)
			sqlite3_bind_text(n->insert, i + 2, texts[i], lengths[i], SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(n->insert, i + 2);
		keep_part(n, i, texts[i], lengths[i]);
	}
	/* A key too long for the buffer is noted every row: still right. */
	n->have_key = lengths[0] < 255 && lengths[1] < 255 && lengths[2] < 255;
	n->import_id = import_id;
	rc = sqlite3_step(n->insert);
	sqlite3_reset(n->insert);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int delivery_add_import(struct delivery *d, sqlite3_int64 import_id, const char *mode)
{
	int rc;
	char *sql;

	if (!d->id)
		d->id = import_id;
	sql = sqlite3_mprintf("INSERT INTO import_deliveries VALUES (?1, ?2, %Q)", mode);
	rc = sql ? exec2(d->db, sql, import_id, d->id) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc == SQLITE_OK)
		rc = exec2(d->db, "INSERT INTO import_statements SELECT import_id, provider,"
			   " billing_account_id, billing_period_start FROM temp.delivery_keys"
			   " WHERE import_id = ?1", import_id, 0);
	return rc;
}

/*
 * Moves the rows of `table` whose ids temp.moving lists into its history
 * table, superseded by the delivery; *moved gets their number.
 */
static int move_listed(struct delivery *d, const char *table, const char *history, const char *id,
		       long *moved)
{
	char *sql = sqlite3_mprintf("INSERT INTO %s SELECT t.*, ?1 FROM %s t WHERE t.%s IN"
				    " (SELECT id FROM temp.moving);"
				    " DELETE FROM %s WHERE %s IN (SELECT id FROM temp.moving)",
				    history, table, id, table, id);
	char *second;
	int rc;

	if (!sql)
		return SQLITE_NOMEM;
	second = strstr(sql, " DELETE");
	second[0] = 0;
	rc = exec2(d->db, sql, d->id, 0);
	if (rc == SQLITE_OK) {
		rc = exec2(d->db, second + 1, 0, 0);
		*moved += sqlite3_changes(d->db);
	}
	sqlite3_free(sql);
	return rc;
}

int delivery_supersede_charges(struct delivery *d)
{
	int rc;

	if (d->incremental || !d->id)
		return SQLITE_OK;
	/* A row without a billing period belongs to no statement: it is only
	 * ever added (de-duplicated). Nothing to replace unless an earlier bill
	 * import may share a key:
	 * one that covered one of them, or one from before statements were
	 * recorded. */
	if (query_int(d->db, "SELECT EXISTS (SELECT 1 FROM temp.delivery_keys k JOIN import_statements s"
		      " ON s.provider IS k.provider AND s.billing_account_id IS k.billing_account_id"
		      " AND s.billing_period_start IS k.billing_period_start AND s.import_id < ?1)"
		      " OR EXISTS (SELECT 1 FROM imports i WHERE i.kind = 'bill' AND i.import_id < ?1"
		      " AND NOT EXISTS (SELECT 1 FROM import_statements s WHERE s.import_id = i.import_id))",
		      d->first_import_id) == 0)
		return SQLITE_OK;
	rc = exec2(d->db, "DELETE FROM temp.moving", 0, 0);
	if (rc == SQLITE_OK)
		rc = exec2(d->db, "INSERT INTO temp.moving SELECT c.charge_id FROM charges c"
			   " WHERE c.charge_id < ?1 AND c.billing_period_start IS NOT NULL"
		   " AND EXISTS (SELECT 1 FROM temp.delivery_keys k WHERE k.provider IS c.provider"
		   " AND k.billing_account_id IS c.billing_account_id"
		   " AND k.billing_period_start IS c.billing_period_start)"
		   " AND NOT EXISTS (SELECT 1 FROM temp.charges_kept k WHERE k.row_key = c.row_key"
		   " AND k.occurrence = c.occurrence)", d->first_charge_id, 0);
	return rc == SQLITE_OK ? move_listed(d, "charges", "charge_history", "charge_id",
					     &d->charges_superseded) : rc;
}

/* The rows an nvidia-smi or sacct import re-covers (see delivery.h), into temp.moving. */
static const char nvidia_covered[] =
	"WITH mine AS (SELECT resource_id, usage_start, usage_end FROM usage WHERE import_id = ?1"
	"  UNION ALL SELECT u.resource_id, u.usage_start, u.usage_end FROM temp.usage_kept k"
	"  JOIN usage u ON u.row_key = k.row_key AND u.occurrence = k.occurrence),"
	" spans AS (SELECT resource_id, min(usage_start) AS s, max(usage_end) AS e FROM mine"
	"  GROUP BY resource_id)"
	" INSERT INTO temp.moving SELECT u.usage_id FROM usage u JOIN spans ON u.resource_id IS"
	" spans.resource_id AND u.usage_start < spans.e AND u.usage_end > spans.s"
	" JOIN imports i ON i.import_id = u.import_id AND i.format = 'nvidia-smi'"
	" WHERE u.usage_id < ?2 AND NOT EXISTS (SELECT 1 FROM temp.usage_kept k"
	"  WHERE k.row_key = u.row_key AND k.occurrence = u.occurrence)";
static const char sacct_covered[] =
	"WITH jobs AS (SELECT DISTINCT account, job_id FROM usage WHERE import_id = ?1"
	"  UNION SELECT u.account, u.job_id FROM temp.usage_kept k"
	"  JOIN usage u ON u.row_key = k.row_key AND u.occurrence = k.occurrence)"
	" INSERT INTO temp.moving SELECT u.usage_id FROM usage u JOIN jobs ON u.account IS"
	" jobs.account AND u.job_id = jobs.job_id"
	" JOIN imports i ON i.import_id = u.import_id AND i.format = 'sacct'"
	" WHERE u.usage_id < ?2 AND NOT EXISTS (SELECT 1 FROM temp.usage_kept k"
	"  WHERE k.row_key = u.row_key AND k.occurrence = u.occurrence)";

/* The rows a usage CSV event log re-covers, per job (see delivery.h), into temp.moving. */
static const char events_covered[] =
	"WITH mine AS (SELECT u.job_id, u.usage_start, u.usage_end FROM usage u"
	"  JOIN imports i ON i.import_id = u.import_id AND i.format = 'usage-events'"
	"  WHERE u.usage_id >= ?1"
	"  UNION ALL SELECT u.job_id, u.usage_start, u.usage_end FROM temp.usage_kept k"
	"  JOIN usage u ON u.row_key = k.row_key AND u.occurrence = k.occurrence"
	"  JOIN imports i ON i.import_id = u.import_id AND i.format = 'usage-events'),"
	" spans AS (SELECT job_id, min(usage_start) AS s, max(usage_end) AS e FROM mine"
	"  WHERE job_id IS NOT NULL GROUP BY job_id)"
	" INSERT INTO temp.moving SELECT u.usage_id FROM spans CROSS JOIN usage u ON u.job_id ="
	" spans.job_id AND u.usage_start < spans.e AND u.usage_end > spans.s"
	" JOIN imports i ON i.import_id = u.import_id AND i.format = 'usage-events'"
	" WHERE u.usage_id < ?1 AND NOT EXISTS (SELECT 1 FROM temp.usage_kept k"
	"  WHERE k.row_key = u.row_key AND k.occurrence = u.occurrence)";

int delivery_supersede_usage_events(struct delivery *d)
{
	int rc;

	/* Only a delivery with an event log can replace event-form intervals. */
	if (!d->id || query_int(d->db, "SELECT EXISTS (SELECT 1 FROM imports WHERE import_id >= ?1"
				" AND format = 'usage-events')", d->first_import_id) != 1)
		return SQLITE_OK;
	rc = exec2(d->db, "DELETE FROM temp.moving", 0, 0);
	if (rc == SQLITE_OK)
		rc = exec2(d->db, events_covered, d->first_usage_id, 0);
	return rc == SQLITE_OK ? move_listed(d, "usage", "usage_history", "usage_id",
					     &d->usage_superseded) : rc;
}

int delivery_supersede_usage(struct delivery *d, sqlite3_int64 import_id, const char *format)
{
	const char *sql = !strcmp(format, "nvidia-smi") ? nvidia_covered :
			  !strcmp(format, "sacct") ? sacct_covered : NULL;
	int rc;

	if (!sql || !d->id)
		return SQLITE_OK;
	rc = exec2(d->db, "DELETE FROM temp.moving", 0, 0);
	if (rc == SQLITE_OK)
		rc = exec2(d->db, sql, import_id, d->first_usage_id);
	return rc == SQLITE_OK ? move_listed(d, "usage", "usage_history", "usage_id",
					     &d->usage_superseded) : rc;
}

int delivery_discard_if_unchanged(struct delivery *d)
{
	int rc;

	if (!d->id || d->charges_superseded || d->usage_superseded)
		return SQLITE_OK;
	rc = exec2(d->db, "DELETE FROM import_statements WHERE import_id IN (SELECT import_id FROM"
		   " imports WHERE import_id >= ?1 AND rows_inserted = 0)", d->id, 0);
	if (rc == SQLITE_OK)
		rc = exec2(d->db, "DELETE FROM import_deliveries WHERE import_id IN (SELECT import_id FROM"
			   " imports WHERE import_id >= ?1 AND rows_inserted = 0)", d->id, 0);
	if (rc == SQLITE_OK)
		rc = exec2(d->db, "DELETE FROM imports WHERE import_id >= ?1 AND rows_inserted = 0",
			   d->id, 0);
	/* The delivery is named by the first import it kept, if any. */
	if (rc == SQLITE_OK)
		rc = exec2(d->db, "UPDATE import_deliveries SET delivery_id = (SELECT min(import_id) FROM"
			   " import_deliveries WHERE delivery_id = ?1) WHERE delivery_id = ?1", d->id, 0);
	if (rc == SQLITE_OK) {
		d->id = query_int(d->db, "SELECT coalesce(min(import_id), 0) FROM imports WHERE import_id >= ?1",
				  d->first_import_id);
		rc = d->id < 0 ? sqlite3_errcode(d->db) : SQLITE_OK;
	}
	return rc;
}
