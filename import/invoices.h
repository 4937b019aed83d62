/*
 * invoices.h: the invoice totals CSV (docs/formats.md): one row per invoice,
 * `InvoiceId,ProviderName,BillingAccountId,BillingPeriod,Amount,Currency`,
 * from a header to a mapping and from each row to a checked record or a
 * file:line: column 'X' error. No SQLite here.
 */
#ifndef COSTLEDGER_INVOICES_H
#define COSTLEDGER_INVOICES_H

#include <stdint.h>

#include "import_error.h"
#include "reader.h"

struct invoice {
	long source_line;
	char invoice_id[128];
	char provider[128];
	char billing_account_id[128];
	char billing_period[8];  /* YYYY-MM: the month the invoice bills */
	int64_t amount;          /* nanos */
	char currency[4];
};

struct invoices_reader;

int invoices_reader_new(const struct csv_row *header, const char *file, struct invoices_reader **out,
			struct import_error *error);
void invoices_reader_free(struct invoices_reader *r);
int invoices_reader_row(struct invoices_reader *r, const struct csv_row *row, struct invoice *invoice,
			struct import_error *error);
int invoices_reader_report(const struct invoices_reader *r, char *buf, size_t size);

/* 1 when the first line is an invoice totals header (InvoiceId and Amount), else 0. */
int invoices_detect(const char *first_line);

#endif
