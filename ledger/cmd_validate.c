/*
 * cmd_validate.c: costledger validate [--format text|json] FILE...
 *
 * Checks FOCUS files against the specification's rules (import/focus_rules.c)
 * without a ledger: one line per rule broken, with how many rows break it
 * and where the first one is.
 */
#include "commands.h"
#include "ledger.h"

#include "bill.h"
#include "focus_rules.h"
#include "json_text.h"
#include "reader.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: costledger validate [--format text|json] FILE...\n"
	"\n"
	"Checks FOCUS 1.0-1.3 files (CSV or gzip, '-' reads stdin; the version is\n"
	"told from the header) against the specification's requirements, exactly:\n"
	"one line per rule broken, with the rule's id, how many rows break it and\n"
	"the first file:line. Nothing is imported. The rules: docs/validate.md.\n"
	"\n"
	"A file with HostProviderName or ServiceProviderName is FOCUS 1.3: its\n"
	"rule ids carry the prefix CAU- (CAU-ListCost-C-011-C), and it must have\n"
	"both of those columns as well as PublisherName and ProviderName.\n"
	"\n"
	"  --format F  text (default) or json\n"
	"\n"
	"exit status: 0 every file conforms, 1 rules are broken,\n"
	"2 bad usage or a file that cannot be read as a FOCUS file\n";

struct validation {
	const char *file;
	struct bill_mapping *mapping;
	struct focus_rules *rules;
	struct import_error error;
};

static int validate_row(void *context, const struct csv_row *row)
{
	struct validation *v = context;

	if (!v->mapping) {
		if (bill_mapping_new(row, "focus", v->file, &v->mapping, &v->error) < 0)
			return 1;
		if (!(v->rules = focus_rules_new(v->mapping, row)))
			goto out_of_memory;
		return 0;
	}
	if (row->count != bill_mapping_column_count(v->mapping)) {
		import_error_set(&v->error, v->file, row->line, NULL, "%zu fields where the header has %zu",
				 row->count, bill_mapping_column_count(v->mapping));
		return 1;
	}
	if (focus_rules_row(v->rules, row) < 0)
		goto out_of_memory;
	return 0;
out_of_memory:
	import_error_set(&v->error, v->file, row->line, NULL, "out of memory");
	return 1;
}

static void print_text(const struct validation *v, const struct focus_violation *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		printf("%s:%ld: %s: %ld row%s: %s\n", v->file, list[i].first_line, list[i].id,
		       list[i].rows, list[i].rows == 1 ? "" : "s", list[i].sentence);
	printf("%s: %s, %ld rows: %s\n", v->file, bill_mapping_format(v->mapping),
	       focus_rules_rows(v->rules), n ? "does not conform" : "conforms");
}

static void print_json(const struct validation *v, const struct focus_violation *list, size_t n,
		       const char *message)
{
	struct json_writer w;
	size_t i;

	json_writer_init(&w);
	json_open(&w, '{');
	json_key(&w, "file");
	json_string(&w, v->file);
	if (message) {
		json_key(&w, "error");
		json_string(&w, message);
	} else {
		json_key(&w, "format");
		json_string(&w, bill_mapping_format(v->mapping));
		json_key(&w, "rows");
		json_integer(&w, focus_rules_rows(v->rules));
		json_key(&w, "conforms");
		json_boolean(&w, n == 0);
		json_key(&w, "violations");
		json_open(&w, '[');
		for (i = 0; i < n; i++) {
			json_open(&w, '{');
			json_key(&w, "rule");
			json_string(&w, list[i].id);
			json_key(&w, "rows");
			json_integer(&w, list[i].rows);
			json_key(&w, "line");
			json_integer(&w, list[i].first_line);
			json_key(&w, "must");
			json_boolean(&w, list[i].must);
			json_key(&w, "text");
			json_string(&w, list[i].sentence);
			json_close(&w, '}');
		}
		json_close(&w, ']');
	}
	json_close(&w, '}');
	fputs(json_writer_text(&w) ? json_writer_text(&w) : "null", stdout);
	json_writer_free(&w);
}

/* Returns EXIT_OK, EXIT_FOUND or EXIT_USAGE (unreadable). */
static int validate_file(const char *file, int json)
{
	struct validation v;
	struct reader_options options = {',', 0};
	struct reader_stats stats;
	struct focus_violation *list = NULL;
	size_t n = 0;
	char message[1600];
	int rc;

	memset(&v, 0, sizeof v);
	v.file = file;
	rc = reader_run(file, &options, validate_row, &v, &stats, &v.error);

	if (rc == 0 && !v.mapping)
		import_error_set(&v.error, file, 0, NULL, "empty file: no header");
	if (rc != 0 || !v.mapping) {
		import_error_format(&v.error, message, sizeof message);
		if (json)
			print_json(&v, NULL, 0, message);
		else
			fprintf(stderr, "costledger: %s\n", message);
		rc = EXIT_USAGE;
		goto done;
	}
	if (!(list = calloc(focus_rules_count(), sizeof *list))) {
		fprintf(stderr, "costledger: out of memory\n");
		rc = EXIT_USAGE;
		goto done;
	}
	n = focus_rules_violations(v.rules, list, focus_rules_count());
	if (json)
		print_json(&v, list, n, NULL);
	else
		print_text(&v, list, n);
	rc = n ? EXIT_FOUND : EXIT_OK;
done:
	free(list);
	focus_rules_free(v.rules);
	bill_mapping_free(v.mapping);
	return rc;
}

int cmd_validate(int argc, char **argv)
{
	static const struct option long_options[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *format = "text";
	int c, i, worst = EXIT_OK;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
		switch (c) {
		case 'f': format = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (strcmp(format, "text") && strcmp(format, "json"))
		return error_exit(EXIT_USAGE, "validate: --format: '%s' (text, json)", format);
	if (optind >= argc) {
		fputs(usage, stderr);
		return error_exit(EXIT_USAGE, "validate: no file given");
	}
	if (!strcmp(format, "json"))
		printf("{\"files\":[");
	for (i = optind; i < argc; i++) {
		int rc;
		if (!strcmp(format, "json") && i > optind)
			printf(",");
		rc = validate_file(argv[i], !strcmp(format, "json"));
		/* Unreadable (2) outranks broken rules (1). */
		if (rc > worst)
			worst = rc;
	}
	if (!strcmp(format, "json"))
		printf("]}\n");
	return worst;
}
