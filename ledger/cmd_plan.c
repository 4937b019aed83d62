/*
 * cmd_plan.c: costledger plan (--gpu-hours H | --params N --tokens D
 * --peak-flops F [--mfu U]) --gpus G --checkpoint-minutes d
 * --restart-minutes R [--mtbf M] [--at DATE] [--format table|csv|json]
 *
 * One row per place the job could run: each on-demand and spot rate in
 * force and each own machine (plan_ledger.c), with the expected hours,
 * interruptions, checkpoint interval and cost of plan.c, sorted by cost.
 * The rows go into a TEMP table so that all three formats print the same
 * figures (JSON through SQLite's json_object, the project's JSON writer).
 */
#include "commands.h"
#include "ledger.h"
#include "plan_ledger.h"
#include "plan_output.h"

#include "formulas.h"
#include "money.h"
#include "timeparse.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
	"usage: costledger plan [--ledger FILE] (--gpu-hours H | --params N --tokens D\n"
	"                       --peak-flops F [--mfu U]) --gpus G --checkpoint-minutes d\n"
	"                       --restart-minutes R [--mtbf M] [--at DATE]\n"
	"                       [--format table|csv|json]\n"
	"\n"
	"Where to train: for each on-demand and spot rate in force and each own\n"
	"machine, the expected hours (with checkpoints and interruption rework),\n"
	"interruptions, Daly's checkpoint interval, cost, saving against the\n"
	"cheapest on-demand option and, for own machines, the break-even hours\n"
	"against each cloud option; sorted by cost. Spot MTBF, pause fraction and\n"
	"GPU utilisation come from the ledger's usage history. docs/plan.md.\n"
	"\n"
	"  --gpu-hours H          the job's GPU-hours\n"
	"  --params N --tokens D  or: 6 N D FLOPs (train_gpu_hours), with\n"
	"  --peak-flops F         peak FLOPS of one GPU and\n"
	"  --mfu U                model FLOPs utilisation in (0, 1]; default: the\n"
	"                         measured GPU utilisation (an approximation)\n"
	"  --gpus G               GPUs the job runs on\n"
	"  --checkpoint-minutes d minutes to write one checkpoint\n"
	"  --restart-minutes R    minutes to restart after an interruption\n"
	"  --mtbf M               hours between interruptions of a spot machine,\n"
	"                         instead of the history's\n"
	"  --at DATE              the rates in force then (default: now)\n"
	"  --format F             table (default), csv or json\n"
	"\n"
	"exit status: 0 ok, 2 bad usage, 3 ledger error\n";

/* A number option, read by number_parse (the grammar of every numeric field): > 0, or >= 0 if zero_ok. */
static int number_arg(const char *name, const char *text, int zero_ok, double *out)
{
	if (number_parse(text, strlen(text), out) != MONEY_OK || *out < 0 || (!zero_ok && *out == 0))
		return error_exit(EXIT_USAGE, "plan: --%s: not a number %s: '%s'", name,
				  zero_ok ? "0 or more" : "above 0", text);
	return 0;
}

static int at_arg(const char *text, char *out, size_t size)
{
	int64_t ms;

	if (time_parse(text, strlen(text), 0, &ms) != TIME_OK)
		return error_exit(EXIT_USAGE, "plan: --at: not a date or time: '%s'", text);
	time_format(ms, out, size);
	return 0;
}

static int parse_args(int argc, char **argv, struct plan_args *a, const char **path)
{
	static const struct option long_options[] = {
		{"gpu-hours", required_argument, NULL, 'H'}, {"params", required_argument, NULL, 'N'},
		{"tokens", required_argument, NULL, 'D'}, {"peak-flops", required_argument, NULL, 'F'},
		{"mfu", required_argument, NULL, 'U'}, {"gpus", required_argument, NULL, 'G'},
		{"checkpoint-minutes", required_argument, NULL, 'c'},
		{"restart-minutes", required_argument, NULL, 'r'}, {"mtbf", required_argument, NULL, 'M'},
		{"at", required_argument, NULL, 'a'}, {"format", required_argument, NULL, 'f'},
		{"ledger", required_argument, NULL, 'l'}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int64_t gpus = 0;
	int c, rc = 0;

	optind = 1;
	while (rc == 0 && (c = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
		switch (c) {
		case 'H': rc = number_arg("gpu-hours", optarg, 0, &a->gpu_hours); break;
		case 'N': rc = number_arg("params", optarg, 0, &a->params); break;
		case 'D': rc = number_arg("tokens", optarg, 0, &a->tokens); break;
		case 'F': rc = number_arg("peak-flops", optarg, 0, &a->peak_flops); break;
		case 'U': rc = number_arg("mfu", optarg, 0, &a->mfu); break;
		case 'G':
			if (number_parse_whole(optarg, strlen(optarg), &gpus) != MONEY_OK || gpus < 1 ||
			    gpus > 1000000)
				rc = error_exit(EXIT_USAGE, "plan: --gpus: not a whole number of GPUs: '%s'",
						optarg);
			break;
		case 'c': rc = number_arg("checkpoint-minutes", optarg, 1, &a->checkpoint_min); break;
		case 'r': rc = number_arg("restart-minutes", optarg, 1, &a->restart_min); break;
		case 'M': rc = number_arg("mtbf", optarg, 0, &a->mtbf); break;
		case 'a': rc = at_arg(optarg, a->at, sizeof a->at); break;
		case 'f': a->format = optarg; break;
		case 'l': *path = optarg; break;
		case 'h': fputs(usage, stdout); return -1;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (rc)
		return rc;
	if (optind < argc)
		return error_exit(EXIT_USAGE, "plan: unexpected argument '%s'", argv[optind]);
	a->gpus = (int)gpus;
	if (!a->gpus || a->checkpoint_min < 0 || a->restart_min < 0)
		return error_exit(EXIT_USAGE, "plan: give --gpus, --checkpoint-minutes and --restart-minutes");
	if (!(a->gpu_hours > 0) == !(a->params > 0 && a->tokens > 0 && a->peak_flops > 0))
		return error_exit(EXIT_USAGE, "plan: give either --gpu-hours or --params, --tokens and --peak-flops");
	if (strcmp(a->format, "table") && strcmp(a->format, "csv") && strcmp(a->format, "json"))
		return error_exit(EXIT_USAGE, "plan: --format: '%s' (table, csv, json)", a->format);
	return 0;
}

/* --params mode: train_gpu_hours(), with --mfu or the measured utilisation. */
static int job_gpu_hours(sqlite3 *db, struct plan_args *a)
{
	const struct formula *f = formula_find("train_gpu_hours");
	double args[4], util = 0, measured_hours = 0;
	const char *mfu_source = "--mfu";
	char measured[120] = "";
	const char *why = NULL;
	long intervals = 0;
	int bad = -1;

	if (a->gpu_hours > 0) {
		snprintf(a->gpu_hours_source, sizeof a->gpu_hours_source, "--gpu-hours");
		return 0;
	}
	if (!(a->mfu > 0)) {
		if (plan_measured_utilization(db, &util, &intervals, &measured_hours) != SQLITE_OK)
			return error_exit(EXIT_LEDGER, "plan: %s", sqlite3_errmsg(db));
		if (!(util > 0))
			return error_exit(EXIT_USAGE, "plan: no --mfu and no measured GPU utilisation "
					  "in the ledger (nvidia-smi logs): give --mfu");
		a->mfu = util;
		snprintf(measured, sizeof measured, "measured GPU utilisation of %ld intervals, %.1f "
			 "GPU-hours (an approximation of MFU)", intervals, measured_hours);
		mfu_source = measured;
	}
	args[0] = a->params, args[1] = a->tokens, args[2] = a->peak_flops, args[3] = a->mfu;
	if (formula_eval(f, args, 4, &a->gpu_hours, &bad, &why) != FORMULA_OK)
		return error_exit(EXIT_USAGE, "plan: train_gpu_hours: argument '%s' %s",
				  bad >= 0 ? f->arg_names[bad] : "?", why ? why : "is invalid");
	snprintf(a->gpu_hours_source, sizeof a->gpu_hours_source,
		 "train_gpu_hours(6 N D / (F x MFU)), MFU %.4f from %s", a->mfu, mfu_source);
	return 0;
}

static int by_cost(const void *x, const void *y)
{
	const struct plan_entry *a = x, *b = y;

	if (a->result.has_cost != b->result.has_cost)
		return b->result.has_cost - a->result.has_cost;
	if (a->result.cost != b->result.cost)
		return a->result.cost < b->result.cost ? -1 : 1;
	return strcmp(a->sku, b->sku);
}

int cmd_plan(int argc, char **argv)
{
	struct plan_args a = {0};
	struct plan_entries e = {0};
	struct plan_job job;
	const char *path = global_ledger_option;
	sqlite3 *db;
	size_t i;
	int rc;

	a.format = "table";
	a.checkpoint_min = a.restart_min = -1;
	if ((rc = parse_args(argc, argv, &a, &path)) != 0)
		return rc < 0 ? EXIT_OK : rc;
	if (!a.at[0]) {
		time_t now = time(NULL);
		strftime(a.at, sizeof a.at, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	}
	if (!(db = ledger_open(ledger_path(path), LEDGER_READ)))
		return EXIT_LEDGER;
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	if ((rc = job_gpu_hours(db, &a)) != 0)
		goto done;
	job = (struct plan_job){a.gpu_hours, a.gpus, a.checkpoint_min / 60, a.restart_min / 60};
	if (plan_load_options(db, a.at, a.mtbf, &e) != SQLITE_OK) {
		rc = error_exit(EXIT_LEDGER, "plan: %s", sqlite3_errmsg(db));
		goto done;
	}
	for (i = 0; i < e.count; i++)
		plan_compute(&job, &e.items[i].option, &e.items[i].result);
	qsort(e.items, e.count, sizeof *e.items, by_cost);
	if (plan_store_rows(db, &e) != SQLITE_OK || plan_print(db, &a, stdout) != SQLITE_OK)
		rc = error_exit(EXIT_LEDGER, "plan: %s", sqlite3_errmsg(db));
done:
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	plan_entries_free(&e);
	ledger_close(db);
	return rc;
}
