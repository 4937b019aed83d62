/*
 * store_usage.c: one prepared INSERT per usage interval, de-duplicated by
 * (row_key, occurrence) through store_dedup.c, as charges are.
 */
#include "store_usage.h"

#include "timeparse.h"

#include <stdlib.h>
#include <string.h>

struct usage_store {
	sqlite3_stmt *insert;
	struct dedup dedup;
	sqlite3_int64 first_id;             /* to bind to the first row, else 0 */
};

static const char insert_sql[] =
	"INSERT INTO usage (import_id, source_file, source_line, row_key, occurrence, provider,"
	" account, project, job_id, run_id, epoch, planned_epochs, resource_id, instance_type,"
	" pricing, gpus, usage_start, usage_end, state, gpu_utilization, attributes, usage_id)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
	" ?18, ?19, ?20, ?21, ?22) ON CONFLICT (row_key, occurrence) DO NOTHING";

int usage_store_open(sqlite3 *db, const struct delivery *delivery, sqlite3_int64 import_id,
		     struct usage_store **out)
{
	struct usage_store *s = calloc(1, sizeof *s);
	int rc;

	*out = NULL;
	if (!s)
		return SQLITE_NOMEM;
	rc = dedup_open(&s->dedup, db, "usage", import_id);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, insert_sql, -1, &s->insert, NULL);
	if (rc == SQLITE_OK)
		rc = delivery_first_row_id(delivery, "usage", &s->first_id);
	if (rc == SQLITE_OK && s->first_id)
		rc = sqlite3_bind_int64(s->insert, 22, s->first_id);
	if (rc != SQLITE_OK) {
		usage_store_close(s);
		return rc;
	}
	*out = s;
	return SQLITE_OK;
}

void usage_store_close(struct usage_store *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->insert);
	dedup_close(&s->dedup);
	free(s);
}

static void bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(stmt, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(stmt, i);
}

static void bind_long(sqlite3_stmt *stmt, int i, int present, long v)
{
	if (present)
		sqlite3_bind_int64(stmt, i, v);
	else
		sqlite3_bind_null(stmt, i);
}

int usage_store_add(struct usage_store *s, sqlite3_int64 import_id, const char *source_file,
		    const struct usage_record *r, enum store_outcome *outcome)
{
	sqlite3_stmt *st = s->insert;
	char start[32], end[32];
	int rc;

	sqlite3_bind_int64(st, 1, import_id);
	sqlite3_bind_text(st, 2, source_file, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, r->source_line);
	sqlite3_bind_blob(st, 4, r->row_key, 16, SQLITE_TRANSIENT);
	bind_text(st, 6, r->provider);
	bind_text(st, 7, r->account);
	bind_text(st, 8, r->project);
	bind_text(st, 9, r->job_id);
	bind_text(st, 10, r->run_id);
	bind_long(st, 11, r->has_epoch, r->epoch);
	bind_long(st, 12, r->has_planned, r->planned_epochs);
	bind_text(st, 13, r->resource_id);
	bind_text(st, 14, r->instance_type);
	bind_text(st, 15, r->pricing);
	bind_long(st, 16, r->has_gpus, r->gpus);
	time_format(r->start_ms, start, sizeof start);
	time_format(r->end_ms, end, sizeof end);
	bind_text(st, 17, start);
	bind_text(st, 18, end);
	bind_text(st, 19, r->state);
	if (r->has_util)
		sqlite3_bind_double(st, 20, r->util);
	else
		sqlite3_bind_null(st, 20);
	bind_text(st, 21, r->attributes);

	rc = dedup_insert(&s->dedup, st, r->row_key, outcome);
	if (rc == SQLITE_OK && s->first_id && *outcome == STORE_INSERTED) {
		s->first_id = 0;
		sqlite3_bind_null(st, 22);
	}
	return rc;
}
