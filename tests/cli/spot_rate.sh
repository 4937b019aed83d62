#!/bin/sh
# tests/cli/spot_rate.sh: spot_summary.spot_rate is the highest spot rate of
# the job by value. Unit prices are TEXT: a job whose spot rate went from
# 9.5 to 10 has spot_rate 10 (the text maximum is '9.5'), and its savings
# are priced at it.
. "$TESTS/cli/lib.sh"
# Views through the CLI (its extension), as CSV without the header.
q() { "$COSTLEDGER" --ledger "$L" sql --csv "$1" | sed 1d | tr -d '\r"'; }

cl init >/dev/null || fail init
cat > rates.csv <<'CSV'
provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to
GC,m1,,Dynamic,hour,9.5,USD,0,wall,2026-11-01,2026-11-10
GC,m1,,Dynamic,hour,10,USD,0,wall,2026-11-10,
GC,m1,,Standard,hour,30,USD,0,wall,2026-01-01,
CSV
cat > usage.csv <<'CSV'
usage_start,usage_end,state,job_id,project,provider,account,resource_id,instance_type,pricing,gpus,epoch,planned_epochs,run_id
2026-11-09T00:00:00Z,2026-11-09T01:00:00Z,running,j1,p,GC,x,r1,m1,spot,1,,,
2026-11-10T00:00:00Z,2026-11-10T01:00:00Z,running,j1,p,GC,x,r1,m1,spot,1,,,
CSV
cl import --format rates rates.csv >/dev/null || fail rates
cl import --format usage usage.csv >/dev/null || fail usage
expect "spot_rate" "$(q "SELECT spot_rate || ' ' || savings_nanos FROM spot_summary WHERE job_id = 'j1'")" "10 40000000000"
echo "ok: spot_rate"
