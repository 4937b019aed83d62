/*
 * check_nvidia_smi.c: import/nvidia_smi.c. Values with units and [N/A],
 * the log shapes (header and units, noheader/nounits, repeated headers, ISO
 * times) to per-GPU intervals, the last sample's median gap, holes, idle,
 * and the exact error messages.
 */
#include <stdio.h>
#include <string.h>

#include "check_util.h"
#include "nvidia_smi.h"
#include "timeparse.h"
#include "usage.h"

#include "check_usage_util.h"

static const struct {
	const char *text;
	int ok;
	double value;
} value_rows[] = {
	{"92 %", 1, 92}, {" 92", 1, 92}, {"0 %", 1, 0}, {"25073 MiB", 1, 25073},
	{"310.50 W", 1, 310.5}, {"[N/A]", 0, 0}, {"[Not Supported]", 0, 0}, {"", 0, 0},
	{"abc", 0, 0}, {"9.2.1", 0, 0},
	/* one number parser: no inf, nan or hex (strtod took them) */
	{"inf %", 0, 0}, {"nan %", 0, 0}, {"0x10 %", 0, 0}, {"0x1p3", 0, 0}, {"1e2 %", 1, 100},
};

START_TEST(core_value)
{
	double v = -1;

	ck_assert_int_eq(nvidia_smi_value(value_rows[_i].text, &v), value_rows[_i].ok);
	if (value_rows[_i].ok)
		ck_assert_double_eq_tol(v, value_rows[_i].value, 1e-9);
}
END_TEST

/* Feeds lines (',' separated) and returns the intervals. */
static void run_log(const char *resource, const char *fields, const char *tz_spec, double threshold,
		    const char *const *lines, int n, struct collected *c)
{
	struct usage_tz tz;
	struct nvidia_smi *log;
	struct import_error e;
	struct test_row t;
	char message[64];
	int i;

	ck_assert_int_eq(usage_tz_init(&tz, tz_spec, message, sizeof message), 0);
	ck_assert_int_eq(nvidia_smi_new(&tz, resource, fields, threshold, "g.csv", &log, &e), 0);
	for (i = 0; i < n; i++)
		ck_assert_int_eq(nvidia_smi_row(log, make_row(&t, i + 1, lines[i], ','), &e), 0);
	ck_assert_int_eq(nvidia_smi_finish(log, collect, c, &e), 0);
	nvidia_smi_free(log);
}

static const char *const units_log[] = {
	"timestamp, index, name, utilization.gpu [%], memory.used [MiB], power.draw [W]",
	"2026/10/01 10:00:00.000, 0, NVIDIA A100-SXM4-80GB, 92 %, 25073 MiB, 310.50 W",
	"2026/10/01 10:00:00.001, 1, NVIDIA A100-SXM4-80GB, 0 %, 4 MiB, 55.12 W",
	"2026/10/01 10:00:10.000, 0, NVIDIA A100-SXM4-80GB, 95 %, 25073 MiB, 312.00 W",
	"2026/10/01 10:00:10.001, 1, NVIDIA A100-SXM4-80GB, 3 %, 4 MiB, 55.80 W",
	"2026/10/01 10:00:20.000, 0, NVIDIA A100-SXM4-80GB, 2 %, 25073 MiB, 90.00 W",
	"2026/10/01 10:00:20.001, 1, NVIDIA A100-SXM4-80GB, [N/A], [N/A], [N/A]",
	"2026/10/01 10:00:30.000, 0, NVIDIA A100-SXM4-80GB, 1 %, 25073 MiB, 88.00 W",
	"2026/10/01 10:00:30.001, 1, NVIDIA A100-SXM4-80GB, 80 %, 20000 MiB, 300.00 W",
};

START_TEST(core_units)
{
	struct collected c = {0};

	run_log("n1", NULL, "UTC", 5, units_log, ROWS(units_log), &c);
	ck_assert_int_eq(c.count, 4);
	ck_assert_str_eq(c.text[0], "2 running 2026-10-01T10:00:00Z 2026-10-01T10:00:20Z job=- project=- "
			 "resource=n1:gpu0 type=NVIDIA A100-SXM4-80GB pricing=- gpus=1 epoch=-1 util=93.5");
	/* the last sample covers the median gap (10 s) */
	ck_assert_str_eq(c.text[1], "6 idle 2026-10-01T10:00:20Z 2026-10-01T10:00:40Z job=- project=- "
			 "resource=n1:gpu0 type=NVIDIA A100-SXM4-80GB pricing=- gpus=1 epoch=-1 util=1.5");
	ck_assert_str_eq(c.text[2], "3 idle 2026-10-01T10:00:00Z 2026-10-01T10:00:20Z job=- project=- "
			 "resource=n1:gpu1 type=NVIDIA A100-SXM4-80GB pricing=- gpus=1 epoch=-1 util=1.5");
	/* [N/A] counts as running; the mean is over the samples that have a value */
	ck_assert_str_eq(c.text[3], "7 running 2026-10-01T10:00:20Z 2026-10-01T10:00:40Z job=- project=- "
			 "resource=n1:gpu1 type=NVIDIA A100-SXM4-80GB pricing=- gpus=1 epoch=-1 util=80");
}
END_TEST

START_TEST(core_threshold)
{
	struct collected c = {0};

	run_log("n1", NULL, "UTC", 0, units_log, ROWS(units_log), &c);
	ck_assert_int_eq(c.count, 2); /* nothing below 0 %: one running interval per GPU */
}
END_TEST

static const char *const noheader_log[] = {
	"2026/10/01 10:00:00.000, 0, NVIDIA H100 80GB HBM3, 50, 1000, 200.00",
	"2026/10/01 10:01:00.000, 0, NVIDIA H100 80GB HBM3, 60, 1000, 210.00",
	"2026/10/01 10:02:00.000, 0, NVIDIA H100 80GB HBM3, 4, 1000, 80.00",
	"2026/10/01 10:03:00.000, 0, NVIDIA H100 80GB HBM3, 70, 1000, 250.00",
	/* a hole: the logger stopped for 20 minutes */
	"2026/10/01 10:23:00.000, 0, NVIDIA H100 80GB HBM3, 70, 1000, 250.00",
};

START_TEST(core_noheader)
{
	struct collected c = {0};

	run_log("n2", NULL, "+02:00", 5, noheader_log, ROWS(noheader_log), &c);
	ck_assert_int_eq(c.count, 4);
	ck_assert_str_eq(c.text[0], "1 running 2026-10-01T08:00:00Z 2026-10-01T08:02:00Z job=- project=- "
			 "resource=n2:gpu0 type=NVIDIA H100 80GB HBM3 pricing=- gpus=1 epoch=-1 util=55");
	ck_assert_str_eq(c.text[1], "3 idle 2026-10-01T08:02:00Z 2026-10-01T08:03:00Z job=- project=- "
			 "resource=n2:gpu0 type=NVIDIA H100 80GB HBM3 pricing=- gpus=1 epoch=-1 util=4");
	ck_assert_str_eq(c.text[2], "4 running 2026-10-01T08:03:00Z 2026-10-01T08:04:00Z job=- project=- "
			 "resource=n2:gpu0 type=NVIDIA H100 80GB HBM3 pricing=- gpus=1 epoch=-1 util=70");
	ck_assert_str_eq(c.text[3], "5 running 2026-10-01T08:23:00Z 2026-10-01T08:24:00Z job=- project=- "
			 "resource=n2:gpu0 type=NVIDIA H100 80GB HBM3 pricing=- gpus=1 epoch=-1 util=70");
}
END_TEST

static const char *const repeated_log[] = {
	"timestamp, index, name, utilization.gpu [%]",
	"2026/07/01 12:00:00.000, 0, Tesla V100-SXM2-16GB, 90 %",
	"timestamp, index, name, utilization.gpu [%]",
	"2026/07/01 12:00:30.000, 0, Tesla V100-SXM2-16GB, 91 %",
	"timestamp, index, name, utilization.gpu [%]",
	"2026/07/01 12:01:00.000, 0, Tesla V100-SXM2-16GB, 93 %",
};

START_TEST(core_repeated_header)
{
	struct collected c = {0};

	run_log("n3", NULL, "Europe/Berlin", 5, repeated_log, ROWS(repeated_log), &c);
	ck_assert_int_eq(c.count, 1);
	ck_assert_ptr_nonnull(strstr(c.text[0], "running 2026-07-01T10:00:00Z 2026-07-01T10:01:30Z"));
}
END_TEST

START_TEST(core_fields_order)
{
	static const char *const lines[] = {
		"GPU-aaaa, 2026-10-01T12:00:00+02:00, 3, 40",
		"GPU-aaaa, 2026-10-01T12:00:05+02:00, 3, 1",
	};
	struct collected c = {0};

	run_log("n4", "uuid,timestamp,index,utilization.gpu", "UTC", 5, lines, 2, &c);
	ck_assert_int_eq(c.count, 2);
	ck_assert_str_eq(c.text[0], "1 running 2026-10-01T10:00:00Z 2026-10-01T10:00:05Z job=- project=- "
			 "resource=n4:gpu3 type=- pricing=- gpus=1 epoch=-1 util=40");
}
END_TEST

static const struct {
	const char *row, *message;
} bad_rows[] = {
	{"2026/10/01 25:00:00.000, 0, X, 50 %", "g.csv:2: column 'timestamp': invalid date or time: \"2026/10/01 25:00:00.000\""},
	{"yesterday, 0, X, 50 %", "g.csv:2: column 'timestamp': not a timestamp: \"yesterday\""},
	{"2026/10/01 10:00:00.000, gpu0, X, 50 %", "g.csv:2: column 'index': not a GPU index: \"gpu0\""},
	{"2026/10/01 10:00:00.000, 0, X, 150 %", "g.csv:2: column 'utilization.gpu': not a percentage 0-100: \"150 %\""},
	{"2026/10/01 10:00:00.000, 0, X, lots", "g.csv:2: column 'utilization.gpu': not a percentage: \"lots\""},
};

START_TEST(core_bad_rows)
{
	struct usage_tz tz;
	struct nvidia_smi *log;
	struct import_error e;
	struct test_row t;
	char message[256];

	usage_tz_init(&tz, "UTC", message, sizeof message);
	ck_assert_int_eq(nvidia_smi_new(&tz, "n", NULL, 5, "g.csv", &log, &e), 0);
	ck_assert_int_eq(nvidia_smi_row(log, make_row(&t, 1, "timestamp, index, name, utilization.gpu [%]", ','), &e), 0);
	ck_assert_int_eq(nvidia_smi_row(log, make_row(&t, 2, bad_rows[_i].row, ','), &e), -1);
	error_text(&e, message, sizeof message);
	ck_assert_str_eq(message, bad_rows[_i].message);
	nvidia_smi_free(log);
}
END_TEST

START_TEST(limits_options)
{
	struct usage_tz tz;
	struct nvidia_smi *log;
	struct import_error e;
	struct test_row t;
	char message[256];

	usage_tz_init(&tz, "UTC", message, sizeof message);
	ck_assert_int_eq(nvidia_smi_new(&tz, NULL, NULL, 5, "g.csv", &log, &e), -1);
	error_text(&e, message, sizeof message);
	ck_assert_str_eq(message, "g.csv: nvidia-smi logs need --resource ID (the machine the log is from)");
	ck_assert_int_eq(nvidia_smi_new(&tz, "n", "timestamp,name", 5, "g.csv", &log, &e), -1);
	error_text(&e, message, sizeof message);
	ck_assert_str_eq(message, "g.csv: nvidia-smi: the query needs timestamp, index and utilization.gpu");
	ck_assert_int_eq(nvidia_smi_new(&tz, "n", NULL, 5, "g.csv", &log, &e), 0);
	ck_assert_int_eq(nvidia_smi_row(log, make_row(&t, 1, "timestamp, name, memory.used [MiB]", ','), &e), -1);
	nvidia_smi_free(log);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("nvidia_smi");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");

	tcase_add_loop_test(core, core_value, 0, ROWS(value_rows));
	tcase_add_test(core, core_units);
	tcase_add_test(core, core_threshold);
	tcase_add_test(core, core_noheader);
	tcase_add_test(core, core_repeated_header);
	tcase_add_test(core, core_fields_order);
	tcase_add_loop_test(core, core_bad_rows, 0, ROWS(bad_rows));
	tcase_add_test(limits, limits_options);
	suite_add_tcase(s, core);
	suite_add_tcase(s, limits);
	return s;
}

CHECK_MAIN(make_suite)
