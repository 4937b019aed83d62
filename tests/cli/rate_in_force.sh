#!/bin/sh
# tests/cli/rate_in_force.sh: one rule for the rate in force. One November
# ledger with regional rates (a card listing eu-west-1 before us-east-1), a
# '*' rate written with another case of the provider, usage and bills that
# spell the provider three ways, a price change in the middle of an interval,
# a spot line, and an unrelated regional rate beside the one a pause is
# priced at. The usage views, `reconcile` and `report` must price it alike,
# to the nano where they show nanos.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
L="$work/ledger.db"

fail() { echo "FAIL: $*"; exit 1; }
cl() { "$COSTLEDGER" --ledger "$L" "$@"; }
q() { "$COSTLEDGER" --ledger "$L" sql --csv "$1" | sed 1d | tr -d '\r"'; }
expect() { # expect WHAT GOT WANT
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}
# A report field from its JSON: report_field GROUP FIELD
report_field() {
	/usr/bin/python3 -c '
import json, sys
doc = json.load(open("report.json"))
rows = doc["rows"] + doc["totals"]
print(next(r[sys.argv[2]] for r in rows if r["group"] == sys.argv[1]))' "$1" "$2"
}
cents() { /usr/bin/python3 -c 'import sys; from decimal import Decimal, ROUND_HALF_EVEN; print((Decimal(sys.argv[1]) / 10**9).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN))' "$1"; }

cl init >/dev/null || fail init
cat > rates.csv <<'CSV'
provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to
AWS,p4,eu-west-1,Standard,hour,40.00,USD,0,wall,2025-01-01T00:00:00Z,
AWS,p4,us-east-1,Standard,hour,32.00,USD,0,wall,2026-01-01T00:00:00Z,
AWS,p4,us-east-1,Dynamic,hour,9.00,USD,0,wall,2026-01-01T00:00:00Z,
aws,*,,Standard,hour,1.000000001,USD,0,wall,2026-01-01T00:00:00Z,
GC,m1,,Standard,hour,10.00,USD,0,running,2026-11-01T00:00:00Z,2026-11-15T00:00:00Z
GC,m1,,Standard,hour,12.00,USD,0,running,2026-11-15T00:00:00Z,
GC,m1,asia-1,Standard,hour,10.00,USD,0,running,2026-11-01T00:00:00Z,
CSV
cat > usage.csv <<'CSV'
usage_start,usage_end,state,job_id,project,provider,account,resource_id,instance_type,pricing,gpus,epoch,planned_epochs,run_id
2026-11-02T00:00:00Z,2026-11-02T02:00:00Z,running,j1,p,Aws,x,r1,p4,on-demand,8,,,
2026-11-03T00:00:00Z,2026-11-03T01:00:00Z,running,j2,p,AWS,x,r2,p4,spot,8,,,
2026-11-04T00:00:00Z,2026-11-04T03:00:00Z,running,j3,p,aws,x,r3,x9,on-demand,1,,,
2026-11-14T23:00:00Z,2026-11-15T01:00:00Z,running,j4,p,GC,x,g1,m1,on-demand,8,,,
2026-11-20T00:00:00Z,2026-11-20T01:00:00Z,running,j5,p,GC,x,g2,m1,on-demand,8,,,
2026-11-20T01:00:00Z,2026-11-20T02:00:00Z,paused,j5,p,GC,x,g2,m1,on-demand,8,,,
2026-11-21T00:00:00Z,2026-11-21T02:00:00Z,running,j6,p,gc,x,g3,m1,on-demand,8,,,
CSV
# Every line but the spot one and g2's is billed 0.01, so that reconcile
# shows what it expected for it.
cat > bill.csv <<'CSV'
ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ProviderName,ResourceId,SkuId,RegionId,PricingCategory,PricingQuantity,BilledCost,BillingCurrency
2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,Usage,AWS,r1,p4,us-east-1,Standard,1,0.01,USD
2026-11-02T01:00:00Z,2026-11-02T02:00:00Z,Usage,AWS,r1,p4,us-east-1,Standard,1,0.01,USD
2026-11-03T00:00:00Z,2026-11-03T01:00:00Z,Usage,aws,r2,p4,us-east-1,Dynamic,1,9.00,USD
2026-11-04T00:00:00Z,2026-11-04T03:00:00Z,Usage,AWS,r3,x9,,Standard,3,0.01,USD
2026-11-14T23:00:00Z,2026-11-15T00:00:00Z,Usage,GC,g1,m1,,Standard,1,0.01,USD
2026-11-15T00:00:00Z,2026-11-15T01:00:00Z,Usage,GC,g1,m1,,Standard,1,0.01,USD
2026-11-20T00:00:00Z,2026-11-20T01:00:00Z,Usage,GC,g2,m1,,Standard,1,10.00,USD
CSV
cl import --format rates rates.csv >/dev/null || fail "rates"
cl import --format usage usage.csv >/dev/null || fail "usage"
cl import bill.csv >/dev/null || fail "bill"
cl reconcile --month 2026-11 >out.txt
[ $? = 1 ] || { cat out.txt; fail "reconcile exit status"; }
cl report --month 2026-11 --by resource --format json >report.json || fail "report"

# Views against reconcile, per resource, to the nano: the cost of the
# running usage is what reconcile expected for its charges (or unbilled
# usage); r2 reconciles, so its expected is what it was billed.
for res in r1 r3 g1 g2 g3; do
	view=$(q "SELECT sum(cost) FROM usage_costed WHERE resource_id = '$res' AND state = 'running'")
	rec=$(sqlite3 "$L" "SELECT sum(expected) FROM findings WHERE reconciliation_id = 1 AND resource_id = '$res' AND kind IN ('rate_mismatch', 'unbilled_usage')")
	expect "views vs reconcile, $res" "$view" "$rec"
done
expect "views vs reconcile, r2" "$(q "SELECT cost FROM usage_costed WHERE resource_id = 'r2'")" 9000000000
total_views=$(q "SELECT sum(cost) FROM usage_costed")
expect "views' total" "$total_views" 134000000003
expect "reconcile's expected total" "$(sqlite3 "$L" "SELECT expected_total FROM reconciliations WHERE reconciliation_id = 1")" "$total_views"

# Views against the report (which shows cents).
expect "report expected total" "$(report_field total expected)" "$(cents "$total_views")"
for res in r1 r3 g1 g2 g3; do
	view=$(q "SELECT sum(cost) FROM usage_costed WHERE resource_id = '$res' AND state = 'running'")
	expect "report expected, $res" "$(report_field $res expected)" "$(cents "$view")"
done
expect "report spot savings vs spot_summary" "$(report_field r2 spot_savings)" \
	"$(cents "$(q "SELECT savings_nanos FROM spot_summary WHERE job_id = 'j2'")")"
expect "spot_summary on-demand rate" "$(q "SELECT on_demand_rate FROM spot_summary WHERE job_id = 'j2'")" 32
# The pause of g2 at the region-less 12.00 rate, once (asia-1's rate does not join in).
expect "report pause savings vs pause_savings" "$(report_field g2 pause_savings)" \
	"$(cents "$(q "SELECT paused_cost_wall FROM pause_savings WHERE job_id = 'j5'")")"
expect "pause savings value" "$(report_field g2 pause_savings)" "12.00"
# The rule itself: us-east-1 for the us-east-1 line, '*' across cases, the
# region-less GC rate before asia-1's, the rate of the second half hour.
expect "rate for r1's line" "$(q "SELECT unit_price FROM rates WHERE rate_id = rate_in_force('aws', 'p4', NULL, 'Standard', 'us-east-1', '2026-11-02T00:00:00Z')")" 32
expect "rate for r3" "$(q "SELECT sku FROM rates WHERE rate_id = rate_in_force('AWS', 'x9', NULL, NULL, NULL, '2026-11-04T00:00:00Z')")" "*"
expect "rate for g1 at 11-15" "$(q "SELECT unit_price FROM rates WHERE rate_id = rate_in_force('gc', 'm1', NULL, NULL, NULL, '2026-11-15T00:30:00Z')")" 12

echo "ok: rate_in_force"
