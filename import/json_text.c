/* json_text.c: see json_text.h. */
#include "json_text.h"

#include "field_check.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JSON_MAX_DEPTH 2000 /* SQLite's: deeper nesting is malformed */

struct json_scan {
	const char *p, *end;
	int depth;
	/* the top-level object's member to find (json_text_find) */
	const char *key;
	size_t key_length;
	struct json_member *member;
	/* the top-level object's member names, as written (json_text_keys_unique) */
	struct json_key { const char *name; size_t length; } *keys;
	size_t key_count, key_capacity;
	int out_of_memory;
};

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void skip_space(struct json_scan *s)
{
	while (s->p < s->end && is_space(*s->p))
		s->p++;
}

static int is_digit(const struct json_scan *s, const char *at)
{
	return at < s->end && *at >= '0' && *at <= '9';
}

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* At the opening quote: moves past the closing one. */
static int scan_string(struct json_scan *s)
{
	const char *p = s->p + 1;

	for (; p < s->end; p++) {
		unsigned char c = (unsigned char)*p;

		if (c < 0x20)
			return -1; /* control characters are not allowed in strings */
		if (c == '"') {
			s->p = p + 1;
			return 0;
		}
		if (c == '\\') {
			if (++p >= s->end)
				return -1;
			c = (unsigned char)*p;
			if (c == 'u') {
				if (s->end - p < 5 || !is_hex(p[1]) || !is_hex(p[2]) || !is_hex(p[3]) ||
				    !is_hex(p[4]))
					return -1;
				p += 4;
			} else if (!strchr("\"\\/bfnrt", c) || c == 0) {
				return -1;
			}
		}
	}
	return -1;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static int scan_number(struct json_scan *s)
{
	const char *p = s->p;

	if (*p == '-')
		p++;
	if (!is_digit(s, p))
		return -1;
	if (*p == '0' && is_digit(s, p + 1))
		return -1;
	while (is_digit(s, p))
		p++;
	if (p < s->end && *p == '.') {
		p++;
		if (!is_digit(s, p))
			return -1;
		while (is_digit(s, p))
			p++;
	}
	if (p < s->end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < s->end && (*p == '+' || *p == '-'))
			p++;
		if (!is_digit(s, p))
			return -1;
		while (is_digit(s, p))
			p++;
	}
	s->p = p;
	return 0;
}

static int scan_literal(struct json_scan *s, const char *word, size_t n)
{
	if ((size_t)(s->end - s->p) < n || memcmp(s->p, word, n) != 0)
		return -1;
	s->p += n;
	return 0;
}

static int scan_value(struct json_scan *s);

/* Notes the value just scanned, from `value` to s->p, as the member found. */
static void note_member(struct json_scan *s, const char *value)
{
	struct json_member *m = s->member;

	if (*value == '"' && !memchr(value, '\\', (size_t)(s->p - value))) {
		m->kind = JSON_MEMBER_PLAIN_STRING;
		m->value = value + 1;
		m->length = (size_t)(s->p - value) - 2;
	} else {
		m->kind = JSON_MEMBER_OTHER;
		m->value = value;
		m->length = (size_t)(s->p - value);
	}
}

static void note_key(struct json_scan *s, const char *name, size_t length)
{
	if (s->key_count == s->key_capacity) {
		struct json_key *grown = realloc(s->keys, 2 * s->key_capacity * sizeof *grown);
		if (!grown) {
			s->out_of_memory = 1;
			return;
		}
		s->keys = grown;
		s->key_capacity *= 2;
	}
	s->keys[s->key_count].name = name;
	s->keys[s->key_count++].length = length;
}

/* At '{' or '[': moves past the matching close. In the top-level object,
 * notes the first member named s->key. */
static int scan_container(struct json_scan *s)
{
	char close = *s->p == '{' ? '}' : ']';
	int first = 1;

	if (++s->depth > JSON_MAX_DEPTH)
		return -1;
	s->p++;
	skip_space(s);
	if (s->p < s->end && *s->p == close) {
		s->p++;
		s->depth--;
		return 0;
	}
	for (;;) {
		int wanted = 0;
		const char *value;

		if (!first) {
			s->p++; /* the comma */
			skip_space(s);
		}
		first = 0;
		if (close == '}') {
			const char *name = s->p + 1;

			if (s->p >= s->end || *s->p != '"' || scan_string(s) < 0)
				return -1;
			/* s->p is past the closing quote */
			if (s->depth == 1 && s->key_capacity)
				note_key(s, name, (size_t)(s->p - 1 - name));
			wanted = s->depth == 1 && s->member && s->member->kind == JSON_MEMBER_ABSENT &&
				 (size_t)(s->p - 1 - name) == s->key_length &&
				 memcmp(name, s->key, s->key_length) == 0;
			skip_space(s);
			if (s->p >= s->end || *s->p != ':')
				return -1;
			s->p++;
		}
		skip_space(s);
		value = s->p;
		if (scan_value(s) < 0)
			return -1;
		if (wanted)
			note_member(s, value);
		skip_space(s);
		if (s->p >= s->end)
			return -1;
		if (*s->p == close) {
			s->p++;
			s->depth--;
			return 0;
		}
		if (*s->p != ',')
			return -1;
	}
}

static int scan_value(struct json_scan *s)
{
	skip_space(s);
	if (s->p >= s->end)
		return -1;
	switch (*s->p) {
	case '{':
	case '[': return scan_container(s);
	case '"': return scan_string(s);
	case 't': return scan_literal(s, "true", 4);
	case 'f': return scan_literal(s, "false", 5);
	case 'n': return scan_literal(s, "null", 4);
	default: return scan_number(s);
	}
}

int json_text_find(const char *text, size_t length, const char *key, size_t key_length,
		   struct json_member *member)
{
	struct json_scan s = {text, text + length, 0, key, key_length, member, NULL, 0, 0, 0};

	member->kind = JSON_MEMBER_ABSENT;
	member->value = NULL;
	member->length = 0;
	if (scan_value(&s) < 0)
		goto malformed;
	skip_space(&s);
	if (s.p != s.end)
		goto malformed;
	return 0;
malformed:
	member->kind = JSON_MEMBER_ABSENT;
	return -1;
}

static int compare_keys(const void *a, const void *b)
{
	const struct json_key *x = a, *y = b;
	size_t n = x->length < y->length ? x->length : y->length;
	int c = memcmp(x->name, y->name, n);

	return c ? c : (x->length > y->length) - (x->length < y->length);
}

int json_text_keys_unique(const char *text, size_t length)
{
	struct json_scan s = {text, text + length, 0, NULL, 0, NULL, NULL, 0, 16, 0};
	int result = -1;
	size_t i;

	if (!(s.keys = malloc(s.key_capacity * sizeof *s.keys)))
		return -2;
	skip_space(&s);
	if (s.p >= s.end || *s.p != '{' || scan_value(&s) < 0)
		goto done;
	skip_space(&s);
	if (s.p != s.end)
		goto done;
	if (s.out_of_memory) {
		result = -2;
		goto done;
	}
	qsort(s.keys, s.key_count, sizeof *s.keys, compare_keys);
	result = 1;
	for (i = 1; i < s.key_count; i++)
		if (compare_keys(&s.keys[i - 1], &s.keys[i]) == 0)
			result = 0;
done:
	free(s.keys);
	return result;
}

/* --- the writer ------------------------------------------------------------ */

void json_writer_init(struct json_writer *w)
{
	memset(w, 0, sizeof *w);
	w->text = w->own_buffer;
	w->capacity = sizeof w->own_buffer;
}

void json_writer_free(struct json_writer *w)
{
	if (w->text != w->own_buffer)
		free(w->text);
	json_writer_init(w);
}

const char *json_writer_text(const struct json_writer *w)
{
	return w->failed ? NULL : w->text;
}

static void put(struct json_writer *w, const char *s, size_t n)
{
	if (w->failed)
		return;
	if (w->length + n + 1 > w->capacity) {
		size_t capacity = w->capacity * 2;
		char *grown;

		while (capacity < w->length + n + 1)
			capacity *= 2;
		grown = w->text == w->own_buffer ? malloc(capacity) : realloc(w->text, capacity);
		if (!grown) {
			w->failed = 1;
			return;
		}
		if (w->text == w->own_buffer)
			memcpy(grown, w->own_buffer, w->length);
		w->text = grown;
		w->capacity = capacity;
	}
	memcpy(w->text + w->length, s, n);
	w->length += n;
	w->text[w->length] = 0;
}

/* Before a value or a key: the comma after an earlier item. */
static void separate(struct json_writer *w)
{
	unsigned long long bit = 1ULL << w->depth;

	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (w->items & bit)
		put(w, ",", 1);
	w->items |= bit;
}

void json_open(struct json_writer *w, char open)
{
	separate(w);
	put(w, &open, 1);
	if (w->depth < 63)
		w->depth++;
	w->items &= ~(1ULL << w->depth);
}

void json_close(struct json_writer *w, char close)
{
	put(w, &close, 1);
	if (w->depth)
		w->depth--;
}

static void put_escaped(struct json_writer *w, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, run = 0;

	put(w, "\"", 1);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t valid;

		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x7f) {
			i++;
			run++;
			continue;
		}
		put(w, s + i - run, run);
		run = 0;
		if (c >= 0x80) {
			/* one character (4 bytes at most) as it is when valid, else U+FFFD */
			valid = utf8_invalid_at(s + i, n - i < 4 ? n - i : 4);
			if (valid == 0) {
				put(w, "\xEF\xBF\xBD", 3);
				i++;
			} else {
				size_t k = i;
				while (k < i + valid && (unsigned char)s[k] >= 0x80)
					k++;
				put(w, s + i, k - i);
				i = k;
			}
			continue;
		}
		if (c == '"' || c == '\\') {
			char e[2] = {'\\', (char)c};
			put(w, e, 2);
		} else if (c == '\n') {
			put(w, "\\n", 2);
		} else if (c == '\t') {
			put(w, "\\t", 2);
		} else if (c == '\r') {
			put(w, "\\r", 2);
		} else {
			char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
			put(w, e, 6);
		}
		i++;
	}
	put(w, s + i - run, run);
	put(w, "\"", 1);
}

void json_key(struct json_writer *w, const char *key)
{
	separate(w);
	put_escaped(w, key, strlen(key));
	put(w, ":", 1);
	w->after_key = 1;
}

void json_string_n(struct json_writer *w, const char *s, size_t n)
{
	separate(w);
	put_escaped(w, s, n);
}

void json_string(struct json_writer *w, const char *s)
{
	if (!s)
		json_null(w);
	else
		json_string_n(w, s, strlen(s));
}

void json_integer(struct json_writer *w, long long v)
{
	char buf[32];

	separate(w);
	put(w, buf, (size_t)snprintf(buf, sizeof buf, "%lld", v));
}

void json_number(struct json_writer *w, double v, int decimals)
{
	char buf[400];

	if (!isfinite(v)) {
		json_null(w);
		return;
	}
	separate(w);
	if (decimals >= 0)
		put(w, buf, (size_t)snprintf(buf, sizeof buf, "%.*f", decimals, v));
	else
		put(w, buf, (size_t)snprintf(buf, sizeof buf, "%.15g", v));
}

void json_boolean(struct json_writer *w, int v)
{
	separate(w);
	put(w, v ? "true" : "false", v ? 4 : 5);
}

void json_null(struct json_writer *w)
{
	separate(w);
	put(w, "null", 4);
}

void json_member_string(struct json_writer *w, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	json_key(w, key);
	json_string(w, value);
}

int json_writer_copy(const struct json_writer *w, char *buf, size_t size)
{
	if (w->failed)
		return -1;
	return snprintf(buf, size, "%s", w->text);
}

int json_report_end(struct json_writer *w, char *buf, size_t size)
{
	int length;

	json_close(w, '}');
	length = json_writer_copy(w, buf, size);
	json_writer_free(w);
	return length;
}
