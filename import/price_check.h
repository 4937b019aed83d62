/*
 * price_check.h: whether a bill's cost is its unit price times its
 * quantity, to the cost's own decimals. No SQLite here.
 */
#ifndef COSTLEDGER_PRICE_CHECK_H
#define COSTLEDGER_PRICE_CHECK_H

#include <stddef.h>

enum price_check {
	PRICE_CHECK_MATCHES,
	PRICE_CHECK_DIFFERS,
	PRICE_CHECK_UNREADABLE, /* a text is no number, or out of range */
};

/*
 * The exact product price x quantity (the ledger's one price x quantity,
 * rounded to the nano once) against `cost` as written with d decimals: they
 * match when the product, rounded to d decimals, can be the cost: within
 * half a unit of the cost's last decimal (one nano from 9 decimals on, the
 * product's own rounding).
 */
enum price_check price_check_product(const char *price, size_t price_length, const char *quantity,
				     size_t quantity_length, const char *cost, size_t cost_length);

/* How many decimals `s` is written with (0.50: 2, 5E-3: 3, 1.5E2: 0). */
int price_check_decimals(const char *s, size_t n);

#endif
