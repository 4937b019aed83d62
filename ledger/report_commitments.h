/* report_commitments.h: the report's section on commitment use (the view
 * commitment_use): per commitment of the month, used and unused, utilisation. */
#ifndef COSTLEDGER_REPORT_COMMITMENTS_H
#define COSTLEDGER_REPORT_COMMITMENTS_H

#include <sqlite3.h>
#include <stdio.h>

#include "json_text.h"

/* As a table after the report's (nothing when the month has no commitment). */
int report_commitments_table(sqlite3 *db, const char *month, FILE *out);

/* As a JSON array of objects (amounts as decimal text, exact). */
int report_commitments_json(sqlite3 *db, const char *month, struct json_writer *w);

#endif
