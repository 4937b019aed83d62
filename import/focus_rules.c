/*
 * focus_rules.c: see focus_rules.h. One table of rules (id, sentence,
 * MUST or SHOULD); the header checks and the row checks count how many rows
 * break each and where the first one is. Values are compared exactly as the
 * specification writes them (case included): the importer's leniency
 * ("usage" for "Usage") is the importer's, not the file's conformance.
 */
#include "focus_rules.h"

#include "iso4217.h"
#include "json_text.h"
#include "money.h"
#include "sku_map.h"
#include "price_check.h"
#include "timeparse.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum rule {
	R_PRESENT, /* one per required column, below: counted apart */
	R_BILLED_NULL, R_BILLED_FORMAT, R_EFFECTIVE_NULL, R_EFFECTIVE_FORMAT,
	R_LIST_NULL, R_LIST_FORMAT, R_LIST_PRODUCT, R_CONTRACTED_NULL, R_CONTRACTED_FORMAT,
	R_CONTRACTED_PRODUCT, R_LIST_PRICE_FORMAT, R_LIST_PRICE_TAX, R_LIST_PRICE_MISSING,
	R_LIST_PRICE_NEGATIVE, R_CONTRACTED_PRICE_FORMAT, R_CONTRACTED_PRICE_TAX,
	R_CONTRACTED_PRICE_MISSING, R_CONTRACTED_PRICE_NEGATIVE, R_QUANTITY_FORMAT,
	R_QUANTITY_TAX, R_QUANTITY_MISSING, R_UNIT_NULL, R_UNIT_MISSING,
	R_CURRENCY_NULL, R_CURRENCY_NATIONAL, R_CATEGORY_NULL, R_CATEGORY_VALUE,
	R_CLASS_VALUE, R_FREQUENCY_NULL, R_FREQUENCY_VALUE, R_FREQUENCY_PURCHASE,
	R_PRICING_CATEGORY_TAX, R_PRICING_CATEGORY_MISSING, R_PRICING_CATEGORY_VALUE,
	R_SKU_TAX, R_SKU_MISSING, R_SKU_PRICE_TAX, R_SKU_PRICE_MISSING, R_SKU_PRICE_ONE_SKU,
	R_COMMITMENT_STATUS_NULL, R_COMMITMENT_STATUS_MISSING, R_COMMITMENT_STATUS_VALUE, R_COMMITMENT_CATEGORY_NULL,
	R_COMMITMENT_CATEGORY_MISSING, R_COMMITMENT_CATEGORY_VALUE, R_CAPACITY_STATUS_NULL,
	R_CAPACITY_STATUS_MISSING, R_CAPACITY_STATUS_VALUE, R_SERVICE_CATEGORY_NULL,
	R_SERVICE_CATEGORY_VALUE, R_CP_START_NULL, R_CP_START_FORMAT, R_CP_END_NULL,
	R_CP_END_FORMAT, R_CP_END_AFTER, R_BP_START_NULL, R_BP_START_FORMAT, R_BP_END_NULL,
	R_BP_END_FORMAT, R_BP_END_AFTER, R_TAGS_FORMAT,
	R_COUNT
};

/* id and sentence as of FOCUS 1.2 (1.0 and 1.1 have no numbered
 * requirements: their files get the 1.2 ids). FOCUS 1.3 prefixes every id
 * with CAU- and renumbered a few: those are in rules_13 below. */
static const struct rule_text {
	const char *id, *sentence;
} rules[R_COUNT] = {
	[R_PRESENT] = {NULL, NULL},
	[R_BILLED_NULL] = {"BilledCost-C-003-M", "BilledCost is never null"},
	[R_BILLED_FORMAT] = {"BilledCost-C-002-M", "BilledCost is a plain decimal number (NumericFormat)"},
	[R_EFFECTIVE_NULL] = {"EffectiveCost-C-003-M", "EffectiveCost is never null"},
	[R_EFFECTIVE_FORMAT] = {"EffectiveCost-C-002-M", "EffectiveCost is a plain decimal number (NumericFormat)"},
	[R_LIST_NULL] = {"ListCost-C-003-M", "ListCost is never null"},
	[R_LIST_FORMAT] = {"ListCost-C-002-M", "ListCost is a plain decimal number (NumericFormat)"},
	[R_LIST_PRODUCT] = {"ListCost-C-009-C",
		"ListCost is ListUnitPrice x PricingQuantity, to ListCost's decimals, when both are given and ChargeClass is not Correction"},
	[R_CONTRACTED_NULL] = {"ContractedCost-C-003-M", "ContractedCost is never null"},
	[R_CONTRACTED_FORMAT] = {"ContractedCost-C-002-M", "ContractedCost is a plain decimal number (NumericFormat)"},
	[R_CONTRACTED_PRODUCT] = {"ContractedCost-C-009-C",
		"ContractedCost is ContractedUnitPrice x PricingQuantity, to ContractedCost's decimals, when both are given and ChargeClass is not Correction"},
	[R_LIST_PRICE_FORMAT] = {"ListUnitPrice-C-002-M", "ListUnitPrice is a plain decimal number (NumericFormat)"},
	[R_LIST_PRICE_TAX] = {"ListUnitPrice-C-004-C", "ListUnitPrice is null on a Tax row"},
	[R_LIST_PRICE_MISSING] = {"ListUnitPrice-C-005-C",
		"ListUnitPrice is given on a Usage or Purchase row that is not a Correction"},
	[R_LIST_PRICE_NEGATIVE] = {"ListUnitPrice-C-008-M", "ListUnitPrice is not negative"},
	[R_CONTRACTED_PRICE_FORMAT] = {"ContractedUnitPrice-C-003-M",
		"ContractedUnitPrice is a plain decimal number (NumericFormat)"},
	[R_CONTRACTED_PRICE_TAX] = {"ContractedUnitPrice-C-005-C", "ContractedUnitPrice is null on a Tax row"},
	[R_CONTRACTED_PRICE_MISSING] = {"ContractedUnitPrice-C-006-C",
		"ContractedUnitPrice is given on a Usage or Purchase row that is not a Correction"},
	[R_CONTRACTED_PRICE_NEGATIVE] = {"ContractedUnitPrice-C-009-C", "ContractedUnitPrice is not negative"},
	[R_QUANTITY_FORMAT] = {"PricingQuantity-C-002-M", "PricingQuantity is a plain decimal number (NumericFormat)"},
	[R_QUANTITY_TAX] = {"PricingQuantity-C-004-C", "PricingQuantity is null on a Tax row"},
	[R_QUANTITY_MISSING] = {"PricingQuantity-C-005-C",
		"PricingQuantity is given on a Usage or Purchase row that is not a Correction"},
	[R_UNIT_NULL] = {"PricingUnit-C-005-C", "PricingUnit is null when PricingQuantity is null"},
	[R_UNIT_MISSING] = {"PricingUnit-C-006-C", "PricingUnit is given when PricingQuantity is"},
	[R_CURRENCY_NULL] = {"BillingCurrency-C-004-M", "BillingCurrency is never null"},
	[R_CURRENCY_NATIONAL] = {"BillingCurrency-C-006-M",
		"BillingCurrency is an ISO 4217 national currency code (USD, EUR), in capitals"},
	[R_CATEGORY_NULL] = {"ChargeCategory-C-002-M", "ChargeCategory is never null"},
	[R_CATEGORY_VALUE] = {"ChargeCategory-C-003-M",
		"ChargeCategory is Usage, Purchase, Tax, Credit or Adjustment"},
	[R_CLASS_VALUE] = {"ChargeClass-C-005-C", "ChargeClass is null or Correction"},
	[R_FREQUENCY_NULL] = {"ChargeFrequency-C-002-M", "ChargeFrequency is never null"},
	[R_FREQUENCY_VALUE] = {"ChargeFrequency-C-003-M", "ChargeFrequency is One-Time, Recurring or Usage-Based"},
	[R_FREQUENCY_PURCHASE] = {"ChargeFrequency-C-004-C", "ChargeFrequency is not Usage-Based on a Purchase row"},
	[R_PRICING_CATEGORY_TAX] = {"PricingCategory-C-003-C", "PricingCategory is null on a Tax row"},
	[R_PRICING_CATEGORY_MISSING] = {"PricingCategory-C-004-C",
		"PricingCategory is given on a Usage or Purchase row that is not a Correction"},
	[R_PRICING_CATEGORY_VALUE] = {"PricingCategory-C-007-M",
		"PricingCategory is Standard, Dynamic, Committed or Other"},
	[R_SKU_TAX] = {"SkuId-C-004-C", "SkuId is null on a Tax row"},
	[R_SKU_MISSING] = {"SkuId-C-005-C", "SkuId is given on a Usage or Purchase row that is not a Correction"},
	[R_SKU_PRICE_TAX] = {"SkuPriceId-C-004-C", "SkuPriceId is null on a Tax row"},
	[R_SKU_PRICE_MISSING] = {"SkuPriceId-C-005-C",
		"SkuPriceId is given on a Usage or Purchase row that is not a Correction"},
	[R_SKU_PRICE_ONE_SKU] = {"SkuPriceId-C-008-M", "a SkuPriceId belongs to one SkuId only"},
	/* The model's checks of these three are not the specification's (FOCUS_Spec
	 * #2418: Active/Expired/Pending); the text is, and is checked here. */
	[R_COMMITMENT_STATUS_NULL] = {"CommitmentDiscountStatus-C-003-C",
		"CommitmentDiscountStatus is null when CommitmentDiscountId is"},
	[R_COMMITMENT_STATUS_MISSING] = {"CommitmentDiscountStatus-C-004-C",
		"CommitmentDiscountStatus is given on a Usage row that has a CommitmentDiscountId"},
	[R_COMMITMENT_STATUS_VALUE] = {"CommitmentDiscountStatus-C-005-M", "CommitmentDiscountStatus is Used or Unused"},
	[R_COMMITMENT_CATEGORY_NULL] = {"CommitmentDiscountCategory-C-003-C",
		"CommitmentDiscountCategory is null when CommitmentDiscountId is"},
	[R_COMMITMENT_CATEGORY_MISSING] = {"CommitmentDiscountCategory-C-004-C",
		"CommitmentDiscountCategory is given when CommitmentDiscountId is"},
	[R_COMMITMENT_CATEGORY_VALUE] = {"CommitmentDiscountCategory-C-005-M", "CommitmentDiscountCategory is Spend or Usage"},
	[R_CAPACITY_STATUS_NULL] = {"CapacityReservationStatus-C-003-C",
		"CapacityReservationStatus is null when CapacityReservationId is"},
	[R_CAPACITY_STATUS_MISSING] = {"CapacityReservationStatus-C-004-C",
		"CapacityReservationStatus is given on a Usage row that has a CapacityReservationId"},
	[R_CAPACITY_STATUS_VALUE] = {"CapacityReservationStatus-C-006-M", "CapacityReservationStatus is Used or Unused"},
	[R_SERVICE_CATEGORY_NULL] = {"ServiceCategory-C-002-M", "ServiceCategory is never null"},
	[R_SERVICE_CATEGORY_VALUE] = {"ServiceCategory-C-003-M", "ServiceCategory is one of the specification's categories"},
	[R_CP_START_NULL] = {"ChargePeriodStart-C-003-M", "ChargePeriodStart is never null"},
	[R_CP_START_FORMAT] = {"ChargePeriodStart-C-002-M",
		"ChargePeriodStart is a UTC date-time written YYYY-MM-DDTHH:MM:SSZ"},
	[R_CP_END_NULL] = {"ChargePeriodEnd-C-003-M", "ChargePeriodEnd is never null"},
	[R_CP_END_FORMAT] = {"ChargePeriodEnd-C-002-M",
		"ChargePeriodEnd is a UTC date-time written YYYY-MM-DDTHH:MM:SSZ"},
	[R_CP_END_AFTER] = {"ChargePeriodEnd-C-004-M",
		"ChargePeriodEnd, the exclusive end of the charge period, is after ChargePeriodStart"},
	[R_BP_START_NULL] = {"BillingPeriodStart-C-003-M", "BillingPeriodStart is never null"},
	[R_BP_START_FORMAT] = {"BillingPeriodStart-C-002-M",
		"BillingPeriodStart is a UTC date-time written YYYY-MM-DDTHH:MM:SSZ"},
	[R_BP_END_NULL] = {"BillingPeriodEnd-C-003-M", "BillingPeriodEnd is never null"},
	[R_BP_END_FORMAT] = {"BillingPeriodEnd-C-002-M",
		"BillingPeriodEnd is a UTC date-time written YYYY-MM-DDTHH:MM:SSZ"},
	[R_BP_END_AFTER] = {"BillingPeriodEnd-C-004-M",
		"BillingPeriodEnd, the exclusive end of the billing period, is after BillingPeriodStart"},
	[R_TAGS_FORMAT] = {"Tags-C-001-M", "Tags is a JSON object whose keys are all different (KeyValueFormat)"},
};

/* The FOCUS 1.3 requirements model (FOCUS_Spec, specification/requirements_model/
 * releases/1.3) where it differs from 1.2: the product rules were replaced by
 * ones without the Correction exemption, and the non-negative contracted unit
 * price is a plain MUST. */
static const struct rule_text rules_13[R_COUNT] = {
	[R_LIST_PRODUCT] = {"ListCost-C-011-C",
		"ListCost is ListUnitPrice x PricingQuantity, to ListCost's decimals, when both are given"},
	[R_CONTRACTED_PRODUCT] = {"ContractedCost-C-011-C",
		"ContractedCost is ContractedUnitPrice x PricingQuantity, to ContractedCost's decimals, when both are given"},
	[R_CONTRACTED_PRICE_NEGATIVE] = {"ContractedUnitPrice-C-009-M", "ContractedUnitPrice is not negative"},
};

/* The columns a FOCUS dataset must have, from the version that requires them.
 * BilledCost, ChargePeriodStart and ChargePeriodEnd are not here: without
 * them the header is not read as FOCUS at all (bill.c), an unreadable file. */
static const struct presence {
	const char *id, *column;
	int since, until; /* FOCUS 1.x as 10..13; until 0: still required */
} presence[] = {
	{"CostAndUsage-D-005-M", "BillingAccountName", 10, 0},
	{"CostAndUsage-D-008-M", "ChargeCategory", 10, 0},
	{"CostAndUsage-D-009-M", "BillingPeriodStart", 10, 0},
	{"CostAndUsage-D-010-M", "BillingPeriodEnd", 10, 0},
	{"CostAndUsage-D-021-M", "PublisherName", 10, 0},
	{"CostAndUsage-D-023-M", "InvoiceIssuerName", 10, 0},
	{"CostAndUsage-D-024-M", "BillingAccountId", 10, 0},
	{"CostAndUsage-D-025-M", "ChargeDescription", 10, 0},
	{"CostAndUsage-D-026-M", "ChargeClass", 10, 0},
	{"CostAndUsage-D-030-M", "ContractedCost", 10, 0},
	{"CostAndUsage-D-031-M", "EffectiveCost", 10, 0},
	{"CostAndUsage-D-032-M", "ListCost", 10, 0},
	{"CostAndUsage-D-035-M", "BillingCurrency", 10, 0},
	{"CostAndUsage-D-036-M", "PricingQuantity", 10, 0},
	{"CostAndUsage-D-038-M", "ProviderName", 10, 0},
	{"CostAndUsage-D-040-M", "ServiceCategory", 10, 0},
	{"CostAndUsage-D-041-M", "ServiceName", 10, 0},
	{"CostAndUsage-D-068-M", "PricingUnit", 10, 0},
	/* new in 1.3, beside PublisherName and ProviderName (deprecated, still MUST) */
	{"CostAndUsage-D-075-M", "HostProviderName", 13, 0},
	{"CostAndUsage-D-076-M", "ServiceProviderName", 13, 0},
};
#define PRESENCE_COUNT (sizeof presence / sizeof presence[0])

static const char *const service_categories[] = {
	"AI and Machine Learning", "Analytics", "Business Applications", "Compute", "Databases",
	"Developer Tools", "Multicloud", "Identity", "Integration", "Internet of Things",
	"Management and Governance", "Media", "Migration", "Mobile", "Networking", "Security",
	"Storage", "Web", "Other", NULL,
};
static const char *const charge_categories[] = {"Usage", "Purchase", "Tax", "Credit", "Adjustment", NULL};
static const char *const charge_frequencies[] = {"One-Time", "Recurring", "Usage-Based", NULL};
static const char *const pricing_categories[] = {"Standard", "Dynamic", "Committed", "Other", NULL};
static const char *const used_unused[] = {"Used", "Unused", NULL};
static const char *const commitment_categories[] = {"Spend", "Usage", NULL};

struct tally {
	long rows, first_line;
};

struct focus_rules {
	const struct bill_mapping *mapping;
	int version;              /* 10..13 */
	long rows;
	struct tally tally[R_COUNT];
	struct tally present[PRESENCE_COUNT];
	struct sku_map *skus;
};

size_t focus_rules_count(void)
{
	return PRESENCE_COUNT + R_COUNT - 1;
}

static void broke(struct focus_rules *r, enum rule id, long line)
{
	if (r->tally[id].rows++ == 0)
		r->tally[id].first_line = line;
}

static int header_has(const struct csv_row *header, const char *name)
{
	char want[64], have[256];
	size_t i;

	bill_fold_header(name, want, sizeof want);
	for (i = 0; i < header->count; i++) {
		bill_fold_header(header->fields[i], have, sizeof have);
		if (strcmp(have, want) == 0)
			return 1;
	}
	return 0;
}

struct focus_rules *focus_rules_new(const struct bill_mapping *mapping, const struct csv_row *header)
{
	struct focus_rules *r = calloc(1, sizeof *r);
	const char *format = bill_mapping_format(mapping);
	size_t i;

	if (!r || !(r->skus = sku_map_new())) {
		free(r);
		return NULL;
	}
	r->mapping = mapping;
	r->version = strncmp(format, "focus-1.", 8) == 0 ? 10 + (format[8] - '0') : 10;
	for (i = 0; i < PRESENCE_COUNT; i++) {
		const struct presence *p = &presence[i];
		if (r->version < p->since || (p->until && r->version > p->until))
			continue;
		if (!header_has(header, p->column)) {
			r->present[i].rows = 1;
			r->present[i].first_line = header->line;
		}
	}
	return r;
}

void focus_rules_free(struct focus_rules *r)
{
	if (!r)
		return;
	sku_map_free(r->skus);
	free(r);
}

static int one_of(const char *const *values, const char *s, size_t n)
{
	for (; *values; values++)
		if (strlen(*values) == n && memcmp(*values, s, n) == 0)
			return 1;
	return 0;
}

/* FOCUS NumericFormat beyond what money_parse checks: no '+' sign, no
 * "E+n" exponent sign. */
static int plain_number(const char *s, size_t n)
{
	size_t i;

	if (n && s[0] == '+')
		return 0;
	for (i = 0; i + 1 < n; i++)
		if ((s[i] == 'e' || s[i] == 'E') && s[i + 1] == '+')
			return 0;
	return 1;
}

struct amount {
	const char *text;    /* NULL: null or absent */
	size_t length;
	int ok;              /* parsed */
	int64_t nanos;
};

/* Reads a cost or price column; breaks `format` when it is no number. */
static struct amount read_amount(struct focus_rules *r, const struct csv_row *row, enum bill_field f,
				 enum rule null_rule, enum rule format)
{
	struct amount a = {NULL, 0, 0, 0};

	a.text = bill_mapping_text(r->mapping, row, f, &a.length);
	if (!a.text) {
		if (null_rule != R_PRESENT && bill_mapping_column_name(r->mapping, f))
			broke(r, null_rule, row->line);
		return a;
	}
	a.ok = plain_number(a.text, a.length) &&
	       money_parse(a.text, a.length, &a.nanos, NULL) == MONEY_OK;
	if (!a.ok)
		broke(r, format, row->line);
	return a;
}

/* YYYY-MM-DDTHH:MM:SSZ, a real date and time. */
static int utc_date_time(const char *s, size_t n, int64_t *ms)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	size_t i;

	if (n != sizeof shape - 1)
		return 0;
	for (i = 0; i < n; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
			return 0;
	return time_parse(s, n, 0, ms) == TIME_OK;
}

/* Reads a date-time column; *ms is set only when it is well formed. */
static int read_time(struct focus_rules *r, const struct csv_row *row, enum bill_field f,
		     enum rule null_rule, enum rule format, int64_t *ms)
{
	size_t n;
	const char *s = bill_mapping_text(r->mapping, row, f, &n);

	if (!s) {
		if (bill_mapping_column_name(r->mapping, f))
			broke(r, null_rule, row->line);
		return 0;
	}
	if (!utc_date_time(s, n, ms)) {
		broke(r, format, row->line);
		/* Still compare the period's ends when the text is a time. */
		return time_parse(s, n, 0, ms) == TIME_OK;
	}
	return 1;
}

/* A vocabulary column: null breaks null_rule (when not R_PRESENT), another value `value`. */
static const char *read_word(struct focus_rules *r, const struct csv_row *row, enum bill_field f,
			     const char *const *allowed, enum rule null_rule, enum rule value, size_t *n)
{
	const char *s = bill_mapping_text(r->mapping, row, f, n);

	if (!s) {
		if (null_rule != R_PRESENT && bill_mapping_column_name(r->mapping, f))
			broke(r, null_rule, row->line);
		return NULL;
	}
	if (!one_of(allowed, s, *n))
		broke(r, value, row->line);
	return s;
}

static int present(const struct focus_rules *r, enum bill_field f)
{
	return bill_mapping_column_name(r->mapping, f) != NULL;
}

static int is_word(const char *s, size_t n, const char *word)
{
	return s && strlen(word) == n && memcmp(s, word, n) == 0;
}

/* Null on Tax, given on Usage/Purchase that is no Correction (when the column exists). */
static void by_category(struct focus_rules *r, const struct csv_row *row, enum bill_field f,
			int tax, int priced, enum rule on_tax, enum rule missing)
{
	const char *s = bill_mapping_text(r->mapping, row, f, NULL);

	if (!present(r, f))
		return;
	if (tax && s)
		broke(r, on_tax, row->line);
	if (priced && !s)
		broke(r, missing, row->line);
}

static void check_product(struct focus_rules *r, const struct csv_row *row, const struct amount *cost,
			  enum bill_field price_field, const char *quantity, size_t qn, int correction,
			  enum rule rule)
{
	size_t pn;
	const char *price = bill_mapping_text(r->mapping, row, price_field, &pn);

	if (correction || !price || !quantity || !cost->ok)
		return;
	if (price_check_product(price, pn, quantity, qn, cost->text, cost->length) == PRICE_CHECK_DIFFERS)
		broke(r, rule, row->line);
}

static void check_periods(struct focus_rules *r, const struct csv_row *row)
{
	int64_t start = 0, end = 0;
	int has_start, has_end;

	has_start = read_time(r, row, F_CP_START, R_CP_START_NULL, R_CP_START_FORMAT, &start);
	has_end = read_time(r, row, F_CP_END, R_CP_END_NULL, R_CP_END_FORMAT, &end);
	if (has_start && has_end && end <= start)
		broke(r, R_CP_END_AFTER, row->line);
	has_start = read_time(r, row, F_BP_START, R_BP_START_NULL, R_BP_START_FORMAT, &start);
	has_end = read_time(r, row, F_BP_END, R_BP_END_NULL, R_BP_END_FORMAT, &end);
	if (has_start && has_end && end <= start)
		broke(r, R_BP_END_AFTER, row->line);
}

/* Commitment discounts and capacity reservations: statuses and categories. */
static void check_commitments(struct focus_rules *r, const struct csv_row *row, int usage)
{
	size_t n;
	const char *id = bill_mapping_text(r->mapping, row, F_COMMITMENT_ID, NULL);
	const char *status = read_word(r, row, F_COMMITMENT_STATUS, used_unused, R_PRESENT,
				       R_COMMITMENT_STATUS_VALUE, &n);
	const char *category = read_word(r, row, F_COMMITMENT_CATEGORY, commitment_categories,
					 R_PRESENT, R_COMMITMENT_CATEGORY_VALUE, &n);

	if (present(r, F_COMMITMENT_ID)) {
		if (present(r, F_COMMITMENT_STATUS) && !id && status)
			broke(r, R_COMMITMENT_STATUS_NULL, row->line);
		if (present(r, F_COMMITMENT_STATUS) && id && usage && !status)
			broke(r, R_COMMITMENT_STATUS_MISSING, row->line);
		if (present(r, F_COMMITMENT_CATEGORY) && !id && category)
			broke(r, R_COMMITMENT_CATEGORY_NULL, row->line);
		if (present(r, F_COMMITMENT_CATEGORY) && id && !category)
			broke(r, R_COMMITMENT_CATEGORY_MISSING, row->line);
	}
	id = bill_mapping_text(r->mapping, row, F_CAPACITY_ID, NULL);
	status = read_word(r, row, F_CAPACITY_STATUS, used_unused, R_PRESENT, R_CAPACITY_STATUS_VALUE, &n);
	if (present(r, F_CAPACITY_ID) && present(r, F_CAPACITY_STATUS)) {
		if (!id && status)
			broke(r, R_CAPACITY_STATUS_NULL, row->line);
		if (id && usage && !status)
			broke(r, R_CAPACITY_STATUS_MISSING, row->line);
	}
}

static int check_skus(struct focus_rules *r, const struct csv_row *row, int tax, int priced)
{
	size_t pn, sn;
	const char *price = bill_mapping_text(r->mapping, row, F_SKU_PRICE, &pn);
	const char *sku = bill_mapping_text(r->mapping, row, F_SKU, &sn);
	int conflict;

	by_category(r, row, F_SKU, tax, priced, R_SKU_TAX, R_SKU_MISSING);
	by_category(r, row, F_SKU_PRICE, tax, priced, R_SKU_PRICE_TAX, R_SKU_PRICE_MISSING);
	if (!price || !sku)
		return 0;
	if ((conflict = sku_map_conflicts(r->skus, price, pn, sku, sn)) < 0)
		return -1;
	if (conflict)
		broke(r, R_SKU_PRICE_ONE_SKU, row->line);
	return 0;
}

int focus_rules_row(struct focus_rules *r, const struct csv_row *row)
{
	size_t n, qn, cn;
	const char *category, *s, *quantity;
	struct amount list, contracted, price;
	int tax, priced, correction;

	r->rows++;
	category = read_word(r, row, F_CATEGORY, charge_categories, R_CATEGORY_NULL, R_CATEGORY_VALUE, &cn);
	tax = is_word(category, cn, "Tax");
	s = bill_mapping_text(r->mapping, row, F_CLASS, &n);
	if (s && !is_word(s, n, "Correction"))
		broke(r, R_CLASS_VALUE, row->line);
	correction = is_word(s, n, "Correction");
	category = bill_mapping_text(r->mapping, row, F_CATEGORY, &cn);
	priced = !correction && (is_word(category, cn, "Usage") || is_word(category, cn, "Purchase"));
	s = read_word(r, row, F_CHARGE_FREQUENCY, charge_frequencies, R_FREQUENCY_NULL,
		      R_FREQUENCY_VALUE, &n);
	if (is_word(category, cn, "Purchase") && is_word(s, n, "Usage-Based"))
		broke(r, R_FREQUENCY_PURCHASE, row->line);
	check_commitments(r, row, is_word(category, cn, "Usage"));

	read_amount(r, row, F_BILLED, R_BILLED_NULL, R_BILLED_FORMAT);
	read_amount(r, row, F_EFFECTIVE, R_EFFECTIVE_NULL, R_EFFECTIVE_FORMAT);
	list = read_amount(r, row, F_LIST, R_LIST_NULL, R_LIST_FORMAT);
	contracted = read_amount(r, row, F_CONTRACTED, R_CONTRACTED_NULL, R_CONTRACTED_FORMAT);
	price = read_amount(r, row, F_LIST_UNIT_PRICE, R_PRESENT, R_LIST_PRICE_FORMAT);
	if (price.ok && price.nanos < 0)
		broke(r, R_LIST_PRICE_NEGATIVE, row->line);
	price = read_amount(r, row, F_UNIT_PRICE, R_PRESENT, R_CONTRACTED_PRICE_FORMAT);
	if (price.ok && price.nanos < 0)
		broke(r, R_CONTRACTED_PRICE_NEGATIVE, row->line);
	by_category(r, row, F_LIST_UNIT_PRICE, tax, priced, R_LIST_PRICE_TAX, R_LIST_PRICE_MISSING);
	by_category(r, row, F_UNIT_PRICE, tax, priced, R_CONTRACTED_PRICE_TAX, R_CONTRACTED_PRICE_MISSING);

	quantity = bill_mapping_text(r->mapping, row, F_QUANTITY, &qn);
	if (quantity) {
		struct decimal q;
		if (!plain_number(quantity, qn) || decimal_parse(quantity, qn, &q, NULL) != MONEY_OK) {
			broke(r, R_QUANTITY_FORMAT, row->line);
			quantity = NULL;
		}
	}
	by_category(r, row, F_QUANTITY, tax, priced, R_QUANTITY_TAX, R_QUANTITY_MISSING);
	if (present(r, F_UNIT) && present(r, F_QUANTITY)) {
		int has_unit = bill_mapping_text(r->mapping, row, F_UNIT, NULL) != NULL;
		int has_quantity = bill_mapping_text(r->mapping, row, F_QUANTITY, NULL) != NULL;
		if (has_unit && !has_quantity)
			broke(r, R_UNIT_NULL, row->line);
		if (!has_unit && has_quantity)
			broke(r, R_UNIT_MISSING, row->line);
	}
	/* FOCUS 1.3 dropped the exemption of corrections from the products */
	check_product(r, row, &list, F_LIST_UNIT_PRICE, quantity, qn, correction && r->version < 13,
		      R_LIST_PRODUCT);
	check_product(r, row, &contracted, F_UNIT_PRICE, quantity, qn, correction && r->version < 13,
		      R_CONTRACTED_PRODUCT);

	s = bill_mapping_text(r->mapping, row, F_PRICING_CATEGORY, &n);
	by_category(r, row, F_PRICING_CATEGORY, tax, priced, R_PRICING_CATEGORY_TAX, R_PRICING_CATEGORY_MISSING);
	if (s && !one_of(pricing_categories, s, n))
		broke(r, R_PRICING_CATEGORY_VALUE, row->line);

	s = bill_mapping_text(r->mapping, row, F_CURRENCY, &n);
	if (!s && present(r, F_CURRENCY))
		broke(r, R_CURRENCY_NULL, row->line);
	if (s && !iso4217_is_national(s, n))
		broke(r, R_CURRENCY_NATIONAL, row->line);
	read_word(r, row, F_SERVICE_CATEGORY, service_categories, R_SERVICE_CATEGORY_NULL,
		  R_SERVICE_CATEGORY_VALUE, &n);
	check_periods(r, row);
	if ((s = bill_mapping_text(r->mapping, row, F_TAGS, &n))) {
		int unique = json_text_keys_unique(s, n);
		if (unique == -2)
			return -1;
		if (unique != 1)
			broke(r, R_TAGS_FORMAT, row->line);
	}
	return check_skus(r, row, tax, priced);
}

static void fill(struct focus_violation *v, const struct focus_rules *r, const char *id,
		 const char *sentence, const struct tally *t)
{
	snprintf(v->id, sizeof v->id, "%s%s", r->version >= 13 ? "CAU-" : "", id);
	snprintf(v->sentence, sizeof v->sentence, "%s", sentence);
	v->must = id[strlen(id) - 1] == 'M' || id[strlen(id) - 1] == 'C';
	v->rows = t->rows;
	v->first_line = t->first_line;
}

size_t focus_rules_violations(const struct focus_rules *r, struct focus_violation *out, size_t size)
{
	size_t i, k = 0;

	for (i = 0; i < PRESENCE_COUNT && k < size; i++)
		if (r->present[i].rows) {
			char sentence[96];
			snprintf(sentence, sizeof sentence, "the file has the column %s", presence[i].column);
			fill(&out[k++], r, presence[i].id, sentence, &r->present[i]);
		}
	for (i = 1; i < R_COUNT && k < size; i++)
		if (r->tally[i].rows) {
			const struct rule_text *t = r->version >= 13 && rules_13[i].id ? &rules_13[i] : &rules[i];
			fill(&out[k++], r, t->id, t->sentence, &r->tally[i]);
		}
	return k;
}

size_t focus_rules_must_broken(const struct focus_rules *r)
{
	struct focus_violation v[PRESENCE_COUNT + R_COUNT];
	size_t i, n = focus_rules_violations(r, v, PRESENCE_COUNT + R_COUNT), must = 0;

	for (i = 0; i < n; i++)
		must += v[i].must;
	return must;
}

int focus_rules_report(const struct focus_rules *r, char *buf, size_t size)
{
	struct focus_violation v[PRESENCE_COUNT + R_COUNT];
	size_t i, n = focus_rules_violations(r, v, PRESENCE_COUNT + R_COUNT), length = 1;

	if (size < 3)
		return 0;
	buf[0] = '{';
	buf[1] = 0;
	for (i = 0; i < n && length < size; i++)
		length += (size_t)snprintf(buf + length, size - length, "%s\"%s\":%ld", i ? "," : "",
					   v[i].id, v[i].rows);
	if (length + 2 > size)
		return (int)length;
	buf[length++] = '}';
	buf[length] = 0;
	return (int)length;
}

long focus_rules_rows(const struct focus_rules *r)
{
	return r->rows;
}
