/*
 * bill.c: FOCUS and AWS CUR bills to struct charge.
 *
 * Header names are compared after folding case and dropping '/', '_' and
 * spaces, so the legacy CUR's lineItem/UsageStartDate, CUR 2.0's
 * line_item_usage_start_date and a FOCUS file's SkuPriceid (sic) all find
 * their column. Each format is a table from a field to the names it goes by.
 */
#include "bill.h"
#include "bill_internal.h"

#include "money.h"
#include "tail_word.h"
#include "timeparse.h"
#include "field_check.h"
#include "json_text.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>



static const struct column_name focus_columns[] = {
	{F_PROVIDER, {"ProviderName", "ServiceProviderName"}, 0},
	{F_BILLING_ACCOUNT, {"BillingAccountId"}, 0},
	{F_SUB_ACCOUNT, {"SubAccountId"}, 0},
	{F_BP_START, {"BillingPeriodStart"}, 0},
	{F_BP_END, {"BillingPeriodEnd"}, 0},
	{F_CP_START, {"ChargePeriodStart"}, 1},
	{F_CP_END, {"ChargePeriodEnd"}, 1},
	{F_CATEGORY, {"ChargeCategory"}, 0},
	{F_CLASS, {"ChargeClass"}, 0},
	{F_DESCRIPTION, {"ChargeDescription"}, 0},
	{F_SERVICE, {"ServiceName"}, 0},
	{F_SKU, {"SkuId"}, 0},
	{F_RESOURCE, {"ResourceId"}, 0},
	{F_INSTANCE_TYPE, {"x_InstanceType"}, 0},
	{F_REGION, {"RegionId", "Region"}, 0},
	{F_PRICING_CATEGORY, {"PricingCategory"}, 0},
	{F_QUANTITY, {"PricingQuantity"}, 0},
	{F_UNIT, {"PricingUnit"}, 0},
	{F_UNIT_PRICE, {"ContractedUnitPrice"}, 0},
	{F_LIST_UNIT_PRICE, {"ListUnitPrice"}, 0},
	{F_BILLED, {"BilledCost"}, 1},
	{F_EFFECTIVE, {"EffectiveCost"}, 0},
	{F_LIST, {"ListCost"}, 0},
	{F_CONTRACTED, {"ContractedCost"}, 0},
	{F_CURRENCY, {"BillingCurrency"}, 0},
	{F_INVOICE, {"InvoiceId"}, 0},
	{F_COMMITMENT_STATUS, {"CommitmentDiscountStatus"}, 0},
	{F_TAGS, {"Tags"}, 0},
	{F_BILLING_ACCOUNT_NAME, {"BillingAccountName"}, 0},
	{F_SUB_ACCOUNT_NAME, {"SubAccountName"}, 0},
	{F_INVOICE_ISSUER, {"InvoiceIssuerName", "InvoiceIssuer"}, 0},
	{F_PUBLISHER, {"PublisherName", "Publisher"}, 0},
	{F_HOST_PROVIDER, {"HostProviderName"}, 0},
	{F_SERVICE_CATEGORY, {"ServiceCategory"}, 0},
	{F_SKU_PRICE, {"SkuPriceId"}, 0},
	{F_RESOURCE_NAME, {"ResourceName"}, 0},
	{F_REGION_NAME, {"RegionName"}, 0},
	{F_COMMITMENT_ID, {"CommitmentDiscountId"}, 0},
	{F_COMMITMENT_CATEGORY, {"CommitmentDiscountCategory"}, 0},
	{F_COMMITMENT_TYPE, {"CommitmentDiscountType"}, 0},
	{F_COMMITMENT_NAME, {"CommitmentDiscountName"}, 0},
	/* Read only by the conformance checks (focus_rules.c). */
	{F_CHARGE_FREQUENCY, {"ChargeFrequency"}, 0},
	{F_CAPACITY_ID, {"CapacityReservationId"}, 0},
	{F_CAPACITY_STATUS, {"CapacityReservationStatus"}, 0},
};



void bill_fold_header(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; *s && n + 1 < size; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '/' || c == '_' || c == ' ' || c == '"')
			continue;
		out[n++] = (char)tolower(c);
	}
	out[n] = 0;
}

static int find_column(char *const *folded, size_t count, const char *name)
{
	char want[128];
	size_t i;

	bill_fold_header(name, want, sizeof want);
	for (i = 0; i < count; i++)
		if (strcmp(folded[i], want) == 0)
			return (int)i;
	return -1;
}

static const struct column_name *format_columns(enum format_id f, size_t *count)
{
	if (f == FORMAT_FOCUS) {
		*count = sizeof focus_columns / sizeof focus_columns[0];
		return focus_columns;
	}
	*count = bill_cur_column_count;
	return bill_cur_columns;
}

/* Fills m->column for format f; returns the number of required columns missing. */
static int bind_columns(struct bill_mapping *m, enum format_id f, char *const *folded,
			size_t count, char *lacking, size_t lacking_size)
{
	size_t n, i, j;
	const struct column_name *cols = format_columns(f, &n);
	int missing_required = 0;

	for (i = 0; i < F_COUNT; i++) {
		m->column[i] = -1;
		m->custom[i] = 0;
	}
	lacking[0] = 0;
	for (i = 0; i < n; i++) {
		for (j = 0; j < 3 && cols[i].names[j]; j++) {
			int c = find_column(folded, count, cols[i].names[j]);
			if (c >= 0) {
				m->column[cols[i].field] = c;
				m->header_name[cols[i].field] = cols[i].names[j];
				break;
			}
		}
		if (m->column[cols[i].field] < 0 && f == FORMAT_FOCUS) {
			/* The FOCUS export writes a column whose values break a FOCUS
			 * rule as x_NAME (docs/exports.md): read it back as NAME. */
			char custom[64];
			snprintf(custom, sizeof custom, "x_%s", cols[i].names[0]);
			m->column[cols[i].field] = find_column(folded, count, custom);
			m->custom[cols[i].field] = m->column[cols[i].field] >= 0;
		}
		if (m->column[cols[i].field] < 0 && cols[i].required) {
			size_t len = strlen(lacking);
			snprintf(lacking + len, lacking_size - len, "%s%s", len ? ", " : "",
				 cols[i].names[0]);
			missing_required++;
		}
		if (m->column[cols[i].field] < 0)
			m->header_name[cols[i].field] = cols[i].names[0];
	}
	return missing_required;
}

static const char *focus_version(char *const *folded, size_t count)
{
	if (find_column(folded, count, "ServiceProviderName") >= 0 ||
	    find_column(folded, count, "HostProviderName") >= 0 ||
	    find_column(folded, count, "AllocatedMethodId") >= 0)
		return "focus-1.3";
	if (find_column(folded, count, "InvoiceId") >= 0 ||
	    find_column(folded, count, "PricingCurrency") >= 0 ||
	    (find_column(folded, count, "SkuPriceid") >= 0 &&
	     find_column(folded, count, "CommitmentDiscountQuantity") >= 0))
		return "focus-1.2";
	if (find_column(folded, count, "CapacityReservationId") >= 0 ||
	    find_column(folded, count, "SkuMeter") >= 0 ||
	    find_column(folded, count, "SkuPriceDetails") >= 0)
		return "focus-1.1";
	return "focus-1.0";
}

struct named_column {
	const char *name;
	size_t index;
};

static int compare_named(const void *a, const void *b)
{
	const struct named_column *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : (x->index > y->index) - (x->index < y->index);
}

/*
 * The first column (*dup, by position) whose non-empty folded name an earlier
 * column (*first) already has; *dup = count when none. Sorting keeps this
 * O(n log n): a header of a million columns must fail fast, not in hours.
 */
static int find_duplicate(char *const *folded, size_t count, size_t *dup, size_t *first)
{
	struct named_column *sorted = malloc((count ? count : 1) * sizeof *sorted);
	size_t i;

	*dup = count;
	*first = 0;
	if (!sorted)
		return -1;
	for (i = 0; i < count; i++) {
		sorted[i].name = folded[i];
		sorted[i].index = i;
	}
	qsort(sorted, count, sizeof *sorted, compare_named);
	for (i = 1; i < count; i++)
		if (sorted[i].name[0] && strcmp(sorted[i].name, sorted[i - 1].name) == 0 &&
		    (i < 2 || strcmp(sorted[i - 1].name, sorted[i - 2].name) != 0) &&
		    sorted[i].index < *dup) {
			*dup = sorted[i].index;
			*first = sorted[i - 1].index;
		}
	free(sorted);
	return 0;
}

void bill_mapping_free(struct bill_mapping *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->header_count; i++)
		free(m->header[i]);
	free(m->header);
	free(m->tag_columns);
	free(m->tags_buf);
	free(m);
}

int bill_mapping_new(const struct csv_row *header, const char *format, const char *file,
		     struct bill_mapping **out, struct import_error *error)
{
	struct bill_mapping *m = calloc(1, sizeof *m);
	char **folded = NULL;
	char lacking_focus[256], lacking_cur[256];
	int want_focus = !format || !strcmp(format, "auto") || !strcmp(format, "focus");
	int want_cur = !format || !strcmp(format, "auto") || !strcmp(format, "aws-cur");
	int missing_focus = 1, missing_cur = 1, result = -1;
	size_t i, j, used;

	*out = NULL;
	if (!m || !(folded = calloc(header->count, sizeof *folded)) ||
	    !(m->header = calloc(header->count, sizeof *m->header))) {
		import_error_set(error, file, header->line, NULL, "out of memory");
		goto done;
	}
	if (!want_focus && !want_cur) {
		import_error_set(error, file, 0, NULL,
				 "unknown bill format '%s' (known: focus, aws-cur)", format);
		goto done;
	}
	snprintf(m->file, sizeof m->file, "%s", file);
	m->header_count = header->count;
	for (i = 0; i < header->count; i++) {
		char buf[256];
		bill_fold_header(header->fields[i], buf, sizeof buf);
		if (!(folded[i] = strdup(buf)) || !(m->header[i] = strdup(header->fields[i]))) {
			import_error_set(error, file, header->line, NULL, "out of memory");
			goto done;
		}
	}
	if (find_duplicate(folded, header->count, &i, &j) < 0) {
		import_error_set(error, file, header->line, NULL, "out of memory");
		goto done;
	}
	if (i < header->count) {
		import_error_set(error, file, header->line, header->fields[i],
				 "duplicated header name (also column %zu)", j + 1);
		goto done;
	}
	if (want_focus)
		missing_focus = bind_columns(m, FORMAT_FOCUS, folded, header->count,
					     lacking_focus, sizeof lacking_focus);
	if (missing_focus == 0) {
		m->format = FORMAT_FOCUS;
		snprintf(m->format_name, sizeof m->format_name, "%s",
			 focus_version(folded, header->count));
	} else {
		if (want_cur)
			missing_cur = bind_columns(m, FORMAT_CUR, folded, header->count,
						   lacking_cur, sizeof lacking_cur);
		if (missing_cur) {
			char tried[600] = "";
			if (want_focus)
				snprintf(tried, sizeof tried, "focus (lacks %s)", lacking_focus);
			if (want_cur)
				snprintf(tried + strlen(tried), sizeof tried - strlen(tried),
					 "%saws-cur (lacks %s)", want_focus ? ", " : "", lacking_cur);
			import_error_set(error, file, header->line, NULL,
					 "no known bill header; tried %s", tried);
			goto done;
		}
		m->format = FORMAT_CUR;
		snprintf(m->format_name, sizeof m->format_name, "%s",
			 strchr(header->fields[m->column[F_CP_START]], '/') ? "aws-cur" : "aws-cur-2.0");
		/* resourceTags/user:KEY (legacy) become the tags JSON object. */
		if (!(m->tag_columns = calloc(header->count, sizeof *m->tag_columns))) {
			import_error_set(error, file, header->line, NULL, "out of memory");
			goto done;
		}
		for (i = 0; i < header->count; i++)
			if (strncasecmp(header->fields[i], "resourceTags/", 13) == 0)
				m->tag_columns[m->tag_count++] = (int)i;
		/* In name order, so that the tags (and the row key) do not depend
		 * on the order of the columns. */
		for (i = 1; i < m->tag_count; i++) {
			int c = m->tag_columns[i];
			size_t k = i;
			for (; k > 0 && strcmp(header->fields[m->tag_columns[k - 1]], header->fields[c]) > 0; k--)
				m->tag_columns[k] = m->tag_columns[k - 1];
			m->tag_columns[k] = c;
		}
	}
	/* The report: which FOCUS columns are missing, how many are ignored. */
	used = m->tag_count;
	for (i = 0; i < F_IMPORTED_COUNT; i++) {
		if (m->column[i] >= 0) {
			used++;
		} else if (m->format == FORMAT_FOCUS && i <= F_TAGS && i != F_INSTANCE_TYPE && i != F_LINE_ITEM_ID &&
			   i != F_TIME_INTERVAL && i != F_SERVICE_CODE && i != F_USAGE_TYPE &&
			   i != F_PRICING_TERM && i != F_PURCHASE_OPTION) {
			m->missing[m->missing_count++] = m->header_name[i];
		}
	}
	m->ignored = header->count > used ? header->count - used : 0;
	*out = m;
	m = NULL;
	result = 0;
done:
	if (folded)
		for (i = 0; i < header->count; i++)
			free(folded[i]);
	free(folded);
	bill_mapping_free(m);
	return result;
}

const char *bill_mapping_format(const struct bill_mapping *m)
{
	return m->format_name;
}

const char *bill_mapping_tags_column(const struct bill_mapping *m)
{
	return m->tag_count || m->column[F_TAGS] < 0 ? NULL : m->header[m->column[F_TAGS]];
}

int bill_mapping_report(const struct bill_mapping *m, char *buf, size_t size)
{
	struct json_writer w;
	size_t i;

	json_writer_init(&w);
	json_open(&w, '{');
	json_member_string(&w, "format", m->format_name);
	json_key(&w, "missing_columns");
	json_open(&w, '[');
	for (i = 0; i < m->missing_count; i++)
		json_string(&w, m->missing[i]);
	json_close(&w, ']');
	json_key(&w, "ignored_columns");
	json_integer(&w, (long long)m->ignored);
	return json_report_end(&w, buf, size);
}

int bill_is_null(const char *s, size_t n)
{
	return n == 0 || (n == 4 && (memcmp(s, "NULL", 4) == 0 || memcmp(s, "null", 4) == 0));
}

const char *bill_mapping_text(const struct bill_mapping *m, const struct csv_row *row,
			      enum bill_field f, size_t *len)
{
	return m->custom[f] ? NULL : bill_text(m, row, f, len);
}

const char *bill_mapping_column_name(const struct bill_mapping *m, enum bill_field f)
{
	return m->column[f] >= 0 && !m->custom[f] ? m->header[m->column[f]] : NULL;
}

size_t bill_mapping_column_count(const struct bill_mapping *m)
{
	return m->header_count;
}


/* FOCUS ChargeCategory, and AWS lineItem/LineItemType as focus_converters map it. */
static const struct vocabulary focus_categories[] = {
	{"Usage", "Usage"}, {"Purchase", "Purchase"}, {"Tax", "Tax"},
	{"Credit", "Credit"}, {"Adjustment", "Adjustment"}, {NULL, NULL},
};
static const struct vocabulary pricing_categories[] = {
	{"Standard", "Standard"}, {"Dynamic", "Dynamic"}, {"Committed", "Committed"},
	{"Other", "Other"}, {"On-Demand", "Standard"}, {"Commitment-Based", "Committed"},
	{"Spot", "Dynamic"}, {NULL, NULL},
};

const char *bill_lookup(const struct vocabulary *v, const char *s)
{
	for (; v->given; v++)
		if (strcasecmp(v->given, s) == 0)
			return v->mapped;
	return NULL;
}



/*
 * Whether text[0..n) is all ASCII: its words are ORed together and the
 * high bits tested once. Most fields of a bill are, and utf8_invalid_at()
 * went through the last bytes of every field one by one.
 */
static int all_ascii(const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	uint64_t seen = 0, word;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&word, s + i, 8);
		seen |= word;
	}
	if (n > i)
		seen |= tail_word(s + i, n - i);
	return !(seen & UINT64_C(0x8080808080808080));
}




/* The row's text columns. */
static int bill_row_texts(struct bill_mapping *m, const struct csv_row *row, struct charge *ch,
			  struct import_error *error)
{
	const char *s;

	ch->line_item_id = bill_text(m, row, F_LINE_ITEM_ID, NULL);
	ch->provider = m->format == FORMAT_CUR ? "AWS" : bill_text(m, row, F_PROVIDER, NULL);
	ch->billing_account_id = bill_text(m, row, F_BILLING_ACCOUNT, NULL);
	ch->sub_account_id = bill_text(m, row, F_SUB_ACCOUNT, NULL);
	ch->charge_description = bill_text(m, row, F_DESCRIPTION, NULL);
	ch->service_name = bill_text(m, row, F_SERVICE, NULL);
	if (!ch->service_name)
		ch->service_name = bill_text(m, row, F_SERVICE_CODE, NULL);
	ch->sku_id = bill_text(m, row, F_SKU, NULL);
	ch->resource_id = bill_text(m, row, F_RESOURCE, NULL);
	ch->region_id = bill_text(m, row, F_REGION, NULL);
	ch->pricing_unit = bill_text(m, row, F_UNIT, NULL);
	if ((s = bill_text(m, row, F_CURRENCY, NULL))) {
		if (currency_code(s, ch->currency) < 0)
			return bill_field_error(m, row, F_CURRENCY, error,
					   "not a three-letter currency code (ISO 4217)");
		ch->billing_currency = ch->currency;
	}
	ch->invoice_id = bill_text(m, row, F_INVOICE, NULL);
	ch->commitment_discount_status = bill_text(m, row, F_COMMITMENT_STATUS, NULL);
	ch->billing_account_name = bill_text(m, row, F_BILLING_ACCOUNT_NAME, NULL);
	ch->sub_account_name = bill_text(m, row, F_SUB_ACCOUNT_NAME, NULL);
	ch->invoice_issuer_name = bill_text(m, row, F_INVOICE_ISSUER, NULL);
	ch->publisher_name = bill_text(m, row, F_PUBLISHER, NULL);
	ch->host_provider_name = bill_text(m, row, F_HOST_PROVIDER, NULL);
	ch->service_category = bill_text(m, row, F_SERVICE_CATEGORY, NULL);
	ch->sku_price_id = bill_text(m, row, F_SKU_PRICE, NULL);
	ch->resource_name = bill_text(m, row, F_RESOURCE_NAME, NULL);
	ch->region_name = bill_text(m, row, F_REGION_NAME, NULL);
	ch->commitment_discount_id = bill_text(m, row, F_COMMITMENT_ID, NULL);
	ch->commitment_discount_category = bill_text(m, row, F_COMMITMENT_CATEGORY, NULL);
	ch->commitment_discount_type = bill_text(m, row, F_COMMITMENT_TYPE, NULL);
	ch->commitment_discount_name = bill_text(m, row, F_COMMITMENT_NAME, NULL);
	return 0;
}

/* The charge and billing periods. */
static int bill_row_periods(struct bill_mapping *m, const struct csv_row *row, struct charge *ch,
			    struct import_error *error)
{
	struct opt_i64 start, end;

	if (bill_time_field(m, row, F_CP_START, &m->last_time[0], &start, error) < 0 ||
	    bill_time_field(m, row, F_CP_END, &m->last_time[1], &end, error) < 0 ||
	    bill_time_field(m, row, F_BP_START, &m->last_time[2], &ch->billing_period_start, error) < 0 ||
	    bill_time_field(m, row, F_BP_END, &m->last_time[3], &ch->billing_period_end, error) < 0)
		return -1;
	if (!start.present)
		return bill_field_error(m, row, F_CP_START, error, "missing a required value");
	if (!end.present)
		return bill_field_error(m, row, F_CP_END, error, "missing a required value");
	if (end.value < start.value)
		return bill_field_error(m, row, F_CP_END, error, "ends before the charge period starts");
	ch->charge_period_start = start.value;
	ch->charge_period_end = end.value;
	return 0;
}

/* The costs, unit prices and quantity. */
static int bill_row_amounts(struct bill_mapping *m, const struct csv_row *row, struct charge *ch,
			    struct import_error *error)
{
	struct opt_i64 billed;
	const char *s;
	size_t n;

	if (bill_money_field(m, row, F_BILLED, &billed, &ch->rounded, error) < 0 ||
	    bill_money_field(m, row, F_EFFECTIVE, &ch->effective_cost, &ch->rounded, error) < 0 ||
	    bill_money_field(m, row, F_LIST, &ch->list_cost, &ch->rounded, error) < 0 ||
	    bill_money_field(m, row, F_CONTRACTED, &ch->contracted_cost, &ch->rounded, error) < 0 ||
	    bill_price_field(m, row, F_UNIT_PRICE, ch->unit_price, error) < 0 ||
	    bill_price_field(m, row, F_LIST_UNIT_PRICE, ch->list_unit_price, error) < 0)
		return -1;
	if (!billed.present)
		return bill_field_error(m, row, F_BILLED, error, "missing a required value");
	ch->billed_cost = billed.value;
	if (m->format == FORMAT_CUR && !ch->effective_cost.present)
		ch->effective_cost = billed;

	if ((s = bill_text(m, row, F_QUANTITY, &n))) {
		int status = number_parse(s, n, &ch->pricing_quantity);
		if (status != MONEY_OK)
			return bill_field_error(m, row, F_QUANTITY, error, money_strerror(status));
		ch->has_quantity = 1;
	}
	return 0;
}

/* ChargeCategory (or the CUR line item type), ChargeClass, PricingCategory. */
static int bill_row_categories(struct bill_mapping *m, const struct csv_row *row, struct charge *ch,
			       struct import_error *error)
{
	const char *s;

	if ((s = bill_text(m, row, F_CATEGORY, NULL))) {
		ch->charge_category = bill_lookup(m->format == FORMAT_CUR ? bill_cur_line_item_types :
					     focus_categories, s);
		if (!ch->charge_category)
			return bill_field_error(m, row, F_CATEGORY, error, m->format == FORMAT_CUR ?
					   "unknown line item type" :
					   "unknown charge category (Usage, Purchase, Tax, Credit, Adjustment)");
	}
	if ((s = bill_text(m, row, F_CLASS, NULL))) {
		if (strcasecmp(s, "Correction") != 0)
			return bill_field_error(m, row, F_CLASS, error,
					   "unknown charge class (null or Correction)");
		ch->charge_class = "Correction";
	}
	if ((s = bill_text(m, row, F_PRICING_CATEGORY, NULL))) {
		if (!(ch->pricing_category = bill_lookup(pricing_categories, s)))
			return bill_field_error(m, row, F_PRICING_CATEGORY, error,
					   "unknown pricing category (Standard, Dynamic, Committed, Other)");
	}
	return 0;
}

int bill_mapping_row(struct bill_mapping *m, const struct csv_row *row, struct charge *ch,
		     struct import_error *error)
{
	const char *s;
	size_t i;

	memset(ch, 0, sizeof *ch);
	ch->source_line = row->line;
	if (row->count != m->header_count)
		return import_error_set(error, m->file, row->line, NULL,
					"%zu fields where the header has %zu", row->count,
					m->header_count);
	for (i = 0; i < row->count; i++) {
		if (all_ascii(row->fields[i], row->lengths[i]))
			continue;
		if (field_check(row, (int)i, m->header[i], 0, m->file, error) < 0)
			return -1;
	}
	if (bill_row_texts(m, row, ch, error) < 0 || bill_row_periods(m, row, ch, error) < 0 ||
	    bill_row_amounts(m, row, ch, error) < 0 || bill_row_categories(m, row, ch, error) < 0)
		return -1;
	if (m->format == FORMAT_CUR) {
		if (bill_cur_row(m, row, ch, error) < 0)
			return -1;
	} else {
		if ((s = bill_text(m, row, F_INSTANCE_TYPE, NULL)))
			snprintf(ch->instance_type, sizeof ch->instance_type, "%s", s);
		ch->tags = bill_text(m, row, F_TAGS, NULL);
	}
	if (ch->tags && m->column[F_TAGS] >= 0 && (s = bill_text(m, row, F_TAGS, NULL)) == ch->tags) {
		/* Tags is a JSON object (FOCUS: key-value pairs); the ledger's json()
		 * checks the syntax, this the kind: [1,2], "x" and 1 are valid JSON. */
		while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		if (*s != '{')
			return bill_field_error(m, row, F_TAGS, error, "not a JSON object");
	}
	charge_row_key(ch);
	return 0;
}
