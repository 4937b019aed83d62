/*
 * check_rowhash.c: the row hash behind FOCUS de-duplication keys.
 *
 * A ledger keeps the keys it was given, so the hash must never change: a
 * re-delivered month imported by a later build has to find the lines an
 * earlier build stored. Two guards: digests pinned from the build that
 * first wrote them (b721904), and a plain copy of that first
 * implementation, compared with the library on random fields of every
 * length and alignment.
 */
#include "check_util.h"
#include "rowhash.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The implementation of b721904, kept verbatim as the reference. */
#define K1 UINT64_C(0x9E3779B97F4A7C15)
#define K2 UINT64_C(0xC2B2AE3D27D4EB4F)
#define K3 UINT64_C(0x165667B19E3779F9)

static void reference_add_word(struct rowhash *h, uint64_t w)
{
	h->a = (h->a ^ w) * K2;
	h->a ^= h->a >> 29;
	h->b = (h->b + w) * K3;
	h->b ^= h->b >> 31;
}

static void reference_add(struct rowhash *h, const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t w;

	reference_add_word(h, (uint64_t)n ^ K3);
	while (n >= 8) {
		memcpy(&w, p, 8);
		reference_add_word(h, w);
		p += 8;
		n -= 8;
	}
	if (n) {
		w = 0;
		memcpy(&w, p, n);
		reference_add_word(h, w ^ ((uint64_t)n << 56));
	}
}

static void hex_of_fields(const char *const *fields, int count, char hex[33])
{
	struct rowhash h;
	unsigned char digest[16];
	int i;

	rowhash_init(&h);
	for (i = 0; i < count; i++)
		rowhash_add(&h, fields[i], strlen(fields[i]));
	rowhash_final(&h, digest);
	for (i = 0; i < 16; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
}

START_TEST(test_pinned_digests)
{
	static const char *const row[] = {"2024-09-01T00:00:00Z", "AWS", "12.5000000000", "",
					  "{\"project\":\"vision\"}"};
	static const char *const ab_c[] = {"ab", "c"}, *const a_bc[] = {"a", "bc"};
	static const char *const empty[] = {""};
	static const char *const tails[] = {"1234567", "12345678", "123456789", "x"};
	/* Little-endian digests: the words are read in the machine's order. */
	static const struct { const char *const *fields; int count; const char *hex; } pinned[] = {
		{row, 5, "6642d1221ffbd802483d1e0651e734d3"},
		{ab_c, 2, "2789a74fbb3ecfb5c12dad4e42d9ac01"},
		{a_bc, 2, "80e606caf0bbfcae8e796a02d7e9cfd7"},
		{empty, 1, "aa72f03156ea14b7986c5b1c88b6225f"},
		{tails, 4, "4165e6b0f1a23d1bcc2b3d3db9f5ef3c"},
		{row, 0, "df63ab1f1276a6309a062275eb7282bf"},
	};
	char hex[33];
	size_t i;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	for (i = 0; i < sizeof pinned / sizeof pinned[0]; i++) {
		hex_of_fields(pinned[i].fields, pinned[i].count, hex);
		ck_assert_msg(strcmp(hex, pinned[i].hex) == 0, "digest %zu: %s, pinned %s", i, hex,
			      pinned[i].hex);
	}
#else
	(void)pinned;
	(void)hex;
	(void)i;
#endif
}
END_TEST

START_TEST(test_field_boundaries_count)
{
	static const char *const ab_c[] = {"ab", "c"}, *const a_bc[] = {"a", "bc"};
	static const char *const one[] = {"abc"};
	char x[33], y[33], z[33];

	hex_of_fields(ab_c, 2, x);
	hex_of_fields(a_bc, 2, y);
	hex_of_fields(one, 1, z);
	ck_assert_str_ne(x, y);
	ck_assert_str_ne(x, z);
	ck_assert_str_ne(y, z);
}
END_TEST

/* xorshift64*: a fixed seed, so a failure repeats. */
static uint64_t next_random(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * UINT64_C(2685821657736338717);
}

START_TEST(test_same_as_reference)
{
	unsigned char buffer[96 + 8], got[16], want[16];
	uint64_t state = UINT64_C(0x1234567887654321);
	int row, field;

	for (row = 0; row < 20000; row++) {
		struct rowhash h, r;
		int fields = (int)(next_random(&state) % 12);

		rowhash_init(&h);
		rowhash_init(&r);
		for (field = 0; field < fields; field++) {
			size_t n = (size_t)(next_random(&state) % 90), offset = next_random(&state) % 8, i;

			for (i = 0; i < n; i++)
				buffer[offset + i] = (unsigned char)next_random(&state);
			rowhash_add(&h, buffer + offset, n);
			reference_add(&r, buffer + offset, n);
		}
		rowhash_final(&h, got);
		rowhash_final(&r, want);
		ck_assert_msg(memcmp(got, want, 16) == 0, "row %d of %d fields differs", row, fields);
	}
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("rowhash");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_pinned_digests);
	tcase_add_test(tc, test_field_boundaries_count);
	tcase_add_test(tc, test_same_as_reference);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
