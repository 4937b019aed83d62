#!/bin/sh
# tests/cli/reconcile_rules.sh: the rules of docs/reconcile.md one by one on
# a small November 2026: a half-paused hour on a running-time rate, the rate
# in force changing mid-month (as-of), wall-time billing of paused hours,
# idle time billed, unbilled usage, a correction, a tax line, a provider
# without rates, usage without a provider, a charge of the previous month,
# and the tolerance as a strict bound.
. "$TESTS/cli/lib.sh"
L="$work/l.db"
cl init >/dev/null || fail init
cat >"$work/rates.csv" <<'CSV'
provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to
GC,m1,,Standard,hour,10.00,USD,0.10,running,2026-11-01T00:00:00Z,2026-11-15T00:00:00Z
GC,m1,,Standard,hour,12.00,USD,0,running,2026-11-15T00:00:00Z,
AWS,big,,Standard,hour,5.00,USD,0,wall,2026-01-01T00:00:00Z,
CSV
cat >"$work/usage.csv" <<'CSV'
usage_start,usage_end,state,job_id,project,provider,account,resource_id,instance_type,pricing,gpus,epoch,planned_epochs,run_id
2026-11-02T00:00:00Z,2026-11-02T02:30:00Z,running,j1,p,GC,x,r1,m1,on-demand,8,,,
2026-11-02T02:30:00Z,2026-11-02T03:00:00Z,paused,j1,p,GC,x,r1,m1,on-demand,8,,,
2026-11-16T00:00:00Z,2026-11-16T02:00:00Z,running,j2,p,GC,x,r2,m1,on-demand,8,,,
2026-11-03T00:00:00Z,2026-11-03T01:00:00Z,running,j3,q,AWS,y,a1,big,on-demand,8,,,
2026-11-03T01:00:00Z,2026-11-03T02:00:00Z,paused,j3,q,AWS,y,a1,big,on-demand,8,,,
2026-11-03T02:00:00Z,2026-11-03T04:00:00Z,running,j3,q,AWS,y,a1,big,on-demand,8,,,
2026-11-04T00:00:00Z,2026-11-04T01:00:00Z,idle,j4,q,AWS,y,a2,big,on-demand,8,,,
2026-11-05T00:00:00Z,2026-11-05T01:00:00Z,running,j5,q,Other,z,o1,tiny,on-demand,1,,,
2026-11-05T00:00:00Z,2026-11-05T09:00:00Z,running,j6,q,,,node:gpu0,A100,,1,,,
CSV
cat >"$work/bill.csv" <<'CSV'
ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ChargeClass,ProviderName,ResourceId,SkuId,PricingCategory,PricingQuantity,ContractedUnitPrice,BilledCost,BillingCurrency
2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,Usage,,GC,r1,m1,Standard,1,9.00,9.00,USD
2026-11-02T01:00:00Z,2026-11-02T02:00:00Z,Usage,,GC,r1,m1,Standard,1,9.00,9.00,USD
2026-11-02T02:00:00Z,2026-11-02T03:00:00Z,Usage,,GC,r1,m1,Standard,1,9.00,9.00,USD
2026-11-16T00:00:00Z,2026-11-16T01:00:00Z,Usage,,GC,r2,m1,Standard,1,9.00,9.00,USD
2026-11-16T01:00:00Z,2026-11-16T02:00:00Z,Usage,,GC,r2,m1,Standard,1,9.00,9.00,USD
2026-11-03T00:00:00Z,2026-11-03T01:00:00Z,Usage,,AWS,a1,big,Standard,1,5.00,5.00,USD
2026-11-03T01:00:00Z,2026-11-03T02:00:00Z,Usage,,AWS,a1,big,Standard,1,5.00,5.00,USD
2026-11-03T02:00:00Z,2026-11-03T03:00:00Z,Usage,,AWS,a1,big,Standard,1,5.00,5.00,USD
2026-11-04T00:00:00Z,2026-11-04T01:00:00Z,Usage,,AWS,a2,big,Standard,1,5.00,5.00,USD
2026-11-03T00:00:00Z,2026-11-03T01:00:00Z,Adjustment,Correction,AWS,a1,big,Standard,1,,-1.00,USD
2026-11-01T00:00:00Z,2026-12-01T00:00:00Z,Tax,,AWS,,,,,,2.00,USD
2026-11-05T00:00:00Z,2026-11-05T01:00:00Z,Usage,,Other,o1,tiny,Standard,1,3.00,3.00,USD
2026-10-31T23:00:00Z,2026-11-01T00:00:00Z,Usage,,AWS,a9,big,Standard,1,5.00,5.00,USD
CSV
cl import --format rates "$work/rates.csv" >/dev/null || fail "rates"
cl import --format usage "$work/usage.csv" >/dev/null || fail "usage"
cl import "$work/bill.csv" >/dev/null || fail "bill"
cl reconcile --month 2026-11 >"$work/out.txt"
[ $? = 1 ] || { cat "$work/out.txt"; fail "exit status"; }
got=$(sqlite3 "$work/l.db" "SELECT kind, resource_id, billed, expected, difference, hours FROM findings WHERE reconciliation_id = 1 ORDER BY kind")
want="billed_while_paused|r1|4500000000|0|4500000000|0.5
correction|a1|-1000000000|0|-1000000000|1.0
rate_mismatch|r2|18000000000|24000000000|-6000000000|2.0
unbilled_usage|a1|0|5000000000|-5000000000|1.0"
[ "$got" = "$want" ] || { cat "$work/out.txt"; printf 'got:\n%s\nwant:\n%s\n' "$got" "$want"; fail "findings"; }
# Totals: billed = every November charge; expected = billed - differences.
[ "$(sqlite3 "$work/l.db" "SELECT charges_seen, billed_total, expected_total FROM reconciliations WHERE reconciliation_id = 1")" = \
	"12|69000000000|76500000000" ] || fail "run totals"
# The tolerance is a strict bound: 4.50 keeps only |difference| > 4.50.
cl reconcile --month 2026-11 --tolerance 4.50 >/dev/null
[ "$(sqlite3 "$work/l.db" "SELECT group_concat(kind) FROM (SELECT kind FROM findings WHERE reconciliation_id = 2 ORDER BY kind)")" = \
	"rate_mismatch,unbilled_usage" ] || fail "tolerance 4.50"
cl reconcile --month 2026-11 --provider GC >/dev/null
[ "$(sqlite3 "$work/l.db" "SELECT count(*), charges_seen FROM findings JOIN reconciliations USING (reconciliation_id) WHERE reconciliation_id = 3")" = "2|5" ] ||
	fail "--provider GC"
# A rate for sku '*' prices any SKU of its provider without a rate of its
# own (as the usage views do); an exact SKU's rate goes first.
"$COSTLEDGER" --ledger "$work/w.db" init >/dev/null || fail "init w.db"
cat >"$work/wrates.csv" <<'CSV'
provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to
W,*,,Standard,hour,2.00,USD,0,wall,2026-01-01T00:00:00Z,
W,x1,,Standard,hour,3.00,USD,0,wall,2026-01-01T00:00:00Z,
CSV
cat >"$work/wusage.csv" <<'CSV'
usage_start,usage_end,state,job_id,project,provider,account,resource_id,instance_type,pricing,gpus,epoch,planned_epochs,run_id
2026-11-06T00:00:00Z,2026-11-06T01:00:00Z,running,k1,p,W,x,w1,x1,on-demand,1,,,
2026-11-06T00:00:00Z,2026-11-06T01:00:00Z,running,k2,p,W,x,w2,x2,on-demand,1,,,
CSV
cat >"$work/wbill.csv" <<'CSV'
ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ProviderName,ResourceId,SkuId,PricingCategory,PricingQuantity,ContractedUnitPrice,BilledCost,BillingCurrency
2026-11-06T00:00:00Z,2026-11-06T01:00:00Z,Usage,W,w1,x1,Standard,1,3.00,3.00,USD
2026-11-06T00:00:00Z,2026-11-06T01:00:00Z,Usage,W,w2,x2,Standard,1,2.50,2.50,USD
CSV
for f in "--format rates $work/wrates.csv" "--format usage $work/wusage.csv" "$work/wbill.csv"; do
	# shellcheck disable=SC2086
	"$COSTLEDGER" --ledger "$work/w.db" import $f >/dev/null || fail "import $f"
done
"$COSTLEDGER" --ledger "$work/w.db" reconcile --month 2026-11 >"$work/wout.txt"
got=$(sqlite3 "$work/w.db" "SELECT kind, resource_id, billed, expected, difference, hours FROM findings ORDER BY kind, resource_id")
want="rate_mismatch|w2|2500000000|2000000000|500000000|1.0"
[ "$got" = "$want" ] || { cat "$work/wout.txt"; printf 'got:\n%s\nwant:\n%s\n' "$got" "$want"; fail "sku '*' rate"; }
echo "reconcile_rules: ok"
