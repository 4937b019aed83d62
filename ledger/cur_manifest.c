/* cur_manifest.c: see cur_manifest.h. */
#include "cur_manifest.h"

#include "ledger.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cur_manifest_is(const char *file)
{
	size_t n = strlen(file);

	return n > 5 && strcmp(file + n - 5, ".json") == 0;
}

/* The whole file as a string (malloc), or NULL. */
static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	long size;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (text = malloc((size_t)size + 1)) && fread(text, 1, (size_t)size, f) == (size_t)size) {
		text[size] = 0;
	} else {
		free(text);
		text = NULL;
	}
	fclose(f);
	return text;
}

int cur_manifest_each(sqlite3 *db, const char *manifest, int (*each)(void *context, const char *path),
		      void *context)
{
	const char *slash = strrchr(manifest, '/');
	int folder = slash ? (int)(slash - manifest) + 1 : 0, rc = SQLITE_OK, result = 0, parts = 0;
	char *text = read_all(manifest), *path;
	sqlite3_stmt *stmt = NULL;

	if (!text)
		return error_exit(EXIT_USAGE, "cannot read '%s': %s", manifest, strerror(errno));
	if (sqlite3_prepare_v2(db, "SELECT value FROM json_each(?1, '$.reportKeys') UNION ALL"
			       " SELECT value FROM json_each(?1, '$.dataFiles')", -1, &stmt, NULL) != SQLITE_OK)
		result = error_exit(EXIT_LEDGER, "%s", sqlite3_errmsg(db));
	else
		sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC);
	while (!result && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(stmt, 0);
		const char *name = key && strrchr(key, '/') ? strrchr(key, '/') + 1 : key;

		if (!name || !*name) {
			result = error_exit(EXIT_USAGE, "%s: a part that is not a file name", manifest);
			break;
		}
		path = sqlite3_mprintf("%.*s%s", folder, manifest, name);
		result = path ? each(context, path) : EXIT_LEDGER;
		sqlite3_free(path);
		parts++;
	}
	if (!result && rc != SQLITE_DONE)
		result = error_exit(EXIT_USAGE, "%s: not a CUR manifest: %s", manifest, sqlite3_errmsg(db));
	if (!result && parts == 0)
		result = error_exit(EXIT_USAGE, "%s: a JSON document, not CSV, and not a CUR manifest that "
				    "lists parts (reportKeys, dataFiles): import reads CSV files (" FORMAT_NAMES
				    "; docs/formats.md) and CUR manifests", manifest);
	sqlite3_finalize(stmt);
	free(text);
	return result;
}
