/* named_columns.c: see named_columns.h. */
#include "named_columns.h"

#include "json_text.h"
#include "usage.h"

#include <ctype.h>
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

int named_reader_init(struct named_reader *r, const struct named_columns *spec,
		      const struct csv_row *header, const char *file, struct import_error *error)
{
	r->spec = spec;
	snprintf(r->file, sizeof r->file, "%s", file);
	r->header_count = header->count;
	return named_columns_bind(spec, header, file, r->column, &r->ignored, error);
}

int named_reader_report(const struct named_reader *r, const char *format, char *buf, size_t size)
{
	struct json_writer w;

	json_writer_init(&w);
	json_open(&w, '{');
	json_member_string(&w, "format", format);
	json_key(&w, "ignored_columns");
	json_integer(&w, (long long)r->ignored);
	return json_report_end(&w, buf, size);
}

int named_reader_bad(const struct named_reader *r, const struct csv_row *row, int c,
		     struct import_error *error, const char *what, const char *value)
{
	return import_error_set(error, r->file, row->line, r->spec->column_names[c], "%s: \"%.200s\"",
				what, value);
}

int named_reader_width(const struct named_reader *r, const struct csv_row *row,
		       struct import_error *error)
{
	if (row->count == r->header_count)
		return 0;
	return import_error_set(error, r->file, row->line, NULL, "%zu fields where the header has %zu",
				row->count, r->header_count);
}

int named_reader_field(const struct named_reader *r, const struct csv_row *row, int c, char *buf,
		       size_t size, struct import_error *error)
{
	size_t i = (size_t)r->column[c], n;
	const char *s;

	buf[0] = 0;
	if (i >= row->count)
		return 0;
	s = row->fields[i];
	n = row->lengths[i];
	while (n && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (n >= size)
		return import_error_set(error, r->file, row->line, r->spec->column_names[c],
					"longer than %zu characters: \"%.20s...\"", size - 1, s);
	memcpy(buf, s, n);
	buf[n] = 0;
	return (int)n;
}
