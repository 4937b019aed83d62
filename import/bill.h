/*
 * bill.h: the bill formats (FOCUS 1.0-1.3, AWS CUR legacy and 2.0): from a
 * header row to a column mapping, and from each row to a struct charge or a
 * file:line: column 'X' error. No SQLite here.
 */
#ifndef COSTLEDGER_BILL_H
#define COSTLEDGER_BILL_H

#include "charge.h"
#include "import_error.h"
#include "reader.h"

struct bill_mapping;

/* The fields a bill's columns map to, named after FOCUS columns. */
enum bill_field {
	F_LINE_ITEM_ID, F_TIME_INTERVAL, F_PROVIDER, F_BILLING_ACCOUNT, F_SUB_ACCOUNT,
	F_BP_START, F_BP_END, F_CP_START, F_CP_END, F_CATEGORY, F_CLASS, F_DESCRIPTION,
	F_SERVICE, F_SERVICE_CODE, F_SKU, F_RESOURCE, F_INSTANCE_TYPE, F_USAGE_TYPE, F_REGION,
	F_PRICING_CATEGORY, F_PRICING_TERM, F_PURCHASE_OPTION, F_QUANTITY, F_UNIT,
	F_UNIT_PRICE, F_LIST_UNIT_PRICE, F_BILLED, F_EFFECTIVE, F_LIST, F_CONTRACTED,
	F_CURRENCY, F_INVOICE, F_COMMITMENT_STATUS, F_TAGS,
	/* CUR only: the amortized (effective) cost of commitment lines. */
	F_RI_EFFECTIVE, F_RI_UNUSED_UPFRONT, F_RI_UNUSED_RECURRING, F_RI_ARN,
	F_SP_EFFECTIVE, F_SP_TOTAL_COMMITMENT, F_SP_USED_COMMITMENT, F_SP_ARN,
	/* Kept for the FOCUS export (docs/exports.md); the import report does
	 * not list them missing. */
	F_BILLING_ACCOUNT_NAME, F_SUB_ACCOUNT_NAME, F_INVOICE_ISSUER, F_PUBLISHER, F_HOST_PROVIDER,
	F_SERVICE_CATEGORY, F_SKU_PRICE, F_RESOURCE_NAME, F_REGION_NAME, F_COMMITMENT_ID,
	F_COMMITMENT_CATEGORY, F_COMMITMENT_TYPE, F_COMMITMENT_NAME,
	F_IMPORTED_COUNT,
	/* FOCUS columns only the conformance checks read (import/focus_rules.c);
	 * the import report neither counts them used nor lists them missing. */
	F_CHARGE_FREQUENCY = F_IMPORTED_COUNT, F_CAPACITY_ID, F_CAPACITY_STATUS,
	F_COUNT
};

/*
 * Reads the header row. `format` is "auto", "focus" or "aws-cur". On
 * failure says which formats were tried and what each lacked.
 */
int bill_mapping_new(const struct csv_row *header, const char *format, const char *file,
		     struct bill_mapping **mapping, struct import_error *error);
void bill_mapping_free(struct bill_mapping *mapping);

/* "focus-1.2", "aws-cur", "aws-cur-2.0". */
const char *bill_mapping_format(const struct bill_mapping *mapping);

/*
 * What the import report says about the header: a JSON object with the
 * format, the FOCUS columns it lacked and how many columns were ignored.
 * Returns the length written (truncated to size).
 */
int bill_mapping_report(const struct bill_mapping *mapping, char *buf, size_t size);

/* The tags column's name as the header writes it ("Tags", "resource_tags"),
 * for errors found in the tags later; NULL when the tags are built from
 * several columns (CUR resourceTags/user:KEY) or there are none. */
const char *bill_mapping_tags_column(const struct bill_mapping *mapping);

/* A field's text in a row as the file wrote it (*len its length), or NULL
 * when the column is absent or the value is a null (bill_is_null). A FOCUS
 * column found only as x_NAME (the export's, docs/exports.md) is imported
 * but is not the FOCUS column: absent here and in bill_mapping_column_name. */
const char *bill_mapping_text(const struct bill_mapping *mapping, const struct csv_row *row,
			      enum bill_field field, size_t *len);

/* The header name the field was found under, or NULL when the file lacks it. */
const char *bill_mapping_column_name(const struct bill_mapping *mapping, enum bill_field field);

/* How many columns the header has. */
size_t bill_mapping_column_count(const struct bill_mapping *mapping);

/* Maps one row; returns 0, or -1 with *error naming line and column. */
int bill_mapping_row(struct bill_mapping *mapping, const struct csv_row *row,
		     struct charge *charge, struct import_error *error);

/*
 * Whether charge->tags is text the mapping built (the JSON of CUR tag
 * columns), which the next row overwrites, rather than a field of the row.
 */
int bill_mapping_built_tags(const struct bill_mapping *mapping, const struct charge *charge);

/* Folds a header name as the mapping compares it: lowercase, without '/',
 * '_', ' ' and '"'. */
void bill_fold_header(const char *name, char *out, size_t size);

/* A NULL as bills write it: empty, NULL or null. */
int bill_is_null(const char *s, size_t n);

#endif
