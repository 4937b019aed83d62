/* commands.h: the subcommands of the costledger CLI (see main.c's table). */
#ifndef COSTLEDGER_COMMANDS_H
#define COSTLEDGER_COMMANDS_H

/* Set by the global option --ledger FILE before the subcommand. */
extern const char *global_ledger_option;

/* For getopt_long with an optstring that starts with ':': prints the usage
 * and "costledger: COMMAND: unknown option '--x'" (or "needs a value" when
 * c is ':') to stderr; returns EXIT_USAGE. */
int option_error(const char *command, const char *usage, int c, char **argv);

/* The arguments of a command that takes only --ledger FILE and, when month
 * is not NULL, --month M (imports, diff): -1 to go on, else the exit code
 * (the usage printed for -h, or an unknown argument named). */
int ledger_month_arguments(const char *command, const char *usage, int argc, char **argv,
			   const char **path, const char **month);

int cmd_init(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_imports(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_sql(int argc, char **argv);
int cmd_reconcile(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_budget(int argc, char **argv);
int cmd_validate(int argc, char **argv);

#endif
