#!/bin/sh
# tests/cli/quantity_units.sh: the per-second quantity rule and the pricing
# of seconds for every unit of time a rate card can have (second, minute,
# hour, day). Each charge's quantity is in its rate's unit; where it is less
# than the period, the usage seconds are compared with it (an instance billed
# per second for the 30 minutes it ran), and a charge without a quantity is
# its period in that unit. Every line is billed exactly as the rule says but
# one, whose usage explains only half its quantity.
. "$TESTS/cli/lib.sh"

cl init >/dev/null || fail init
cat > rates.csv <<'CSV'
provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to
GC,s1,,Standard,second,0.0001,USD,0,wall,2026-01-01,
GC,m1,,Standard,Minutes,0.03,USD,0,wall,2026-01-01,
GC,h1,,Standard,hour,2.00,USD,0,wall,2026-01-01,
GC,d1,,Standard,day,48,USD,0,wall,2026-01-01,
GC,h2,,Standard,hour,1.0000000286,USD,0,wall,2026-01-01,
CSV
cat > usage.csv <<'CSV'
usage_start,usage_end,state,job_id,project,provider,account,resource_id,instance_type,pricing,gpus,epoch,planned_epochs,run_id
2026-11-02T00:00:00Z,2026-11-02T00:30:00Z,running,j1,p,GC,x,rs,s1,on-demand,1,,,
2026-11-02T00:10:00Z,2026-11-02T00:40:00Z,running,j2,p,GC,x,rm,m1,on-demand,1,,,
2026-11-02T00:00:00Z,2026-11-02T00:30:00Z,running,j3,p,GC,x,rh,h1,on-demand,1,,,
2026-11-03T06:00:00Z,2026-11-03T12:00:00Z,running,j4,p,GC,x,rd,d1,on-demand,1,,,
2026-11-04T00:00:00Z,2026-11-04T01:00:00Z,running,j5,p,GC,x,rw,m1,on-demand,1,,,
2026-11-05T00:00:00Z,2026-11-05T00:15:00Z,running,j6,p,GC,x,rx,m1,on-demand,1,,,
2026-11-06T00:00:00Z,2026-11-06T00:00:07Z,running,j7,p,GC,x,rt,h2,on-demand,1,,,
CSV
# rs: 1800 s at 0.0001/s; rm: 30 min at 0.03/min; rh: 0.5 h at 2.00/h;
# rd: a quarter of a day at 48/day; rw: no quantity, the hour is 60 min;
# rx: 30 min billed, 15 of them with usage; rt: 7 s unbilled at
# 1.0000000286/h, 1944444.50005 nanos (1944444 when the product of the
# price and the seconds is rounded before the division by 3600).
cat > bill.csv <<'CSV'
ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ProviderName,ResourceId,SkuId,PricingQuantity,BilledCost,BillingCurrency
2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,Usage,GC,rs,s1,1800,0.18,USD
2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,Usage,GC,rm,m1,30,0.90,USD
2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,Usage,GC,rh,h1,0.5,1.00,USD
2026-11-03T00:00:00Z,2026-11-04T00:00:00Z,Usage,GC,rd,d1,0.25,12.00,USD
2026-11-04T00:00:00Z,2026-11-04T01:00:00Z,Usage,GC,rw,m1,,1.80,USD
2026-11-05T00:00:00Z,2026-11-05T01:00:00Z,Usage,GC,rx,m1,30,0.90,USD
CSV
cl import --format rates rates.csv >/dev/null || fail "rates"
cl import --format usage usage.csv >/dev/null || fail "usage"
cl import bill.csv >/dev/null || fail "bill"
cl reconcile --month 2026-11 >out.txt
[ $? = 1 ] || { cat out.txt; fail "reconcile exit status"; }
got=$(sqlite3 "$L" "SELECT group_concat(kind || ' ' || resource_id || ' ' || billed || ' ' || expected || ' ' || hours, ';') FROM findings WHERE reconciliation_id = 1")
expect "findings" "$got" "unexplained_charge rx 450000000 0 0.25;unbilled_usage rt 0 1944445 0.00194444444444444"
# The views price the same usage per its unit: 30 min at 0.03/min is 0.90,
# 1800 s at 0.0001/s 0.18, 6 h at 48/day 12.00.
got=$("$COSTLEDGER" --ledger "$L" sql --csv "SELECT group_concat(resource_id || ' ' || cost, ';') FROM (SELECT resource_id, cost FROM usage_costed ORDER BY resource_id)" | sed 1d | tr -d '\r"')
expect "usage_costed" "$got" "rd 12000000000;rh 1000000000;rm 900000000;rs 180000000;rt 1944445;rw 1800000000;rx 450000000"
echo "ok: quantity_units"
