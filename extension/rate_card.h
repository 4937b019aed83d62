/*
 * rate_card.h: the rates table of a ledger as a rate_card (rate_rule.h),
 * for the SQL functions of sql_rates.c and for ledger/ (reconcile), so that
 * both read the card, its discounts and its units the same way.
 */
#ifndef COSTLEDGER_RATE_CARD_H
#define COSTLEDGER_RATE_CARD_H

#include "rate_rule.h"

#include <sqlite3.h>

/* Reads every row of table rates into card (sorted). Returns SQLITE_OK, or
 * an error code with the card empty. */
int rate_card_load(sqlite3 *db, struct rate_card *card);
void rate_card_free(struct rate_card *card);

#endif
