/*
 * charge_key.c: a charge's row key, from its typed record.
 *
 * The key is the identity of a bill line's content: two lines with the same
 * key say the same thing. It is taken from the mapped, parsed values, not
 * from the file's text, so that column order, quoting, extra empty columns,
 * number spelling (24.2250 and 24.22500 are the same nanos), time spelling,
 * line endings, a BOM or gzip do not make a line new. Every mapped value is
 * in it (amounts too): a restated amount is another line, which replaces the
 * old one when its statement is delivered again. A field added here is also
 * read back from its column by ledger/migrate_keys.c (tests/cli/migrate_row_keys.sh
 * checks that both agree on the bills it imports).
 */
#include "charge.h"

#include "rowhash.h"

#include <string.h>

/* Fields are valid UTF-8, so a lone 0xFF byte stands for "absent". */
static void add_text(struct rowhash *h, const char *s)
{
	if (s)
		rowhash_add(h, s, strlen(s));
	else
		rowhash_add(h, "\xff", 1);
}

static void add_i64(struct rowhash *h, int present, int64_t v)
{
	unsigned char buf[9];

	buf[0] = (unsigned char)present;
	memcpy(buf + 1, present ? &v : &(int64_t){0}, 8);
	rowhash_add(h, buf, sizeof buf);
}

static void add_opt(struct rowhash *h, const struct opt_i64 *v)
{
	add_i64(h, v->present, v->value);
}

void charge_row_key(struct charge *ch)
{
	struct rowhash h;
	double quantity = ch->pricing_quantity == 0 ? 0 : ch->pricing_quantity; /* -0 is 0 */
	int64_t quantity_bits;
	size_t i;

	rowhash_init(&h);
	add_text(&h, "charge-2");
	add_text(&h, ch->line_item_id);
	add_text(&h, ch->provider);
	add_text(&h, ch->billing_account_id);
	add_text(&h, ch->sub_account_id);
	add_opt(&h, &ch->billing_period_start);
	add_opt(&h, &ch->billing_period_end);
	add_i64(&h, 1, ch->charge_period_start);
	add_i64(&h, 1, ch->charge_period_end);
	add_text(&h, ch->charge_category);
	add_text(&h, ch->charge_class);
	add_text(&h, ch->charge_description);
	add_text(&h, ch->service_name);
	add_text(&h, ch->sku_id);
	add_text(&h, ch->resource_id);
	add_text(&h, ch->instance_type[0] ? ch->instance_type : NULL);
	add_text(&h, ch->region_id);
	add_text(&h, ch->pricing_category);
	memcpy(&quantity_bits, &quantity, sizeof quantity_bits);
	add_i64(&h, ch->has_quantity, quantity_bits);
	add_text(&h, ch->pricing_unit);
	/* canonical decimal text (price.h), "" when absent */
	add_text(&h, ch->unit_price[0] ? ch->unit_price : NULL);
	add_text(&h, ch->list_unit_price[0] ? ch->list_unit_price : NULL);
	add_i64(&h, 1, ch->billed_cost);
	add_opt(&h, &ch->effective_cost);
	add_opt(&h, &ch->list_cost);
	add_opt(&h, &ch->contracted_cost);
	add_text(&h, ch->billing_currency);
	add_text(&h, ch->invoice_id);
	add_text(&h, ch->commitment_discount_status);
	add_text(&h, ch->tags);
	add_text(&h, ch->commitment_discount_id);
	add_text(&h, ch->billing_account_name);
	add_text(&h, ch->sub_account_name);
	add_text(&h, ch->invoice_issuer_name);
	add_text(&h, ch->publisher_name);
	add_text(&h, ch->host_provider_name);
	add_text(&h, ch->service_category);
	add_text(&h, ch->sku_price_id);
	add_text(&h, ch->resource_name);
	add_text(&h, ch->region_name);
	add_text(&h, ch->commitment_discount_category);
	add_text(&h, ch->commitment_discount_type);
	add_text(&h, ch->commitment_discount_name);
	rowhash_final(&h, ch->row_key);
	/*
	 * The key's first 6 bytes are the charge period's start in seconds,
	 * big-endian: bills come roughly in time order, so the UNIQUE index
	 * grows near its end instead of at random places, which keeps a large
	 * import's index pages in the cache. 80 bits of hash remain, per start second.
	 */
	{
		int64_t seconds = ch->charge_period_start / 1000 + (INT64_C(1) << 46);
		for (i = 0; i < 6; i++)
			ch->row_key[i] = (unsigned char)((uint64_t)seconds >> (8 * (5 - i)));
	}
}
