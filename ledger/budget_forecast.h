/*
 * budget_forecast.h: a project's month-end forecast against its budget
 * (cmd_budget.c, report_html.c): spend to date, plus the daily run-rate
 * over the days left, plus the cost still to come of its running jobs
 * (job_forecast). Money in nanos.
 */
#ifndef COSTLEDGER_BUDGET_FORECAST_H
#define COSTLEDGER_BUDGET_FORECAST_H

#include <sqlite3.h>
#include <stdint.h>

struct budget_line {
	char project[256], currency[8];
	int64_t amount, alert_at, spend, run_rate, run_rate_to_come, jobs_to_come, forecast;
	double alert_ratio;
	int jobs, days_elapsed, days_left;
	int spend_alert, forecast_alert, over_budget;
};

/*
 * The day a month is measured at: as_of ('YYYY-MM-DD', or NULL for today)
 * clipped to the month; *days_elapsed days of it are past (as_of's day
 * counted), *days_left to come. -1 when month or as_of is malformed.
 */
int budget_days(const char *month, const char *as_of, int *days_elapsed, int *days_left);

/*
 * Calls each(line, context) for every budget of month, by project.
 * Returns SQLite's code.
 */
int budget_forecast(sqlite3 *db, const char *month, int days_elapsed, int days_left,
		    void (*each)(const struct budget_line *, void *), void *context);

#endif
