/*
 * plan_output.c: `costledger plan` rows into TEMP tables, then out as a
 * table, CSV or JSON (plan_output.h). Money is shown to the cent from
 * nanos (money_from_double of the formula's result).
 */
#include "plan_output.h"

#include "csv_out.h"
#include "money.h"

#include <stdio.h>
#include <string.h>

/* The cheapest on-demand option in currency, or NULL. */
static const struct plan_entry *cheapest_on_demand(const struct plan_entries *e, const char *currency)
{
	const struct plan_entry *best = NULL;
	size_t i;

	for (i = 0; i < e->count; i++)
		if (e->items[i].option.kind == PLAN_ON_DEMAND && e->items[i].result.has_cost &&
		    !strcmp(e->items[i].currency, currency) &&
		    (!best || e->items[i].result.cost < best->result.cost))
			best = &e->items[i];
	return best;
}

static const char create_sql[] =
	"DROP TABLE IF EXISTS temp.plan_rows; DROP TABLE IF EXISTS temp.plan_break_even;"
	"CREATE TEMP TABLE plan_rows (rank INTEGER PRIMARY KEY, provider TEXT, sku TEXT, region TEXT,"
	" pricing TEXT, currency TEXT, machines INTEGER, hourly REAL, hours REAL, billed_hours REAL,"
	" interruptions REAL, checkpoint_interval_hours REAL, mtbf_hours REAL, pause_fraction REAL,"
	" cost INTEGER, saving INTEGER, price_source TEXT, mtbf_source TEXT, pause_source TEXT,"
	" gpus_source TEXT);"
	"CREATE TEMP TABLE plan_break_even (rank INTEGER, against TEXT, hours REAL);";

static void bind_nanos(sqlite3_stmt *st, int i, int ok, double x)
{
	int64_t nanos;

	if (ok && money_from_double(x, &nanos, NULL) == MONEY_OK)
		sqlite3_bind_int64(st, i, nanos);
	else
		sqlite3_bind_null(st, i);
}

static void bind_real(sqlite3_stmt *st, int i, int ok, double x)
{
	if (ok)
		sqlite3_bind_double(st, i, x);
	else
		sqlite3_bind_null(st, i);
}

static void label(const struct plan_entry *p, char *buf, size_t size)
{
	snprintf(buf, size, "%s %s%s%s %s", p->provider, p->sku, p->region[0] ? " " : "", p->region,
		 p->pricing);
}

static int store_break_even(sqlite3_stmt *st, const struct plan_entries *e, size_t own)
{
	const struct plan_entry *o = &e->items[own];
	size_t i;
	int rc = SQLITE_OK;

	for (i = 0; i < e->count && rc == SQLITE_OK; i++) {
		const struct plan_entry *c = &e->items[i];
		char against[700];
		double hours;

		if (c->option.kind == PLAN_OWN || !c->result.has_cost || strcmp(c->currency, o->currency))
			continue;
		label(c, against, sizeof against);
		sqlite3_bind_int64(st, 1, (sqlite3_int64)own + 1);
		sqlite3_bind_text(st, 2, against, -1, SQLITE_TRANSIENT);
		if (plan_break_even(&o->option, &o->result, &c->result, &hours) == 0)
			sqlite3_bind_double(st, 3, hours);
		else
			sqlite3_bind_null(st, 3);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(sqlite3_db_handle(st));
		sqlite3_reset(st);
	}
	return rc;
}

static int store_row(sqlite3_stmt *st, const struct plan_entries *e, size_t i)
{
	const struct plan_entry *p = &e->items[i], *od = cheapest_on_demand(e, p->currency);
	const struct plan_result *r = &p->result;
	int spot = p->option.kind == PLAN_SPOT;

	sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
	sqlite3_bind_text(st, 2, p->provider, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, p->sku, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->region, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, p->pricing, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, p->currency, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, r->machines);
	sqlite3_bind_double(st, 8, r->hourly_total);
	bind_real(st, 9, r->has_cost, r->hours);
	bind_real(st, 10, r->has_cost, r->billed_hours);
	bind_real(st, 11, r->has_cost, r->interruptions);
	bind_real(st, 12, spot && r->has_cost, r->checkpoint_interval);
	bind_real(st, 13, spot && p->option.mtbf_hours > 0, p->option.mtbf_hours);
	sqlite3_bind_double(st, 14, p->option.pause_fraction);
	bind_nanos(st, 15, r->has_cost, r->cost);
	bind_nanos(st, 16, r->has_cost && od, od ? plan_saving(&od->result, r) : 0);
	sqlite3_bind_text(st, 17, p->price_source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 18, p->mtbf_source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 19, p->pause_source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 20, p->gpus_source, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sqlite3_errcode(sqlite3_db_handle(st));
	sqlite3_reset(st);
	return SQLITE_OK;
}

int plan_store_rows(sqlite3 *db, const struct plan_entries *e)
{
	sqlite3_stmt *row = NULL, *be = NULL;
	size_t i;
	int rc = sqlite3_exec(db, create_sql, NULL, NULL, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "INSERT INTO plan_rows VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
					" ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
					-1, &row, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "INSERT INTO plan_break_even VALUES (?1, ?2, ?3)", -1, &be,
					NULL);
	for (i = 0; rc == SQLITE_OK && i < e->count; i++) {
		rc = store_row(row, e, i);
		if (rc == SQLITE_OK && e->items[i].option.kind == PLAN_OWN)
			rc = store_break_even(be, e, i);
	}
	sqlite3_finalize(row);
	sqlite3_finalize(be);
	return rc;
}

/* Columns shared by the table and CSV: money as text to the cent, NULL stays empty. */
#define F4(x) "CASE WHEN " x " IS NOT NULL THEN printf('%.4f', " x ") END"
static const char select_sql[] =
	"SELECT rank, provider, sku, region, pricing, currency, machines, " F4("hourly") ","
	" " F4("hours") ", " F4("billed_hours") ", " F4("interruptions") ","
	" " F4("checkpoint_interval_hours") ", " F4("mtbf_hours") ","
	" " F4("pause_fraction") ", money_text(cost, 2), money_text(saving, 2),"
	" (SELECT group_concat(against || ': ' || coalesce(printf('%.1f h', hours), 'never'), '; ')"
	"  FROM plan_break_even b WHERE b.rank = p.rank),"
	" price_source, mtbf_source, pause_source, gpus_source FROM plan_rows p ORDER BY rank";

static const char *const csv_header[] = {
	"rank", "provider", "sku", "region", "pricing", "currency", "machines", "hourly", "hours",
	"billed_hours", "interruptions", "checkpoint_interval_hours", "mtbf_hours", "pause_fraction",
	"cost", "saving", "break_even", "price_source", "mtbf_source", "pause_source", "gpus_source",
};
#define PLAN_COLUMNS (sizeof csv_header / sizeof csv_header[0])

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

static void print_csv(sqlite3_stmt *st, FILE *out)
{
	size_t i;

	for (i = 0; i < PLAN_COLUMNS; i++)
		fprintf(out, "%s%s", csv_header[i], i + 1 < PLAN_COLUMNS ? "," : "\n");
	while (sqlite3_step(st) == SQLITE_ROW)
		for (i = 0; i < PLAN_COLUMNS; i++) {
			int text = (i >= 1 && i <= 5) || i >= 16;
			if (text)
				csv_out_text(out, col(st, (int)i));
			else
				csv_out_number(out, col(st, (int)i));
			fputs(i + 1 < PLAN_COLUMNS ? "," : "\n", out);
		}
}

static void print_table(sqlite3_stmt *st, const struct plan_args *a, FILE *out)
{
	fprintf(out, "plan: %.1f GPU-hours (%s) on %d GPUs, checkpoint %g min, restart %g min;"
		" rates in force at %s\n\n", a->gpu_hours, a->gpu_hours_source, a->gpus,
		a->checkpoint_min, a->restart_min, a->at);
	fprintf(out, "%3s %-38s %-9s %4s %10s %10s %8s %8s %14s %14s\n", "#", "option", "pricing",
		"mach", "hours", "billed_h", "interr", "ckpt_h", "cost", "saving");
	while (sqlite3_step(st) == SQLITE_ROW) {
		char option[400];
		snprintf(option, sizeof option, "%s %s%s%s", col(st, 1), col(st, 2),
			 *col(st, 3) ? " " : "", col(st, 3));
		fprintf(out, "%3s %-38s %-9s %4s %10.10s %10.10s %8.8s %8.8s %10s %-3s %14s\n",
			col(st, 0), option, col(st, 4), col(st, 6), *col(st, 8) ? col(st, 8) : "-",
			*col(st, 9) ? col(st, 9) : "-", *col(st, 10) ? col(st, 10) : "-",
			*col(st, 11) ? col(st, 11) : "-", *col(st, 14) ? col(st, 14) : "-", col(st, 5),
			*col(st, 15) ? col(st, 15) : "-");
		fprintf(out, "      price: %s; %s\n      mtbf: %s; pause: %s\n", col(st, 17),
			col(st, 20), col(st, 18), col(st, 19));
		if (*col(st, 16))
			fprintf(out, "      break-even: %s\n", col(st, 16));
	}
}

static const char json_sql[] =
	"SELECT json_object('job', json_object('gpu_hours', ?1, 'gpu_hours_source', ?2, 'gpus', ?3,"
	" 'checkpoint_minutes', ?4, 'restart_minutes', ?5, 'at', ?6),"
	" 'options', (SELECT json_group_array(json_object('rank', rank, 'provider', provider,"
	"  'sku', sku, 'region', region, 'pricing', pricing, 'currency', currency,"
	"  'machines', machines, 'hourly', hourly, 'hours', hours, 'billed_hours', billed_hours,"
	"  'interruptions', interruptions, 'checkpoint_interval_hours', checkpoint_interval_hours,"
	"  'mtbf_hours', mtbf_hours, 'pause_fraction', pause_fraction,"
	"  'cost', money_text(cost, 2), 'saving', money_text(saving, 2),"
	"  'break_even', CASE WHEN pricing = 'own' THEN (SELECT json_group_array(json_object("
	"    'against', against, 'hours', hours)) FROM plan_break_even b WHERE b.rank = p.rank) END,"
	"  'sources', json_object('price', price_source, 'mtbf', mtbf_source,"
	"    'pause', pause_source, 'gpus', gpus_source)))"
	"  FROM (SELECT * FROM plan_rows ORDER BY rank) p))";

static int print_json(sqlite3 *db, const struct plan_args *a, FILE *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, json_sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_double(st, 1, a->gpu_hours);
	sqlite3_bind_text(st, 2, a->gpu_hours_source, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, a->gpus);
	sqlite3_bind_double(st, 4, a->checkpoint_min);
	sqlite3_bind_double(st, 5, a->restart_min);
	sqlite3_bind_text(st, 6, a->at, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fprintf(out, "%s\n", col(st, 0));
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int plan_print(sqlite3 *db, const struct plan_args *a, FILE *out)
{
	sqlite3_stmt *st;
	int rc;

	if (!strcmp(a->format, "json"))
		return print_json(db, a, out);
	if ((rc = sqlite3_prepare_v2(db, select_sql, -1, &st, NULL)) != SQLITE_OK)
		return rc;
	if (!strcmp(a->format, "csv"))
		print_csv(st, out);
	else
		print_table(st, a, out);
	sqlite3_finalize(st);
	return SQLITE_OK;
}
