/*
 * sql_formulas.c: one SQL function body for every cost-model formula in
 * extension/formulas.c. The formula (name, argument names and rules) comes
 * in as the registration's user data, so errors can name the argument.
 */
#include "sql_glue.h"
SQLITE_EXTENSION_INIT3

#include "formulas.h"

#include <math.h>

void sql_formula(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct formula *f = sqlite3_user_data(ctx);
	double args[FORMULA_MAX_ARGS], out;
	const char *why = NULL;
	int i, bad_arg = -1, status;

	for (i = 0; i < argc; i++) {
		int type = sqlite3_value_type(argv[i]), got;

		/* The common case inline: this runs for every argument of every row. */
		if (type == SQLITE_FLOAT || type == SQLITE_INTEGER) {
			args[i] = sqlite3_value_double(argv[i]);
			if (isfinite(args[i]))
				continue;
		}
		got = sql_arg_double(ctx, argv[i], f->name, i, f->arg_names[i], &args[i]);
		if (got <= 0)
			return; /* NULL in, NULL out; or the error already raised */
	}
	status = formula_eval(f, args, argc, &out, &bad_arg, &why);
	if (status == FORMULA_OK) {
		sqlite3_result_double(ctx, out);
	} else if (status == FORMULA_INVALID) {
		if (bad_arg >= 0 && bad_arg < argc)
			sql_arg_error(ctx, f->name, bad_arg, f->arg_names[bad_arg], "%s, got %.15g",
				      why ? why : "is invalid", args[bad_arg]);
		else
			sql_arg_error(ctx, f->name, 0, f->arg_names[0], "%s", why ? why : "is invalid");
	}
	/* FORMULA_NULL: leave the result NULL */
}
