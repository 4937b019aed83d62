/*
 * tail_word.h: the last 1-7 bytes of a run of bytes as one 64-bit word, for
 * code that reads text 8 bytes at a time (rowhash.c, bill.c).
 */
#ifndef COSTLEDGER_TAIL_WORD_H
#define COSTLEDGER_TAIL_WORD_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * The n (1-7) bytes at p, as memcpy(&w, p, n) on a zeroed w would give
 * them. gcc makes that memcpy a byte loop into memory followed by an 8-byte
 * load of the same place, a store-forwarding stall; on little-endian
 * machines the word is put together in a register instead.
 */
static inline uint64_t tail_word(const unsigned char *p, size_t n)
{
	uint64_t w = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint32_t four;
	uint16_t two;
	unsigned shift = 0;

	if (n & 4) {
		memcpy(&four, p, 4);
		w = four;
		p += 4;
		shift = 32;
	}
	if (n & 2) {
		memcpy(&two, p, 2);
		w |= (uint64_t)two << shift;
		p += 2;
		shift += 16;
	}
	if (n & 1)
		w |= (uint64_t)*p << shift;
#else
	memcpy(&w, p, n);
#endif
	return w;
}

#endif
