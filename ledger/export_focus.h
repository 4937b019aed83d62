/*
 * export_focus.h: the month's charges as a FOCUS 1.2 or 1.3 cost and usage
 * file (`costledger export --what charges --format focus`). Which column
 * comes from where: docs/exports.md.
 */
#ifndef COSTLEDGER_EXPORT_FOCUS_H
#define COSTLEDGER_EXPORT_FOCUS_H

#include <sqlite3.h>
#include <stdio.h>

/* The columns FOCUS requires a value in that the ledger may lack: --fill. */
enum focus_fill {
	FILL_PROVIDER, FILL_ACCOUNT, FILL_CURRENCY, FILL_SERVICE, FILL_CATEGORY, FILL_UNIT,
	FOCUS_FILLS
};

struct focus_options {
	int version;                    /* 12 or 13 */
	const char *fill[FOCUS_FILLS];  /* NULL: not given */
	char currency[4];               /* the --fill BillingCurrency, upper-cased */
};

/* Parses "1.2" or "1.3" into o->version; -1 when neither. */
int focus_version_set(struct focus_options *o, const char *text);

/* Parses --fill's "Column=Value" into o; prints the error and returns -1. */
int focus_fill_set(struct focus_options *o, const char *arg);

struct focus_plan;

/*
 * Reads the month [start, end) and decides the columns: every column the
 * version makes mandatory; a conditional one when the month has its data,
 * under the name x_NAME when some charge's value would break its FOCUS rule.
 * Prints why and returns EXIT_USAGE when a mandatory column would be null
 * where FOCUS forbids it (nothing is written then), EXIT_LEDGER on an
 * SQLite error, else 0 and *plan.
 */
int focus_plan_make(sqlite3 *db, const char *start, const char *end,
		    const struct focus_options *o, struct focus_plan **plan);

/* Writes the header and the rows; returns SQLite's code. */
int focus_plan_write(struct focus_plan *plan, FILE *out, const char *eol);

void focus_plan_free(struct focus_plan *plan);

#endif
