/*
 * costledger.c: the entry point of the costledger SQLite extension.
 *
 *   sqlite3> .load ./costledger
 *   sqlite3> SELECT money_text(money_mul(money('1.624'), '1.5'));  -- 2.44
 *
 * Every function is registered from one table (and the formulas from
 * formula_table); the first failing registration stops the load and names
 * the function. docs/functions.md is the manual.
 *
 * Built as costledger.so, or into the costledger CLI with -DSQLITE_CORE,
 * where sqlite3_auto_extension makes it part of every connection.
 */
#include "sql_glue.h"
SQLITE_EXTENSION_INIT1

#include "formulas.h"

#define COSTLEDGER_VERSION "0.1.0"
/* INNOCUOUS needs 3.31; we build and test against Debian 12's 3.40. */
#define MIN_SQLITE_VERSION 3031000

/* Pure: same result for the same arguments, safe in views, indexes,
 * generated columns and triggers even with trusted_schema off. */
#define PURE (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)
/* Reads the ledger's rates or fx_rates table: not deterministic, but harmless in views. */
#define READS_RATES (SQLITE_UTF8 | SQLITE_INNOCUOUS)

static void sql_version(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_text(ctx, COSTLEDGER_VERSION, -1, SQLITE_STATIC);
}

static const struct sql_function {
	const char *name;
	int nargs;
	int flags;
	void (*func)(sqlite3_context *, int, sqlite3_value **);
	void (*step)(sqlite3_context *, int, sqlite3_value **);
	void (*final)(sqlite3_context *);
} sql_functions[] = {
	{"money", 1, PURE, sql_money, NULL, NULL},
	{"money_text", 1, PURE, sql_money_text, NULL, NULL},
	{"money_text", 2, PURE, sql_money_text, NULL, NULL},
	{"money_mul", 2, PURE, sql_money_mul, NULL, NULL},
	{"money_total", 1, PURE, NULL, sql_money_total_step, sql_money_total_final},
	{"price", 1, PURE, sql_price, NULL, NULL},
	{"price_mul", 2, PURE, sql_price_mul, NULL, NULL},
	{"price_mul", 3, PURE, sql_price_mul, NULL, NULL},
	{"overlap_seconds", 4, PURE, sql_overlap_seconds, NULL, NULL},
	{"interval_union_seconds", 2, PURE, NULL, sql_interval_union_step, sql_interval_union_final},
	{"rate_in_force", 6, READS_RATES, sql_rate_in_force, NULL, NULL},
	{"usage_cost", 6, READS_RATES, sql_usage_cost, NULL, NULL},
	{"pricing_category", 1, PURE, sql_pricing_category, NULL, NULL},
	{"fx_convert", 4, READS_RATES, sql_fx_convert, NULL, NULL},
	{"fx_rate", 3, READS_RATES, sql_fx_rate, NULL, NULL},
	{"costledger_version", 0, PURE, sql_version, NULL, NULL},
};

static int register_failed(char **pzErrMsg, const char *name, int rc)
{
	if (pzErrMsg)
		*pzErrMsg = sqlite3_mprintf("costledger: cannot register '%s': %s", name,
					    sqlite3_errstr(rc));
	return rc;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_costledger_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi)
{
	size_t i;
	int rc, nargs;

	SQLITE_EXTENSION_INIT2(pApi);
	if (sqlite3_libversion_number() < MIN_SQLITE_VERSION) {
		if (pzErrMsg)
			*pzErrMsg = sqlite3_mprintf("costledger: needs SQLite 3.31.0 or later, found %s",
						    sqlite3_libversion());
		return SQLITE_ERROR;
	}
	for (i = 0; i < sizeof sql_functions / sizeof sql_functions[0]; i++) {
		const struct sql_function *f = &sql_functions[i];

		rc = sqlite3_create_function_v2(db, f->name, f->nargs, f->flags, NULL, f->func,
						f->step, f->final, NULL);
		if (rc != SQLITE_OK)
			return register_failed(pzErrMsg, f->name, rc);
	}
	for (i = 0; i < formula_count; i++) {
		const struct formula *f = &formula_table[i];

		for (nargs = f->min_args; nargs <= f->max_args; nargs++) {
			rc = sqlite3_create_function_v2(db, f->name, nargs, PURE, (void *)f,
							sql_formula, NULL, NULL, NULL);
			if (rc != SQLITE_OK)
				return register_failed(pzErrMsg, f->name, rc);
		}
	}
	return SQLITE_OK;
}
