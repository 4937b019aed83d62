#!/bin/sh
# tests/cli/amortized_cur_block_later.sh: a Capacity Block's fee is spread
# again whenever an import brings lines of a capacity reservation (its hours
# after the fee, in an incremental delivery) and only then: an import of
# other charges leaves the spread as it was (the import skips the re-spread
# when its rows hold no capacity-reservation line and replaced none).
. "$TESTS/cli/lib.sh"
B="$TESTS/amortized/cur-capacity-block.csv"
spread() {
	cl sql --csv "SELECT group_concat(line_item_id || '=' || effective_cost, ' ') FROM
	  (SELECT line_item_id, effective_cost FROM charges
	   WHERE commitment_discount_id LIKE '%:capacity-reservation/%' ORDER BY line_item_id)" |
		sed 1d | tr -d '"'
}
L="$work/whole.db"
cl init >/dev/null && cl import "$B" >/dev/null || fail "whole file"
whole=$(spread)
expect "the whole file: spread (docs/amortized.md)" "$whole" "cb-d1=35733333333 cb-d2=35733333333 cb-d3=33333333334 cb-fee=0"

# the fee first, its hours later (the same statement, --delivery incremental)
L="$work/later.db"
head -2 "$B" >fee.csv
{ head -1 "$B"; sed -n '3,$p' "$B"; } >hours.csv
cl init >/dev/null && cl import fee.csv >/dev/null || fail "fee"
cl import --delivery incremental hours.csv >out.txt 2>&1 || fail "hours: $(cat out.txt)"
expect "hours after the fee: spread as the whole file" "$(spread)" "$whole"

# another provider's bill: nothing of the block changes
cl import "$top/samples/gpucloud-focus-2026-10.csv" >out.txt 2>&1 || fail "focus bill: $(cat out.txt)"
expect "a bill without reservation lines: the spread stays" "$(spread)" "$whole"
echo "ok: amortized_cur_block_later"
