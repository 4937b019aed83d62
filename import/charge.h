/*
 * charge.h: one bill line as a typed record, whatever format it came from
 * (FOCUS or AWS CUR), named after FOCUS columns.
 */
#ifndef COSTLEDGER_CHARGE_H
#define COSTLEDGER_CHARGE_H

#include <stdint.h>

#include "price.h"

/* A money or time value that may be absent. */
struct opt_i64 {
	int present;
	int64_t value;
};

struct charge {
	long source_line;
	/* Texts point into the row (valid while the row callback runs); NULL when absent. */
	const char *line_item_id;
	const char *provider;
	const char *billing_account_id;
	const char *sub_account_id;
	const char *charge_description;
	const char *service_name;
	const char *sku_id;
	const char *resource_id;
	const char *region_id;
	const char *pricing_unit;
	const char *billing_currency;
	const char *invoice_id;
	const char *commitment_discount_status;
	const char *commitment_discount_id; /* FOCUS CommitmentDiscountId; CUR the RI or Savings Plan ARN */
	const char *tags;            /* JSON object text */
	/* Names and ids the FOCUS export writes back (docs/exports.md). */
	const char *billing_account_name;
	const char *sub_account_name;
	const char *invoice_issuer_name;
	const char *publisher_name;
	const char *host_provider_name;
	const char *service_category;
	const char *sku_price_id;
	const char *resource_name;
	const char *region_name;
	const char *commitment_discount_category;
	const char *commitment_discount_type;
	const char *commitment_discount_name;
	/* Fixed vocabularies: static strings. */
	const char *charge_category; /* Usage Purchase Tax Credit Adjustment */
	const char *charge_class;    /* NULL or "Correction" */
	const char *pricing_category;/* Standard Dynamic Committed Other */
	char instance_type[64];      /* "" when unknown */
	char currency[4];            /* billing_currency points here: upper-cased */
	struct opt_i64 billing_period_start, billing_period_end; /* unix ms */
	int64_t charge_period_start, charge_period_end;          /* unix ms */
	int has_quantity;
	double pricing_quantity;
	/* Unit prices at the bill's full precision: canonical decimal text
	 * (price.h), "" when absent. */
	char unit_price[PRICE_TEXT_MAX], list_unit_price[PRICE_TEXT_MAX];
	int64_t billed_cost;                                     /* nanos */
	struct opt_i64 effective_cost, list_cost, contracted_cost;
	unsigned char row_key[16];   /* identity for de-duplication: charge_row_key() */
	int rounded;                 /* amounts rounded past 9 decimals in this row */
};

/* Fills ch->row_key from the typed record (charge_key.c), never from the file's text. */
void charge_row_key(struct charge *ch);

#endif
