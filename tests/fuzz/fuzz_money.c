/*
 * fuzz_money.c: money_parse on any text. Properties:
 *   - a parsed value formats with 9 decimals and parses back to the same
 *     nanos, without rounding;
 *   - money_format with 0..9 decimals succeeds and its text parses to
 *     money_round of the value with as many decimals;
 *   - decimal_parse and money_mul never crash, and mul by 1 is the identity.
 */
#include "money.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(cond, ...) do { if (!(cond)) { fprintf(stderr, "fuzz_money: " __VA_ARGS__); \
	fprintf(stderr, " [%s]\n", #cond); abort(); } } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	int64_t nanos, again, rounded_nanos, product;
	int rounded = 0, r2 = 0, status, decimals, len;
	char buf[MONEY_TEXT_MAX + 8];
	struct decimal d, one = {1, 0};

	status = money_parse(s, size, &nanos, &rounded);
	CHECK(status >= MONEY_OK && status <= MONEY_RANGE, "status %d", status);
	if (status == MONEY_OK) {
		len = money_format(nanos, 9, buf, sizeof buf);
		CHECK(len > 0, "money_format(%lld, 9) failed", (long long)nanos);
		CHECK(money_parse(buf, (size_t)len, &again, &r2) == MONEY_OK, "'%s' does not parse", buf);
		CHECK(again == nanos && r2 == 0, "%lld -> '%s' -> %lld", (long long)nanos, buf, (long long)again);
		for (decimals = 0; decimals <= 9; decimals++) {
			len = money_format(nanos, decimals, buf, sizeof buf);
			if (money_round(nanos, decimals, &rounded_nanos) != MONEY_OK) {
				/* Only near the int64 ends may rounding overflow. */
				CHECK(nanos > INT64_MAX - 1000000000 || nanos < INT64_MIN + 1000000000,
				      "money_round(%lld, %d) failed", (long long)nanos, decimals);
				continue;
			}
			CHECK(len > 0, "money_format(%lld, %d) failed", (long long)nanos, decimals);
			CHECK(money_parse(buf, (size_t)len, &again, NULL) == MONEY_OK &&
			      again == rounded_nanos, "money_format(%lld, %d) = '%s', money_round = %lld",
			      (long long)nanos, decimals, buf, (long long)rounded_nanos);
		}
		CHECK(money_mul(nanos, &one, &product) == MONEY_OK && product == nanos,
		      "money_mul(%lld, 1) = %lld", (long long)nanos, (long long)product);
	}
	if (decimal_parse(s, size, &d, NULL) == MONEY_OK && status == MONEY_OK)
		(void)money_mul(nanos, &d, &product);
	return 0;
}
