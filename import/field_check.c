/* field_check.c: see field_check.h. */
#include "field_check.h"

#include "usage.h"

#include <stdint.h>
#include <string.h>

size_t utf8_invalid_at(const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t len, k;
		unsigned lo = 0x80, hi = 0xBF;

		if (c < 0x80) {
			uint64_t word;

			/* Bills are mostly ASCII: skip 8 such bytes at a time. */
			while (i + 8 <= n && (memcpy(&word, s + i, 8), !(word & UINT64_C(0x8080808080808080))))
				i += 8;
			if (i < n && s[i] < 0x80)
				i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			len = 2;
		else if (c >= 0xE0 && c <= 0xEF)
			len = 3;
		else if (c >= 0xF0 && c <= 0xF4)
			len = 4;
		else
			return i;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
		else if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
		if (i + len > n || s[i + 1] < lo || s[i + 1] > hi)
			return i;
		for (k = 2; k < len; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				return i;
		i += len;
	}
	return n;
}

int field_check(const struct csv_row *row, int i, const char *column, size_t limit,
		const char *file, struct import_error *error)
{
	const char *start;
	size_t bad, length;

	if (i < 0 || (size_t)i >= row->count)
		return 0;
	bad = utf8_invalid_at(row->fields[i], row->lengths[i]);
	if (bad < row->lengths[i])
		return import_error_set(error, file, row->line, column,
					"invalid UTF-8 (byte 0x%02X at offset %zu of the field)",
					(unsigned char)row->fields[i][bad], bad);
	if (limit && (length = usage_trimmed(row->fields[i], row->lengths[i], &start)) > limit)
		return import_error_set(error, file, row->line, column,
					"longer than %zu bytes (%zu): \"%.40s...\"", limit, length, start);
	return 0;
}
