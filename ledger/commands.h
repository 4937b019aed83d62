/* commands.h: the subcommands of the costledger CLI (see main.c's table). */
#ifndef COSTLEDGER_COMMANDS_H
#define COSTLEDGER_COMMANDS_H

/* Set by the global option --ledger FILE before the subcommand. */
extern const char *global_ledger_option;

int cmd_init(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_sql(int argc, char **argv);
int cmd_reconcile(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_validate(int argc, char **argv);

#endif
