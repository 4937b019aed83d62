/*
 * main.c: the costledger command. Subcommands come from one table, git
 * style; each has -h. The extension's SQL functions are part of every
 * connection (sqlite3_auto_extension), so SQL run here and SQL run in the
 * sqlite3 shell after `.load costledger` see the same functions.
 */
#include <sqlite3ext.h>

#include "commands.h"
#include "ledger.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

int sqlite3_costledger_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

const char *global_ledger_option;

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{"init", cmd_init, "create a ledger, or migrate one to this version"},
	{"import", cmd_import, "import bills (FOCUS, AWS CUR), usage logs, rates, budgets"},
	{"imports", cmd_imports, "the deliveries: files, statements covered, what they replaced"},
	{"diff", cmd_diff, "what the latest delivery changed in each statement"},
	{"sql", cmd_sql, "run a query against the ledger"},
	{"reconcile", cmd_reconcile, "reconcile a month: charges against usage and rates"},
	{"report", cmd_report, "the month's costs per project, provider, resource or SKU"},
	{"export", cmd_export, "the month as CSV for finance, or charges as FOCUS"},
	{"budget", cmd_budget, "budgets: spend, month-end forecast, alerts (--check for cron)"},
	{"plan", cmd_plan, "where to train a job: cloud, spot or own machines, by expected cost"},
	{"validate", cmd_validate, "check FOCUS files against the specification's rules"},
};

int option_error(const char *command, const char *usage, int c, char **argv)
{
	const char *arg = argv[optind - 1];
	char shortopt[3] = {'-', (char)optopt, 0};

	/* "-x" inside "-hx" or a short option's own missing value: name the letter. */
	if (optopt && strncmp(arg, "--", 2) != 0)
		arg = shortopt;
	fputs(usage, stderr);
	if (c == ':')
		return error_exit(EXIT_USAGE, "%s: option '%s' needs a value", command, arg);
	return error_exit(EXIT_USAGE, "%s: unknown option '%s'", command, arg);
}

int ledger_month_arguments(const char *command, const char *usage, int argc, char **argv,
			   const char **path, const char **month)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--ledger") && i + 1 < argc) {
			*path = argv[++i];
		} else if (month && !strcmp(argv[i], "--month") && i + 1 < argc) {
			*month = argv[++i];
		} else {
			fputs(usage, stderr);
			return error_exit(EXIT_USAGE, "%s: unknown argument '%s'", command, argv[i]);
		}
	}
	return -1;
}

static void print_usage(FILE *out)
{
	size_t i;

	fputs("usage: costledger [--ledger FILE] COMMAND [ARGS]\n\ncommands:\n", out);
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fputs("\nThe ledger is --ledger FILE, else $COSTLEDGER_DB, else costledger.db.\n"
	      "'costledger COMMAND -h' describes a command.\n"
	      "\nexit status: 0 ok, 1 ran and found differences (reconcile) or an alert (budget --check),\n"
	      "2 bad usage or bad input, 3 the ledger could not be opened or written\n", out);
}

int main(int argc, char **argv)
{
	int i = 1, code;
	size_t c;

	while (i < argc && argv[i][0] == '-') {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			print_usage(stdout);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--version")) {
			printf("costledger 0.1.0 (SQLite %s)\n", sqlite3_libversion());
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--ledger") && i + 1 < argc) {
			global_ledger_option = argv[i + 1];
			i += 2;
		} else {
			print_usage(stderr);
			return error_exit(EXIT_USAGE, "unknown option '%s'", argv[i]);
		}
	}
	if (i >= argc) {
		print_usage(stderr);
		return EXIT_USAGE;
	}
	/* Memory statistics take a global mutex on every allocation; we never read them. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_auto_extension((void (*)(void))sqlite3_costledger_init);
	opterr = 0; /* the commands' option errors go through option_error() */
	for (c = 0; c < sizeof commands / sizeof commands[0]; c++) {
		if (strcmp(argv[i], commands[c].name) == 0) {
			code = commands[c].run(argc - i, argv + i);
			/* Like git: output that could not be written is an error. */
			if (fflush(stdout) != 0 || ferror(stdout))
				return error_exit(EXIT_LEDGER, "cannot write the output");
			return code;
		}
	}
	print_usage(stderr);
	return error_exit(EXIT_USAGE, "'%s' is not a costledger command", argv[i]);
}
