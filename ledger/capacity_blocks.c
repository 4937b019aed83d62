/*
 * capacity_blocks.c: see capacity_blocks.h. The fee is spread in the order
 * of the hours (charge period start, then charge id): line i gets
 * floor(fee x S_i / S) - floor(fee x S_(i-1) / S), S_i the seconds up to and
 * including line i, so the shares are exact and add up to the fee.
 */
#include "capacity_blocks.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

/* What the commitment id of a capacity reservation's lines holds; the
 * queries below match it with LIKE '%' || CAPACITY_ARN || '%'. */
#define CAPACITY_ARN ":capacity-reservation/"

/* The capacity reservations a CUR bills an upfront fee for, and the fee. */
static const char fees_sql[] =
	"SELECT c.commitment_discount_id, sum(c.billed_cost) FROM charges c"
	" JOIN imports i ON i.import_id = c.import_id"
	" WHERE i.format LIKE 'aws-cur%' AND c.charge_category = 'Purchase'"
	"   AND c.commitment_discount_id LIKE '%" CAPACITY_ARN "%'"
	" GROUP BY c.commitment_discount_id";

static const char hours_sql[] =
	"SELECT charge_id, billed_cost, unixepoch(charge_period_end) - unixepoch(charge_period_start)"
	" FROM charges WHERE commitment_discount_id = ?1 AND charge_category = 'Usage'"
	" ORDER BY charge_period_start, charge_id";

static const char set_sql[] = "UPDATE charges SET effective_cost = ?2 WHERE charge_id = ?1";

static const char fee_lines_sql[] =
	"UPDATE charges SET effective_cost = CASE WHEN ?2 THEN 0 ELSE billed_cost END"
	" WHERE commitment_discount_id = ?1 AND charge_category = 'Purchase'";

/* Spreads `fee` over the reservation's hours; *spread 0 when it has none. */
static int spread(sqlite3_stmt *hours, sqlite3_stmt *set, sqlite3_int64 fee, int *spread_out)
{
	__int128 total = 0, done = 0, before = 0;
	int rc;

	*spread_out = 0;
	while ((rc = sqlite3_step(hours)) == SQLITE_ROW)
		if (sqlite3_column_int64(hours, 2) > 0)
			total += sqlite3_column_int64(hours, 2);
	if (rc != SQLITE_DONE)
		return rc;
	sqlite3_reset(hours);
	if (total == 0)
		return SQLITE_OK;
	while ((rc = sqlite3_step(hours)) == SQLITE_ROW) {
		sqlite3_int64 seconds = sqlite3_column_int64(hours, 2);
		__int128 upto, share, effective;

		done += seconds > 0 ? seconds : 0;
		upto = (__int128)fee * done / total; /* |fee| < 2^63, done <= total < 2^63 */
		if ((__int128)fee * done % total < 0)
			upto--; /* floor, also for a negative fee (a refund) */
		share = upto - before;
		before = upto;
		effective = share + sqlite3_column_int64(hours, 1);
		if (effective > INT64_MAX || effective < INT64_MIN)
			return SQLITE_TOOBIG;
		sqlite3_bind_int64(set, 1, sqlite3_column_int64(hours, 0));
		sqlite3_bind_int64(set, 2, (sqlite3_int64)effective);
		if ((rc = sqlite3_step(set)) != SQLITE_DONE)
			return rc;
		sqlite3_reset(set);
	}
	*spread_out = 1;
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int capacity_blocks_amortize(sqlite3 *db)
{
	sqlite3_stmt *fees = NULL, *hours = NULL, *set = NULL, *fee_lines = NULL;
	int rc;

	if ((rc = sqlite3_prepare_v2(db, fees_sql, -1, &fees, NULL)) != SQLITE_OK ||
	    (rc = sqlite3_prepare_v2(db, hours_sql, -1, &hours, NULL)) != SQLITE_OK ||
	    (rc = sqlite3_prepare_v2(db, set_sql, -1, &set, NULL)) != SQLITE_OK ||
	    (rc = sqlite3_prepare_v2(db, fee_lines_sql, -1, &fee_lines, NULL)) != SQLITE_OK)
		goto done;
	while ((rc = sqlite3_step(fees)) == SQLITE_ROW) {
		int spread_done;

		sqlite3_bind_value(hours, 1, sqlite3_column_value(fees, 0));
		rc = spread(hours, set, sqlite3_column_int64(fees, 1), &spread_done);
		sqlite3_reset(hours);
		if (rc != SQLITE_OK)
			goto done;
		sqlite3_bind_value(fee_lines, 1, sqlite3_column_value(fees, 0));
		sqlite3_bind_int(fee_lines, 2, spread_done);
		if ((rc = sqlite3_step(fee_lines)) != SQLITE_DONE)
			goto done;
		sqlite3_reset(fee_lines);
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
done:
	sqlite3_finalize(fees);
	sqlite3_finalize(hours);
	sqlite3_finalize(set);
	sqlite3_finalize(fee_lines);
	return rc;
}

int capacity_blocks_line(const char *commitment_discount_id)
{
	const char *s = commitment_discount_id;
	size_t n = sizeof CAPACITY_ARN - 1;

	for (; s && *s; s++)
		if (*s == ':' && !strncasecmp(s, CAPACITY_ARN, n))
			return 1;
	return 0;
}
