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

/*
 * Whether text[0..length) is a JSON object whose members all have different
 * names (compared as written between the quotes): 1 yes, 0 a name repeats,
 * -1 not a JSON object, -2 out of memory.
 */
int json_text_keys_unique(const char *text, size_t length);

/*
 * The one JSON writer: everything costledger writes as JSON (imports.report,
 * usage attributes, report --format json) is built here, so it is always
 * valid. Strings are escaped ('"', '\\', control characters) and a byte
 * that is not valid UTF-8 becomes U+FFFD; commas are placed by the writer.
 * The text grows as needed; nothing is cut. After an allocation failure
 * json_writer_text() returns NULL.
 */
struct json_writer {
	char *text;                /* NUL-terminated; own_buffer until it grows */
	size_t length, capacity;
	int failed;
	unsigned depth;            /* open objects and arrays, at most 63 */
	unsigned long long items;  /* bit d: the container at depth d has an item */
	int after_key;
	char own_buffer[256];
};

void json_writer_init(struct json_writer *w);
void json_writer_free(struct json_writer *w);
const char *json_writer_text(const struct json_writer *w);
/* open is '{' or '['; close the matching '}' or ']'. */
void json_open(struct json_writer *w, char open);
void json_close(struct json_writer *w, char close);
/* A member's name, in an object; the value follows. */
void json_key(struct json_writer *w, const char *key);
/* A string value; NULL writes null. */
void json_string(struct json_writer *w, const char *s);
void json_string_n(struct json_writer *w, const char *s, size_t n);
void json_integer(struct json_writer *w, long long v);
/* A number printed with "%.{decimals}f" (decimals < 0: "%.15g"); null when not finite. */
void json_number(struct json_writer *w, double v, int decimals);
void json_boolean(struct json_writer *w, int v);
void json_null(struct json_writer *w);
/* A member with a string value (skipped when value is NULL or empty). */
void json_member_string(struct json_writer *w, const char *key, const char *value);
/* The text into buf as snprintf would copy it: returns its whole length
 * (size or more: buf holds a cut copy), or -1 after an allocation failure. */
int json_writer_copy(const struct json_writer *w, char *buf, size_t size);
/* Closes the top-level object, copies the text as json_writer_copy does and
 * frees the writer: the end of every *_report() function. */
int json_report_end(struct json_writer *w, char *buf, size_t size);

#endif
