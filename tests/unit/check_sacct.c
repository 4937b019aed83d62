/*
 * check_sacct.c: import/sacct.c and the helpers it uses. AllocTRES GPUs,
 * Slurm states, Elapsed, and rows of the real files to intervals or to the
 * exact "file:line: column 'X': ..." message.
 */
#include <stdio.h>
#include <string.h>

#include "check_util.h"
#include "sacct.h"
#include "timeparse.h"
#include "usage.h"

#include "check_usage_util.h"

static const struct {
	const char *tres;
	long gpus;
} tres_rows[] = {
	{"billing=10,cpu=10,gres/gpu=4,mem=374000M,node=2", 4},
	{"gres/gpu:a6000=4,gres/gpu=4", 4},
	{"gres/gpu=4,gres/gpu:a6000=4", 4},
	{"gres/gpu:a100=2,gres/gpu:v100=1", 3},
	{"gres/gpu=2", 2},
	{"billing=256,cpu=256,mem=3000M,node=32", -1},
	{"", -1},
	{"gres/gpumem=8G", -1},
};

START_TEST(core_tres)
{
	ck_assert_int_eq(sacct_tres_gpus(tres_rows[_i].tres), tres_rows[_i].gpus);
}
END_TEST

static const struct {
	const char *tres, *gres, *type;
} type_rows[] = {
	{"billing=8,cpu=8,gres/gpu:h100=4,gres/gpu=4", "", "h100"},
	{"gres/gpu=4,gres/gpu:a6000=4", "", "a6000"},
	{"gres/gpu:a100=2,gres/gpu:v100=1", "", "a100"},
	{"gres/gpu=2", "", ""},
	{"", "gpu:h100:4", "h100"},
	{"", "gpu:h100:4(IDX:0-3)", "h100"},
	{"", "gpu:4", ""},
	{"gres/gpumem=8G", "", ""},
};

START_TEST(core_gpu_type)
{
	char type[64];

	sacct_gpu_type(type_rows[_i].tres, type_rows[_i].gres, type, sizeof type);
	ck_assert_str_eq(type, type_rows[_i].type);
}
END_TEST

/* sacct --format=Account,JobID,...: the header is found whatever the order. */
START_TEST(core_header_not_first)
{
	static const char *const lines[] = {
		"Account|JobID|State|Start|End|AllocTRES|NodeList|Partition",
		"ml|91|COMPLETED|2026-10-01T00:00:00|2026-10-01T02:00:00|gres/gpu:h100=4|g01|gpu",
	};
	struct usage_tz tz;
	struct sacct *s;
	struct import_error e;
	struct collected c = {0};
	struct test_row t;
	char message[64];
	int i;

	ck_assert_int_eq(usage_tz_init(&tz, "UTC", message, sizeof message), 0);
	ck_assert_int_eq(sacct_new(&tz, NULL, "a.psv", &s, &e), 0);
	for (i = 0; i < ROWS(lines); i++)
		ck_assert_int_eq(sacct_row(s, make_row(&t, i + 1, lines[i], '|'), collect, &c, &e), 0);
	ck_assert_int_eq(c.count, 1);
	ck_assert_str_eq(c.text[0], "2 running 2026-10-01T00:00:00Z 2026-10-01T02:00:00Z job=91 "
			 "project=ml resource=g01 type=h100 pricing=own gpus=4 epoch=-1 util=-1");
	ck_assert_str_eq(usage_detect(lines[0]), "sacct");
	sacct_free(s);
}
END_TEST

static const struct {
	const char *slurm, *state; /* NULL: skipped; "": unknown */
} state_rows[] = {
	{"COMPLETED", "running"}, {"FAILED", "running"}, {"TIMEOUT", "running"},
	{"CANCELLED", "running"}, {"CANCELLED by 1300204", "running"},
	{"OUT_OF_MEMORY", "running"}, {"RUNNING", "running"}, {"PREEMPTED", "interrupted"},
	{"NODE_FAIL", "interrupted"}, {"REQUEUED", "interrupted"}, {"SUSPENDED", "paused"},
	{"PENDING", NULL}, {"completed", "running"}, {"CANCELLED+", "running"},
	{"WEIRD", ""}, {"", ""},
};

START_TEST(core_state)
{
	const char *got = sacct_state(state_rows[_i].slurm);

	if (!state_rows[_i].state)
		ck_assert_ptr_null(got);
	else
		ck_assert_str_eq(got, state_rows[_i].state);
}
END_TEST

static const struct {
	const char *text;
	long long seconds;
} elapsed_rows[] = {
	{"03:33:25", 12805}, {"3-00:00:00", 259200}, {"2-22:03:04", 252184},
	{"00:00:17", 17}, {"14:00:49", 50449}, {"00:17", 17}, {"1-04", 100800},
	{"1-04:30", 102600}, {"00:15.057", 15}, {"", -1}, {"x", -1}, {"1:2:3:4", -1},
	{"-1:00:00", -1}, {"12:00:00x", -1},
};

START_TEST(core_elapsed)
{
	ck_assert_int_eq(usage_elapsed_seconds(elapsed_rows[_i].text), elapsed_rows[_i].seconds);
}
END_TEST

/* The slurm2sql file (with header), trimmed to the fields it uses. */
static const char *const header_file[] = {
	"JobID|JobIDRaw|JobName|User|Account|State|Elapsed|Start|End|Partition|ExitCode|NodeList|AllocTRES",
	"43974388|43974388|spawner-jupyterhub|user1|cs|CANCELLED by 1300204|03:33:25|2019-07-31T22:29:14|2019-08-01T02:02:39|jupyter-long|0:0|pe2|",
	"43974388.batch|43974388.batch|batch||cs|CANCELLED|03:33:56|2019-07-31T22:29:14|2019-08-01T02:03:10||0:9|pe2|",
	"43974388.0|43974388.0|env||cs|COMPLETED|00:00:00|2019-07-31T22:30:15|2019-07-31T22:30:15||0:0|pe2|",
	"43977780|43977780|_interactive|user1|cs|CANCELLED by 1300204|00:00:17|2019-08-01T00:35:27|Unknown|interactive|0:0|pe2|",
	"43977780.batch|43977780.batch|batch||cs|COMPLETED|00:00:17|Unknown|Unknown||0:0|pe2|",
	"77|77|gpu|u|ml|PREEMPTED|1-00:00:00|2026-10-01T00:00:00|2026-10-02T00:00:00|gpu|0:0|g[01-02]|billing=8,cpu=8,gres/gpu:a100=8,gres/gpu=8,node=2",
	"78|78|waiting|u|ml|PENDING|00:00:00|Unknown|Unknown|gpu|0:0|None assigned|",
	"79|79|running|u|ml|RUNNING|Unknown|2026-10-01T00:00:00|Unknown|gpu|0:0|g03|gres/gpu=1",
};

START_TEST(core_header_file)
{
	struct usage_tz tz;
	struct sacct *s;
	struct import_error e;
	struct collected c = {0};
	struct test_row t;
	char message[64];
	int i;

	ck_assert_int_eq(usage_tz_init(&tz, "UTC", message, sizeof message), 0);
	ck_assert_int_eq(sacct_new(&tz, NULL, "s.psv", &s, &e), 0);
	for (i = 0; i < ROWS(header_file); i++)
		ck_assert_int_eq(sacct_row(s, make_row(&t, i + 1, header_file[i], '|'), collect, &c, &e), 0);
	ck_assert_int_eq(c.count, 3);
	ck_assert_str_eq(c.text[0], "2 running 2019-07-31T22:29:14Z 2019-08-01T02:02:39Z job=43974388 "
			 "project=cs resource=pe2 type=jupyter-long pricing=own gpus=0 epoch=-1 util=-1");
	ck_assert_str_eq(c.text[1], "5 running 2019-08-01T00:35:27Z 2019-08-01T00:35:44Z job=43977780 "
			 "project=cs resource=pe2 type=interactive pricing=own gpus=0 epoch=-1 util=-1");
	/* the typed gres wins over the partition */
	ck_assert_str_eq(c.text[2], "7 interrupted 2026-10-01T00:00:00Z 2026-10-02T00:00:00Z job=77 "
			 "project=ml resource=g[01-02] type=a100 pricing=own gpus=8 epoch=-1 util=-1");
	ck_assert_int_eq(sacct_rows(s), 8);
	ck_assert_int_eq(sacct_skipped(s), 5); /* 3 steps, 1 pending, 1 without Elapsed or End */
	sacct_report(s, message, sizeof message);
	ck_assert_ptr_nonnull(strstr(message, "\"steps_skipped\":3"));
	sacct_free(s);
}
END_TEST

/* The XDMoD file: no header, the order from --fields, local times at +02:00. */
static const char xdmod_fields[] =
	"jobid,jobidraw,cluster,partition,qos,account,group,gid,user,uid,submit,eligible,start,end,"
	"elapsed,exitcode,state,nnodes,ncpus,reqcpus,reqmem,reqtres,alloctres,timelimit,nodelist,jobname";

START_TEST(core_fields)
{
	struct usage_tz tz;
	struct sacct *s;
	struct import_error e;
	struct collected c = {0};
	struct test_row t;
	char message[64];

	ck_assert_int_eq(usage_tz_init(&tz, "+02:00", message, sizeof message), 0);
	ck_assert_int_eq(sacct_new(&tz, xdmod_fields, "x.psv", &s, &e), 0);
	ck_assert_int_eq(sacct_row(s, make_row(&t, 1, "5692623|5692623|ub-hpc||qos|ccr|na|0|xms|987654321|"
					       "2016-08-01T06:01:08|Unknown|2016-08-01T07:04:09|2016-08-01T07:04:09|"
					       "00:00:00|0:0|COMPLETED|0|0|0|0n||gres/gpu=2||cpn-k16-35-01,cpn-k16-37-01|allocation",
					       '|'), collect, &c, &e), 0);
	ck_assert_int_eq(c.count, 1);
	ck_assert_str_eq(c.text[0], "1 running 2016-08-01T05:04:09Z 2016-08-01T05:04:09Z job=5692623 "
			 "project=ccr resource=cpn-k16-35-01,cpn-k16-37-01 type=- pricing=own gpus=2 epoch=-1 util=-1");
	sacct_free(s);
}
END_TEST

static const struct {
	const char *row, *message;
} bad_rows[] = {
	{"1|COMPLETED|2026-10-01T00:00:00|2026-10-01T01:00:00|1:2:3:4",
	 "b.psv:2: column 'Elapsed': not [D-]HH:MM:SS: \"1:2:3:4\""},
	{"1|WEIRD|2026-10-01T00:00:00|2026-10-01T01:00:00|01:00:00",
	 "b.psv:2: column 'State': not a Slurm job state: \"WEIRD\""},
	{"1|COMPLETED|2026-10-01T30:00:00|2026-10-01T01:00:00|01:00:00",
	 "b.psv:2: column 'Start': invalid date or time: \"2026-10-01T30:00:00\""},
	{"1|COMPLETED|2026-10-01T02:00:00|2026-10-01T01:00:00|01:00:00",
	 "b.psv:2: column 'End': before Start: \"2026-10-01T01:00:00\""},
	{"|COMPLETED|2026-10-01T00:00:00|2026-10-01T01:00:00|01:00:00",
	 "b.psv:2: column 'JobID': empty"},
};

START_TEST(core_bad_rows)
{
	struct usage_tz tz;
	struct sacct *s;
	struct import_error e;
	struct collected c = {0};
	struct test_row t;
	char message[256];

	usage_tz_init(&tz, "UTC", message, sizeof message);
	ck_assert_int_eq(sacct_new(&tz, NULL, "b.psv", &s, &e), 0);
	ck_assert_int_eq(sacct_row(s, make_row(&t, 1, "JobID|State|Start|End|Elapsed", '|'), collect, &c, &e), 0);
	ck_assert_int_eq(sacct_row(s, make_row(&t, 2, bad_rows[_i].row, '|'), collect, &c, &e), -1);
	error_text(&e, message, sizeof message);
	ck_assert_str_eq(message, bad_rows[_i].message);
	ck_assert_int_eq(c.count, 0);
	sacct_free(s);
}
END_TEST

START_TEST(limits_mapping)
{
	struct usage_tz tz;
	struct sacct *s;
	struct import_error e;
	struct collected c = {0};
	struct test_row t;
	char message[256];

	usage_tz_init(&tz, "UTC", message, sizeof message);
	/* no header and no --fields */
	ck_assert_int_eq(sacct_new(&tz, NULL, "n.psv", &s, &e), 0);
	ck_assert_int_eq(sacct_row(s, make_row(&t, 1, "1|COMPLETED|2026-10-01T00:00:00", '|'), collect, &c, &e), -1);
	error_text(&e, message, sizeof message);
	ck_assert_str_eq(message, "n.psv:1: sacct output without a header: give the field order with --fields");
	sacct_free(s);
	/* --fields without State */
	ck_assert_int_eq(sacct_new(&tz, "jobid,start,end", "n.psv", &s, &e), -1);
	error_text(&e, message, sizeof message);
	ck_assert_str_eq(message, "n.psv: sacct: no field 'State' (in the header or --fields)");
	/* a header without End or Elapsed */
	ck_assert_int_eq(sacct_new(&tz, NULL, "n.psv", &s, &e), 0);
	ck_assert_int_eq(sacct_row(s, make_row(&t, 1, "JobID|State|Start", '|'), collect, &c, &e), -1);
	error_text(&e, message, sizeof message);
	ck_assert_str_eq(message, "n.psv:1: sacct: neither End nor Elapsed (in the header or --fields)");
	sacct_free(s);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("sacct");
	TCase *core = tcase_create("core");
	TCase *limits = tcase_create("limits");

	tcase_add_loop_test(core, core_tres, 0, ROWS(tres_rows));
	tcase_add_loop_test(core, core_gpu_type, 0, ROWS(type_rows));
	tcase_add_test(core, core_header_not_first);
	tcase_add_loop_test(core, core_state, 0, ROWS(state_rows));
	tcase_add_loop_test(core, core_elapsed, 0, ROWS(elapsed_rows));
	tcase_add_test(core, core_header_file);
	tcase_add_test(core, core_fields);
	tcase_add_loop_test(core, core_bad_rows, 0, ROWS(bad_rows));
	tcase_add_test(limits, limits_mapping);
	suite_add_tcase(s, core);
	suite_add_tcase(s, limits);
	return s;
}

CHECK_MAIN(make_suite)
