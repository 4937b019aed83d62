/*
 * parse_only.c: the importer's front half without SQLite, to split an import's
 * time into reading (zlib + libcsv + row building), mapping (bill.c: UTF-8
 * check, money and time parsing, row hash) and storing (the rest).
 *
 *   cc -O2 -g -Iextension -Iimport -Iledger bench/import/parse_only.c \
 *      build/libcostledger.a -lsqlite3 -lcsv -lz -lm -o bench/data/parse_only
 *   bench/data/parse_only read FILE     # reader_run with an empty callback
 *   bench/data/parse_only map FILE      # and bill_mapping_row on every row
 *
 * bench/import.sh builds and runs it when build/libcostledger.a exists.
 */
#include "bill.h"
#include "reader.h"

#include <stdio.h>
#include <string.h>

struct run {
	int map;
	struct bill_mapping *mapping;
	struct import_error error;
	long rows;
	long long sum; /* keeps the compiler from dropping the work */
};

static int on_row(void *context, const struct csv_row *row)
{
	struct run *r = context;
	struct charge ch;

	r->rows++;
	if (!r->map)
		return 0;
	if (!r->mapping)
		return bill_mapping_new(row, "auto", "bench", &r->mapping, &r->error) < 0 ? 2 : 0;
	if (bill_mapping_row(r->mapping, row, &ch, &r->error) < 0)
		return 2;
	r->sum += ch.billed_cost + ch.row_key[0];
	return 0;
}

int main(int argc, char **argv)
{
	struct run r = {0};
	struct reader_stats stats;
	struct reader_options options = {',', 0};
	int rc;

	if (argc != 3 || (strcmp(argv[1], "read") && strcmp(argv[1], "map"))) {
		fputs("usage: parse_only read|map FILE\n", stderr);
		return 2;
	}
	r.map = strcmp(argv[1], "map") == 0;
	rc = reader_run(argv[2], &options, on_row, &r, &stats, &r.error);
	if (rc != 0) {
		char message[1600];
		import_error_format(&r.error, message, sizeof message);
		fprintf(stderr, "parse_only: %s\n", message);
		return 2;
	}
	printf("%s: %ld rows, %llu bytes (checksum %lld)\n", argv[2], r.rows,
	       (unsigned long long)stats.content_size, r.sum);
	bill_mapping_free(r.mapping);
	return 0;
}
