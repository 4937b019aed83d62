/*
 * field_check.h: what every reader checks on a field before it uses it, one
 * rule for every file kind (bills, usage logs, sacct, nvidia-smi, rate
 * cards, budgets, fx rates): the text is valid UTF-8, and it fits where it
 * is copied (nothing is cut silently). The JSON writer uses the same UTF-8
 * rule.
 */
#ifndef COSTLEDGER_FIELD_CHECK_H
#define COSTLEDGER_FIELD_CHECK_H

#include <stddef.h>

#include "import_error.h"
#include "reader.h"

/* The offset of the first byte of s[0..n) that is not valid UTF-8 (RFC 3629:
 * no overlongs, no surrogates, nothing past U+10FFFF), or n when all is. */
size_t utf8_invalid_at(const char *s, size_t n);

/*
 * Field i of row, named `column`: 0, or -1 with "file:line: column 'NAME':
 * invalid UTF-8 (byte 0xFF at offset K of the field)", or, when limit is
 * not 0 and the field without its surrounding spaces is longer, "longer
 * than LIMIT bytes (N)". A field i past the row's end is fine (empty).
 */
int field_check(const struct csv_row *row, int i, const char *column, size_t limit,
		const char *file, struct import_error *error);

#endif
