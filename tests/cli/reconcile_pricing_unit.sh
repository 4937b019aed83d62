#!/bin/sh
# tests/cli/reconcile_pricing_unit.sh: the per-second quantity rule reads a
# charge's quantity in the bill's own PricingUnit when that is a unit of
# time (rate_unit_seconds: Seconds, Minutes, Hours, Days), not in the rate's.
# An hourly rate; hourly FOCUS lines that bill 1800 Seconds, 45 Minutes and
# 0.25 Hours, each for as much usage, at exactly rate x quantity (recomputed
# here with Python's decimal, half-even to the nano): no finding, expected =
# billed. Read in the rate's unit (hours), 1800 would be far more than the
# hour and its cost 1800 x the rate.
. "$TESTS/cli/lib.sh"
cl init >/dev/null || fail init
cat > rates.csv <<'CSV'
provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to
GC,m1,,Standard,hour,3.000000001,USD,0,wall,2026-01-01T00:00:00Z,
CSV
# resource, start hour, quantity, unit, usage minutes (r4: half a second
# billed, a minute of usage behind it: usage is written to the second).
lines="r1 00 1800 Seconds 30
r2 02 45 Minutes 45
r3 04 0.25 Hours 15
r4 06 0.5 seconds 1"
cost() { # cost QUANTITY UNIT: 3.000000001 per hour x quantity in hours, to the nano
	python3 -c '
import sys
from decimal import Decimal as D, ROUND_HALF_EVEN
q, unit = D(sys.argv[1]), sys.argv[2].lower()
hours = q * {"seconds": 1, "minutes": 60, "hours": 3600}[unit] / 3600
print((D("3.000000001") * hours).quantize(D("1e-9"), rounding=ROUND_HALF_EVEN))' "$1" "$2"
}
{
	echo "usage_start,usage_end,state,job_id,project,provider,account,resource_id,instance_type,pricing,gpus,epoch,planned_epochs,run_id"
	echo "$lines" | while read -r r h q u m; do
		end=$(python3 -c 'import sys; h, m = int(sys.argv[1]), int(sys.argv[2]); print("%02d:%02d:00" % (h + m // 60, m % 60))' "$h" "$m")
		echo "2026-11-02T$h:00:00Z,2026-11-02T${end}Z,running,j$r,p,GC,x,$r,m1,on-demand,1,,,"
	done
} > usage.csv
{
	echo "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ProviderName,ResourceId,SkuId,PricingQuantity,PricingUnit,BilledCost,BillingCurrency"
	echo "$lines" | while read -r r h q u m; do
		e=$(printf '%02d' $((${h#0} + 1)))
		echo "2026-11-02T$h:00:00Z,2026-11-02T$e:00:00Z,Usage,GC,$r,m1,$q,$u,$(cost "$q" "$u"),USD"
	done
} > bill.csv
cl import --format rates rates.csv >/dev/null || fail "rates"
cl import --format usage usage.csv >/dev/null || fail "usage"
cl import bill.csv >/dev/null || fail "bill"
cl reconcile --month 2026-11 >rec.txt
status=$?
[ $status = 0 ] || { cat rec.txt; fail "reconcile: exit status $status, want 0 (no finding)"; }
expect "findings" "$(sqlite3 "$L" "SELECT count(*) FROM findings")" 0
expect "expected = billed" "$(sqlite3 "$L" "SELECT billed_total - expected_total FROM reconciliation_totals")" 0
expect "billed" "$(sqlite3 "$L" "SELECT billed_total FROM reconciliation_totals")" \
	"$(python3 -c '
import sys
from decimal import Decimal as D
print(int(sum(D(x) for x in sys.argv[1:]) * 10**9))' $(echo "$lines" | while read -r r h q u m; do cost "$q" "$u"; done))"
echo "ok: a bill's PricingUnit of time sets the seconds of its quantity"
