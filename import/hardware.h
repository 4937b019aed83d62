/*
 * hardware.h: the hardware CSV (docs/formats.md): one row per machine or
 * machine class the team owns, with what it cost, how long it is written
 * off over and what it draws, from a header to a mapping and from each row
 * to a checked record or a file:line: column 'X' error. No SQLite here.
 */
#ifndef COSTLEDGER_HARDWARE_H
#define COSTLEDGER_HARDWARE_H

#include <stddef.h>
#include <stdint.h>

#include "import_error.h"
#include "reader.h"

struct hardware {
	long source_line;
	char machine[256];        /* a resource id (gpu-node-01) or a class (an instance type) */
	int gpus;                 /* > 0 */
	int64_t purchase_cost;    /* nanos, >= 0 */
	char currency[4];
	char purchase_date[11];   /* YYYY-MM-DD, UTC */
	char lifetime_years[48];  /* decimal text > 0, as written */
	char watts[48];           /* decimal text >= 0, the whole machine under load */
	int64_t price_per_kwh;    /* nanos, >= 0 */
	char pue[48];             /* decimal text >= 1; default "1" */
	int rounded;
};

struct hardware_reader;

int hardware_reader_new(const struct csv_row *header, const char *file,
			struct hardware_reader **out, struct import_error *error);
void hardware_reader_free(struct hardware_reader *r);
int hardware_reader_row(struct hardware_reader *r, const struct csv_row *row,
			struct hardware *hw, struct import_error *error);
int hardware_reader_report(const struct hardware_reader *r, char *buf, size_t size);

/* 1 when the first line is a hardware header (machine, gpus and purchase_cost), else 0. */
int hardware_detect(const char *first_line);

#endif
