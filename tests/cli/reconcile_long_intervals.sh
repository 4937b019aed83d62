#!/bin/sh
# tests/cli/reconcile_long_intervals.sh: matching bounds its index scans by
# each resource's longest usage interval and longest charge. A 40-hour usage
# interval still covers the charges of its last hours while another resource
# has only one-hour intervals; a 38-hour and a 24-hour charge cover the usage
# of their last hours; providers match whatever their case ('gc' usage, a
# 'GC' charge); the one hour of usage that no charge covers is the only finding.
. "$TESTS/cli/lib.sh"
L="$work/l.db"
cl init >/dev/null || fail init
cat >"$work/rates.csv" <<'CSV'
provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to
GC,m1,,Standard,hour,10.00,USD,0,running,2026-01-01T00:00:00Z,
CSV
cat >"$work/usage.csv" <<'CSV'
usage_start,usage_end,state,job_id,project,provider,account,resource_id,instance_type,pricing,gpus,epoch,planned_epochs,run_id
2026-11-10T00:00:00Z,2026-11-11T16:00:00Z,running,long,p,GC,x,L,m1,on-demand,8,,,
2026-11-11T13:00:00Z,2026-11-11T14:00:00Z,running,short,p,GC,x,S,m1,on-demand,8,,,
2026-11-11T14:00:00Z,2026-11-11T15:00:00Z,running,short,p,GC,x,S,m1,on-demand,8,,,
2026-11-11T15:00:00Z,2026-11-11T16:00:00Z,running,short,p,GC,x,S,m1,on-demand,8,,,
2026-11-20T00:00:00Z,2026-11-20T23:00:00Z,running,day,p,GC,x,D,m1,on-demand,8,,,
2026-11-20T23:00:00Z,2026-11-21T00:00:00Z,running,day,p,GC,x,D,m1,on-demand,8,,,
2026-11-25T00:00:00Z,2026-11-25T01:00:00Z,running,case,p,gc,x,C,m1,on-demand,8,,,
CSV
cat >"$work/bill.csv" <<'CSV'
ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ChargeClass,ProviderName,ResourceId,SkuId,PricingCategory,PricingQuantity,ContractedUnitPrice,BilledCost,BillingCurrency
2026-11-10T00:00:00Z,2026-11-11T14:00:00Z,Usage,,GC,L,m1,Standard,38,10.00,380.00,USD
2026-11-11T14:00:00Z,2026-11-11T15:00:00Z,Usage,,GC,L,m1,Standard,1,10.00,10.00,USD
2026-11-11T15:00:00Z,2026-11-11T16:00:00Z,Usage,,GC,L,m1,Standard,1,10.00,10.00,USD
2026-11-11T14:00:00Z,2026-11-11T15:00:00Z,Usage,,GC,S,m1,Standard,1,10.00,10.00,USD
2026-11-11T15:00:00Z,2026-11-11T16:00:00Z,Usage,,GC,S,m1,Standard,1,10.00,10.00,USD
2026-11-20T00:00:00Z,2026-11-21T00:00:00Z,Usage,,GC,D,m1,Standard,24,10.00,240.00,USD
2026-11-25T00:00:00Z,2026-11-25T01:00:00Z,Usage,,GC,C,m1,Standard,1,10.00,10.00,USD
CSV
cl import --format rates "$work/rates.csv" >/dev/null || fail "rates"
cl import --format usage "$work/usage.csv" >/dev/null || fail "usage"
cl import "$work/bill.csv" >/dev/null || fail "bill"
cl reconcile --month 2026-11 >"$work/out.txt"
[ $? = 1 ] || { cat "$work/out.txt"; fail "exit status"; }
got=$(sqlite3 "$work/l.db" "SELECT kind, resource_id, billed, expected, difference, hours, usage_ids FROM findings WHERE reconciliation_id = 1 ORDER BY kind")
want="unbilled_usage|S|0|10000000000|-10000000000|1.0|[2]"
[ "$got" = "$want" ] || { cat "$work/out.txt"; printf 'got:\n%s\nwant:\n%s\n' "$got" "$want"; fail "findings"; }
[ "$(sqlite3 "$work/l.db" "SELECT charges_seen, usage_seen, billed_total, expected_total FROM reconciliations WHERE reconciliation_id = 1")" = \
	"7|7|670000000000|680000000000" ] || fail "run totals"
echo "reconcile_long_intervals: ok"
