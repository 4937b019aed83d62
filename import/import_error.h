/* import_error.h: where and why an input could not be read. */
#ifndef COSTLEDGER_IMPORT_ERROR_H
#define COSTLEDGER_IMPORT_ERROR_H

struct import_error {
	char file[512];
	long line;              /* 0 when the error is about the whole file */
	char column[128];       /* empty when not about one column */
	char message[768];
};

/* Fills in an error; column may be NULL. Returns -1 for `return` chaining. */
int import_error_set(struct import_error *error, const char *file, long line,
		     const char *column, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Formats "file:line: column 'X': message" into buf. */
void import_error_format(const struct import_error *error, char *buf, unsigned long size);

#endif
