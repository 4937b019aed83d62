/* cur_manifest.h: the parts an AWS CUR manifest lists. */
#ifndef COSTLEDGER_CUR_MANIFEST_H
#define COSTLEDGER_CUR_MANIFEST_H

#include <sqlite3.h>

/* The formats import reads, for its messages. */
#define FORMAT_NAMES "focus, aws-cur, usage, sacct, nvidia-smi, rates, budgets, fx-rates, hardware, invoices"

/* Whether a file given to import is a manifest (its name ends in .json). */
int cur_manifest_is(const char *file);

/*
 * Calls each(context, path) for every part the manifest lists (legacy
 * "reportKeys", CUR 2.0 "dataFiles": S3 keys or URLs), each looked for by
 * its file name in the manifest's folder; the JSON is read with SQLite's
 * json_each. Returns the first non-zero each() result, EXIT_USAGE for a
 * manifest that cannot be read or lists nothing (the error printed), or 0.
 */
int cur_manifest_each(sqlite3 *db, const char *manifest, int (*each)(void *context, const char *path),
		      void *context);

#endif
