#!/bin/sh
# tests/cli/report_fx_days.sh: `report --currency` converts each charge's
# amounts on that charge's own day, and sums after converting. One resource
# has two USD charges on either side of a USD -> EUR rate change (11-15),
# both above the USD rate card, so reconcile finds one rate_mismatch over
# both days. The report's EUR billed, expected and difference must be the
# per-charge conversions summed, recomputed here with Python's decimal:
# billed = sum fx(billed_c), difference = sum fx(billed_c - expected_c),
# expected = billed - difference (the first day's rate for both, as the
# finding's first day, is wrong).
. "$TESTS/cli/lib.sh"
cl init >/dev/null || fail init
cat > fx.csv <<'CSV'
date,from,to,rate
2026-11-01,USD,EUR,0.912345678
2026-11-15,USD,EUR,0.800000001
CSV
cat > rates.csv <<'CSV'
provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to
GC,m1,,Standard,hour,10.000000002,USD,0,wall,2026-01-01T00:00:00Z,
CSV
cat > usage.csv <<'CSV'
usage_start,usage_end,state,job_id,project,provider,account,resource_id,instance_type,pricing,gpus,epoch,planned_epochs,run_id
2026-11-14T00:00:00Z,2026-11-14T01:00:00Z,running,j1,p,GC,x,r1,m1,on-demand,1,,,
2026-11-16T00:00:00Z,2026-11-16T02:00:00Z,running,j2,p,GC,x,r1,m1,on-demand,1,,,
CSV
# (start, billed): one charge before the change, two after it.
charges="2026-11-14T00:00:00Z,12.345678901 2026-11-16T00:00:00Z,13.5 2026-11-16T01:00:00Z,10.000000007"
{
	echo "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ProviderName,ResourceId,SkuId,PricingQuantity,BilledCost,BillingCurrency,Tags"
	for c in $charges; do
		s=${c%,*} b=${c#*,}
		e=$(python3 -c 'import sys, datetime as d; t = d.datetime.strptime(sys.argv[1], "%Y-%m-%dT%H:%M:%SZ"); print((t + d.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ"))' "$s")
		echo "$s,$e,Usage,GC,r1,m1,1,$b,USD,\"{\"\"project\"\":\"\"p\"\"}\""
	done
} > bill.csv
cl import --format fx-rates fx.csv >/dev/null || fail "fx rates"
cl import --format rates rates.csv >/dev/null || fail "rates"
cl import --format usage usage.csv >/dev/null || fail "usage"
cl import bill.csv >/dev/null || fail "bill"
cl reconcile --month 2026-11 >rec.txt
[ $? = 1 ] || { cat rec.txt; fail "reconcile exit status"; }
expect "one finding over both days" \
	"$(sqlite3 "$L" "SELECT count(*) || ' ' || kind FROM findings WHERE reconciliation_id = 1")" "1 rate_mismatch"

# The rule, independently: each charge expected at 10.000000002 x 1 hour,
# each amount converted at the latest USD -> EUR rate on or before its day,
# half-even to the nano, then summed; printed half-even to the cent.
want() { # want CURRENCY -> "billed expected difference"
	python3 -c '
import csv, sys
from decimal import Decimal as D, ROUND_HALF_EVEN
cur, charges = sys.argv[1], sys.argv[2].split()
rows = list(csv.DictReader(open("fx.csv")))
nano = lambda x: int(x.quantize(D(1), rounding=ROUND_HALF_EVEN))
def fx(amount, day):
    if cur == "USD":
        return amount
    return nano(amount * D(max((r for r in rows if r["date"] <= day), key=lambda r: r["date"])["rate"]))
expected_c = nano(D("10.000000002") * 1 * 10**9)
billed = diff = 0
for c in charges:
    start, b = c.split(",")
    b = nano(D(b) * 10**9)
    billed += fx(b, start[:10])
    diff += fx(b - expected_c, start[:10])
cents = lambda n: str((D(n) / 10**9).quantize(D("0.01"), rounding=ROUND_HALF_EVEN))
print(cents(billed), cents(billed - diff), cents(diff))' "$1" "$charges"
}
got() { # got FILE -> the r1 row's "billed expected difference"
	python3 -c '
import json, sys
r = next(r for r in json.load(open(sys.argv[1]))["rows"] if r["group"] == "r1")
print(r["billed"], r["expected"], r["difference"])' "$1"
}
cl report --month 2026-11 --by resource --format json >usd.json || fail "report"
expect "report in USD" "$(got usd.json)" "$(want USD)"
cl report --month 2026-11 --by resource --currency EUR --format json >eur.json || fail "report --currency EUR"
expect "report --currency EUR, each charge on its day" "$(got eur.json)" "$(want EUR)"
# Not the first day's rate for the whole finding.
first=$(python3 -c 'from decimal import Decimal as D, ROUND_HALF_EVEN; print((D("5.845678906") * D("0.912345678")).quantize(D("0.01"), rounding=ROUND_HALF_EVEN))')
[ "$(got eur.json | cut -d" " -f3)" != "$first" ] || fail "difference at the first day's rate: $first"
echo "ok: report --currency converts each charge on its own day"
