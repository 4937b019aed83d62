/* capacity_blocks.h: a Capacity Block's upfront fee spread over its hours. */
#ifndef COSTLEDGER_CAPACITY_BLOCKS_H
#define COSTLEDGER_CAPACITY_BLOCKS_H

#include <sqlite3.h>

/*
 * For every capacity reservation an AWS CUR bills an upfront fee for (a
 * Purchase line, lineItem/LineItemType Fee, whose commitment id is a
 * ...:capacity-reservation/cr-... ARN: an EC2 Capacity Block for ML), sets
 * the effective cost of the reservation's Usage lines to their billed cost
 * plus their share of the fee, by the seconds each covers, and the fee's
 * to 0; the shares add up to the fee to the nano. A fee with no hours in
 * the ledger keeps its billed cost. Computed again from the billed costs
 * after each import, so a restated block is spread again. Returns SQLITE_OK
 * or the SQLite error (SQLITE_TOOBIG for a fee past the int64 range).
 */
int capacity_blocks_amortize(sqlite3 *db);

/*
 * 1 when a charge with this commitment id (NULL: none) is a capacity
 * reservation's line, as the SQL above matches it (LIKE, ASCII case
 * ignored): an import that brought none and replaced no row leaves every
 * spread as it was, and need not scan the charges again.
 */
int capacity_blocks_line(const char *commitment_discount_id);

#endif
