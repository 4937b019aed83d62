/* cmd_init.c: costledger init [LEDGER] */
#include "commands.h"
#include "ledger.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
	"usage: costledger init [--ledger FILE] [LEDGER]\n"
	"\n"
	"Creates the ledger (default: $COSTLEDGER_DB, else costledger.db), or\n"
	"migrates an existing one to this version's schema.\n";

int cmd_init(int argc, char **argv)
{
	const char *path = global_ledger_option;
	int existed, i;
	sqlite3 *db;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--ledger") && i + 1 < argc) {
			path = argv[++i];
		} else if (argv[i][0] == '-') {
			fputs(usage, stderr);
			return error_exit(EXIT_USAGE, "unknown option '%s'", argv[i]);
		} else {
			path = argv[i];
		}
	}
	path = ledger_path(path);
	existed = access(path, F_OK) == 0;
	if (!(db = ledger_open(path, LEDGER_CREATE)))
		return EXIT_LEDGER;
	ledger_close(db);
	printf("%s ledger '%s' (schema version %d)\n", existed ? "checked" : "created", path,
	       LEDGER_SCHEMA_VERSION);
	return EXIT_OK;
}
