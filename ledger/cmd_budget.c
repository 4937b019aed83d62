/*
 * cmd_budget.c: costledger budget --month YYYY-MM [--as-of YYYY-MM-DD]
 * [--check] [--format table|csv]
 *
 * Per project with a budget for the month: the budget, the alert threshold,
 * spend to date, the daily run-rate, the month-end forecast
 * (budget_forecast.c) and whether it alerts. --check makes an alert the
 * exit status, for cron and CI.
 */
#include "budget_forecast.h"
#include "commands.h"
#include "csv_out.h"
#include "ledger.h"

#include "money.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
	"usage: costledger budget [--ledger FILE] --month YYYY-MM [--as-of YYYY-MM-DD]\n"
	"                         [--check] [--format table|csv]\n"
	"\n"
	"Per project: budget, alert threshold (alert_ratio x budget), spend to date,\n"
	"daily run-rate, and the month-end forecast: spend + run-rate x days left +\n"
	"the cost still to come of the project's running jobs (job_forecast).\n"
	"\n"
	"  --month YYYY-MM     the budgets' month\n"
	"  --as-of YYYY-MM-DD  the day the run-rate is measured at (default today,\n"
	"                      within the month; a past month has no days left)\n"
	"  --check             exit 1 when a project's spend or forecast reached its\n"
	"                      alert threshold\n"
	"  --format F          table (default) or csv\n"
	"\n"
	"exit status: 0 ok (no alert with --check), 1 an alert (--check),\n"
	"2 bad usage, 3 ledger error\n";

struct budget_run {
	int csv, lines, alerts;
};

static const char *status_of(const struct budget_line *b)
{
	if (b->over_budget)
		return b->spend > b->amount ? "over budget" : "forecast over budget";
	if (b->spend_alert)
		return "alert: spend";
	if (b->forecast_alert)
		return "alert: forecast";
	return "ok";
}

static void print_line(const struct budget_line *b, void *context)
{
	struct budget_run *run = context;
	char amount[48], at[48], spend[48], rate[48], jobs[48], forecast[48];

	money_format(b->amount, 2, amount, sizeof amount);
	money_format(b->alert_at, 2, at, sizeof at);
	money_format(b->spend, 2, spend, sizeof spend);
	money_format(b->run_rate, 2, rate, sizeof rate);
	money_format(b->jobs_to_come, 2, jobs, sizeof jobs);
	money_format(b->forecast, 2, forecast, sizeof forecast);
	run->alerts += b->spend_alert || b->forecast_alert;
	if (!run->csv) {
		if (!run->lines++)
			printf("%-16s %-4s %12s %12s %12s %10s %4s %12s %12s  %s\n", "project", "cur",
			       "budget", "alert_at", "spend", "per_day", "left", "jobs_to_come",
			       "forecast", "status");
		printf("%-16s %-4s %12s %12s %12s %10s %4d %12s %12s  %s\n", b->project, b->currency,
		       amount, at, spend, rate, b->days_left, jobs, forecast, status_of(b));
		return;
	}
	if (!run->lines++)
		puts("project,currency,budget,alert_ratio,alert_at,spend,days_elapsed,days_left,"
		     "run_rate_per_day,jobs_running,jobs_to_come,forecast,status");
	csv_out_text(stdout, b->project);
	printf(",%s,%s,%g,%s,%s,%d,%d,%s,%d,%s,%s,", b->currency, amount, b->alert_ratio, at, spend,
	       b->days_elapsed, b->days_left, rate, b->jobs, jobs, forecast);
	csv_out_text(stdout, status_of(b));
	putchar('\n');
}

int cmd_budget(int argc, char **argv)
{
	static const struct option long_options[] = {
		{"month", required_argument, NULL, 'm'}, {"as-of", required_argument, NULL, 'a'},
		{"check", no_argument, NULL, 'c'}, {"format", required_argument, NULL, 'f'},
		{"ledger", required_argument, NULL, 'l'}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *month = NULL, *as_of = NULL, *format = "table", *path = global_ledger_option;
	struct budget_run run = {0};
	int c, check = 0, elapsed, left, rc;
	sqlite3 *db;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
		switch (c) {
		case 'm': month = optarg; break;
		case 'a': as_of = optarg; break;
		case 'c': check = 1; break;
		case 'f': format = optarg; break;
		case 'l': path = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind < argc)
		return error_exit(EXIT_USAGE, "budget: unexpected argument '%s'", argv[optind]);
	if (!month) {
		fputs(usage, stderr);
		return error_exit(EXIT_USAGE, "budget: give --month YYYY-MM");
	}
	if (strcmp(format, "table") && strcmp(format, "csv"))
		return error_exit(EXIT_USAGE, "budget: --format: '%s' (table, csv)", format);
	if (budget_days(month, as_of, &elapsed, &left) < 0)
		return error_exit(EXIT_USAGE, "budget: not a month YYYY-MM and day YYYY-MM-DD: '%s'%s%s%s",
				  month, as_of ? ", '" : "", as_of ? as_of : "", as_of ? "'" : "");
	if (!elapsed)
		return error_exit(EXIT_USAGE, "budget: --as-of %s is before month %s", as_of ? as_of : "(today)", month);
	run.csv = !strcmp(format, "csv");
	if (!(db = ledger_open(ledger_path(path), LEDGER_READ)))
		return EXIT_LEDGER;
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	rc = budget_forecast(db, month, elapsed, left, print_line, &run);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	ledger_close(db);
	if (rc != SQLITE_OK)
		return error_exit(EXIT_LEDGER, "budget: %s", sqlite3_errstr(rc));
	if (!run.lines)
		fprintf(stderr, "costledger: budget: no budgets for %s\n", month);
	return check && run.alerts ? EXIT_FOUND : EXIT_OK;
}
