/*
 * sql_fx.c: exchange rates in SQL (fx_rule.h has the rule).
 *
 * SQL Function: fx_convert(amount, from, to, day)
 *                 -> nanos of `to`: amount (nanos of `from`) x the latest
 *                    fx_rates rate from -> to on or before day, half-even
 *                    once; the amount itself when from = to; NULL: no rate
 * SQL Function: fx_rate(from, to, day) -> that rate as canonical decimal
 *                    TEXT ('1' when from = to), or NULL
 *
 * Both read the ledger's fx_rates table once per statement, kept with the
 * statement as the rate card is (sql_rates.c).
 */
#include "sql_glue.h"
SQLITE_EXTENSION_INIT3

#include "fx_table.h"
#include "price.h"
#include "timeparse.h"

#include <stdlib.h>
#include <string.h>

#define FX_TABLE_AUX (-0x6678)

/* A date or timestamp to its day; -1 when it is neither. */
static int day_of(const char *s, int64_t *day)
{
	int64_t ms;

	if (!s || time_parse(s, strlen(s), 0, &ms) != TIME_OK)
		return -1;
	*day = fx_day(ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000));
	return 0;
}

int fx_table_load(sqlite3 *db, struct fx_table *fx)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(fx, 0, sizeof *fx);
	rc = sqlite3_prepare_v2(db, "SELECT from_currency, to_currency, rate_date, rate FROM fx_rates",
				-1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *from = (const char *)sqlite3_column_text(st, 0);
		const char *to = (const char *)sqlite3_column_text(st, 1);
		const char *rate = (const char *)sqlite3_column_text(st, 3);
		struct fx_row *row;

		if (fx->n == cap) {
			struct fx_row *grown;
			cap = cap ? 2 * cap : 64;
			if (!(grown = realloc(fx->v, cap * sizeof *grown))) {
				rc = SQLITE_NOMEM;
				break;
			}
			fx->v = grown;
		}
		row = &fx->v[fx->n];
		if (!from || !to || !rate || currency_code(from, row->from) < 0 ||
		    currency_code(to, row->to) < 0 ||
		    day_of((const char *)sqlite3_column_text(st, 2), &row->day) < 0 ||
		    decimal_parse(rate, strlen(rate), &row->rate, NULL) != MONEY_OK) {
			rc = SQLITE_MISMATCH;
			break;
		}
		fx->n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		fx_table_free(fx);
		return rc == SQLITE_ROW ? SQLITE_ERROR : rc;
	}
	fx_table_sort(fx);
	return SQLITE_OK;
}

void fx_table_free(struct fx_table *fx)
{
	free(fx->v);
	memset(fx, 0, sizeof *fx);
}

static int table_load(sqlite3 *db, void *fx)
{
	return fx_table_load(db, fx);
}

static void table_delete(void *fx)
{
	fx_table_free(fx);
	sqlite3_free(fx);
}

/* The statement's table, loaded on first use; NULL after an error on ctx. */
static struct fx_table *statement_table(sqlite3_context *ctx, const char *function)
{
	return sql_statement_data(ctx, FX_TABLE_AUX, sizeof(struct fx_table), table_load,
				  table_delete, function, "fx_rates");
}

/* A currency argument: TEXT, '' (no currency) or three letters. 1, 0 NULL, -1 error. */
static int arg_currency(sqlite3_context *ctx, sqlite3_value *v, const char *function, int index,
			const char *name, const char **code)
{
	char folded[4];

	if (sqlite3_value_type(v) == SQLITE_NULL)
		return 0;
	*code = (const char *)sqlite3_value_text(v);
	if (sqlite3_value_type(v) == SQLITE_TEXT && *code &&
	    (!**code || currency_code(*code, folded) == 0))
		return 1;
	sql_arg_error(ctx, function, index, name, "is not a currency code: \"%s\"",
		      *code ? *code : "");
	return -1;
}

/* The arguments from, to, day at argv[0..2]: 1, 0 (a NULL: result NULL), -1 error. */
static int fx_args(sqlite3_context *ctx, sqlite3_value **argv, int first, const char *function,
		   const char **from, const char **to, int64_t *day)
{
	int64_t t;
	int got;

	if ((got = arg_currency(ctx, argv[0], function, first, "from", from)) <= 0 ||
	    (got = arg_currency(ctx, argv[1], function, first + 1, "to", to)) <= 0 ||
	    (got = sql_arg_time(ctx, argv[2], function, first + 2, "day", &t)) <= 0)
		return got;
	*day = fx_day(t);
	return 1;
}

void sql_fx_convert(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *from, *to;
	struct fx_table *fx;
	int64_t amount, day;
	int rc;

	if (sql_arg_int64(ctx, argv[0], "fx_convert", 0, "amount", &amount) <= 0 ||
	    fx_args(ctx, argv + 1, 1, "fx_convert", &from, &to, &day) <= 0 ||
	    !(fx = statement_table(ctx, "fx_convert")))
		return;
	rc = fx_convert(fx, from, to, day, &amount);
	if (rc == FX_OVERFLOW)
		sqlite3_result_error(ctx, "fx_convert: argument 1 'amount' makes the result out of"
				     " range for 64-bit nanos", -1);
	else if (rc == FX_OK)
		sqlite3_result_int64(ctx, amount);
}

void sql_fx_rate(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *from, *to;
	const struct decimal *rate;
	struct decimal one = {1, 0};
	struct fx_table *fx;
	char buf[PRICE_TEXT_MAX];
	int64_t day, probe = 1;
	int n;

	if (fx_args(ctx, argv, 0, "fx_rate", &from, &to, &day) <= 0 ||
	    !(fx = statement_table(ctx, "fx_rate")))
		return;
	/* The rule's own answer decides: no rate, or the amount as it is. */
	if (fx_convert(fx, from, to, day, &probe) == FX_NO_RATE)
		return;
	rate = fx_find(fx, from, to, day);
	if ((n = price_format(rate ? rate : &one, buf, sizeof buf)) < 0) {
		sqlite3_result_error(ctx, "fx_rate: the rate is out of range for a decimal", -1);
		return;
	}
	sqlite3_result_text(ctx, buf, n, SQLITE_TRANSIENT);
}
