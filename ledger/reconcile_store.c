/*
 * reconcile_store.c: a run's findings, totals and tolerance, stored
 * (reconcile_store.h).
 */
#include "reconcile_store.h"

#include "money.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

const char *const reconcile_kind_names[K_COUNT] = {
	"correction", "late_correction", "duplicate_charge", "currency_mismatch",
	"unexplained_charge", "billed_while_paused", "discount_missing", "rate_mismatch",
	"unbilled_usage",
};

void pieces_add(struct pieces *p, const struct piece *piece)
{
	struct piece *q;

	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 256;
		struct piece *grown = realloc(p->v, cap * sizeof *grown);
		if (!grown) {
			p->failed = 1;
			return;
		}
		p->v = grown;
		p->cap = cap;
	}
	q = &p->v[p->n];
	*q = *piece;
	q->provider = piece->provider ? strdup(piece->provider) : NULL;
	q->project = piece->project ? strdup(piece->project) : NULL;
	q->resource = piece->resource ? strdup(piece->resource) : NULL;
	if ((piece->provider && !q->provider) || (piece->project && !q->project) ||
	    (piece->resource && !q->resource)) {
		free(q->provider);
		free(q->project);
		free(q->resource);
		p->failed = 1;
		return;
	}
	p->n++;
}

void pieces_free(struct pieces *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].provider);
		free(p->v[i].project);
		free(p->v[i].resource);
	}
	free(p->v);
	memset(p, 0, sizeof *p);
}

struct currency_total *totals_get(struct totals *t, const char *currency)
{
	size_t i;
	const char *c = currency ? currency : "";

	for (i = 0; i < t->n && strcmp(t->v[i].currency, c) < 0; i++)
		;
	if (i < t->n && !strcmp(t->v[i].currency, c))
		return &t->v[i];
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 4;
		struct currency_total *grown = realloc(t->v, cap * sizeof *grown);
		if (!grown)
			return NULL;
		t->v = grown;
		t->cap = cap;
	}
	memmove(&t->v[i + 1], &t->v[i], (t->n - i) * sizeof *t->v);
	t->n++;
	memset(&t->v[i], 0, sizeof t->v[i]);
	snprintf(t->v[i].currency, sizeof t->v[i].currency, "%s", c);
	return &t->v[i];
}

void totals_free(struct totals *t)
{
	free(t->v);
	memset(t, 0, sizeof *t);
}

int tolerance_parse(const char *text, struct tolerance *t, const char **bad)
{
	const char *item = text;
	int seen_all = 0;

	memset(t, 0, sizeof *t);
	for (;;) {
		const char *end = strchr(item, ','), *amount_end;
		size_t len = end ? (size_t)(end - item) : strlen(item);
		char code[4] = "";
		int64_t v;

		*bad = item;
		amount_end = item + len;
		/* A trailing code of three letters, after the amount. */
		if (len > 3 && isalpha((unsigned char)amount_end[-1]) &&
		    isalpha((unsigned char)amount_end[-2]) && isalpha((unsigned char)amount_end[-3])) {
			char letters[4] = {amount_end[-3], amount_end[-2], amount_end[-1], 0};
			if (currency_code(letters, code) < 0)
				return -1;
			amount_end -= 3;
		}
		if (money_parse(item, (size_t)(amount_end - item), &v, NULL) != MONEY_OK || v < 0)
			return -1;
		if (!code[0]) {
			if (seen_all)
				return -1;
			seen_all = 1;
			t->all = v;
		} else {
			for (size_t i = 0; i < t->n; i++)
				if (!strcmp(t->currency[i], code))
					return -1;
			if (t->n == TOLERANCE_MAX)
				return -1;
			memcpy(t->currency[t->n], code, 4);
			t->amount[t->n++] = v;
		}
		if (!end)
			return 0;
		item = end + 1;
	}
}

int64_t tolerance_for(const struct tolerance *t, const char *currency)
{
	for (size_t i = 0; i < t->n; i++)
		if (currency && !strcmp(t->currency[i], currency))
			return t->amount[i];
	return t->all;
}

void amount_text(__int128 nanos, char *buf, size_t size)
{
	struct money_sum s;

	s.total_low = (uint64_t)nanos;
	s.total_high = (int64_t)(nanos >> 64);
	s.count = 1;
	if (money_sum_format(&s, buf, size) < 0)
		snprintf(buf, size, "?");
}

static int cmp_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

/* Providers group case-insensitively ("AWS" and "aws" are one). */
static int piece_group_cmp(const struct piece *a, const struct piece *b)
{
	int c;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if ((c = strcasecmp(a->provider ? a->provider : "", b->provider ? b->provider : "")) ||
	    (c = cmp_text(a->resource, b->resource)) || (c = cmp_text(a->project, b->project)) ||
	    (c = strcmp(a->currency, b->currency)) || (c = strcmp(a->note, b->note)))
		return c;
	return 0;
}

static int piece_cmp(const void *pa, const void *pb)
{
	const struct piece *a = pa, *b = pb;
	int c = piece_group_cmp(a, b);

	if (c)
		return c;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static void iso(int64_t t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&tt, &tm));
}

static int too_big(char *err, size_t size, const char *what, const char *currency, __int128 v)
{
	char text[64];

	amount_text(v, text, sizeof text);
	snprintf(err, size, "%s in '%s' is %s: it does not fit in 64-bit nanos", what,
		 currency, text);
	return SQLITE_TOOBIG;
}

static int fits(__int128 v)
{
	return v >= INT64_MIN && v <= INT64_MAX;
}

/* One group's sums. */
struct group {
	const struct piece *first;
	size_t count;
	__int128 billed, expected;
	int64_t seconds, start, end;
};

static char *id_list(const struct piece *v, size_t n)
{
	size_t len = 2 + 22 * n, pos = 0;
	char *ids = malloc(len);

	if (!ids)
		return NULL;
	ids[pos++] = '[';
	for (size_t k = 0; k < n; k++)
		pos += (size_t)snprintf(ids + pos, len - pos, "%s%lld", k ? "," : "",
					(long long)v[k].id);
	ids[pos++] = ']';
	ids[pos] = 0;
	return ids;
}

static void detail_of(const struct group *g, char *buf, size_t size)
{
	const struct piece *p = g->first;
	const char *unit = p->kind == K_UNBILLED ? (g->count == 1 ? "usage interval" : "usage intervals")
						 : (g->count == 1 ? "charge" : "charges");

	if (p->kind == K_LATE_CORRECTION)
		snprintf(buf, size, "%zu %s, correcting %s", g->count, unit, p->note);
	else if (p->kind == K_CURRENCY)
		snprintf(buf, size, "%zu %s in '%s', rate in '%s', no fx rate", g->count, unit,
			 p->currency, p->note);
	else
		snprintf(buf, size, "%zu %s", g->count, unit);
}

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* Resets st and binds ?1 to ?5, as findings and reconciliation_parts both
 * begin: the run, the kind, provider, project, resource. */
static void bind_subject(sqlite3_stmt *st, sqlite3_int64 run_id, const struct piece *p)
{
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_text(st, 2, reconcile_kind_names[p->kind], -1, SQLITE_STATIC);
	bind_text_or_null(st, 3, p->provider);
	bind_text_or_null(st, 4, p->project);
	bind_text_or_null(st, 5, p->resource);
}

/* Inserts piece p of run_id into reconciliation_parts: one row per charge
 * (per usage interval for unbilled usage), so that the report converts each
 * amount on its own day (docs/reconcile.md "Stored runs"). */
static int store_part(sqlite3_stmt *part, sqlite3_int64 run_id, const struct piece *p)
{
	char a[32], ids[32];

	iso(p->start, a, sizeof a);
	snprintf(ids, sizeof ids, "[%lld]", (long long)p->id);
	bind_subject(part, run_id, p);
	sqlite3_bind_text(part, 6, p->currency, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(part, 7, a, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(part, 8, p->billed);
	sqlite3_bind_int64(part, 9, p->expected);
	sqlite3_bind_int64(part, 10, p->billed - p->expected);
	if (p->kind == K_UNBILLED)
		sqlite3_bind_null(part, 11);
	else
		sqlite3_bind_text(part, 11, ids, -1, SQLITE_TRANSIENT);
	return sqlite3_step(part) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
}

/* Inserts group g into findings. */
static int store_group(sqlite3_stmt *finding, sqlite3_int64 run_id, const struct group *g)
{
	const struct piece *p = g->first;
	char a[32], b[32], detail[128];
	char *ids = id_list(p, g->count);
	int rc = SQLITE_OK;

	if (!ids)
		return SQLITE_NOMEM;
	iso(g->start, a, sizeof a);
	iso(g->end, b, sizeof b);
	detail_of(g, detail, sizeof detail);
	bind_subject(finding, run_id, p);
	sqlite3_bind_text(finding, 6, a, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(finding, 7, b, -1, SQLITE_TRANSIENT);
	sqlite3_bind_double(finding, 8, (double)g->seconds / 3600.0);
	sqlite3_bind_int64(finding, 9, (int64_t)g->billed);
	sqlite3_bind_int64(finding, 10, (int64_t)g->expected);
	sqlite3_bind_int64(finding, 11, (int64_t)(g->billed - g->expected));
	bind_text_or_null(finding, 12, p->kind == K_UNBILLED ? NULL : ids);
	bind_text_or_null(finding, 13, p->kind == K_UNBILLED ? ids : NULL);
	sqlite3_bind_text(finding, 14, detail, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(finding, 15, p->currency, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(finding) != SQLITE_DONE)
		rc = SQLITE_ERROR;
	free(ids);
	return rc;
}

static int store_findings(sqlite3 *db, sqlite3_int64 run_id, const struct tolerance *tol,
			  struct pieces *pieces, struct totals *totals, long *stored, char *err,
			  size_t err_size)
{
	sqlite3_stmt *finding = NULL, *part = NULL;
	size_t i = 0, j;
	int rc;

	*stored = 0;
	if (pieces->n)
		qsort(pieces->v, pieces->n, sizeof *pieces->v, piece_cmp);
	rc = sqlite3_prepare_v2(db,
		"INSERT INTO findings (reconciliation_id, kind, provider, project, resource_id,"
		" period_start, period_end, hours, billed, expected, difference, charge_ids,"
		" usage_ids, detail, currency) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
		" ?12, ?13, ?14, ?15)", -1, &finding, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db,
			"INSERT INTO reconciliation_parts (reconciliation_id, kind, provider, project,"
			" resource_id, currency, period_start, billed, expected, difference, charge_ids)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", -1, &part, NULL);
	while (rc == SQLITE_OK && i < pieces->n) {
		struct group g = {&pieces->v[i], 0, 0, 0, 0, pieces->v[i].start, pieces->v[i].end};
		__int128 diff;
		int above;

		for (j = i; j < pieces->n && piece_group_cmp(g.first, &pieces->v[j]) == 0; j++) {
			const struct piece *p = &pieces->v[j];
			g.billed += p->billed;
			g.expected += p->expected;
			g.seconds += p->seconds;
			if (p->start < g.start)
				g.start = p->start;
			if (p->end > g.end)
				g.end = p->end;
		}
		g.count = j - i;
		diff = g.billed - g.expected;
		if (!fits(g.billed) || !fits(g.expected) || !fits(diff)) {
			rc = too_big(err, err_size, "a finding's amount", g.first->currency,
				     fits(g.billed) ? (fits(g.expected) ? diff : g.expected) : g.billed);
			break;
		}
		/* A currency mismatch is never a number to compare: always shown. */
		above = g.first->kind == K_CURRENCY ||
			(diff < 0 ? -diff : diff) > tolerance_for(tol, g.first->currency);
		/* Every piece that differs, whatever the group's sum: converted on
		 * their own days, differences of opposite sign need not cancel. */
		for (size_t k = i; rc == SQLITE_OK && k < j; k++)
			if (pieces->v[k].billed != pieces->v[k].expected || g.first->kind == K_CURRENCY)
				rc = store_part(part, run_id, &pieces->v[k]);
		if (rc == SQLITE_OK && above)
			rc = store_group(finding, run_id, &g);
		if (rc == SQLITE_OK && above) {
			struct currency_total *t = totals_get(totals, g.first->currency);
			if (!t)
				rc = SQLITE_NOMEM;
			else
				t->findings++;
			(*stored)++;
		}
		i = j;
	}
	sqlite3_finalize(finding);
	sqlite3_finalize(part);
	return rc;
}

static int store_totals(sqlite3 *db, sqlite3_int64 run_id, const struct tolerance *tol,
			const struct totals *totals, char *err, size_t err_size)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
		"INSERT INTO reconciliation_totals (reconciliation_id, currency, tolerance, charges,"
		" billed_total, expected_total, findings_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
		-1, &st, NULL);

	for (size_t i = 0; rc == SQLITE_OK && i < totals->n; i++) {
		const struct currency_total *t = &totals->v[i];

		if (!fits(t->billed))
			rc = too_big(err, err_size, "the billed total", t->currency, t->billed);
		else if (!fits(t->expected))
			rc = too_big(err, err_size, "the expected total", t->currency, t->expected);
		if (rc != SQLITE_OK)
			break;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, run_id);
		sqlite3_bind_text(st, 2, t->currency, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, tolerance_for(tol, t->currency));
		sqlite3_bind_int64(st, 4, t->charges);
		sqlite3_bind_int64(st, 5, (int64_t)t->billed);
		sqlite3_bind_int64(st, 6, (int64_t)t->expected);
		sqlite3_bind_int64(st, 7, t->findings);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = SQLITE_ERROR;
	}
	sqlite3_finalize(st);
	return rc;
}

int reconcile_store(sqlite3 *db, const struct run_record *rec, struct pieces *pieces,
		    struct totals *totals, sqlite3_int64 *run_id, char *err, size_t err_size)
{
	sqlite3_stmt *st = NULL;
	char now[32];
	time_t t = time(NULL);
	struct tm tm;
	long stored = 0;
	int rc;

	err[0] = 0;
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
	rc = sqlite3_prepare_v2(db,
		"INSERT INTO reconciliations (month, provider, tolerance, run_at, last_import_id,"
		" charges_seen, usage_seen, billed_total, expected_total, findings_count)"
		" VALUES (?1, ?2, ?3, ?4, (SELECT max(import_id) FROM imports), ?5, ?6, ?7, ?8, 0)",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, rec->month, -1, SQLITE_STATIC);
	bind_text_or_null(st, 2, rec->provider);
	sqlite3_bind_int64(st, 3, rec->tolerance->all);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, rec->charges_seen);
	sqlite3_bind_int64(st, 6, rec->usage_seen);
	/* One currency (or none): its totals here too; several: NULL. */
	if (totals->n == 0) {
		sqlite3_bind_int64(st, 7, 0);
		sqlite3_bind_int64(st, 8, 0);
	} else if (totals->n == 1 && fits(totals->v[0].billed) && fits(totals->v[0].expected)) {
		sqlite3_bind_int64(st, 7, (int64_t)totals->v[0].billed);
		sqlite3_bind_int64(st, 8, (int64_t)totals->v[0].expected);
	}
	rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	sqlite3_finalize(st);
	*run_id = sqlite3_last_insert_rowid(db);
	if (rc == SQLITE_OK)
		rc = store_findings(db, *run_id, rec->tolerance, pieces, totals, &stored, err, err_size);
	if (rc == SQLITE_OK)
		rc = store_totals(db, *run_id, rec->tolerance, totals, err, err_size);
	if (rc == SQLITE_OK) {
		char sql[128];
		snprintf(sql, sizeof sql, "UPDATE reconciliations SET findings_count = %ld"
			 " WHERE reconciliation_id = %lld", stored, (long long)*run_id);
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	}
	return rc;
}
