/* named_columns.c: see named_columns.h. */
#include "named_columns.h"

#include "usage.h"

#include <stdio.h>
#include <string.h>

static int column_of(const struct named_columns *spec, const char *folded)
{
	size_t i;

	for (i = 0; i < spec->count; i++)
		if (!strcmp(folded, spec->names[i].folded))
			return spec->names[i].column;
	return -1;
}

unsigned named_columns_seen(const struct named_columns *spec, const char *line)
{
	char name[128], folded[128];
	unsigned seen = 0;
	const char *p = line, *comma;
	int c;

	for (;;) {
		size_t n;
		comma = strpbrk(p, ",\n");
		n = comma ? (size_t)(comma - p) : strlen(p);
		/* Quotes and a trailing CR are not part of a name. */
		while (n && (p[0] == '"' || p[0] == ' ')) {
			p++;
			n--;
		}
		while (n && (p[n - 1] == '"' || p[n - 1] == ' ' || p[n - 1] == '\r'))
			n--;
		snprintf(name, sizeof name, "%.*s", (int)(n < sizeof name ? n : sizeof name - 1), p);
		usage_fold(name, folded, sizeof folded);
		if ((c = column_of(spec, folded)) >= 0)
			seen |= 1u << c;
		if (!comma || *comma == '\n')
			break;
		p = comma + 1;
	}
	return seen;
}

int named_columns_bind(const struct named_columns *spec, const struct csv_row *header, const char *file,
		       int *column, size_t *ignored, struct import_error *error)
{
	size_t i;
	int c;

	*ignored = 0;
	for (c = 0; c < spec->columns; c++)
		column[c] = -1;
	for (i = 0; i < header->count; i++) {
		char name[128], folded[128];
		usage_trim(header->fields[i], header->lengths[i], name, sizeof name);
		usage_fold(name, folded, sizeof folded);
		if ((c = column_of(spec, folded)) < 0) {
			(*ignored)++;
			continue;
		}
		if (column[c] >= 0)
			return import_error_set(error, file, header->line, name, "column given twice");
		column[c] = (int)i;
	}
	for (c = 0; c < spec->columns; c++)
		if (column[c] < 0)
			return import_error_set(error, file, header->line, NULL, "%s: no column '%s'", spec->kind,
						spec->column_names[c]);
	return 0;
}
