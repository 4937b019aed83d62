/*
 * sql_glue.h: what the SQL glue files (sql_*.c) share: argument conversion
 * with errors that name the function and the argument, and the C entry
 * points that costledger.c registers from its table.
 */
#ifndef COSTLEDGER_SQL_GLUE_H
#define COSTLEDGER_SQL_GLUE_H

#include <sqlite3ext.h>
#include <stddef.h>
#include <stdint.h>

/* An error "NAME: argument N 'ARG' MESSAGE" on ctx; fmt is printf-style. */
void sql_arg_error(sqlite3_context *ctx, const char *function, int index,
		   const char *arg_name, const char *fmt, ...);

/*
 * Reads argument `index` (0-based) as a finite double: INTEGER, REAL or
 * numeric TEXT. Returns 1 on success, 0 when the value is NULL, -1 after
 * raising an error for anything else.
 */
int sql_arg_double(sqlite3_context *ctx, sqlite3_value *value, const char *function,
		   int index, const char *arg_name, double *out);

/* Like sql_arg_double for an INTEGER (or integer TEXT) argument. */
int sql_arg_int64(sqlite3_context *ctx, sqlite3_value *value, const char *function,
		  int index, const char *arg_name, int64_t *out);

/* A time argument: TEXT timestamp (time_parse: a date is its midnight) or
 * INTEGER unix seconds. 1, 0 for NULL, -1 after raising an error. */
int sql_arg_time(sqlite3_context *ctx, sqlite3_value *value, const char *function, int index,
		 const char *arg_name, int64_t *unix_seconds);

/*
 * What `load` reads from the ledger's `table` into `size` zeroed bytes,
 * loaded on the statement's first call and kept with the statement
 * (auxiliary data under a negative key) until it is reset; `destroy` frees
 * what load allocated, then the bytes with sqlite3_free. NULL after raising
 * an error on ctx naming the function and the table.
 */
void *sql_statement_data(sqlite3_context *ctx, int key, size_t size,
			 int (*load)(sqlite3 *db, void *data), void (*destroy)(void *data),
			 const char *function, const char *table);

/* Sets a REAL result, or INTEGER when it is a whole number that fits. */
void sql_result_number(sqlite3_context *ctx, double value);

/* sql_money.c */
struct decimal;
/*
 * Reads a quantity argument exactly: INTEGER as it is, TEXT through
 * decimal_parse, REAL through its shortest round-trip decimal (0.1 is 0.1).
 * Returns 1, 0 for NULL, -1 after raising an error naming the argument.
 */
int sql_arg_quantity(sqlite3_context *ctx, sqlite3_value *value, const char *function,
		     int index, const char *arg_name, struct decimal *quantity);
void sql_money(sqlite3_context *ctx, int argc, sqlite3_value **argv);
void sql_money_text(sqlite3_context *ctx, int argc, sqlite3_value **argv);
void sql_money_mul(sqlite3_context *ctx, int argc, sqlite3_value **argv);
void sql_money_total_step(sqlite3_context *ctx, int argc, sqlite3_value **argv);
void sql_money_total_final(sqlite3_context *ctx);

/* sql_price.c */
void sql_price(sqlite3_context *ctx, int argc, sqlite3_value **argv);
void sql_price_mul(sqlite3_context *ctx, int argc, sqlite3_value **argv);

/* sql_interval.c */
void sql_overlap_seconds(sqlite3_context *ctx, int argc, sqlite3_value **argv);
void sql_interval_union_step(sqlite3_context *ctx, int argc, sqlite3_value **argv);
void sql_interval_union_final(sqlite3_context *ctx);

/* sql_rates.c */
void sql_rate_in_force(sqlite3_context *ctx, int argc, sqlite3_value **argv);
void sql_usage_cost(sqlite3_context *ctx, int argc, sqlite3_value **argv);
void sql_pricing_category(sqlite3_context *ctx, int argc, sqlite3_value **argv);

/* sql_fx.c */
void sql_fx_convert(sqlite3_context *ctx, int argc, sqlite3_value **argv);
void sql_fx_rate(sqlite3_context *ctx, int argc, sqlite3_value **argv);

/* sql_formulas.c: one function serves every entry of formula_table, which
 * it gets as the registration's user data. */
void sql_formula(sqlite3_context *ctx, int argc, sqlite3_value **argv);

#endif
