/*
 * reconcile_store.h: a run's pieces summed into findings, its totals per
 * currency, the tolerance per currency, and the stored run
 * (reconciliations, reconciliation_totals, findings, reconciliation_parts).
 */
#ifndef COSTLEDGER_RECONCILE_STORE_H
#define COSTLEDGER_RECONCILE_STORE_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum kind {
	K_CORRECTION, K_LATE_CORRECTION, K_DUPLICATE, K_CURRENCY, K_UNEXPLAINED, K_PAUSED,
	K_DISCOUNT, K_RATE, K_UNBILLED, K_COUNT
};

extern const char *const reconcile_kind_names[K_COUNT];

/* One per-charge (or per-usage) piece of a finding, before summing. */
struct piece {
	int kind;
	char *provider, *project, *resource;
	char currency[4];       /* "" when the charge names none */
	char note[8];           /* late_correction: the month corrected;
				 * currency_mismatch: the rate's currency */
	int64_t start, end, seconds;
	int64_t billed, expected;
	sqlite3_int64 id;       /* charge_id, or usage_id for unbilled_usage */
};

struct pieces {
	struct piece *v;
	size_t n, cap;
	int failed;             /* out of memory */
};

void pieces_add(struct pieces *p, const struct piece *piece);
void pieces_free(struct pieces *p);

/* A run's sums in one currency: 128 bits, checked when stored. */
struct currency_total {
	char currency[4];
	long charges, findings;
	__int128 billed, expected;
};

struct totals {
	struct currency_total *v;   /* by currency */
	size_t n, cap;
};

/* The total of currency, added in its place; NULL when out of memory. */
struct currency_total *totals_get(struct totals *t, const char *currency);
void totals_free(struct totals *t);

#define TOLERANCE_MAX 16

/* --tolerance: one amount for every currency, and amounts of their own. */
struct tolerance {
	int64_t all;
	size_t n;
	char currency[TOLERANCE_MAX][4];
	int64_t amount[TOLERANCE_MAX];
};

/*
 * Parses "0.50" (every currency), "0.50USD,50JPY" (each its own; others 0)
 * or both ("0.10,50JPY"). Amounts are decimals >= 0, a currency code may
 * follow a space. Returns 0, or -1 with *bad pointing at the item at fault.
 */
int tolerance_parse(const char *text, struct tolerance *t, const char **bad);
int64_t tolerance_for(const struct tolerance *t, const char *currency);

struct run_record {
	const char *month, *provider;
	const struct tolerance *tolerance;
	long charges_seen, usage_seen;
};

/*
 * Stores the run: pieces summed per kind, provider (case-folded), resource,
 * project, currency and note into findings (those above the currency's
 * tolerance), every piece that differs into reconciliation_parts (one row
 * per charge or usage interval, whatever the tolerance), and the totals. A sum that does
 * not fit in int64 nanos is an error: SQLITE_TOOBIG with err filled.
 */
int reconcile_store(sqlite3 *db, const struct run_record *rec, struct pieces *pieces,
		    struct totals *totals, sqlite3_int64 *run_id, char *err, size_t err_size);

/* A 128-bit amount of nanos as decimal text with 9 decimals (48 bytes). */
void amount_text(__int128 nanos, char *buf, size_t size);

#endif
