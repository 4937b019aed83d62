/*
 * budget_forecast.c: month-end forecasts against budgets (budget_forecast.h).
 *
 *   run-rate per day  = spend / days elapsed
 *   forecast          = spend + run-rate x days left + cost to come of the
 *                       project's jobs with epochs left (job_forecast)
 *   alert             when spend or forecast reaches alert_ratio x budget
 *
 * Spend is budget_status's: the month's charges of the project, or its
 * usage at the rate card when it has none.
 */
#include "budget_forecast.h"

#include "money.h"
#include "timeparse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int parse_month(const char *s, int *year, int *month)
{
	char tail;

	if (!s || strlen(s) != 7 || sscanf(s, "%4d-%2d%c", year, month, &tail) != 2 || *month < 1 ||
	    *month > 12 || s[4] != '-')
		return -1;
	return 0;
}

int budget_days(const char *month, const char *as_of, int *days_elapsed, int *days_left)
{
	int year, mon, y, m, d, total;
	int64_t first, day;
	char tail;

	if (parse_month(month, &year, &mon) < 0)
		return -1;
	total = (int)days_in_month(year, (unsigned)mon);
	if (as_of) {
		if (strlen(as_of) != 10 || sscanf(as_of, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
		    m < 1 || m > 12 || d < 1 || d > (int)days_in_month(y, (unsigned)m))
			return -1;
	} else {
		time_t now = time(NULL);
		struct tm tm;
		gmtime_r(&now, &tm);
		y = tm.tm_year + 1900, m = tm.tm_mon + 1, d = tm.tm_mday;
	}
	first = days_from_civil(year, (unsigned)mon, 1);
	day = days_from_civil(y, (unsigned)m, (unsigned)d) - first + 1;
	if (day < 0)
		day = 0;
	if (day > total)
		day = total;
	*days_elapsed = (int)day;
	*days_left = total - (int)day;
	return 0;
}

static const char forecast_sql[] =
	"WITH jobs AS (SELECT project, currency, sum(cost_to_come) AS to_come, count(*) AS n"
	"  FROM job_forecast WHERE epochs_left > 0 AND budget_period = ?1 GROUP BY project, currency)"
	" SELECT b.project, b.currency, b.amount, b.alert_ratio, coalesce(b.spend, 0),"
	"  coalesce(j.to_come, 0), coalesce(j.n, 0)"
	" FROM budget_status b LEFT JOIN jobs j ON j.project = b.project AND j.currency = b.currency"
	" WHERE b.period = ?1 ORDER BY b.project";

/* x * numerator / denominator in nanos, rounded half-even once. */
static int64_t scaled(int64_t x, int numerator, int denominator)
{
	struct decimal q;
	int64_t out = 0;

	if (!denominator || decimal_from_double((double)numerator / denominator, &q) != MONEY_OK ||
	    money_mul(x, &q, &out) != MONEY_OK)
		return 0;
	return out;
}

static void compute(struct budget_line *b)
{
	struct decimal ratio;

	b->run_rate = scaled(b->spend, 1, b->days_elapsed);
	b->run_rate_to_come = scaled(b->spend, b->days_left, b->days_elapsed);
	b->forecast = b->spend + b->run_rate_to_come + b->jobs_to_come;
	b->alert_at = b->amount;
	if (decimal_from_double(b->alert_ratio, &ratio) == MONEY_OK)
		money_mul(b->amount, &ratio, &b->alert_at);
	b->spend_alert = b->spend >= b->alert_at;
	b->forecast_alert = b->forecast >= b->alert_at;
	b->over_budget = b->spend > b->amount || b->forecast > b->amount;
}

int budget_forecast(sqlite3 *db, const char *month, int days_elapsed, int days_left,
		    void (*each)(const struct budget_line *, void *), void *context)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, forecast_sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, month, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct budget_line b = {0};
		snprintf(b.project, sizeof b.project, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(b.currency, sizeof b.currency, "%s", (const char *)sqlite3_column_text(st, 1));
		b.amount = sqlite3_column_int64(st, 2);
		b.alert_ratio = sqlite3_column_double(st, 3);
		b.spend = sqlite3_column_int64(st, 4);
		b.jobs_to_come = sqlite3_column_int64(st, 5);
		b.jobs = sqlite3_column_int(st, 6);
		b.days_elapsed = days_elapsed;
		b.days_left = days_left;
		compute(&b);
		each(&b, context);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}
