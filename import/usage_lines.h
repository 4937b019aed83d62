/*
 * usage_lines.h: a delimited file without any quoting (Slurm sacct
 * --parsable2), plain or gzip: every non-blank line split at the delimiter.
 * reader_run() cannot read these: it follows CSV quoting strictly, and sacct
 * writes quotes as data (a Comment holding JSON). Same callback and
 * statistics as reader_run.
 */
#ifndef COSTLEDGER_USAGE_LINES_H
#define COSTLEDGER_USAGE_LINES_H

#include "reader.h"

int usage_lines_run(const char *path, char delimiter, row_callback callback, void *context,
		    struct reader_stats *stats, struct import_error *error);

#endif
