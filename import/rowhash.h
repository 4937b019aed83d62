/* rowhash.h: a 128-bit hash of a row's fields, for de-duplication keys. */
#ifndef COSTLEDGER_ROWHASH_H
#define COSTLEDGER_ROWHASH_H

#include <stddef.h>
#include <stdint.h>

struct rowhash {
	uint64_t a, b;
};

void rowhash_init(struct rowhash *h);
/* Adds one field; lengths are mixed in, so ("ab","c") != ("a","bc"). */
void rowhash_add(struct rowhash *h, const void *data, size_t n);
void rowhash_final(const struct rowhash *h, unsigned char out[16]);

#endif
