#!/bin/sh
# tests/cli/fx_rule.sh: one fx rule. One November ledger with USD -> EUR
# rates on several days, a gap of days without one, a rate dated after the
# last charge, and a charge before the first rate (in October). Reconcile
# (a USD rate card against EUR lines), the budget_status view (USD lines
# against EUR budgets), report --currency EUR and fx_convert() itself must
# convert each amount alike, to the nano where they show nanos, and as the
# rule says, recomputed here with Python's decimal.
. "$TESTS/cli/lib.sh"
# Views through the CLI (its extension), as CSV without the header.
q() { "$COSTLEDGER" --ledger "$L" sql --csv "$1" | sed 1d | tr -d '\r"'; }

# The rule, independently: the latest USD -> EUR row on or before the day,
# times the amount, half-even to the nano once; "none" without a row.
want() { # want AMOUNT_NANOS DAY
	python3 -c '
import csv, sys
from decimal import Decimal, ROUND_HALF_EVEN
amount, day = int(sys.argv[1]), sys.argv[2]
rows = [r for r in csv.DictReader(open("fx.csv"))
        if r["from"] == "USD" and r["to"] == "EUR" and r["date"] <= day]
if not rows:
    print("none"); sys.exit()
rate = Decimal(max(rows, key=lambda r: r["date"])["rate"])
print(int((amount * rate).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)))' "$1" "$2"
}
cents() { python3 -c 'import sys; from decimal import Decimal, ROUND_HALF_EVEN; print((Decimal(sys.argv[1]) / 10**9).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN))' "$1"; }

cl init >/dev/null || fail init
# 0.25 and 0.925 make ties and near-ties at the nano; 11-03..11-09 have no
# row (11-05 takes 11-02's); 11-30 is after every charge of the month.
cat > fx.csv <<'CSV'
date,from,to,rate
2026-11-01,USD,EUR,0.9
2026-11-02,USD,EUR,0.25
2026-11-10,USD,EUR,0.925
2026-11-30,USD,EUR,0.5
2026-11-01,EUR,USD,1.1
CSV
cat > rates.csv <<'CSV'
provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to
GC,m1,,Standard,hour,10.000000002,USD,0,wall,2026-01-01T00:00:00Z,
CSV
days="01 02 05 10 20"
{
	echo "usage_start,usage_end,state,job_id,project,provider,account,resource_id,instance_type,pricing,gpus,epoch,planned_epochs,run_id"
	for d in $days; do
		echo "2026-11-${d}T00:00:00Z,2026-11-${d}T01:00:00Z,running,j$d,e$d,GC,x,r$d,m1,on-demand,1,,,"
	done
} > usage.csv
# EUR lines on the USD card, billed 0.01 so that reconcile shows what it
# expected; USD lines without a resource (as billed) for the budgets; an
# October EUR line before the first rate.
{
	echo "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ProviderName,ResourceId,SkuId,PricingQuantity,BilledCost,BillingCurrency,Tags"
	for d in $days; do
		echo "2026-11-${d}T00:00:00Z,2026-11-${d}T01:00:00Z,Usage,GC,r$d,m1,1,0.01,EUR,\"{\"\"project\"\":\"\"e$d\"\"}\""
		echo "2026-11-${d}T05:00:00Z,2026-11-${d}T06:00:00Z,Usage,GC,,m1,1,10.000000002,USD,\"{\"\"project\"\":\"\"u$d\"\"}\""
	done
	echo "2026-10-31T00:00:00Z,2026-10-31T01:00:00Z,Usage,GC,r0,m1,1,0.01,EUR,\"{\"\"project\"\":\"\"e0\"\"}\""
	echo "2026-10-31T05:00:00Z,2026-10-31T06:00:00Z,Usage,GC,,m1,1,10.000000002,USD,\"{\"\"project\"\":\"\"u0\"\"}\""
} > bill.csv
{
	echo "project,period,amount,currency,alert_ratio"
	for d in $days; do echo "u$d,2026-11,100,EUR,0.8"; done
	echo "u0,2026-10,100,EUR,0.8"
} > budgets.csv
cl import --format fx-rates fx.csv >/dev/null || fail "fx rates"
cl import --format rates rates.csv >/dev/null || fail "rates"
cl import --format usage usage.csv >/dev/null || fail "usage"
cl import bill.csv >/dev/null || fail "bill"
cl import --format budgets budgets.csv >/dev/null || fail "budgets"
cl reconcile --month 2026-11 >rec.txt
[ $? = 1 ] || { cat rec.txt; fail "reconcile exit status"; }
cl report --month 2026-11 --by project --currency EUR --format json >report.json || fail "report"
report_billed() {
	python3 -c '
import json, sys
doc = json.load(open("report.json"))
print(next(r["billed"] for r in doc["rows"] if r["group"] == sys.argv[1]))' "$1"
}

for d in $days; do
	w=$(want 10000000002 "2026-11-$d")
	[ "$w" != none ] || fail "test data: no rate on 11-$d"
	rec=$(sqlite3 "$L" "SELECT expected FROM findings WHERE reconciliation_id = 1 AND resource_id = 'r$d' AND kind = 'rate_mismatch'")
	expect "reconcile, 11-$d" "$rec" "$w"
	bud=$(q "SELECT billed FROM budget_status WHERE project = 'u$d'")
	expect "budget_status, 11-$d" "$bud" "$w"
	fn=$(q "SELECT fx_convert(10000000002, 'USD', 'EUR', '2026-11-${d}T05:00:00Z')")
	expect "fx_convert, 11-$d" "$fn" "$w"
	expect "report --currency EUR, 11-$d" "$(report_billed "u$d")" "$(cents "$w")"
	expect "report --currency EUR, EUR line 11-$d" "$(report_billed "e$d")" "0.01"
done
# The ties: 10.000000002 x 0.25 = 2.5000000005 -> 2.500000000 (even), and
# 0.925 -> 9.25000000185 -> 9.250000002.
expect "tie at 0.25" "$(want 10000000002 2026-11-05)" 2500000000
expect "0.925" "$(want 10000000002 2026-11-20)" 9250000002

# Before the first rate: reconcile says currency_mismatch (expected as
# billed), the view NULL, fx_convert NULL, the report an error naming it.
w=$(want 10000000002 2026-10-31)
expect "test data: no rate on 10-31" "$w" none
cl reconcile --month 2026-10 >rec10.txt
expect "reconcile 10-31" "$(sqlite3 "$L" "SELECT kind || ' ' || expected FROM findings WHERE resource_id = 'r0'")" "currency_mismatch 10000000"
expect "budget_status 10-31" "$(q "SELECT coalesce(billed, 'NULL') FROM budget_status WHERE project = 'u0'")" NULL
expect "fx_convert 10-31" "$(q "SELECT coalesce(fx_convert(1, 'USD', 'EUR', '2026-10-31'), 'NULL')")" NULL
cl report --month 2026-10 --currency EUR >r10.txt 2>r10.err
expect "report 10-31 exit" "$?" 2
grep -q "no exchange rate from 'USD' to 'EUR' on or before 2026-10-31" r10.err || { cat r10.err; fail "report 10-31 message"; }

# Direction, case, NULL, the same currency, fx_rate.
expect "no inverse" "$(q "SELECT coalesce(fx_convert(1000, 'EUR', 'USD', '2026-10-31'), 'NULL') || ' ' || fx_convert(1000, 'EUR', 'USD', '2026-11-05')")" "NULL 1100"
expect "case" "$(q "SELECT fx_convert(1000, 'usd', 'Eur', '2026-11-05')")" 250
expect "same" "$(q "SELECT fx_convert(7, 'JPY', 'jpy', '1999-01-01') || ' ' || fx_rate('JPY', 'JPY', '1999-01-01')")" "7 1"
expect "rate" "$(q "SELECT fx_rate('USD', 'EUR', '2026-11-29T23:59:59Z') || ' ' || fx_rate('USD', 'EUR', '2026-11-30')")" "0.925 0.5"
expect "NULL" "$(q "SELECT coalesce(fx_convert(NULL, 'USD', 'EUR', '2026-11-05'), fx_convert(1, 'USD', NULL, '2026-11-05'), fx_rate('USD', 'EUR', NULL), 'NULL')")" NULL
err=$("$COSTLEDGER" --ledger "$L" sql "SELECT fx_convert(1, 'USD', 'EUR', 'soon')" 2>&1)
case $err in *"fx_convert: argument 4 'day' is not a timestamp"*) ;; *) fail "bad day: $err" ;; esac
err=$("$COSTLEDGER" --ledger "$L" sql "SELECT fx_convert(1, 42, 'EUR', '2026-11-05')" 2>&1)
case $err in *"fx_convert: argument 2 'from' is not a currency code"*) ;; *) fail "bad from: $err" ;; esac
err=$("$COSTLEDGER" --ledger "$L" sql "SELECT fx_convert('1.5', 'USD', 'EUR', '2026-11-05')" 2>&1)
case $err in *"fx_convert: argument 1 'amount'"*) ;; *) fail "bad amount: $err" ;; esac
echo "ok: fx_rule"
