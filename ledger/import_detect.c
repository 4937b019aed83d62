/*
 * import_detect.c: which kind of file an import was given (import_detect.h):
 * --format, else the first line; and what to say when nothing fits.
 */
#include "import_detect.h"

#include "cur_manifest.h"
#include "fx_rates.h"
#include "hardware.h"
#include "invoices.h"
#include "rates.h"
#include "usage.h"

#include <stdio.h>
#include <string.h>
#include <zlib.h>

/* The first non-blank line of a file (plain or gzip), for auto-detection; "" for stdin. */
static void first_line(const char *file, char *buf, int size)
{
	gzFile gz;

	buf[0] = 0;
	if (!strcmp(file, "-") || !(gz = gzopen(file, "rb")))
		return;
	while (gzgets(gz, buf, size)) {
		size_t n = strlen(buf);
		while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
			buf[--n] = 0;
		if (n)
			break;
	}
	gzclose(gz);
	/* A byte-order mark (a spreadsheet's "CSV UTF-8"): the reader drops it, so detection does too. */
	if (!memcmp(buf, "\xEF\xBB\xBF", 3))
		memmove(buf, buf + 3, strlen(buf + 3) + 1);
}


/* What auto-detection looks for in the first line, per format other than the
 * bills (bill.c names what a bill header lacks); said when nothing fits. */
static const char detect_rules[] =
	"usage (needs 'timestamp,event,...', an 'event' column or a first column 'usage_start'), "
	"sacct (needs a 'JobID|...' header or five '|' in the line), "
	"nvidia-smi (needs 'timestamp, index|name|uuid|utilization.gpu, ...' or a first field "
	"'YYYY/MM/DD hh:mm:ss'), "
	"rates (needs 'provider,...' with unit_price and valid_from), "
	"budgets (needs 'project,period,amount,...'), "
	"fx-rates (needs date, from and to columns), "
	"hardware (needs 'machine,...' with gpus and purchase_cost), "
	"invoices (needs invoice id and amount columns)";

/*
 * A file that is plainly not CSV, named as what it is: a JSON document (its
 * first non-blank byte '{' or '['). 0 when it may be CSV. Binary content is
 * refused by the reader ("NUL byte: not a text file").
 */
int import_not_csv(const char *file, struct import_error *error)
{
	char buf[4096];
	gzFile gz;
	int n, i;

	if (!strcmp(file, "-") || !(gz = gzopen(file, "rb")))
		return 0;
	n = gzread(gz, buf, sizeof buf);
	gzclose(gz);
	i = (n >= 3 && !memcmp(buf, "\357\273\277", 3)) ? 3 : 0;
	while (i < n && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
		i++;
	if (i < n && (buf[i] == '{' || buf[i] == '['))
		return import_error_set(error, file, 0, NULL, "a JSON document, not CSV: import reads "
					"CSV files (" FORMAT_NAMES "; docs/formats.md)");
	return 0;
}

/* A bill's "no known bill header" in auto mode: also what every other format
 * needed, and for stdin, which is not told apart by content, --format. */
void import_explain_no_format(const char *file, char *message, size_t size)
{
	size_t len = strlen(message);

	if (!strcmp(file, "-"))
		snprintf(message + len, size - len, "; stdin is not told apart by content: give "
			 "--format (" FORMAT_NAMES ")");
	else
		snprintf(message + len, size - len, "; and the first line fits none of %s",
			 detect_rules);
}

enum kind import_detect_kind(const char *file, const char *format)
{
	static char line[65536];
	const char *usage_format;
	int r;

	if (!strcmp(format, "usage")) return K_USAGE_CSV;
	if (!strcmp(format, "sacct")) return K_SACCT;
	if (!strcmp(format, "nvidia-smi")) return K_NVIDIA_SMI;
	if (!strcmp(format, "rates")) return K_RATES;
	if (!strcmp(format, "budgets")) return K_BUDGETS;
	if (!strcmp(format, "fx-rates")) return K_FX_RATES;
	if (!strcmp(format, "hardware")) return K_HARDWARE;
	if (!strcmp(format, "invoices")) return K_INVOICES;
	if (strcmp(format, "auto"))
		return K_BILL;
	first_line(file, line, sizeof line);
	if ((r = rates_detect(line)))
		return r == 1 ? K_RATES : K_BUDGETS;
	if (fx_detect(line))
		return K_FX_RATES;
	if (hardware_detect(line))
		return K_HARDWARE;
	if (invoices_detect(line))
		return K_INVOICES;
	usage_format = usage_detect(line);
	if (!usage_format)
		return K_BILL;
	if (!strcmp(usage_format, "sacct"))
		return K_SACCT;
	if (!strcmp(usage_format, "nvidia-smi"))
		return K_NVIDIA_SMI;
	return K_USAGE_CSV;
}

