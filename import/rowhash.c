/*
 * rowhash.c: two independent 64-bit lanes of multiply-xorshift over 8-byte
 * words. Not cryptographic: it only has to make accidental collisions
 * between different bill lines vanishingly unlikely (2^-128 per pair), and
 * to be fast on a million 700-byte rows.
 */
#include "rowhash.h"

#include "tail_word.h"

#include <string.h>

#define K1 UINT64_C(0x9E3779B97F4A7C15)
#define K2 UINT64_C(0xC2B2AE3D27D4EB4F)
#define K3 UINT64_C(0x165667B19E3779F9)

static uint64_t mix(uint64_t x)
{
	x ^= x >> 31;
	x *= UINT64_C(0x7FB5D329728EA185);
	x ^= x >> 27;
	x *= UINT64_C(0x81DADEF4BC2DD44D);
	x ^= x >> 33;
	return x;
}

void rowhash_init(struct rowhash *h)
{
	h->a = K1;
	h->b = K2;
}

static void add_word(uint64_t *a, uint64_t *b, uint64_t w)
{
	*a = (*a ^ w) * K2;
	*a ^= *a >> 29;
	*b = (*b + w) * K3;
	*b ^= *b >> 31;
}

void rowhash_add(struct rowhash *h, const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t a = h->a, b = h->b, w;

	/* a and b stay in registers: stores through h could alias the data. */
	add_word(&a, &b, (uint64_t)n ^ K3);
	while (n >= 8) {
		memcpy(&w, p, 8);
		add_word(&a, &b, w);
		p += 8;
		n -= 8;
	}
	if (n)
		add_word(&a, &b, tail_word(p, n) ^ ((uint64_t)n << 56));
	h->a = a;
	h->b = b;
}

void rowhash_final(const struct rowhash *h, unsigned char out[16])
{
	uint64_t a = mix(h->a ^ mix(h->b)), b = mix(h->b + K1 + a);

	memcpy(out, &a, 8);
	memcpy(out + 8, &b, 8);
}
