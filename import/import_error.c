/* import_error.c: building and printing file:line errors. */
#include "import_error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int import_error_set(struct import_error *error, const char *file, long line,
		     const char *column, const char *fmt, ...)
{
	va_list ap;

	snprintf(error->file, sizeof error->file, "%s", file ? file : "");
	error->line = line;
	snprintf(error->column, sizeof error->column, "%s", column ? column : "");
	va_start(ap, fmt);
	vsnprintf(error->message, sizeof error->message, fmt, ap);
	va_end(ap);
	return -1;
}

void import_error_format(const struct import_error *error, char *buf, unsigned long size)
{
	char where[600];

	if (error->line > 0)
		snprintf(where, sizeof where, "%s:%ld", error->file, error->line);
	else
		snprintf(where, sizeof where, "%s", error->file);
	if (error->column[0])
		snprintf(buf, size, "%s: column '%s': %s", where, error->column, error->message);
	else
		snprintf(buf, size, "%s: %s", where, error->message);
}
