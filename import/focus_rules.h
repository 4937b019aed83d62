/*
 * focus_rules.h: a FOCUS file checked against the specification's
 * machine-checkable requirements, row by row, exactly (amounts in nanos).
 * The header goes through the one bill header mapping (bill.h); this only
 * reads the fields it found. No SQLite here. The rules: docs/validate.md.
 */
#ifndef COSTLEDGER_FOCUS_RULES_H
#define COSTLEDGER_FOCUS_RULES_H

#include "bill.h"
#include "reader.h"

struct focus_rules;

/* One rule some row (or the header) breaks. */
struct focus_violation {
	char id[64];            /* as the FOCUS requirements name it, "CAU-" in 1.3 */
	char sentence[160];     /* the rule in our words */
	int must;               /* a MUST requirement: the id ends -M or -C (mandatory,
				 * or MUST under a condition), not -O (optional) */
	long rows;              /* rows breaking it; 1 for the header */
	long first_line;        /* line of the first one (1: the header) */
};

/* Checks the header against `mapping` (a FOCUS mapping); NULL when out of memory. */
struct focus_rules *focus_rules_new(const struct bill_mapping *mapping, const struct csv_row *header);
void focus_rules_free(struct focus_rules *rules);

/* Checks one data row (as many fields as the header). -1 when out of memory. */
int focus_rules_row(struct focus_rules *rules, const struct csv_row *row);

/* The rules broken so far, in the order of docs/validate.md; returns how many. */
size_t focus_rules_violations(const struct focus_rules *rules, struct focus_violation *out,
			      size_t size);

/* How many rules there are (the size focus_rules_violations may need). */
size_t focus_rules_count(void);

/* How many MUST rules are broken. */
size_t focus_rules_must_broken(const struct focus_rules *rules);

/*
 * The rules broken as a JSON object for the import report, {"ID":rows,...}
 * ({} when none). Returns the length written (truncated to size).
 */
int focus_rules_report(const struct focus_rules *rules, char *buf, size_t size);

/* The data rows checked. */
long focus_rules_rows(const struct focus_rules *rules);

#endif
