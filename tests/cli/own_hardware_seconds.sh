#!/bin/sh
# tests/cli/own_hardware_seconds.sh: own hardware's seconds are priced with
# the one exact product, price_mul(hourly cost, seconds x GPUs, 3600 x the
# machine's GPUs), rounded once. A machine costing 1.0000026 per hour for 7 s
# is exactly 1944449.5 nanos: a tie, to the even 1944450. Through a REAL
# ratio (7 / 3600.0 is 0.0019444444444444444, a hair below) it was 1944449.
. "$TESTS/cli/lib.sh"

printf 'machine,gpus,purchase_cost,currency,purchase_date,lifetime_years,watts,price_per_kwh,pue\nbox,2,0,USD,2026-01-01,3,1000,1.0000026,1\n' > hw.csv
printf 'usage_start,usage_end,state,job_id,project,provider,account,resource_id,instance_type,pricing,gpus,epoch,planned_epochs,run_id\n%s\n%s\n' \
	"2026-11-02T00:00:00Z,2026-11-02T00:00:07Z,running,j1,p,,x,box,box,own,2,,,," \
	"2026-11-03T00:00:00Z,2026-11-03T00:00:14Z,running,j2,p,,x,box,box,own,1,,,," > u.csv
cl init >/dev/null || fail init
cl import hw.csv >/dev/null || fail "hardware"
cl import --format usage u.csv >/dev/null || fail "usage"
got=$("$COSTLEDGER" --ledger "$L" sql --csv "SELECT group_concat(job_id || ' ' || cost, ';') FROM (SELECT job_id, cost FROM usage_costed ORDER BY job_id)" | sed 1d | tr -d '\r"')
# j2: 14 s on 1 of 2 GPUs is the same share of the machine as j1's 7 s on both.
expect "own hardware seconds" "$got" "j1 1944450;j2 1944450"
echo "ok: own_hardware_seconds"
