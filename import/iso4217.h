/*
 * iso4217.h: whether a code is an ISO 4217 national currency (the codes
 * FOCUS allows as BillingCurrency and PricingCurrency). No SQLite here.
 */
#ifndef COSTLEDGER_ISO4217_H
#define COSTLEDGER_ISO4217_H

#include <stddef.h>

/* 1 when s[0..n) is, letter for letter (upper case), a national currency code. */
int iso4217_is_national(const char *s, size_t n);

#endif
