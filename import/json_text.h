/*
 * json_text.h: checks JSON text as the ledger's SQLite (3.40) reads it, and
 * finds one member of a top-level object, without SQLite.
 *
 * The bill importer stores a charge's tags as the file wrote them and takes
 * its project from one tag. Asking SQLite's json_extract() for it parsed
 * every row's tags on the storing thread, about a second per million rows;
 * this runs on the mapping thread in a tenth of that. It accepts exactly
 * what SQLite's JSON parser accepts (RFC 8259, nesting at most 2000 deep,
 * whitespace ' ', \t, \n, \r) so that the two never disagree on what is
 * "malformed JSON"; tests/unit/check_json_text.c compares them.
 */
#ifndef COSTLEDGER_JSON_TEXT_H
#define COSTLEDGER_JSON_TEXT_H

#include <stddef.h>
#include <stdio.h>

enum json_member_kind {
	JSON_MEMBER_ABSENT,        /* not an object, or no member of that name */
	JSON_MEMBER_PLAIN_STRING,  /* a string without escapes: value..length is its text */
	JSON_MEMBER_OTHER          /* an escaped string, a number, true, false, null, object, array */
};

struct json_member {
	enum json_member_kind kind;
	const char *value;         /* PLAIN_STRING: the text between the quotes; OTHER: the value */
	size_t length;
};

/*
 * Returns 0 when text[0..length) is one JSON value, -1 when it is not.
 * When it is an object with a member whose name is written exactly as
 * key[0..key_length) between its quotes (escapes are not decoded, as in
 * json_extract's "$.\"key\"" path), *member describes the first such member.
 */
int json_text_find(const char *text, size_t length, const char *key, size_t key_length,
		   struct json_member *member);

/* Writes s as a JSON string: quotes, \" \\ and \u00XX for control characters;
 * other bytes (UTF-8 included) as they are. The one JSON string writer. */
void json_text_write_string(FILE *out, const char *s);

/*
 * Whether text[0..length) is a JSON object whose members all have different
 * names (compared as written between the quotes): 1 yes, 0 a name repeats,
 * -1 not a JSON object, -2 out of memory.
 */
int json_text_keys_unique(const char *text, size_t length);

#endif
