/*
 * ledger_uri.c: a ledger's path as a read-only, immutable SQLite URI
 * (https://sqlite.org/uri.html): the path is percent-encoded, since SQLite
 * decodes %HH, ends the path at '?' and drops everything from '#'.
 */
#include "ledger_uri.h"

#include <sqlite3.h>
#include <string.h>

static const char query[] = "?mode=ro&immutable=1";

static int unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

char *ledger_immutable_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t length = strlen(path), n = 0;
	const unsigned char *p;
	char *uri = sqlite3_malloc64(sizeof "file://" + 3 * length + sizeof query);

	if (!uri)
		return NULL;
	memcpy(uri, "file:", 5);
	n = 5;
	if (path[0] == '/') {
		memcpy(uri + n, "//", 2);
		n += 2;
	}
	for (p = (const unsigned char *)path; *p; p++) {
		if (unreserved(*p)) {
			uri[n++] = (char)*p;
		} else {
			uri[n++] = '%';
			uri[n++] = hex[*p >> 4];
			uri[n++] = hex[*p & 15];
		}
	}
	memcpy(uri + n, query, sizeof query);
	return uri;
}
