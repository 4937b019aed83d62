/* invoices.c: invoice totals CSV rows to struct invoice. */
#include "invoices.h"

#include "money.h"
#include "named_columns.h"
#include "timeparse.h"
#include "usage.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum column { C_INVOICE, C_PROVIDER, C_ACCOUNT, C_PERIOD, C_AMOUNT, C_CURRENCY, C_COUNT };

static const char *const column_names[C_COUNT] = {
	"InvoiceId", "ProviderName", "BillingAccountId", "BillingPeriod", "Amount", "Currency",
};

/* Header names, folded as usage_fold folds them ('_' dropped, lowercase). */
static const struct named_column header_names[] = {
	{"invoiceid", C_INVOICE}, {"providername", C_PROVIDER}, {"provider", C_PROVIDER},
	{"billingaccountid", C_ACCOUNT}, {"billingaccount", C_ACCOUNT},
	{"billingperiod", C_PERIOD}, {"billingperiodstart", C_PERIOD},
	{"amount", C_AMOUNT}, {"invoicetotal", C_AMOUNT},
	{"currency", C_CURRENCY}, {"billingcurrency", C_CURRENCY},
};

static const struct named_columns columns_spec = {
	header_names, sizeof header_names / sizeof *header_names, column_names, C_COUNT,
	"invoice totals CSV",
};

struct invoices_reader {
	struct named_reader named;
};

int invoices_detect(const char *line)
{
	unsigned seen = named_columns_seen(&columns_spec, line);

	/* A bill has InvoiceId too, but no Amount: these two say invoice totals. */
	return (seen & (1u << C_INVOICE)) && (seen & (1u << C_AMOUNT));
}

int invoices_reader_new(const struct csv_row *header, const char *file, struct invoices_reader **out,
			struct import_error *error)
{
	struct invoices_reader *r = calloc(1, sizeof *r);

	*out = NULL;
	if (!r)
		return import_error_set(error, file, 0, NULL, "out of memory");
	if (named_reader_init(&r->named, &columns_spec, header, file, error) < 0) {
		free(r);
		return -1;
	}
	*out = r;
	return 0;
}

void invoices_reader_free(struct invoices_reader *r)
{
	free(r);
}

int invoices_reader_report(const struct invoices_reader *r, char *buf, size_t size)
{
	return named_reader_report(&r->named, "invoices", buf, size);
}

/* The field without surrounding spaces into buf; -1 when empty, null or too long. */
static int field(const struct invoices_reader *r, const struct csv_row *row, enum column c, char *buf,
		 size_t size, struct import_error *error)
{
	int n = named_reader_field(&r->named, row, (int)c, buf, size, error);

	if (n < 0)
		return -1;
	if (!n || !strcmp(buf, "NULL") || !strcmp(buf, "null"))
		return named_reader_bad(&r->named, row, c, error, "missing a required value", buf);
	return 0;
}

/* "2024-09", "2024-09-01" or a timestamp in the month, to "2024-09". */
static int read_period(const char *s, char out[8])
{
	int64_t ms;
	char iso[32];
	size_t i;

	if (strlen(s) == 7) {
		for (i = 0; i < 7; i++)
			if (i == 4 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
				return -1;
		if (atoi(s + 5) < 1 || atoi(s + 5) > 12)
			return -1;
		memcpy(out, s, 7);
		out[7] = 0;
		return 0;
	}
	if (time_parse(s, strlen(s), 0, &ms) != TIME_OK)
		return -1;
	time_format(ms, iso, sizeof iso);
	memcpy(out, iso, 7);
	out[7] = 0;
	return 0;
}

int invoices_reader_row(struct invoices_reader *r, const struct csv_row *row, struct invoice *inv,
			struct import_error *error)
{
	char buf[128];
	int status;

	memset(inv, 0, sizeof *inv);
	inv->source_line = row->line;
	if (named_reader_width(&r->named, row, error) < 0)
		return -1;
	if (field(r, row, C_INVOICE, inv->invoice_id, sizeof inv->invoice_id, error) < 0 ||
	    field(r, row, C_PROVIDER, inv->provider, sizeof inv->provider, error) < 0 ||
	    field(r, row, C_ACCOUNT, inv->billing_account_id, sizeof inv->billing_account_id, error) < 0 ||
	    field(r, row, C_PERIOD, buf, sizeof buf, error) < 0)
		return -1;
	if (read_period(buf, inv->billing_period) < 0)
		return named_reader_bad(&r->named, row, C_PERIOD, error,
						"not a month YYYY-MM or a date in it", buf);
	if (field(r, row, C_AMOUNT, buf, sizeof buf, error) < 0)
		return -1;
	if ((status = money_parse(buf, strlen(buf), &inv->amount, NULL)) != MONEY_OK)
		return named_reader_bad(&r->named, row, C_AMOUNT, error,
						money_strerror(status), buf);
	if (field(r, row, C_CURRENCY, buf, sizeof buf, error) < 0)
		return -1;
	if (currency_code(buf, inv->currency) < 0 || buf[3])
		return named_reader_bad(&r->named, row, C_CURRENCY, error,
						"not a three-letter currency code (ISO 4217)", buf);
	return 0;
}
