#!/bin/sh
# tests/cli/amortized_cur_block.sh: a Capacity Block for ML from an AWS CUR's
# own lines (tests/amortized/cur-capacity-block.csv, docs/amortized.md): the
# upfront Fee is spread over the block's hours by the seconds each covers,
# exactly (the three shares of 100.00 over 72 hours add up to 100.00 to the
# nano), into report --cost effective, export --cost effective and
# commitment_use; the hand-computed figures of docs/amortized.md; and the
# same block as a legacy CUR has it.
. "$TESTS/cli/lib.sh"
B="$TESTS/amortized/cur-capacity-block.csv"
ARN="arn:aws:ec2:us-east-2:111122223333:capacity-reservation/cr-0123456789abcdef0"

total() { # total MONTH COST: the report's total
	cl report --month "$1" --cost "$2" --format json >r.json || fail "report $*"
	sqlite3 :memory: "SELECT json_extract(readfile('r.json'), '\$.total.billed')"
}
lines() {
	cl sql --csv "SELECT source_line || ':' || billed_cost || ':' || effective_cost || ':' || coalesce(commitment_discount_status, '')
	  FROM charges ORDER BY source_line" | sed 1d | tr -d '"' | tr '\n' ' '
}
cl init >/dev/null || fail "init"
cl import "$B" >/dev/null || fail "import"
# docs/amortized.md: the fee line 0, each day its OS fee plus floor-spread shares
expect "lines" "$(lines)" "2:100000000000:0: 3:2400000000:35733333333:Used 4:2400000000:35733333333:Used 5:0:33333333334:Unused "
expect "the shares add up to the fee" "$(cl sql --csv "SELECT sum(effective_cost) - sum(billed_cost) FROM charges" | sed 1d | tr -d '"')" 0
expect "May billed" "$(total 2024-05 billed)" "102.40"
expect "May effective" "$(total 2024-05 effective)" "35.73"
expect "June billed" "$(total 2024-06 billed)" "2.40"
expect "June effective" "$(total 2024-06 effective)" "69.07"
expect "commitment use" "$(cl sql --csv "SELECT month || '|' || used || '|' || unused || '|' || utilisation FROM commitment_use WHERE commitment_discount_id = '$ARN' ORDER BY month" | sed 1d | tr -d '"' | tr '\n' ' ')" \
	"2024-05|35733333333|0|100.0 2024-06|35733333333|33333333334|51.74 "
cl export --month 2024-06 --what summary --cost effective -o s.csv || fail "export"
expect "export summary" "$(sed -n 2p s.csv | cut -d, -f1,3)" "llm,69.07"
# the same file again adds nothing and spreads the same
cl import "$B" >/dev/null || fail "import again"
expect "again" "$(lines)" "2:100000000000:0: 3:2400000000:35733333333:Used 4:2400000000:35733333333:Used 5:0:33333333334:Unused "
# a fee without the block's hours in the ledger is not spread: it keeps its cost
new="$work/fee-only.db"
head -2 "$B" >fee.csv
"$COSTLEDGER" --ledger "$new" init >/dev/null && "$COSTLEDGER" --ledger "$new" import fee.csv >/dev/null || fail "fee only"
expect "fee only" "$("$COSTLEDGER" --ledger "$new" sql --csv "SELECT effective_cost FROM charges" | sed 1d | tr -d '"')" 100000000000
# an on-demand capacity reservation (no Fee line) is left as billed
sed '2d' "$B" >odcr.csv
"$COSTLEDGER" --ledger "$work/odcr.db" init >/dev/null && "$COSTLEDGER" --ledger "$work/odcr.db" import odcr.csv >/dev/null || fail "odcr"
expect "no fee: as billed" "$("$COSTLEDGER" --ledger "$work/odcr.db" sql --csv "SELECT group_concat(effective_cost) FROM charges" | sed 1d | tr -d '"')" "2400000000,2400000000,0"

# The same block in a legacy CUR (tests/amortized/cur-legacy-capacity-block.csv),
# which has no capacity reservation columns (CUR 2.0 added them): the
# reservation is named only as lineItem/ResourceId (an ARN with
# capacity-reservation/cr-) of the fee and of its Reservation (used) and
# UnusedBox (unused) hours; the instance lines name the instance and bill the
# OS fee. The fee is spread over the reservation's hours, the instance lines
# stay as billed, and the months come to the same totals as above.
L="$work/legacy.db"
cl init >/dev/null && cl import "$TESTS/amortized/cur-legacy-capacity-block.csv" >/dev/null || fail "legacy import"
expect "legacy lines" "$(cl sql --csv "SELECT source_line || ':' || billed_cost || ':' || effective_cost || ':' || coalesce(commitment_discount_id = '$ARN', 0) || ':' || coalesce(commitment_discount_status, '')
  FROM charges ORDER BY source_line" | sed 1d | tr -d '"' | tr '\n' ' ')" \
	"2:100000000000:0:1: 3:0:33333333333:1:Used 4:2400000000:2400000000:0: 5:0:33333333333:1:Used 6:2400000000:2400000000:0: 7:0:33333333334:1:Unused "
expect "legacy May billed" "$(total 2024-05 billed)" "102.40"
expect "legacy May effective" "$(total 2024-05 effective)" "35.73"
expect "legacy June effective" "$(total 2024-06 effective)" "69.07"
expect "legacy instance lines" "$(cl sql --csv "SELECT count(*) FROM charges WHERE resource_id = 'i-0aaa' AND commitment_discount_id IS NULL" | sed 1d | tr -d '"')" 2
echo "ok: amortized_cur_block"
