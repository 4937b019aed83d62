/*
 * export_focus.c: charges as a FOCUS cost and usage file.
 *
 * Every column is a SQL expression over the ledger's charges (the table
 * below); the rules that turn what the bill said into what FOCUS allows
 * (nulls where FOCUS requires null, the billing period from the charge's
 * month, the service category from the service name, ...) are in those
 * expressions and nowhere else, and docs/exports.md lists them. A first pass
 * counts, per column, the rows whose value would break the column's FOCUS
 * rule: a mandatory column then stops the export (a value the bill lacks
 * can be given with --fill), a conditional one is written as x_NAME, so
 * that nothing the ledger kept is lost and the FOCUS columns conform. A
 * conditional column the month has no value for is left out.
 */
#include "export_focus.h"

#include "ledger.h"
#include "reconcile.h"

#include "money.h"
#include "price_check.h"

#include <csv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* What a value is: t text, m money (nanos), p unit price (nanos, or decimal
 * text once prices are stored as text), q quantity (REAL). */
struct focus_column {
	const char *name;
	char type;
	char level;             /* M mandatory, R recommended, C conditional, X our own */
	int versions;           /* 12: FOCUS 1.2 and later, 13: 1.3 only */
	const char *value;      /* SQL over the row source r */
	const char *required;   /* SQL: FOCUS requires a value in this row */
	const char *forbidden;  /* SQL: FOCUS requires null in this row */
	const char *allowed;    /* SQL list of the allowed values */
	int fill;               /* enum focus_fill, or -1 */
	const char *cost;       /* a unit price: the cost it times PricingQuantity must be */
};

#define USAGE_OR_PURCHASE "r.needs_price"
#define HAS_CD "r.commitment_discount_id IS NOT NULL"

/* FOCUS 1.2's allowed ServiceCategory values. */
#define SERVICE_CATEGORIES \
	"'AI and Machine Learning', 'Analytics', 'Business Applications', 'Compute', 'Databases'," \
	" 'Developer Tools', 'Multicloud', 'Identity', 'Integration', 'Internet of Things'," \
	" 'Management and Governance', 'Media', 'Migration', 'Mobile', 'Networking', 'Security'," \
	" 'Storage', 'Web', 'Other'"

static const struct focus_column columns[] = {
	{"BillingAccountId", 't', 'M', 12, "coalesce(r.billing_account_id, r.fill_account)", "1", NULL, NULL, FILL_ACCOUNT, NULL},
	{"BillingAccountName", 't', 'M', 12, "r.billing_account_name", NULL, NULL, NULL, -1, NULL},
	{"SubAccountId", 't', 'C', 12, "r.sub_account_id", NULL, NULL, NULL, -1, NULL},
	{"SubAccountName", 't', 'C', 12,
	 "CASE WHEN r.sub_account_id IS NOT NULL THEN coalesce(r.sub_account_name, r.sub_account_id) END",
	 NULL, NULL, NULL, -1, NULL},
	{"BillingPeriodStart", 't', 'M', 12,
	 "coalesce(r.billing_period_start, strftime('%Y-%m-01T00:00:00Z', r.charge_period_start))",
	 "1", NULL, NULL, -1, NULL},
	{"BillingPeriodEnd", 't', 'M', 12,
	 "coalesce(r.billing_period_end,"
	 " strftime('%Y-%m-%dT00:00:00Z', r.charge_period_start, 'start of month', '+1 month'))",
	 "1", NULL, NULL, -1, NULL},
	{"ChargePeriodStart", 't', 'M', 12, "r.charge_period_start", "1", NULL, NULL, -1, NULL},
	{"ChargePeriodEnd", 't', 'M', 12, "r.charge_period_end", "1", NULL, NULL, -1, NULL},
	{"ChargeCategory", 't', 'M', 12, "r.category", "1", NULL,
	 "'Usage', 'Purchase', 'Tax', 'Credit', 'Adjustment'", FILL_CATEGORY, NULL},
	{"ChargeClass", 't', 'M', 12, "r.charge_class", NULL, NULL, "'Correction'", -1, NULL},
	{"ChargeDescription", 't', 'M', 12, "r.charge_description", NULL, NULL, NULL, -1, NULL},
	{"ProviderName", 't', 'M', 12, "r.provider_name", "1", NULL, NULL, FILL_PROVIDER, NULL},
	{"ServiceProviderName", 't', 'M', 13, "r.provider_name", "1", NULL, NULL, FILL_PROVIDER, NULL},
	{"HostProviderName", 't', 'M', 13, "coalesce(r.host_provider_name, r.provider_name)", NULL, NULL, NULL, -1, NULL},
	{"PublisherName", 't', 'M', 12, "coalesce(r.publisher_name, r.provider_name)", "1", NULL, NULL, FILL_PROVIDER, NULL},
	{"InvoiceIssuerName", 't', 'M', 12, "coalesce(r.invoice_issuer_name, r.provider_name)", "1", NULL, NULL,
	 FILL_PROVIDER, NULL},
	/* Recommended, and the column that tells a 1.2 file from a 1.0 one. */
	{"InvoiceId", 't', 'R', 12, "r.invoice_id", NULL, NULL, NULL, -1, NULL},
	{"ServiceName", 't', 'M', 12, "r.service", "1", NULL, NULL, FILL_SERVICE, NULL},
	{"ServiceCategory", 't', 'M', 12,
	 "CASE WHEN r.service_category IN (" SERVICE_CATEGORIES ") THEN r.service_category"
	 " ELSE r.mapped_category END", "r.service IS NOT NULL", NULL, SERVICE_CATEGORIES, -1, NULL},
	{"SkuId", 't', 'C', 12, "r.sku", USAGE_OR_PURCHASE, NULL, NULL, -1, NULL},
	{"SkuPriceId", 't', 'C', 12, "r.sku_price", USAGE_OR_PURCHASE, NULL, NULL, -1, NULL},
	{"ResourceId", 't', 'C', 12, "r.resource_id", NULL, NULL, NULL, -1, NULL},
	{"ResourceName", 't', 'C', 12, "CASE WHEN r.resource_id IS NOT NULL THEN r.resource_name END",
	 NULL, NULL, NULL, -1, NULL},
	{"RegionId", 't', 'C', 12, "r.region_id", NULL, NULL, NULL, -1, NULL},
	{"RegionName", 't', 'C', 12, "CASE WHEN r.region_id IS NOT NULL THEN coalesce(r.region_name, r.region_id) END",
	 NULL, NULL, NULL, -1, NULL},
	{"PricingCategory", 't', 'C', 12, "CASE WHEN r.sku_price IS NOT NULL THEN r.pricing_category END",
	 USAGE_OR_PURCHASE, NULL, "'Standard', 'Dynamic', 'Committed', 'Other'", -1, NULL},
	{"PricingQuantity", 'q', 'M', 12, "CASE WHEN r.sku_price IS NOT NULL THEN r.pricing_quantity END",
	 USAGE_OR_PURCHASE, NULL, NULL, -1, NULL},
	{"PricingUnit", 't', 'M', 12,
	 "CASE WHEN r.sku_price IS NOT NULL AND r.pricing_quantity IS NOT NULL"
	 " THEN coalesce(r.pricing_unit, r.fill_unit) END",
	 "r.sku_price IS NOT NULL AND r.pricing_quantity IS NOT NULL", NULL, NULL, FILL_UNIT, NULL},
	/* A unit price without its cost would make ListCost the BilledCost,
	 * which the price times the quantity need not be. */
	{"ListUnitPrice", 'p', 'C', 12, "CASE WHEN r.sku_price IS NOT NULL THEN r.list_unit_price END",
	 USAGE_OR_PURCHASE " OR r.sku_price IS NOT NULL",
	 "r.list_cost IS NULL AND r.list_unit_price IS NOT NULL", NULL, -1, "ListCost"},
	{"ContractedUnitPrice", 'p', 'C', 12, "CASE WHEN r.sku_price IS NOT NULL THEN r.unit_price END",
	 USAGE_OR_PURCHASE " OR r.sku_price IS NOT NULL", NULL, NULL, -1, "ContractedCost"},
	{"BilledCost", 'm', 'M', 12, "r.billed_cost", "1", NULL, NULL, -1, NULL},
	{"EffectiveCost", 'm', 'M', 12, "coalesce(r.effective_cost, r.billed_cost)", "1", NULL, NULL, -1, NULL},
	{"ListCost", 'm', 'M', 12, "coalesce(r.list_cost, r.billed_cost)", "1", NULL, NULL, -1, NULL},
	{"ContractedCost", 'm', 'M', 12, "coalesce(r.contracted_cost, r.billed_cost)", "1", NULL, NULL, -1, NULL},
	{"BillingCurrency", 't', 'M', 12, "r.currency", "1", NULL, NULL, FILL_CURRENCY, NULL},
	{"CommitmentDiscountId", 't', 'C', 12, "r.commitment_discount_id", NULL, NULL, NULL, -1, NULL},
	{"CommitmentDiscountCategory", 't', 'C', 12, "r.commitment_discount_category", HAS_CD,
	 "NOT " HAS_CD, "'Spend', 'Usage'", -1, NULL},
	{"CommitmentDiscountType", 't', 'C', 12, "r.commitment_discount_type", HAS_CD, "NOT " HAS_CD, NULL, -1, NULL},
	{"CommitmentDiscountName", 't', 'C', 12, "r.commitment_discount_name", NULL, "NOT " HAS_CD, NULL, -1, NULL},
	{"CommitmentDiscountStatus", 't', 'C', 12, "r.commitment_discount_status",
	 HAS_CD " AND r.category = 'Usage'", "NOT " HAS_CD, "'Used', 'Unused'", -1, NULL},
	{"Tags", 't', 'C', 12,
	 "CASE WHEN r.tags IS NOT NULL THEN r.tags"
	 " WHEN r.project IS NOT NULL THEN json_object('project', r.project) END", NULL, NULL, NULL, -1, NULL},
	{"x_InstanceType", 't', 'X', 12, "r.instance_type", NULL, NULL, NULL, -1, NULL},
};
#define COLUMNS (sizeof columns / sizeof columns[0])

/* The --fill names, in the order of enum focus_fill. */
static const char *const fill_names[FOCUS_FILLS] = {
	"ProviderName", "BillingAccountId", "BillingCurrency", "ServiceName", "ChargeCategory",
	"PricingUnit",
};

/*
 * ServiceCategory when the bill gave none: the first pattern the service
 * name (lower case) matches, in rank order; "Other" as FOCUS says when none
 * does. docs/exports.md lists the same table.
 */
static const char service_categories_sql[] =
	"WITH service_categories (rank, pattern, category) AS (VALUES"
	" (1, '%machine learning%', 'AI and Machine Learning'), (1, '%sagemaker%', 'AI and Machine Learning'),"
	" (1, '%bedrock%', 'AI and Machine Learning'), (1, '%openai%', 'AI and Machine Learning'),"
	" (2, '%database%', 'Databases'), (2, '%sql%', 'Databases'), (2, '%dynamodb%', 'Databases'),"
	" (2, '%rds%', 'Databases'), (2, '%cache%', 'Databases'),"
	" (3, '%storage%', 'Storage'), (3, '%s3%', 'Storage'), (3, '%block store%', 'Storage'),"
	" (3, '%glacier%', 'Storage'), (3, '%backup%', 'Storage'),"
	" (4, '%queue%', 'Integration'), (4, '%notification%', 'Integration'),"
	" (4, '%sqs%', 'Integration'), (4, '%sns%', 'Integration'),"
	" (5, '%network%', 'Networking'), (5, '%cloudfront%', 'Networking'), (5, '%data transfer%', 'Networking'),"
	" (5, '%load balanc%', 'Networking'), (5, '%vpc%', 'Networking'), (5, '%dns%', 'Networking'),"
	" (5, '%route 53%', 'Networking'),"
	" (6, '%cloudwatch%', 'Management and Governance'), (6, '%monitor%', 'Management and Governance'),"
	" (6, '%cloudtrail%', 'Management and Governance'),"
	" (7, '%key management%', 'Security'), (7, '%kms%', 'Security'), (7, '%security%', 'Security'),"
	" (7, '%secrets%', 'Security'),"
	" (8, '%compute%', 'Compute'), (8, '%ec2%', 'Compute'), (8, '%gpu%', 'Compute'),"
	" (8, '%virtual machine%', 'Compute'), (8, '%lambda%', 'Compute'), (8, '%container%', 'Compute'),"
	" (8, '%kubernetes%', 'Compute'), (8, '%batch%', 'Compute'),"
	" (9, '%', 'Other'))";

/* The month's charges with what several columns share; ?1 ?2 the month,
 * ?3.. the --fill values. */
static const char rows_sql[] =
	", b AS (SELECT c.*, coalesce(c.provider, ?3) AS provider_name, ?4 AS fill_account,"
	"  coalesce(c.billing_currency, ?5) AS currency, coalesce(c.service_name, ?6) AS service,"
	"  coalesce(c.charge_category, ?7) AS category, ?8 AS fill_unit"
	"  FROM charges c WHERE c.charge_period_start >= ?1 AND c.charge_period_start < ?2),"
	/* The category of each service name once, not per charge. */
	" sc AS (SELECT service AS sc_service, (SELECT category FROM service_categories"
	"  WHERE lower(service) LIKE pattern ORDER BY rank LIMIT 1) AS mapped_category"
	"  FROM (SELECT DISTINCT coalesce(service_name, ?6) AS service FROM charges"
	"   WHERE charge_period_start >= ?1 AND charge_period_start < ?2)),"
	" p AS (SELECT b.*, category IN ('Usage', 'Purchase') AND charge_class IS NULL AS needs_price,"
	"  CASE WHEN category IS NOT 'Tax' THEN coalesce(sku_id, instance_type) END AS sku,"
	"  sc.mapped_category FROM b LEFT JOIN sc ON sc.sc_service = b.service),"
	/* FOCUS 1.3 ties quantities and unit prices to SkuPriceId: a charge has
	 * one when it is usage or a purchase, or carries both unit prices and
	 * they times its quantity are its costs (a credit's are not). */
	" r AS (SELECT p.*, CASE WHEN sku IS NOT NULL AND (needs_price OR"
	"  (list_unit_price IS NOT NULL AND unit_price IS NOT NULL AND"
	"   NOT coalesce(focus_product_differs(list_unit_price, pricing_quantity,"
	"    coalesce(list_cost, billed_cost)), 0) AND"
	"   NOT coalesce(focus_product_differs(unit_price, pricing_quantity,"
	"    coalesce(contracted_cost, billed_cost)), 0)))"
	"  THEN coalesce(sku_price_id, sku) END AS sku_price FROM p)";

static void product_differs(sqlite3_context *ctx, int argc, sqlite3_value **argv);

struct focus_plan {
	sqlite3 *db;
	const struct focus_options *options;
	const char *start, *end;
	int written[COLUMNS];       /* 0 left out, 1 as named, 2 as x_NAME */
};

int focus_version_set(struct focus_options *o, const char *text)
{
	if (!strcmp(text, "1.2"))
		o->version = 12;
	else if (!strcmp(text, "1.3"))
		o->version = 13;
	else
		return -1;
	return 0;
}

/* Whether value is in the allowed list of the columns --fill f gives. */
static int fill_allowed(int f, const char *value)
{
	char quoted[256];
	size_t i;

	snprintf(quoted, sizeof quoted, "'%s'", value);
	for (i = 0; i < COLUMNS; i++)
		if (columns[i].fill == f && columns[i].allowed && !strstr(columns[i].allowed, quoted))
			return 0;
	return !strchr(value, '\'');
}

int focus_fill_set(struct focus_options *o, const char *arg)
{
	const char *eq = strchr(arg, '=');
	int i;

	for (i = 0; eq && eq[1] && i < FOCUS_FILLS; i++) {
		if (strlen(fill_names[i]) != (size_t)(eq - arg) || strncmp(arg, fill_names[i], (size_t)(eq - arg)))
			continue;
		if (i == FILL_CURRENCY) {
			if (currency_code(eq + 1, o->currency) < 0) {
				error_exit(EXIT_USAGE, "export: --fill: not a three-letter currency code: '%s'", eq + 1);
				return -1;
			}
			o->fill[i] = o->currency;
		} else if (!fill_allowed(i, eq + 1)) {
			error_exit(EXIT_USAGE, "export: --fill: %s '%s' is not a value FOCUS allows",
				   fill_names[i], eq + 1);
			return -1;
		} else {
			o->fill[i] = eq + 1;
		}
		return 0;
	}
	error_exit(EXIT_USAGE, "export: --fill: '%s' (COLUMN=VALUE; columns: ProviderName,"
		   " BillingAccountId, BillingCurrency, ServiceName, ChargeCategory, PricingUnit)", arg);
	return -1;
}

static int in_version(const struct focus_column *c, int version)
{
	return c->versions <= version;
}

/* "WITH ... SELECT <values as v0..>, <required as q0..>, <forbidden as z0..>, ...
 * FROM r": one row per charge. */
static char *inner_sql(void)
{
	char *sql = sqlite3_mprintf("%s%s SELECT r.charge_id, r.charge_period_start AS cps,"
				    " r.source_file, r.source_line", service_categories_sql, rows_sql);
	size_t i;

	for (i = 0; sql && i < COLUMNS; i++) {
		int k = (int)i;
		char *next = sqlite3_mprintf("%s, %s AS v%d, %s AS q%d, %s AS z%d", sql, columns[i].value, k,
					     columns[i].required ? columns[i].required : "0", k,
					     columns[i].forbidden ? columns[i].forbidden : "0", k);
		sqlite3_free(sql);
		sql = next;
	}
	return sql ? sqlite3_mprintf("%z FROM r", sql) : NULL;
}

static void bind_month(sqlite3_stmt *st, const struct focus_plan *p)
{
	int i;

	sqlite3_bind_text(st, 1, p->start, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->end, -1, SQLITE_STATIC);
	for (i = 0; i < FOCUS_FILLS; i++)
		sqlite3_bind_text(st, 3 + i, p->options->fill[i], -1, SQLITE_STATIC);
}

static int column_index(const char *name)
{
	size_t i;

	for (i = 0; i < COLUMNS && strcmp(columns[i].name, name); i++)
		;
	return (int)i;
}

/* Per column: how many values, how many rows break its rule, the first of them. */
static char *check_sql(const char *inner)
{
	char *sql = sqlite3_mprintf("SELECT count(*)");
	size_t i;

	for (i = 0; sql && i < COLUMNS; i++) {
		int k = (int)i;
		char *broken = columns[i].allowed ?
			sqlite3_mprintf("(q%d AND v%d IS NULL) OR (z%d AND v%d IS NOT NULL) OR"
					" (v%d IS NOT NULL AND v%d NOT IN (%s))", k, k, k, k, k, k, columns[i].allowed) :
			sqlite3_mprintf("(q%d AND v%d IS NULL) OR (z%d AND v%d IS NOT NULL)", k, k, k, k);
		if (broken && columns[i].cost) {
			char *with = sqlite3_mprintf("%s OR (v%d IS NULL AND"
						     " coalesce(focus_product_differs(v%d, v%d, v%d), 0))", broken,
						     column_index("ChargeClass"), k, column_index("PricingQuantity"),
						     column_index(columns[i].cost));
			sqlite3_free(broken);
			broken = with;
		}
		char *next = broken ? sqlite3_mprintf("%s, count(v%d), total(%s),"
						      " min(CASE WHEN %s THEN printf('%%020d %%s:%%d', charge_id,"
						      " source_file, source_line) END)", sql, k, broken, broken) : NULL;
		sqlite3_free(broken);
		sqlite3_free(sql);
		sql = next;
	}
	return sql ? sqlite3_mprintf("%z FROM (%s)", sql, inner) : NULL;
}

/* Why a mandatory column cannot be written; returns EXIT_USAGE. */
static int refuse(const struct focus_column *c, sqlite3_int64 rows, const char *first)
{
	const char *where = first && strlen(first) > 21 ? first + 21 : "?";

	if (c->allowed && c->fill < 0)
		return error_exit(EXIT_USAGE, "export: %lld charges would have a %s FOCUS does not allow"
				  " (first: %s)", (long long)rows, c->name, where);
	if (c->fill >= 0)
		return error_exit(EXIT_USAGE, "export: %lld charges have no %s, which FOCUS requires"
				  " (first: %s); give it with --fill %s=VALUE", (long long)rows,
				  fill_names[c->fill], where, fill_names[c->fill]);
	return error_exit(EXIT_USAGE, "export: %lld charges have no %s, which FOCUS requires"
			  " (first: %s)", (long long)rows, c->name, where);
}

int focus_plan_make(sqlite3 *db, const char *start, const char *end,
		    const struct focus_options *o, struct focus_plan **out)
{
	struct focus_plan *p = calloc(1, sizeof *p);
	char *inner = inner_sql(), *sql = inner ? check_sql(inner) : NULL;
	sqlite3_stmt *st = NULL;
	int rc, result = EXIT_LEDGER;
	unsigned refused = 0;
	size_t i;

	*out = NULL;
	if (!p || !sql ||
	    sqlite3_create_function(db, "focus_product_differs", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
				    NULL, product_differs, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		goto done;
	p->db = db;
	p->options = o;
	p->start = start;
	p->end = end;
	bind_month(st, p);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW)
		goto done;
	result = 0;
	for (i = 0; i < COLUMNS; i++) {
		const struct focus_column *c = &columns[i];
		sqlite3_int64 values = sqlite3_column_int64(st, (int)(1 + 3 * i));
		sqlite3_int64 broken = (sqlite3_int64)sqlite3_column_double(st, (int)(2 + 3 * i));
		const char *first = (const char *)sqlite3_column_text(st, (int)(3 + 3 * i));

		if (!in_version(c, o->version))
			continue;
		if (c->level == 'M' && broken > 0) {
			/* Columns made from one --fill value are reported once. */
			if (c->fill < 0 || !(refused & (1u << c->fill)))
				result = refuse(c, broken, first);
			if (c->fill >= 0)
				refused |= 1u << c->fill;
			continue;
		}
		if ((c->level == 'C' || c->level == 'X') && values == 0)
			continue;
		p->written[i] = 1;
		if (c->level == 'C' && broken > 0) {
			p->written[i] = 2;
			fprintf(stderr, "costledger: export: %lld charges break FOCUS's rule for %s (first: %s);"
				" written as x_%s\n", (long long)broken, c->name,
				first && strlen(first) > 21 ? first + 21 : "?", c->name);
		}
	}
done:
	if (result == EXIT_LEDGER)
		error_exit(EXIT_LEDGER, "export: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	sqlite3_free(sql);
	sqlite3_free(inner);
	if (result == 0)
		*out = p;
	else
		free(p);
	return result;
}

/* A quantity as plain decimal text: FOCUS's numeric format has no exponent. */
static void quantity_text(double q, char *buf, size_t size)
{
	int exponent, digits;
	char *dot, *last;

	snprintf(buf, size, "%.15g", q);
	if (!strchr(buf, 'e'))
		return;
	exponent = q == 0 ? 0 : (int)floor(log10(fabs(q)));
	digits = 14 - exponent;
	snprintf(buf, size, "%.*f", digits > 0 ? (digits < 340 ? digits : 340) : 0, q);
	if ((dot = strchr(buf, '.'))) {
		for (last = buf + strlen(buf) - 1; last > dot && *last == '0'; last--)
			*last = 0;
		if (last == dot)
			*dot = 0;
	}
}

/* A value as the file has it: NULL for a null; buf or the value's own text. */
static const char *value_text(sqlite3_value *v, char type, char *buf, size_t size)
{
	int t = sqlite3_value_type(v);

	if (t == SQLITE_NULL)
		return NULL;
	if (type == 'm' || (type == 'p' && t == SQLITE_INTEGER)) {
		reconcile_money_text(sqlite3_value_int64(v), buf, size);
		return buf;
	}
	if (type == 'q' && t != SQLITE_TEXT) {
		quantity_text(sqlite3_value_double(v), buf, size);
		return buf;
	}
	return (const char *)sqlite3_value_text(v);
}

/*
 * focus_product_differs(price, quantity, cost): 1 when the cost, as the
 * export writes it, is not the price times the quantity as written, by the
 * rule `costledger validate` checks (price_check_product); NULL when one is
 * null.
 */
static void product_differs(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char price[400], quantity[400], cost[400];
	const char *p = value_text(argv[0], 'p', price, sizeof price);
	const char *q = value_text(argv[1], 'q', quantity, sizeof quantity);
	const char *c = value_text(argv[2], 'm', cost, sizeof cost);

	if (p && q && c)
		sqlite3_result_int(ctx, price_check_product(p, strlen(p), q, strlen(q), c, strlen(c)) !=
					PRICE_CHECK_MATCHES);
}

static void write_value(sqlite3_stmt *st, int col, char type, FILE *out)
{
	char buf[400];
	const char *s = value_text(sqlite3_column_value(st, col), type, buf, sizeof buf);

	if (!s)
		return;
	/* Text as is (this file is data, not a spreadsheet), quoted when it must be. */
	if (type == 't' && (strpbrk(s, ",\"\r\n") || s[0] == ' '))
		csv_fwrite(out, s, strlen(s));
	else
		fputs(s, out);
}

int focus_plan_write(struct focus_plan *p, FILE *out, const char *eol)
{
	char *inner = inner_sql(), *sql = inner ? sqlite3_mprintf("SELECT * FROM (%s) ORDER BY cps, charge_id",
								  inner) : NULL;
	sqlite3_stmt *st = NULL;
	size_t i, n = 0, k;
	int rc = SQLITE_NOMEM;

	sqlite3_free(inner);
	if (!sql || (rc = sqlite3_prepare_v2(p->db, sql, -1, &st, NULL)) != SQLITE_OK)
		goto done;
	bind_month(st, p);
	for (i = 0; i < COLUMNS; i++) {
		if (!p->written[i])
			continue;
		fprintf(out, "%s%s%s", n++ ? "," : "", p->written[i] == 2 ? "x_" : "", columns[i].name);
	}
	fputs(eol, out);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = k = 0; i < COLUMNS; i++) {
			if (!p->written[i])
				continue;
			if (k++)
				fputc(',', out);
			/* v<i> is column 4 + 3 i of the inner select. */
			write_value(st, (int)(4 + 3 * i), columns[i].type, out);
		}
		fputs(eol, out);
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
done:
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return rc;
}

void focus_plan_free(struct focus_plan *p)
{
	free(p);
}
