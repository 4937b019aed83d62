/* check_random.h: a small xorshift generator, so that a property test sees
 * the same numbers on every run (seed it by setting check_random_state). */
#ifndef COSTLEDGER_CHECK_RANDOM_H
#define COSTLEDGER_CHECK_RANDOM_H

#include <stdint.h>

static uint64_t check_random_state = 88172645463325252ULL;

static inline uint64_t rnd(void)
{
	check_random_state ^= check_random_state << 13;
	check_random_state ^= check_random_state >> 7;
	check_random_state ^= check_random_state << 17;
	return check_random_state;
}

#endif
