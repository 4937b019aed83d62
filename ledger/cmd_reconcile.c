/*
 * cmd_reconcile.c: costledger reconcile --month YYYY-MM [--tolerance AMOUNT]
 * [--provider P], or --show ID. The run is computed and stored in one write
 * transaction, then printed from what was stored.
 */
#include "commands.h"
#include "ledger.h"
#include "restated.h"
#include "reconcile.h"

#include "money.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: costledger reconcile [--ledger FILE] --month YYYY-MM [--tolerance AMOUNT]\n"
	"                            [--provider P]\n"
	"       costledger reconcile [--ledger FILE] --show ID\n"
	"\n"
	"Compares the month's charges with the usage logs and the rate card and\n"
	"stores the run (with its tolerance and the last import it saw) and its\n"
	"findings: billed_while_paused, unexplained_charge, unbilled_usage,\n"
	"rate_mismatch, discount_missing, duplicate_charge, correction,\n"
	"late_correction, currency_mismatch.\n"
	"See docs/reconcile.md for the rules.\n"
	"\n"
	"  --month YYYY-MM     the month: charges whose period starts in it\n"
	"  --tolerance AMOUNT  keep only findings whose difference is above AMOUNT,\n"
	"                      in each currency (default 0); or per currency:\n"
	"                      0.50USD,50JPY (others 0), 0.10,50JPY (others 0.10)\n"
	"  --provider P        only this provider's charges and usage\n"
	"  --show ID           print a stored run again, unchanged\n"
	"\n"
	"exit status: 0 the month reconciles, 1 findings above the tolerance,\n"
	"2 bad usage, 3 ledger error\n";

int cmd_reconcile(int argc, char **argv)
{
	static const struct option long_options[] = {
		{"month", required_argument, NULL, 'm'},
		{"tolerance", required_argument, NULL, 't'},
		{"provider", required_argument, NULL, 'p'},
		{"show", required_argument, NULL, 's'},
		{"ledger", required_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *month = NULL, *provider = NULL, *show = NULL, *path = global_ledger_option;
	struct tolerance tolerance;
	const char *bad;
	char err[256];
	char start[32], end[32];
	sqlite3_int64 run_id = 0;
	sqlite3 *db;
	long found;
	int c, rc;

	memset(&tolerance, 0, sizeof tolerance);
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", long_options, NULL)) != -1) {
		switch (c) {
		case 'm': month = optarg; break;
		case 'p': provider = optarg; break;
		case 's': show = optarg; break;
		case 'l': path = optarg; break;
		case 't':
			if (tolerance_parse(optarg, &tolerance, &bad) < 0)
				return error_exit(EXIT_USAGE, "reconcile: --tolerance: not an amount"
						  " (0.50, or 0.50USD,50JPY): '%s'", bad);
			break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: return option_error("reconcile", usage, c, argv);
		}
	}
	if (optind < argc) {
		fputs(usage, stderr);
		return error_exit(EXIT_USAGE, "reconcile: unexpected argument '%s'", argv[optind]);
	}
	if (show) {
		char *endp;
		if (month || provider) {
			fputs(usage, stderr);
			return error_exit(EXIT_USAGE, "reconcile: --show takes no --month or --provider");
		}
		run_id = strtoll(show, &endp, 10);
		if (*endp || endp == show || run_id <= 0)
			return error_exit(EXIT_USAGE, "reconcile: --show: not a run id: '%s'", show);
		if (!(db = ledger_open(ledger_path(path), LEDGER_READ)))
			return EXIT_LEDGER;
		sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
		found = reconcile_print(db, run_id, stdout);
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		ledger_close(db);
		if (found < 0)
			return error_exit(EXIT_USAGE, "reconcile: no run %lld", (long long)run_id);
		return found > 0 ? EXIT_FOUND : EXIT_OK;
	}
	if (!month) {
		fputs(usage, stderr);
		return error_exit(EXIT_USAGE, "reconcile: give --month YYYY-MM or --show ID");
	}
	if (reconcile_month_bounds(month, start, end) < 0)
		return error_exit(EXIT_USAGE, "reconcile: --month: not a month (YYYY-MM): '%s'", month);
	if (!(db = ledger_open(ledger_path(path), LEDGER_WRITE)))
		return EXIT_LEDGER;
	if (ledger_exec(db, "BEGIN IMMEDIATE") != SQLITE_OK) {
		ledger_close(db);
		return EXIT_LEDGER;
	}
	rc = restated_note(db, month, provider, stderr);
	if (rc == SQLITE_OK)
		rc = reconcile_run(db, month, provider, &tolerance, &run_id, err, sizeof err);
	if (rc != SQLITE_OK) {
		error_exit(EXIT_LEDGER, "reconcile: %s", err);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		ledger_close(db);
		return EXIT_LEDGER;
	}
	if (ledger_exec(db, "COMMIT") != SQLITE_OK) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		ledger_close(db);
		return EXIT_LEDGER;
	}
	found = reconcile_print(db, run_id, stdout);
	ledger_close(db);
	if (found < 0)
		return error_exit(EXIT_LEDGER, "reconcile: cannot read run %lld back", (long long)run_id);
	return found > 0 ? EXIT_FOUND : EXIT_OK;
}
