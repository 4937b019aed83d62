/*
 * sql_money.c: SQL glue for exact money (extension/money.c).
 *
 * SQL Function: money(X)               TEXT/INTEGER/REAL -> INTEGER nanos
 * SQL Function: money_text(N [, D])    nanos -> TEXT with D decimals (2)
 * SQL Function: money_mul(N, Q)        nanos * decimal quantity -> nanos
 * SQL Aggregate: money_total(N)        exact sum of nanos, never wraps
 */
#include "sql_glue.h"
SQLITE_EXTENSION_INIT3

#include "money.h"

static void money_error(sqlite3_context *ctx, const char *function, int index,
			const char *arg_name, int status, sqlite3_value *value)
{
	const char *text = (const char *)sqlite3_value_text(value);

	if (status == MONEY_OVERFLOW)
		sql_arg_error(ctx, function, index, arg_name,
			      "is out of range for 64-bit nanos: \"%s\"", text);
	else if (status == MONEY_PRECISION)
		sql_arg_error(ctx, function, index, arg_name,
			      "has more than 18 significant digits: \"%s\"", text);
	else
		sql_arg_error(ctx, function, index, arg_name, "is not a number: \"%s\"", text);
}

void sql_money(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int64_t nanos = 0;
	int status;

	switch (sqlite3_value_type(argv[0])) {
	case SQLITE_NULL:
		return;
	case SQLITE_INTEGER:
		status = money_from_units(sqlite3_value_int64(argv[0]), &nanos);
		break;
	case SQLITE_FLOAT:
		status = money_from_double(sqlite3_value_double(argv[0]), &nanos, NULL);
		break;
	case SQLITE_TEXT:
		status = money_parse((const char *)sqlite3_value_text(argv[0]),
				     (size_t)sqlite3_value_bytes(argv[0]), &nanos, NULL);
		break;
	default:
		sql_arg_error(ctx, "money", 0, "x", "must be a number, not a blob");
		return;
	}
	if (status != MONEY_OK) {
		money_error(ctx, "money", 0, "x", status, argv[0]);
		return;
	}
	sqlite3_result_int64(ctx, nanos);
}

void sql_money_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int64_t nanos, decimals = 2;
	char buf[MONEY_TEXT_MAX];
	int n;

	if (sql_arg_int64(ctx, argv[0], "money_text", 0, "nanos", &nanos) <= 0)
		return;
	if (argc > 1) {
		if (sql_arg_int64(ctx, argv[1], "money_text", 1, "decimals", &decimals) <= 0)
			return;
		if (decimals < 0 || decimals > MONEY_SCALE) {
			sql_arg_error(ctx, "money_text", 1, "decimals",
				      "must be between 0 and 9, got %lld", (long long)decimals);
			return;
		}
	}
	n = money_format(nanos, (int)decimals, buf, sizeof buf);
	sqlite3_result_text(ctx, buf, n, SQLITE_TRANSIENT);
}

int sql_arg_quantity(sqlite3_context *ctx, sqlite3_value *value, const char *function,
		     int index, const char *arg_name, struct decimal *quantity)
{
	int status;

	switch (sqlite3_value_type(value)) {
	case SQLITE_NULL:
		return 0;
	case SQLITE_INTEGER:
		quantity->mantissa = sqlite3_value_int64(value);
		quantity->scale = 0;
		return 1;
	case SQLITE_FLOAT:
		status = decimal_from_double(sqlite3_value_double(value), quantity);
		break;
	case SQLITE_TEXT:
		status = decimal_parse((const char *)sqlite3_value_text(value),
				       (size_t)sqlite3_value_bytes(value), quantity, NULL);
		break;
	default:
		sql_arg_error(ctx, function, index, arg_name, "must be a number, not a blob");
		return -1;
	}
	if (status != MONEY_OK) {
		money_error(ctx, function, index, arg_name, status, value);
		return -1;
	}
	return 1;
}

void sql_money_mul(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int64_t nanos, product;
	struct decimal quantity;

	if (sql_arg_int64(ctx, argv[0], "money_mul", 0, "nanos", &nanos) <= 0)
		return;
	if (sql_arg_quantity(ctx, argv[1], "money_mul", 1, "quantity", &quantity) <= 0)
		return;
	if (money_mul(nanos, &quantity, &product) != MONEY_OK) {
		sql_arg_error(ctx, "money_mul", 1, "quantity",
			      "makes the result out of range for 64-bit nanos: %lld * %s",
			      (long long)nanos, (const char *)sqlite3_value_text(argv[1]));
		return;
	}
	sqlite3_result_int64(ctx, product);
}

void sql_money_total_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct money_sum *sum;
	int64_t nanos;

	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	if (sql_arg_int64(ctx, argv[0], "money_total", 0, "nanos", &nanos) <= 0)
		return;
	sum = sqlite3_aggregate_context(ctx, sizeof *sum);
	if (!sum) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	money_sum_add(sum, nanos);
}

void sql_money_total_final(sqlite3_context *ctx)
{
	struct money_sum *sum = sqlite3_aggregate_context(ctx, 0);
	int64_t total;

	if (!sum || sum->count == 0)
		return; /* like sum(): NULL over no rows */
	if (money_sum_result(sum, &total) != MONEY_OK) {
		char buf[64];
		char *message;

		money_sum_format(sum, buf, sizeof buf);
		message = sqlite3_mprintf("money_total: the total %s does not fit in 64-bit nanos", buf);
		sqlite3_result_error(ctx, message ? message : "money_total: overflow", -1);
		sqlite3_free(message);
		return;
	}
	sqlite3_result_int64(ctx, total);
}
