#!/bin/sh
# tests/cli/amortized.sh: billed against effective (amortized) cost and
# commitment use. The FOCUS 1.2 spec example (an unused commitment) and the
# hand-made GPU capacity block of docs/amortized.md give the totals and the
# commitment use computed there by hand; a small CUR with every commitment
# line type gives AWS's amortized cost per line (RIFee, DiscountedUsage,
# SavingsPlanCoveredUsage, SavingsPlanNegation, SavingsPlanRecurringFee).
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

fail() { echo "FAIL: $*"; exit 1; }
expect() { # expect WHAT GOT WANT
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}
total() { # total LEDGER MONTH COST: the report's total row
	"$COSTLEDGER" --ledger "$1" report --month "$2" --cost "$3" --format json >r.json || fail "report $*"
	sqlite3 :memory: "SELECT json_extract(readfile('r.json'), '\$.total.billed') || ' ' || json_extract(readfile('r.json'), '\$.cost')"
}
use() { # use LEDGER: commitment_use as id|month|used|unused|utilisation (the view needs the extension: through the CLI)
	"$COSTLEDGER" --ledger "$1" sql --csv "SELECT commitment_discount_id || '|' || month || '|' || used || '|' || unused || '|' || utilisation FROM commitment_use ORDER BY 1" |
		sed 1d | tr -d '"'
}

# 1. The FOCUS 1.2 example: a commitment bought (billed 1.50, effective 0),
# not used (billed 0, effective 1.50), and an on-demand VM (2.00 both).
L=spec.db
"$COSTLEDGER" --ledger $L init >/dev/null && "$COSTLEDGER" --ledger $L import "$TESTS/data/focus-1.2-spec-example_commitment-unused.csv" >/dev/null || fail "import"
expect "spec billed" "$(total $L 2023-01 billed)" "3.50 billed"
expect "spec effective" "$(total $L 2023-01 effective)" "3.50 effective"
expect "spec commitment use" "$(use $L)" "<my-commitment-discount-id>|2023-01|0|1500000000|0.0"
"$COSTLEDGER" --ledger $L report --month 2023-01 >out.txt
grep -q "^<my-commitment-discount-id> .* 0.00 .* 1.50 .* 0.00%$" out.txt || fail "report section: $(cat out.txt)"

# 2. The capacity block (docs/amortized.md): 72.00 paid on 31 May for 72
# hours, 24 used in May, 24 used and 24 unused in June.
L=block.db
"$COSTLEDGER" --ledger $L init >/dev/null && "$COSTLEDGER" --ledger $L import "$TESTS/amortized/focus-capacity-block.csv" >/dev/null || fail "import block"
expect "May billed" "$(total $L 2024-05 billed)" "72.00 billed"
expect "May effective" "$(total $L 2024-05 effective)" "24.00 effective"
expect "June billed" "$(total $L 2024-06 billed)" "0.00 billed"
expect "June effective" "$(total $L 2024-06 effective)" "48.00 effective"
expect "block use" "$(use $L)" "cb-1|2024-05|24000000000|0|100.0
cb-1|2024-06|24000000000|24000000000|50.0"
"$COSTLEDGER" --ledger $L export --month 2024-06 --what summary --cost effective -o s.csv || fail "export summary"
expect "export summary" "$(sed -n 1p s.csv | cut -d, -f3) $(sed -n 2p s.csv | cut -d, -f1,3)" "effective llm,48.00"
"$COSTLEDGER" --ledger $L export --month 2024-06 --what charges --cost effective -o c.csv || fail "export charges"
expect "export charges" "$(sed -n 1p c.csv | cut -d, -f14) $(sed 1d c.csv | cut -d, -f14 | tr '\n' ' ')" "effective_cost 24.00 24.00 "
"$COSTLEDGER" --ledger $L export --month 2024-06 --what usage --cost effective -o u.csv 2>err.txt
expect "--cost for usage" "$?" 2
"$COSTLEDGER" --ledger $L report --month 2024-06 --cost amortised >/dev/null 2>err.txt
expect "bad --cost" "$?" 2
grep -q "report: --cost: 'amortised' (billed, effective)" err.txt || fail "bad --cost: $(cat err.txt)"

# 3. A CUR hour with every commitment line type.
cat >cur.csv <<'CSV'
identity/LineItemId,identity/TimeInterval,bill/PayerAccountId,lineItem/UsageStartDate,lineItem/UsageEndDate,lineItem/LineItemType,lineItem/UnblendedCost,lineItem/CurrencyCode,lineItem/ResourceId,reservation/EffectiveCost,reservation/UnusedAmortizedUpfrontFeeForBillingPeriod,reservation/UnusedRecurringFee,reservation/ReservationARN,savingsPlan/SavingsPlanEffectiveCost,savingsPlan/TotalCommitmentToDate,savingsPlan/UsedCommitment,savingsPlan/SavingsPlanARN
l1,2024-03-01T00:00:00Z/2024-03-01T01:00:00Z,111,2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,Usage,1.00,USD,i-1,,,,,,,,
l2,2024-03-01T00:00:00Z/2024-03-01T01:00:00Z,111,2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,DiscountedUsage,0,USD,i-2,0.60,,,arn:ri-1,,,,
l3,2024-03-01T00:00:00Z/2024-04-01T00:00:00Z,111,2024-03-01T00:00:00Z,2024-04-01T00:00:00Z,RIFee,10.00,USD,,,0.30,0.10,arn:ri-1,,,,
l4,2024-03-01T00:00:00Z/2024-03-01T01:00:00Z,111,2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,SavingsPlanCoveredUsage,2.00,USD,i-3,,,,,1.20,,,arn:sp-1
l5,2024-03-01T00:00:00Z/2024-03-01T01:00:00Z,111,2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,SavingsPlanNegation,-2.00,USD,i-3,,,,,,,,arn:sp-1
l6,2024-03-01T00:00:00Z/2024-04-01T00:00:00Z,111,2024-03-01T00:00:00Z,2024-04-01T00:00:00Z,SavingsPlanRecurringFee,5.00,USD,,,,,,,5.00,4.20,arn:sp-1
l7,2024-03-01T00:00:00Z/2024-04-01T00:00:00Z,111,2024-03-01T00:00:00Z,2024-04-01T00:00:00Z,Tax,0.50,USD,,,,,,,,,
CSV
L=cur.db
"$COSTLEDGER" --ledger $L init >/dev/null && "$COSTLEDGER" --ledger $L import cur.csv >out.txt || fail "import CUR: $(cat out.txt)"
expect "CUR per line" "$(sqlite3 $L "SELECT line_item_id, billed_cost, effective_cost, coalesce(commitment_discount_id, ''), coalesce(commitment_discount_status, '') FROM charges ORDER BY line_item_id")" \
"l1|1000000000|1000000000||
l2|0|600000000|arn:ri-1|Used
l3|10000000000|400000000|arn:ri-1|
l4|2000000000|1200000000|arn:sp-1|Used
l5|-2000000000|0|arn:sp-1|
l6|5000000000|800000000|arn:sp-1|
l7|500000000|500000000||"
expect "CUR billed" "$(total $L 2024-03 billed)" "16.50 billed"
expect "CUR effective" "$(total $L 2024-03 effective)" "4.50 effective"
expect "CUR commitment use" "$(use $L)" "arn:ri-1|2024-03|600000000|400000000|60.0
arn:sp-1|2024-03|1200000000|800000000|60.0"
echo "ok: amortized"
