#!/bin/sh
# tests/cli/amortized_cur_block_legacy.sh: a Capacity Block for ML in a
# legacy CUR, which has no capacityReservation/ columns (CUR 2.0 added them):
# the reservation is named only as the line's lineItem/ResourceId (an ARN with
# capacity-reservation/cr-), on its own Reservation (used) and UnusedBox
# (unused) hours; the instance lines name the instance and bill the OS fee.
# The upfront fee (USE2-CapacityBlockFee:...) is spread over the reservation's
# hours as in docs/amortized.md, to the same month totals as the CUR 2.0 example.
. "$TESTS/cli/lib.sh"
B="$TESTS/amortized/cur-legacy-capacity-block.csv"
ARN="arn:aws:ec2:us-east-2:111122223333:capacity-reservation/cr-0123456789abcdef0"

total() { # total MONTH COST: the report's total
	cl report --month "$1" --cost "$2" --format json >r.json || fail "report $*"
	sqlite3 :memory: "SELECT json_extract(readfile('r.json'), '\$.total.billed')"
}
lines() {
	cl sql --csv "SELECT source_line || ':' || billed_cost || ':' || effective_cost || ':' || coalesce(commitment_discount_id = '$ARN', 0) || ':' || coalesce(commitment_discount_status, '')
	  FROM charges ORDER BY source_line" | sed 1d | tr -d '"' | tr '\n' ' '
}
cl init >/dev/null || fail "init"
cl import "$B" >/dev/null || fail "import"
# the fee 0; each reservation day its floor-spread share; the instance lines as billed
expect "lines" "$(lines)" "2:100000000000:0:1: 3:0:33333333333:1:Used 4:2400000000:2400000000:0: 5:0:33333333333:1:Used 6:2400000000:2400000000:0: 7:0:33333333334:1:Unused "
expect "the shares add up to the fee" "$(cl sql --csv "SELECT sum(effective_cost) - sum(billed_cost) FROM charges" | sed 1d | tr -d '"')" 0
expect "May billed" "$(total 2024-05 billed)" "102.40"
expect "May effective" "$(total 2024-05 effective)" "35.73"
expect "June effective" "$(total 2024-06 effective)" "69.07"
expect "commitment use" "$(cl sql --csv "SELECT month || '|' || used || '|' || unused FROM commitment_use WHERE commitment_discount_id = '$ARN' ORDER BY month" | sed 1d | tr -d '"' | tr '\n' ' ')" \
	"2024-05|33333333333|0 2024-06|33333333333|33333333334 "
# an instance's own id is not a reservation: a line naming i-... stays its own
expect "instance lines" "$(cl sql --csv "SELECT count(*) FROM charges WHERE resource_id = 'i-0aaa' AND commitment_discount_id IS NULL" | sed 1d | tr -d '"')" 2
echo "ok: amortized_cur_block_legacy"
