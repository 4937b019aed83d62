/*
 * reconcile_split.h: how reconcile splits a charge (docs/reconcile.md,
 * "Splitting a charge"). No SQLite here.
 *
 * A charge's period has seconds with running usage behind it, seconds with
 * only stopped usage (paused, stopped, interrupted), and seconds with none.
 * The bill says how many seconds it charged: the whole period, or less when
 * its quantity in units of the rate's time unit is less (AWS bills per
 * second: 0.5 on an hourly line is 30 minutes, wherever they fell in the
 * hour; 30 on a per-minute line is 30 minutes too). Those billed seconds
 * are split into billable, paused (not billable under a 'running' rate) and
 * unexplained; then the billed amount and the expected amount are both
 * allocated over the three by the same largest-remainder rule, so each
 * side's parts add up to it exactly and a charge billed at exactly its
 * expected amount matches it in every part.
 */
#ifndef COSTLEDGER_RECONCILE_SPLIT_H
#define COSTLEDGER_RECONCILE_SPLIT_H

#include <stddef.h>
#include <stdint.h>

#include "money.h"

/* Seconds of a period by the usage behind them (none = period - both). */
struct coverage {
	int64_t running;   /* some usage row running or idle */
	int64_t stopped;   /* usage rows, but all paused, stopped or interrupted */
};

enum { PART_UNEXPLAINED, PART_PAUSED, PART_BILLABLE, PART_COUNT };

/*
 * The seconds a charge of `period` seconds bills: the period, or its
 * quantity x unit_seconds (the seconds of one unit of the rate: 3600 for
 * an hour, 60 for a minute, ...; rounded half-even) when that is less.
 * quantity NULL, or unit_seconds 0 (not a unit of time): the period.
 */
int64_t split_billed_seconds(int64_t period, const struct decimal *quantity,
			     int64_t unit_seconds);

/*
 * Splits billed seconds into parts[PART_*]. 'wall' rate (running_rule 0):
 * every second with usage is billable; 'running': only running seconds,
 * then stopped seconds are paused. What usage does not explain is
 * unexplained. The parts add up to billed_seconds.
 */
void split_seconds(int64_t billed_seconds, const struct coverage *cov, int running_rule,
		   int64_t parts[PART_COUNT]);

/*
 * Allocates amount over n weights (>= 0, not all 0) by largest remainder:
 * each part is amount x weight / total rounded toward zero, and the units
 * left go one each to the parts with the largest remainders (the first on
 * a tie). The parts add up to amount exactly. With all weights 0, or more
 * than SPLIT_MAX_PARTS of them, the parts are 0 and -1 is returned; else 0.
 */
#define SPLIT_MAX_PARTS 8
int split_amount(int64_t amount, const int64_t *weights, size_t n, int64_t *parts);

#endif
