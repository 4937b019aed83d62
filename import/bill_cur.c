/*
 * bill_cur.c: the AWS Cost and Usage Report (legacy and 2.0 column names)
 * to struct charge: its columns, its line item types, and what a CUR row
 * needs beyond the mapping bill.c makes for every bill (bill_internal.h).
 */
#include "bill_internal.h"

#include "money.h"
#include "timeparse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const struct column_name bill_cur_columns[] = {
	{F_LINE_ITEM_ID, {"identity/LineItemId"}, 0},
	{F_TIME_INTERVAL, {"identity/TimeInterval"}, 0},
	{F_BILLING_ACCOUNT, {"bill/PayerAccountId"}, 0},
	{F_SUB_ACCOUNT, {"lineItem/UsageAccountId"}, 0},
	{F_BP_START, {"bill/BillingPeriodStartDate"}, 0},
	{F_BP_END, {"bill/BillingPeriodEndDate"}, 0},
	{F_CP_START, {"lineItem/UsageStartDate"}, 1},
	{F_CP_END, {"lineItem/UsageEndDate"}, 1},
	{F_CATEGORY, {"lineItem/LineItemType"}, 1},
	{F_DESCRIPTION, {"lineItem/LineItemDescription"}, 0},
	{F_SERVICE, {"product/servicename", "product/ProductName"}, 0},
	{F_SERVICE_CODE, {"lineItem/ProductCode"}, 0},
	{F_SKU, {"product/sku"}, 0},
	{F_RESOURCE, {"lineItem/ResourceId"}, 0},
	{F_INSTANCE_TYPE, {"product/instanceType"}, 0},
	{F_USAGE_TYPE, {"lineItem/UsageType"}, 0},
	{F_REGION, {"product/regionCode", "product/region"}, 0},
	{F_PRICING_TERM, {"pricing/term"}, 0},
	{F_PURCHASE_OPTION, {"pricing/purchaseOption"}, 0},
	{F_QUANTITY, {"lineItem/UsageAmount"}, 0},
	{F_UNIT, {"pricing/unit"}, 0},
	{F_UNIT_PRICE, {"lineItem/UnblendedRate"}, 0},
	{F_LIST_UNIT_PRICE, {"pricing/publicOnDemandRate"}, 0},
	{F_BILLED, {"lineItem/UnblendedCost"}, 1},
	{F_EFFECTIVE, {"lineItem/NetUnblendedCost"}, 0},
	{F_LIST, {"pricing/publicOnDemandCost"}, 0},
	{F_CURRENCY, {"lineItem/CurrencyCode"}, 0},
	{F_INVOICE, {"bill/InvoiceId"}, 0},
	{F_TAGS, {"resource_tags"}, 0},
	{F_RI_EFFECTIVE, {"reservation/EffectiveCost"}, 0},
	{F_RI_UNUSED_UPFRONT, {"reservation/UnusedAmortizedUpfrontFeeForBillingPeriod"}, 0},
	{F_RI_UNUSED_RECURRING, {"reservation/UnusedRecurringFee"}, 0},
	{F_RI_ARN, {"reservation/ReservationARN"}, 0},
	{F_SP_EFFECTIVE, {"savingsPlan/SavingsPlanEffectiveCost"}, 0},
	{F_SP_TOTAL_COMMITMENT, {"savingsPlan/TotalCommitmentToDate"}, 0},
	{F_SP_USED_COMMITMENT, {"savingsPlan/UsedCommitment"}, 0},
	{F_SP_ARN, {"savingsPlan/SavingsPlanARN"}, 0},
	/* A Capacity Block for ML is a capacity reservation paid upfront
	 * (docs/amortized.md): its ARN and whether a line used it. */
	{F_CAPACITY_ID, {"capacityReservation/CapacityReservationArn",
			 "capacity_reservation_capacity_reservation_arn"}, 0},
	{F_CAPACITY_STATUS, {"capacityReservation/CapacityReservationStatus",
			     "capacity_reservation_capacity_reservation_status"}, 0},
	{F_BILLING_ACCOUNT_NAME, {"bill/PayerAccountName"}, 0},
	{F_SUB_ACCOUNT_NAME, {"lineItem/UsageAccountName"}, 0},
	{F_INVOICE_ISSUER, {"bill/InvoicingEntity"}, 0},
	{F_REGION_NAME, {"product/location"}, 0},
};
const size_t bill_cur_column_count = sizeof bill_cur_columns / sizeof bill_cur_columns[0];

const struct vocabulary bill_cur_line_item_types[] = {
	{"Usage", "Usage"}, {"DiscountedUsage", "Usage"}, {"SavingsPlanCoveredUsage", "Usage"},
	{"SavingsPlanNegation", "Usage"}, {"BundledDiscount", "Usage"}, {"Discount", "Usage"},
	{"EdpDiscount", "Usage"}, {"PrivateRateDiscount", "Usage"}, {"DistributorDiscount", "Usage"},
	{"Fee", "Purchase"}, {"RIFee", "Purchase"}, {"SavingsPlanUpfrontFee", "Purchase"},
	{"SavingsPlanRecurringFee", "Purchase"}, {"Tax", "Tax"}, {"Credit", "Credit"},
	{"Refund", "Adjustment"}, {NULL, NULL},
};

static const struct vocabulary cur_terms[] = {
	{"OnDemand", "Standard"}, {"Spot", "Dynamic"}, {"Reserved", "Committed"},
	{"SavingsPlan", "Committed"}, {NULL, NULL},
};

/* "USE1-SpotUsage:p4d.24xlarge" -> "p4d.24xlarge"; only for *Usage: types. */
static void instance_from_usage_type(const char *usage_type, char *out, size_t size)
{
	const char *colon = strchr(usage_type, ':');

	if (colon && colon - usage_type >= 5 && memcmp(colon - 5, "Usage", 5) == 0 && colon[1])
		snprintf(out, size, "%s", colon + 1);
}

/* Legacy CUR tags: {"user:project":"vision",...}, keys without "user:". */
static int build_cur_tags(struct bill_mapping *m, const struct csv_row *row, const char **tags)
{
	size_t i, need = 3, pos = 0;

	*tags = NULL;
	for (i = 0; i < m->tag_count; i++) {
		int c = m->tag_columns[i];
		if ((size_t)c < row->count && row->lengths[c])
			need += 6 * (strlen(m->header[c]) + row->lengths[c]) + 8;
	}
	if (need == 3)
		return 0;
	if (need > m->tags_size) {
		char *grown = realloc(m->tags_buf, need);
		if (!grown)
			return -1;
		m->tags_buf = grown;
		m->tags_size = need;
	}
	m->tags_buf[pos++] = '{';
	for (i = 0; i < m->tag_count; i++) {
		int c = m->tag_columns[i], k;
		const char *key = m->header[c] + 13, *value;
		const char *colon = strchr(key, ':');

		if ((size_t)c >= row->count || !row->lengths[c])
			continue;
		if (colon)
			key = colon + 1;
		if (pos > 1)
			m->tags_buf[pos++] = ',';
		for (k = 0; k < 2; k++) {
			const char *s = k ? row->fields[c] : key;
			m->tags_buf[pos++] = '"';
			for (value = s; *value; value++) {
				unsigned char ch = (unsigned char)*value;
				if (ch < 0x20) {
					/* JSON has no raw control characters: \u00XX. */
					static const char hex[] = "0123456789abcdef";
					memcpy(m->tags_buf + pos, "\\u00", 4);
					m->tags_buf[pos + 4] = hex[ch >> 4];
					m->tags_buf[pos + 5] = hex[ch & 15];
					pos += 6;
					continue;
				}
				if (ch == '"' || ch == '\\')
					m->tags_buf[pos++] = '\\';
				m->tags_buf[pos++] = (char)ch;
			}
			m->tags_buf[pos++] = '"';
			if (!k)
				m->tags_buf[pos++] = ':';
		}
	}
	m->tags_buf[pos++] = '}';
	m->tags_buf[pos] = 0;
	*tags = m->tags_buf;
	return 0;
}

/*
 * The CUR's amortized cost of commitment lines, as AWS maps it to FOCUS
 * EffectiveCost: covered usage at its share of the commitment
 * (DiscountedUsage: reservation/EffectiveCost; SavingsPlanCoveredUsage:
 * savingsPlan/SavingsPlanEffectiveCost), the fees at what went unused (RIFee:
 * the unused amortized upfront fee plus the unused recurring fee;
 * SavingsPlanRecurringFee: the commitment to date less what was used), and
 * nothing for what is spread elsewhere (SavingsPlanNegation,
 * SavingsPlanUpfrontFee). Other lines keep the effective cost they have.
 */
static int cur_effective_cost(const struct bill_mapping *m, const struct csv_row *row, const char *type,
			      struct charge *ch, struct import_error *error)
{
	struct opt_i64 a = {0, 0}, b = {0, 0};

	if (!type)
		return 0;
	if (!strcmp(type, "SavingsPlanNegation") || !strcmp(type, "SavingsPlanUpfrontFee")) {
		ch->effective_cost.present = 1;
		ch->effective_cost.value = 0;
		return 0;
	}
	if (!strcmp(type, "DiscountedUsage") || !strcmp(type, "SavingsPlanCoveredUsage")) {
		if (bill_money_field(m, row, type[0] == 'D' ? F_RI_EFFECTIVE : F_SP_EFFECTIVE, &a, &ch->rounded,
				error) < 0)
			return -1;
		if (a.present)
			ch->effective_cost = a;
		return 0;
	}
	if (!strcmp(type, "RIFee") || !strcmp(type, "SavingsPlanRecurringFee")) {
		int ri = type[0] == 'R';
		if (bill_money_field(m, row, ri ? F_RI_UNUSED_UPFRONT : F_SP_TOTAL_COMMITMENT, &a, &ch->rounded,
				error) < 0 ||
		    bill_money_field(m, row, ri ? F_RI_UNUSED_RECURRING : F_SP_USED_COMMITMENT, &b, &ch->rounded,
				error) < 0)
			return -1;
		if (!a.present && !b.present)
			return 0;
		/* Both are at most a line's amount: no overflow in int64 nanos. */
		ch->effective_cost.present = 1;
		ch->effective_cost.value = ri ? a.value + b.value : a.value - b.value;
	}
	return 0;
}

/*
 * AWS bills by calendar month (UTC): a CUR without bill/BillingPeriodStartDate
 * gets the month of the line's usage start as its billing period, so that
 * its statement key is known (delivery.h).
 */
static void cur_billing_month(struct charge *ch)
{
	char text[32];
	int year, month;

	if (time_format(ch->charge_period_start, text, sizeof text) <= 0 ||
	    sscanf(text, "%4d-%2d", &year, &month) != 2)
		return;
	ch->billing_period_start.present = 1;
	ch->billing_period_start.value = days_from_civil(year, (unsigned)month, 1) * INT64_C(86400000);
	if (!ch->billing_period_end.present) {
		ch->billing_period_end.present = 1;
		ch->billing_period_end.value = days_from_civil(year + (month == 12), month == 12 ? 1u :
							       (unsigned)month + 1, 1) * INT64_C(86400000);
	}
}

/*
 * A capacity reservation's lines are the reservation's, as a commitment's
 * are: the ledger spreads a Capacity Block's upfront fee over them
 * (ledger/capacity_blocks.c). CUR 2.0 names the reservation in its own
 * column, with a status; a legacy CUR has no such column and names it only
 * as the line's resource (an ARN with capacity-reservation/cr-), on the
 * reservation's own lines: UnusedBox/UnusedDed (hours not used) and
 * Reservation/DedicatedRes (hours used; the instance line bills them).
 */
static void cur_capacity_reservation(const struct bill_mapping *m, const struct csv_row *row,
				     const char *usage_type, struct charge *ch)
{
	const char *s;

	if ((s = bill_text(m, row, F_CAPACITY_ID, NULL))) {
		ch->commitment_discount_id = s;
		if ((s = bill_text(m, row, F_CAPACITY_STATUS, NULL)) &&
		    (!strcasecmp(s, "Used") || !strcasecmp(s, "Unused")))
			ch->commitment_discount_status = strcasecmp(s, "Unused") ? "Used" : "Unused";
		return;
	}
	if (!ch->resource_id || !strstr(ch->resource_id, ":capacity-reservation/cr-"))
		return;
	ch->commitment_discount_id = ch->resource_id;
	if (usage_type && (strstr(usage_type, "UnusedBox") || strstr(usage_type, "UnusedDed")))
		ch->commitment_discount_status = "Unused";
	else if (usage_type && (strstr(usage_type, "Reservation") || strstr(usage_type, "DedicatedRes")))
		ch->commitment_discount_status = "Used";
}

int bill_mapping_built_tags(const struct bill_mapping *m, const struct charge *ch)
{
	return ch->tags && ch->tags == m->tags_buf;
}

int bill_cur_row(struct bill_mapping *m, const struct csv_row *row, struct charge *ch,
		 struct import_error *error)
{
	const char *usage_type = bill_text(m, row, F_USAGE_TYPE, NULL);
	const char *type = bill_text(m, row, F_CATEGORY, NULL);
	const char *s;

	if (!ch->billing_period_start.present)
		cur_billing_month(ch);
	if ((s = bill_text(m, row, F_PURCHASE_OPTION, NULL)) && strcasecmp(s, "Spot") == 0)
		ch->pricing_category = "Dynamic";
	else if ((s = bill_text(m, row, F_PRICING_TERM, NULL)))
		ch->pricing_category = bill_lookup(cur_terms, s);
	if (usage_type && strstr(usage_type, "SpotUsage"))
		ch->pricing_category = "Dynamic";
	if (type && (!strcmp(type, "SavingsPlanCoveredUsage") || !strcmp(type, "DiscountedUsage"))) {
		ch->pricing_category = "Committed";
		ch->commitment_discount_status = "Used";
	}
	if (cur_effective_cost(m, row, type, ch, error) < 0)
		return -1;
	if (!(ch->commitment_discount_id = bill_text(m, row, F_RI_ARN, NULL)))
		ch->commitment_discount_id = bill_text(m, row, F_SP_ARN, NULL);
	if (!ch->commitment_discount_id)
		cur_capacity_reservation(m, row, usage_type, ch);
	if ((s = bill_text(m, row, F_INSTANCE_TYPE, NULL)))
		snprintf(ch->instance_type, sizeof ch->instance_type, "%s", s);
	else if (usage_type)
		instance_from_usage_type(usage_type, ch->instance_type, sizeof ch->instance_type);
	if (m->tag_count) {
		if (build_cur_tags(m, row, &ch->tags) < 0)
			return import_error_set(error, m->file, row->line, NULL, "out of memory");
	} else {
		ch->tags = bill_text(m, row, F_TAGS, NULL);
	}
	return 0;
}
