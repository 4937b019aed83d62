/*
 * sql_price.c: SQL glue for exact unit prices (extension/price.c).
 *
 * SQL Function: price(X)            TEXT/INTEGER/REAL -> canonical price TEXT
 * SQL Function: price_mul(P, Q)     price * quantity -> INTEGER nanos, rounded once
 * SQL Function: price_mul(P, N, D)  price * N / D (INTEGERs) -> nanos, rounded once
 *
 * A REAL argument is read through its shortest round-trip decimal (0.1 is
 * 0.1, not 0.1000000000000000055...): the decimal it was most likely written
 * as. Text keeps every digit, so prices should be given as text.
 */
#include "sql_glue.h"
SQLITE_EXTENSION_INIT3

#include "price.h"

/* Reads a price argument; 1, 0 for NULL, -1 after raising an error. */
static int sql_arg_price(sqlite3_context *ctx, sqlite3_value *value, const char *function,
			 int index, struct decimal *price)
{
	const char *text;
	int status;

	switch (sqlite3_value_type(value)) {
	case SQLITE_NULL:
		return 0;
	case SQLITE_INTEGER:
		status = price_from_units(sqlite3_value_int64(value), price);
		break;
	case SQLITE_FLOAT:
		status = price_from_double(sqlite3_value_double(value), price);
		break;
	case SQLITE_TEXT:
		status = price_parse((const char *)sqlite3_value_text(value),
				     (size_t)sqlite3_value_bytes(value), price);
		break;
	default:
		sql_arg_error(ctx, function, index, "price", "must be a number, not a blob");
		return -1;
	}
	if (status == MONEY_OK)
		return 1;
	text = (const char *)sqlite3_value_text(value);
	if (status == MONEY_EMPTY || status == MONEY_SYNTAX)
		sql_arg_error(ctx, function, index, "price", "is not a number: \"%s\"", text);
	else if (status == MONEY_RANGE)
		sql_arg_error(ctx, function, index, "price", "must be finite, got %s", text);
	else if (status == MONEY_OVERFLOW)
		sql_arg_error(ctx, function, index, "price", "is out of range: \"%s\"", text);
	else
		sql_arg_error(ctx, function, index, "price", "has %s: \"%s\"",
			      price_strerror(status), text);
	return -1;
}

void sql_price(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct decimal price;
	char buf[PRICE_TEXT_MAX];
	int n;

	if (sql_arg_price(ctx, argv[0], "price", 0, &price) <= 0)
		return;
	n = price_format(&price, buf, sizeof buf);
	sqlite3_result_text(ctx, buf, n, SQLITE_TRANSIENT);
}

/* price_mul(P, N, D): P x N / D, the division inside the one product. */
static void price_mul_ratio_result(sqlite3_context *ctx, const struct decimal *price,
				   sqlite3_value **argv)
{
	int64_t numerator, denominator, nanos;
	int status;

	if (sql_arg_int64(ctx, argv[1], "price_mul", 1, "numerator", &numerator) <= 0 ||
	    sql_arg_int64(ctx, argv[2], "price_mul", 2, "denominator", &denominator) <= 0)
		return;
	status = price_mul_ratio(price, numerator, denominator, &nanos);
	if (status == MONEY_RANGE)
		sql_arg_error(ctx, "price_mul", 2, "denominator", "must be above 0, got %lld",
			      (long long)denominator);
	else if (status != MONEY_OK)
		sql_arg_error(ctx, "price_mul", 1, "numerator",
			      "makes the result out of range for 64-bit nanos: %s * %lld / %lld",
			      (const char *)sqlite3_value_text(argv[0]), (long long)numerator,
			      (long long)denominator);
	else
		sqlite3_result_int64(ctx, nanos);
}

void sql_price_mul(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct decimal price, quantity;
	int64_t nanos;
	int have_price, have_quantity;

	/* NULL in either argument wins over an invalid other one. */
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL ||
	    (argc == 3 && sqlite3_value_type(argv[2]) == SQLITE_NULL))
		return;
	have_price = sql_arg_price(ctx, argv[0], "price_mul", 0, &price);
	if (have_price <= 0)
		return;
	if (argc == 3) {
		price_mul_ratio_result(ctx, &price, argv);
		return;
	}
	have_quantity = sql_arg_quantity(ctx, argv[1], "price_mul", 1, "quantity", &quantity);
	if (have_quantity <= 0)
		return;
	if (price_mul(&price, &quantity, &nanos) != MONEY_OK) {
		sql_arg_error(ctx, "price_mul", 1, "quantity",
			      "makes the result out of range for 64-bit nanos: %s * %s",
			      (const char *)sqlite3_value_text(argv[0]),
			      (const char *)sqlite3_value_text(argv[1]));
		return;
	}
	sqlite3_result_int64(ctx, nanos);
}
