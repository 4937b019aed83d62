/* import_detect.h: the kind of an imported file, from --format or its first line. */
#ifndef COSTLEDGER_IMPORT_DETECT_H
#define COSTLEDGER_IMPORT_DETECT_H

#include "import_error.h"

#include <stddef.h>

enum kind { K_BILL, K_USAGE_CSV, K_SACCT, K_NVIDIA_SMI, K_RATES, K_BUDGETS, K_FX_RATES, K_HARDWARE,
	    K_INVOICES };

/* The kind --format names, or for "auto" the kind the file's first line says
 * (a bill when no other format fits; the bill reader then says why not). */
enum kind import_detect_kind(const char *file, const char *format);

/* A file that is plainly not CSV (a JSON document), named as what it is, as
 * an import error; 0 when it may be CSV. */
int import_not_csv(const char *file, struct import_error *error);

/* Appends to a bill's "no known bill header" what every other format needed,
 * or for stdin that --format is needed. */
void import_explain_no_format(const char *file, char *message, size_t size);

#endif
