/*
 * check_usage_csv.c: import/usage_csv.c (events to intervals, the interval
 * form, errors naming line and column, jobs never stopped), and the shared
 * helpers: format detection, --tz, the rate card and budgets rows.
 */
#include <stdio.h>
#include <string.h>

#include "check_util.h"
#include "rates.h"
#include "timeparse.h"
#include "usage.h"
#include "usage_csv.h"

#include "check_usage_util.h"

#define EVENTS_HEADER "timestamp,event,job_id,project,provider,account,resource_id,instance_type,pricing,gpus,epoch,planned_epochs,run_id"

/* Feeds lines; returns the status of the last row (0 or -1) and the message. */
static int run_csv(const char *const *lines, int n, struct collected *c, char *message, size_t size,
		   char *report, size_t report_size)
{
	struct usage_tz tz;
	struct usage_csv *u;
	struct import_error e;
	struct test_row t;
	int i, rc = 0;

	ck_assert_int_eq(usage_tz_init(&tz, "UTC", message, size), 0);
	message[0] = 0;
	ck_assert_int_eq(usage_csv_new(&tz, "u.csv", &u), 0);
	for (i = 0; i < n && rc == 0; i++)
		rc = usage_csv_row(u, make_row(&t, i + 1, lines[i], ','), collect, c, &e);
	if (rc == 0)
		rc = usage_csv_finish(u, collect, c, &e);
	if (rc)
		error_text(&e, message, size);
	if (report)
		usage_csv_report(u, report, report_size);
	usage_csv_free(u);
	return rc;
}

START_TEST(core_domain2)
{
	static const char *const lines[] = {
		EVENTS_HEADER,
		"2026-10-01T00:00:00+00:00,start,job-7,vision,gpucloud,acct-1,vm-1,a100x1,on-demand,1,1,4,run-a",
		"2026-10-02T16:00:00+00:00,pause,job-7,,,,,,,,,,",
		"2026-10-03T12:00:00+00:00,resume,job-7,,,,,,,,,,",
		"2026-10-05T04:00:00Z,stop,job-7,,,,,,,,,,",
	};
	struct collected c = {0};
	char message[256], report[512];

	ck_assert_int_eq(run_csv(lines, ROWS(lines), &c, message, sizeof message, report, sizeof report), 0);
	ck_assert_int_eq(c.count, 3);
	ck_assert_str_eq(c.text[0], "2 running 2026-10-01T00:00:00Z 2026-10-02T16:00:00Z job=job-7 project=vision "
			 "resource=vm-1 type=a100x1 pricing=on-demand gpus=1 epoch=1 util=-1");
	ck_assert_str_eq(c.text[1], "3 paused 2026-10-02T16:00:00Z 2026-10-03T12:00:00Z job=job-7 project=vision "
			 "resource=vm-1 type=a100x1 pricing=on-demand gpus=1 epoch=1 util=-1");
	ck_assert_str_eq(c.text[2], "4 running 2026-10-03T12:00:00Z 2026-10-05T04:00:00Z job=job-7 project=vision "
			 "resource=vm-1 type=a100x1 pricing=on-demand gpus=1 epoch=1 util=-1");
	ck_assert_str_eq(report, "{\"format\":\"usage-events\",\"extra_columns\":0,\"jobs_not_stopped\":[]}");
}
END_TEST

START_TEST(core_epochs_and_open_job)
{
	static const char *const lines[] = {
		"job_id,event,timestamp,epoch,pricing,resource_id,extra",
		"j,start,2026-10-20T00:00:00Z,,spot,vm-3,x",
		"j,epoch_end,2026-10-20T10:00:00Z,,,,",
		"j,interrupt,2026-10-20T13:00:00Z,,,,",
		"j,start,2026-10-20T14:00:00Z,2,,vm-4,",
		"j,epoch_end,2026-10-20T20:00:00Z,2,,,",
		"k,start,2026-10-20T00:00:00Z,,,,",
		"j,stop,2026-10-20T20:00:00Z,,,,",
	};
	struct collected c = {0};
	char message[256], report[512];

	ck_assert_int_eq(run_csv(lines, ROWS(lines), &c, message, sizeof message, report, sizeof report), 0);
	ck_assert_int_eq(c.count, 4); /* the zero-length epoch 3 before stop is not kept */
	ck_assert_str_eq(c.text[0], "2 running 2026-10-20T00:00:00Z 2026-10-20T10:00:00Z job=j project=- "
			 "resource=vm-3 type=- pricing=spot gpus=-1 epoch=1 util=-1");
	ck_assert_str_eq(c.text[1], "3 running 2026-10-20T10:00:00Z 2026-10-20T13:00:00Z job=j project=- "
			 "resource=vm-3 type=- pricing=spot gpus=-1 epoch=2 util=-1");
	ck_assert_str_eq(c.text[2], "4 interrupted 2026-10-20T13:00:00Z 2026-10-20T14:00:00Z job=j project=- "
			 "resource=vm-3 type=- pricing=spot gpus=-1 epoch=2 util=-1");
	ck_assert_str_eq(c.text[3], "5 running 2026-10-20T14:00:00Z 2026-10-20T20:00:00Z job=j project=- "
			 "resource=vm-4 type=- pricing=spot gpus=-1 epoch=2 util=-1");
	ck_assert_str_eq(report, "{\"format\":\"usage-events\",\"extra_columns\":1,\"jobs_not_stopped\":"
			 "[{\"job_id\":\"k\",\"state\":\"running\",\"since\":\"2026-10-20T00:00:00Z\",\"line\":7}]}");
}
END_TEST

static const struct {
	const char *row, *message;
} bad_events[] = {
	{"2026-10-01T03:00:00Z,pause,j", "u.csv:4: column 'event': pause for job 'j', which is paused since line 3"},
	{"2026-10-01T03:00:00Z,start,j", "u.csv:4: column 'event': start for job 'j', which is paused since line 3"},
	{"2026-10-01T03:00:00Z,epoch_end,j", "u.csv:4: column 'event': epoch_end for job 'j', which is paused since line 3"},
	{"2026-10-01T03:00:00Z,stop,other", "u.csv:4: column 'event': stop for job 'other', which has not started (a job's earlier events come in the same command, in an earlier file)"},
	{"2026-10-01T03:00:00Z,resume,other", "u.csv:4: column 'event': resume for job 'other', which has not started (a job's earlier events come in the same command, in an earlier file)"},
	{"2026-10-01T00:30:00Z,resume,j", "u.csv:4: column 'timestamp': earlier than the job's previous event: \"2026-10-01T00:30:00Z\""},
	{"2026-10-01T03:00:00Z,restart,j", "u.csv:4: column 'event': not one of start, pause, resume, interrupt, stop, epoch_end: \"restart\""},
	{"2026-10-01T03:00:00Z,resume,", "u.csv:4: column 'job_id': missing job id: \"\""},
	{"2026-10-01 03:00,resume,j,-1", "u.csv:4: column 'gpus': not a whole number >= 0: \"-1\""},
	{"2026-10-32T03:00:00Z,resume,j", "u.csv:4: column 'timestamp': invalid date or time: \"2026-10-32T03:00:00Z\""},
	{"soon,resume,j", "u.csv:4: column 'timestamp': not a timestamp: \"soon\""},
	{"2026-10-01T03:00:00Z,resume,j,,preemptible", "u.csv:4: column 'pricing': not one of on-demand, spot, reserved, own: \"preemptible\""},
};

START_TEST(core_bad_events)
{
	const char *lines[] = {
		"timestamp,event,job_id,gpus,pricing",
		"2026-10-01T00:00:00Z,start,j,1,own",
		"2026-10-01T01:00:00Z,pause,j",
		bad_events[_i].row,
	};
	struct collected c = {0};
	char message[256];

	ck_assert_int_eq(run_csv(lines, ROWS(lines), &c, message, sizeof message, NULL, 0), -1);
	ck_assert_str_eq(message, bad_events[_i].message);
}
END_TEST

START_TEST(core_intervals)
{
	static const char *const lines[] = {
		"usage_start,usage_end,state,job_id,gpus,gpu_utilization,pricing",
		"2026-10-10T00:00:00Z,2026-10-10T02:00:00Z,Running,job-i,8,77.5,Own",
		"2026-10-10 02:00:00+02:00,2026-10-10 03:00:00+02:00,idle,,,,",
	};
	struct collected c = {0};
	char message[256], report[512];

	ck_assert_int_eq(run_csv(lines, ROWS(lines), &c, message, sizeof message, report, sizeof report), 0);
	ck_assert_int_eq(c.count, 2);
	ck_assert_str_eq(c.text[0], "2 running 2026-10-10T00:00:00Z 2026-10-10T02:00:00Z job=job-i project=- "
			 "resource=- type=- pricing=own gpus=8 epoch=-1 util=77.5");
	ck_assert_str_eq(c.text[1], "3 idle 2026-10-10T00:00:00Z 2026-10-10T01:00:00Z job=- project=- "
			 "resource=- type=- pricing=- gpus=-1 epoch=-1 util=-1");
	ck_assert_ptr_nonnull(strstr(report, "usage-intervals"));
}
END_TEST

static const struct {
	const char *header, *row, *message;
} bad_intervals[] = {
	{"usage_start,usage_end,state", "2026-10-10T02:00:00Z,2026-10-10T01:00:00Z,running",
	 "u.csv:2: column 'usage_end': before usage_start: \"2026-10-10T01:00:00Z\""},
	{"usage_start,usage_end,state", "2026-10-10T00:00:00Z,2026-10-10T01:00:00Z,sleeping",
	 "u.csv:2: column 'state': not one of running, paused, stopped, interrupted, idle: \"sleeping\""},
	{"usage_start,usage_end,state,gpu_utilization", "2026-10-10T00:00:00Z,2026-10-10T01:00:00Z,idle,101",
	 "u.csv:2: column 'gpu_utilization': not a percentage 0-100: \"101\""},
	{"usage_start,usage_end,state,planned_epochs", "2026-10-10T00:00:00Z,2026-10-10T01:00:00Z,idle,0",
	 "u.csv:2: column 'planned_epochs': not a whole number >= 1: \"0\""},
	{"usage_start,usage_end", "2026-10-10T00:00:00Z,2026-10-10T01:00:00Z",
	 "u.csv:1: usage CSV (interval form): no column 'state'"},
	{"timestamp,event", "2026-10-10T00:00:00Z,start",
	 "u.csv:1: usage CSV (event form): no column 'job_id'"},
	{"timestamp,event,job_id,state", "2026-10-10T00:00:00Z,start,j,running",
	 "u.csv:1: usage CSV: both event columns (timestamp, event) and interval columns (usage_start, usage_end, state)"},
	{"usage_start,usage_end,state,Job_ID,job_id", "",
	 "u.csv:1: column 'job_id': column given twice (also column 4)"},
};

START_TEST(core_bad_intervals)
{
	const char *lines[] = {bad_intervals[_i].header, bad_intervals[_i].row};
	struct collected c = {0};
	char message[256];

	ck_assert_int_eq(run_csv(lines, 2, &c, message, sizeof message, NULL, 0), -1);
	ck_assert_str_eq(message, bad_intervals[_i].message);
}
END_TEST

static const struct {
	const char *line, *format;
} detect_rows[] = {
	{EVENTS_HEADER, "usage"},
	{"usage_start,usage_end,state,job_id", "usage"},
	{"JobID|JobIDRaw|JobName|User", "sacct"},
	{"4103947|4103947|ub-hpc|general-compute|qos|anon|anon|918273", "sacct"},
	{"timestamp, index, name, utilization.gpu [%], memory.used [MiB]", "nvidia-smi"},
	{"2026/10/01 10:00:00.000, 0, NVIDIA H100 80GB HBM3, 50, 1000, 200.00", "nvidia-smi"},
	{"\xEF\xBB\xBFtimestamp,uuid,utilization.gpu", "nvidia-smi"},
	{"BillingAccountId,ChargePeriodStart,ChargePeriodEnd,BilledCost", NULL},
	{"identity/LineItemId,identity/TimeInterval", NULL},
	{"", NULL},
};

START_TEST(core_detect)
{
	const char *got = usage_detect(detect_rows[_i].line);

	if (!detect_rows[_i].format)
		ck_assert_ptr_null(got);
	else
		ck_assert_str_eq(got, detect_rows[_i].format);
}
END_TEST

START_TEST(core_rates_detect)
{
	ck_assert_int_eq(rates_detect("provider,sku,region,pricing_category,unit,unit_price,currency,"
				      "discount,billing_rule,valid_from,valid_to"), 1);
	ck_assert_int_eq(rates_detect("Provider, SKU, unit_price, currency, unit, valid_from"), 1);
	ck_assert_int_eq(rates_detect("project,period,amount,currency,alert_ratio"), 2);
	ck_assert_int_eq(rates_detect("ProviderName,BilledCost"), 0);
}
END_TEST

static const struct {
	const char *zone, *text, *utc;
} tz_rows[] = {
	{"UTC", "2026-10-01 10:00:00", "2026-10-01T10:00:00Z"},
	{"+02:00", "2026-10-01 10:00:00", "2026-10-01T08:00:00Z"},
	{"-0530", "2026-10-01 10:00:00", "2026-10-01T15:30:00Z"},
	{"+02", "2026-10-01T10:00:00", "2026-10-01T08:00:00Z"},
	{"+02:00", "2026-10-01T10:00:00Z", "2026-10-01T10:00:00Z"},        /* a zone in the text wins */
	{"Europe/Berlin", "2026-07-01 12:00:00", "2026-07-01T10:00:00Z"},  /* summer time */
	{"Europe/Berlin", "2026-12-01 12:00:00", "2026-12-01T11:00:00Z"},
	{"America/New_York", "2026/01/15 09:30:00.250", "2026-01-15T14:30:00Z"},
	{"Europe/Berlin", "2026-07-01T12:00:00+00:00", "2026-07-01T12:00:00Z"},
};

START_TEST(core_tz)
{
	struct usage_tz tz;
	char message[256], got[32];
	int64_t ms;

	ck_assert_int_eq(usage_tz_init(&tz, tz_rows[_i].zone, message, sizeof message), 0);
	ck_assert_int_eq(usage_time(&tz, tz_rows[_i].text, strlen(tz_rows[_i].text), &ms), TIME_OK);
	time_format(ms, got, sizeof got);
	ck_assert_str_eq(got, tz_rows[_i].utc);
}
END_TEST

START_TEST(limits_tz_errors)
{
	struct usage_tz tz;
	char message[256];

	ck_assert_int_eq(usage_tz_init(&tz, "+25:00", message, sizeof message), -1);
	ck_assert_str_eq(message, "--tz '+25:00': not an offset like +02:00");
	ck_assert_int_eq(usage_tz_init(&tz, "Mars/Olympus", message, sizeof message), -1);
	ck_assert_ptr_nonnull(strstr(message, "--tz 'Mars/Olympus': not UTC"));
	ck_assert_int_eq(usage_tz_init(&tz, "../etc/passwd", message, sizeof message), -1);
}
END_TEST

static const char rates_header[] =
	"provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to";

START_TEST(core_rate_row)
{
	struct test_row h, t;
	struct rates_reader *r;
	struct import_error e;
	struct rate rate;
	char from[32], to[32];

	ck_assert_int_eq(rates_reader_new(0, make_row(&h, 1, rates_header, ','), "r.csv", &r, &e), 0);
	ck_assert_int_eq(rates_reader_rate(r, make_row(&t, 2, "gpucloud2,8xa100,,spot,GPU-hour,28.50,usd,0.15,"
						       "running,2026-01-01,2026-07-01T00:00:00Z", ','), &rate, &e), 0);
	ck_assert_str_eq(rate.provider, "gpucloud2");
	ck_assert_str_eq(rate.region, "");
	ck_assert_str_eq(rate.pricing_category, "Dynamic");
	ck_assert_str_eq(rate.unit_price, "28.5");
	ck_assert_str_eq(rate.currency, "USD");
	ck_assert_str_eq(rate.discount, "0.15");
	ck_assert_str_eq(rate.billing_rule, "running");
	time_format(rate.valid_from, from, sizeof from);
	time_format(rate.valid_to, to, sizeof to);
	ck_assert_str_eq(from, "2026-01-01T00:00:00Z");
	ck_assert_str_eq(to, "2026-07-01T00:00:00Z");
	/* defaults */
	ck_assert_int_eq(rates_reader_rate(r, make_row(&t, 3, "aws,p4d,,,hour,32.77,USD,,,2026-01-01,", ','),
					   &rate, &e), 0);
	ck_assert_str_eq(rate.pricing_category, "Standard");
	ck_assert_str_eq(rate.discount, "0");
	ck_assert_str_eq(rate.billing_rule, "wall");
	ck_assert_int_eq(rate.has_valid_to, 0);
	/* a per-GB-second price keeps every digit, in canonical form */
	ck_assert_int_eq(rates_reader_rate(r, make_row(&t, 4, "aws,lambda,,,GB-second,1.666670E-5,USD,,,"
						       "2026-01-01,", ','), &rate, &e), 0);
	ck_assert_str_eq(rate.unit_price, "0.0000166667");
	rates_reader_free(r);
}
END_TEST

static const struct {
	const char *row, *message;
} bad_rates[] = {
	{"aws,p4d,,,hour,32.77,USD,1.5,wall,2026-01-01,", "r.csv:2: column 'discount': not a fraction below 1 (0.15 for 15%): \"1.5\""},
	{"aws,p4d,,,hour,32.77,USD,-0.1,wall,2026-01-01,", "r.csv:2: column 'discount': not a fraction like 0.15: \"-0.1\""},
	{"aws,p4d,,,hour,32.77,USD,0,monthly,2026-01-01,", "r.csv:2: column 'billing_rule': not wall or running: \"monthly\""},
	{"aws,p4d,,,hour,32.77,USD,0,wall,2026-07-01,2026-01-01", "r.csv:2: column 'valid_to': not after valid_from: \"2026-01-01\""},
	{"aws,p4d,,,hour,abc,USD,0,wall,2026-07-01,", "r.csv:2: column 'unit_price': not a number: \"abc\""},
	{"aws,p4d,,,hour,-1,USD,0,wall,2026-07-01,", "r.csv:2: column 'unit_price': negative: \"-1\""},
	{"aws,lambda,,,GB-second,0.00001666670000000000001,USD,0,wall,2026-07-01,",
	 "r.csv:2: column 'unit_price': more than 18 significant digits: \"0.00001666670000000000001\""},
	{"aws,lambda,,,GB-second,1e-40,USD,0,wall,2026-07-01,",
	 "r.csv:2: column 'unit_price': more than 36 decimal places: \"1e-40\""},
	{"aws,p4d,,,hour,1,US,0,wall,2026-07-01,", "r.csv:2: column 'currency': not a three-letter currency code (ISO 4217): \"US\""},
	{"aws,p4d,,Bargain,hour,1,USD,0,wall,2026-07-01,", "r.csv:2: column 'pricing_category': not one of Standard (on-demand), Dynamic (spot), Committed (reserved), Other (own): \"Bargain\""},
	{"aws,,,,hour,1,USD,0,wall,2026-07-01,", "r.csv:2: column 'sku': empty: \"\""},
};

START_TEST(core_bad_rates)
{
	struct test_row h, t;
	struct rates_reader *r;
	struct import_error e;
	struct rate rate;
	char message[256];

	ck_assert_int_eq(rates_reader_new(0, make_row(&h, 1, rates_header, ','), "r.csv", &r, &e), 0);
	ck_assert_int_eq(rates_reader_rate(r, make_row(&t, 2, bad_rates[_i].row, ','), &rate, &e), -1);
	error_text(&e, message, sizeof message);
	ck_assert_str_eq(message, bad_rates[_i].message);
	rates_reader_free(r);
}
END_TEST

START_TEST(core_budgets)
{
	struct test_row h, t;
	struct rates_reader *r;
	struct import_error e;
	struct budget b;
	char message[256];

	ck_assert_int_eq(rates_reader_new(1, make_row(&h, 1, "project,period,amount,currency,alert_ratio", ','),
					  "b.csv", &r, &e), 0);
	ck_assert_int_eq(rates_reader_budget(r, make_row(&t, 2, "vision,2026-10,5000,eur,", ','), &b, &e), 0);
	ck_assert_str_eq(b.project, "vision");
	ck_assert_str_eq(b.period, "2026-10");
	ck_assert_int_eq(b.amount, 5000000000000LL);
	ck_assert_str_eq(b.currency, "EUR");
	ck_assert_double_eq(b.alert_ratio, 0.8);
	ck_assert_int_eq(rates_reader_budget(r, make_row(&t, 3, "vision,2026-10,5000,EUR,1.2", ','), &b, &e), -1);
	error_text(&e, message, sizeof message);
	ck_assert_str_eq(message, "b.csv:3: column 'alert_ratio': not a ratio in (0, 1]: \"1.2\"");
	ck_assert_int_eq(rates_reader_budget(r, make_row(&t, 4, "vision,2026/10,5000,EUR,", ','), &b, &e), -1);
	error_text(&e, message, sizeof message);
	ck_assert_str_eq(message, "b.csv:4: column 'period': not a month YYYY-MM: \"2026/10\"");
	rates_reader_free(r);
	ck_assert_int_eq(rates_reader_new(1, make_row(&h, 1, "project,amount,currency", ','), "b.csv", &r, &e), -1);
	error_text(&e, message, sizeof message);
	ck_assert_str_eq(message, "b.csv:1: budgets CSV: no column 'period'");
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("usage_csv");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");

	tcase_add_test(core, core_domain2);
	tcase_add_test(core, core_epochs_and_open_job);
	tcase_add_loop_test(core, core_bad_events, 0, ROWS(bad_events));
	tcase_add_test(core, core_intervals);
	tcase_add_loop_test(core, core_bad_intervals, 0, ROWS(bad_intervals));
	tcase_add_loop_test(core, core_detect, 0, ROWS(detect_rows));
	tcase_add_test(core, core_rates_detect);
	tcase_add_loop_test(core, core_tz, 0, ROWS(tz_rows));
	tcase_add_test(limits, limits_tz_errors);
	tcase_add_test(core, core_rate_row);
	tcase_add_loop_test(core, core_bad_rates, 0, ROWS(bad_rates));
	tcase_add_test(core, core_budgets);
	suite_add_tcase(s, core);
	suite_add_tcase(s, limits);
	return s;
}

CHECK_MAIN(make_suite)
