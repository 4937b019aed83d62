#!/bin/sh
# tests/cli/reconcile_patterns.sh: billing patterns of real bills, each on a
# small ledger of its own (issue 14): AWS per-second billing of an hourly
# line, per-GPU usage rows that cover half an hour, a 10-decimal rate cut by
# a pause (no 1-nano rate_mismatch), a rate in another currency (with and
# without fx_rates), totals and tolerances per currency, spot savings never
# across currencies, unbilled usage on 8 GPUs across a price change, a late
# correction, a report that does not follow the tolerance, providers in two
# cases, and sums past int64. Every case runs; the failures are listed.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

failures=0
fail() { echo "FAIL: [$case] $*"; failures=$((failures + 1)); }
expect() { # expect WHAT GOT WANT
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}
# new_case NAME: a fresh ledger L for the case.
new_case() {
	case=$1
	L="$work/$case.db"
	"$COSTLEDGER" --ledger "$L" init >/dev/null || fail "init"
}
cl() { "$COSTLEDGER" --ledger "$L" "$@"; }
q() { sqlite3 "$L" "$1"; }
FOCUS=ChargePeriodStart,ChargePeriodEnd,BillingPeriodStart,ChargeCategory,ChargeClass,ProviderName,ResourceId,SkuId,PricingCategory,PricingQuantity,BilledCost,BillingCurrency,Tags
RATES=provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to
USAGE=usage_start,usage_end,state,job_id,project,provider,account,resource_id,instance_type,pricing,gpus,epoch,planned_epochs,run_id
# load RATES_ROWS USAGE_ROWS FOCUS_ROWS (each may be empty)
load() {
	if [ -n "$1" ]; then printf '%s\n%s\n' "$RATES" "$1" > "$work/r.csv"; cl import --format rates "$work/r.csv" >/dev/null || fail "rates"; fi
	if [ -n "$2" ]; then printf '%s\n%s\n' "$USAGE" "$2" > "$work/u.csv"; cl import --format usage "$work/u.csv" >/dev/null || fail "usage"; fi
	if [ -n "$3" ]; then printf '%s\n%s\n' "$FOCUS" "$3" > "$work/b.csv"; cl import "$work/b.csv" >/dev/null || fail "bill"; fi
}
# tag P: the Tags cell of project P, quoted for CSV
tag() { printf '"{""project"":""%s""}"' "$1"; }
kinds() { q "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM findings WHERE reconciliation_id = ${1:-1} ORDER BY kind)"; }

# --- AWS per second: an hourly CUR line with UsageAmount 0.5 for 30 minutes run.
new_case per_second
load "AWS,p4d.24xlarge,us-east-1,Standard,hour,32.77,USD,0,wall,2026-01-01T00:00:00Z," \
     "2026-11-03T08:00:00Z,2026-11-03T08:30:00Z,running,j,p,AWS,x,i-1,p4d.24xlarge,on-demand,8,,," ""
cat > "$work/cur.csv" <<'CSV'
identity/LineItemId,identity/TimeInterval,bill/PayerAccountId,lineItem/UsageAccountId,lineItem/LineItemType,lineItem/UsageStartDate,lineItem/UsageEndDate,lineItem/ProductCode,lineItem/UsageType,lineItem/ResourceId,lineItem/UsageAmount,lineItem/CurrencyCode,lineItem/UnblendedRate,lineItem/UnblendedCost,pricing/term,pricing/unit,product/instanceType,product/region
l1,2026-11-03T08:00:00Z/2026-11-03T09:00:00Z,1,2,Usage,2026-11-03T08:00:00Z,2026-11-03T09:00:00Z,AmazonEC2,BoxUsage:p4d.24xlarge,i-1,0.5,USD,32.77,16.385,OnDemand,Hrs,p4d.24xlarge,us-east-1
CSV
cl import "$work/cur.csv" >/dev/null || fail "cur import"
cl reconcile --month 2026-11 >out.txt; rc=$?
expect "exit status (AWS billed exactly what ran)" "$rc" 0
expect "findings" "$(kinds)" ""
expect "expected total" "$(q "SELECT expected_total FROM reconciliations")" 16385000000

# --- Four per-GPU rows over the first half hour cover half of it.
new_case per_gpu_rows
load "GC,m1,,Standard,hour,10.00,USD,0,wall,2026-01-01T00:00:00Z," \
"2026-11-02T00:00:00Z,2026-11-02T00:30:00Z,running,j,p,GC,x,g1,m1,on-demand,1,,,
2026-11-02T00:00:00Z,2026-11-02T00:30:00Z,running,j,p,GC,x,g1,m1,on-demand,1,,,
2026-11-02T00:00:00Z,2026-11-02T00:30:00Z,running,j,p,GC,x,g1,m1,on-demand,1,,,
2026-11-02T00:00:00Z,2026-11-02T00:30:00Z,running,j,p,GC,x,g1,m1,on-demand,1,,," \
"2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,,Usage,,GC,g1,m1,Standard,1,10.00,USD,"
cl reconcile --month 2026-11 >out.txt
expect "unexplained half" "$(q "SELECT kind, billed, hours FROM findings")" "unexplained_charge|5000000000|0.5"

# --- 1.000000001 per hour, billed exactly, cut by a pause: no 1-nano rate_mismatch.
new_case one_nano
load "GC,m1,,Standard,hour,1.000000001,USD,0,running,2026-01-01T00:00:00Z," \
"2026-11-02T00:00:00Z,2026-11-02T00:30:00Z,running,j,p,GC,x,g1,m1,on-demand,8,,,
2026-11-02T00:30:00Z,2026-11-02T01:00:00Z,paused,j,p,GC,x,g1,m1,on-demand,8,,," \
"2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,,Usage,,GC,g1,m1,Standard,1,1.000000001,USD,"
cl reconcile --month 2026-11 >out.txt
expect "kinds" "$(kinds)" "billed_while_paused"
# The parts add up to the charge: paused part + expected of the billable part.
expect "parts add up" "$(q "SELECT f.billed + r.expected_total FROM findings f, reconciliations r")" 1000000001

# --- A USD line against a EUR rate: currency_mismatch; with fx_rates, converted.
new_case currency
load "GC,m1,,Standard,hour,10.00,EUR,0,wall,2026-01-01T00:00:00Z," \
     "2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,running,j,p,GC,x,g1,m1,on-demand,8,,," \
     "2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,,Usage,,GC,g1,m1,Standard,1,10.00,USD,"
cl reconcile --month 2026-11 >out.txt; rc=$?
expect "exit status without fx" "$rc" 1
expect "currency_mismatch" "$(q "SELECT kind, currency, billed, difference FROM findings")" "currency_mismatch|USD|10000000000|0"
grep -q "rate in 'EUR', no fx rate" out.txt 2>/dev/null || q "SELECT detail FROM findings" | grep -q "rate in 'EUR', no fx rate" || fail "detail names the currencies"
printf 'date,from,to,rate\n2026-11-01,EUR,USD,1.1\n' > "$work/fx.csv"
cl import --format fx-rates "$work/fx.csv" >/dev/null || fail "fx import"
cl reconcile --month 2026-11 >out.txt
expect "converted on the charge's day" "$(q "SELECT kind, billed, expected FROM findings WHERE reconciliation_id = 2")" "rate_mismatch|10000000000|11000000000"

# --- Totals and tolerances per currency: 10 USD and 50 JPY are never 60.
new_case totals
load "GC,m1,,Standard,hour,10.40,USD,0,wall,2026-01-01T00:00:00Z,
GC,m2,,Standard,hour,90,JPY,0,wall,2026-01-01T00:00:00Z," \
"2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,running,j,p,GC,x,g1,m1,on-demand,8,,,
2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,running,j,p,GC,x,g2,m2,on-demand,8,,," \
"2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,,Usage,,GC,g1,m1,Standard,1,10.00,USD,
2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,,Usage,,GC,g2,m2,Standard,1,50,JPY,"
cl reconcile --month 2026-11 --tolerance 0.50 >out.txt
expect "no sum across currencies" "$(q "SELECT coalesce(billed_total, 'NULL') FROM reconciliations WHERE reconciliation_id = 1")" NULL
expect "totals per currency" "$(q "SELECT group_concat(currency || ':' || billed_total || ':' || expected_total, ' ') FROM reconciliation_totals WHERE reconciliation_id = 1")" \
	"JPY:50000000000:90000000000 USD:10000000000:10400000000"
expect "0.50 in each currency" "$(q "SELECT group_concat(currency) FROM findings WHERE reconciliation_id = 1")" JPY
grep -q '^USD: 1 charges; billed 10.00, expected 10.40' out.txt || fail "headline per currency: $(cat out.txt)"
cl reconcile --month 2026-11 --tolerance 0.50USD,50JPY >out.txt; rc=$?
expect "per-currency tolerance: exit" "$rc" 0
expect "tolerances stored" "$(q "SELECT group_concat(currency || ':' || tolerance, ' ') FROM reconciliation_totals WHERE reconciliation_id = 2")" \
	"JPY:50000000000 USD:500000000"
cl reconcile --month 2026-11 --tolerance 0.50XX1 >/dev/null 2>&1
expect "bad tolerance" "$?" 2

# --- Spot savings: a JPY spot line is not compared with a USD on-demand rate.
new_case spot_currency
load "GC,m1,,Standard,hour,32.77,USD,0,wall,2026-01-01T00:00:00Z,
GC,m1,,Dynamic,hour,1000,JPY,0,wall,2026-01-01T00:00:00Z," \
     "2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,running,j,p,GC,x,g1,m1,spot,8,,," \
     "2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,,Usage,,GC,g1,m1,Dynamic,1,1000,JPY,"
cl reconcile --month 2026-11 >/dev/null
cl report --month 2026-11 --format csv >r.csv || fail "report"
grep -q '^total,JPY,1000.00,1000.00,0.00,[0-9.]*,0.00,' r.csv || fail "spot savings across currencies: $(cat r.csv)"

# --- Unbilled usage on 8 GPUs at 2.00 per GPU-hour, across a price change.
new_case unbilled
load "GC,h8,,Standard,GPU-hour,2.00,USD,0,running,2026-01-01T00:00:00Z,2026-11-15T00:00:00Z
GC,h8,,Standard,GPU-hour,3.00,USD,0,running,2026-11-15T00:00:00Z," \
"2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,running,j,p,GC,x,n1,h8,on-demand,8,,,
2026-11-14T23:00:00Z,2026-11-15T01:00:00Z,running,k,p,GC,x,n2,h8,on-demand,8,,," \
"2026-11-20T00:00:00Z,2026-11-20T01:00:00Z,,Usage,,GC,other,h8,Standard,8,16.00,USD,"
cl reconcile --month 2026-11 >out.txt
expect "unbilled n1 (8 GPUs)" "$(q "SELECT expected FROM findings WHERE resource_id = 'n1'")" 16000000000
expect "unbilled n2 (2.00 then 3.00)" "$(q "SELECT expected FROM findings WHERE resource_id = 'n2'")" 40000000000
expect "as the views price it" "$(cl sql --csv "SELECT sum(cost) FROM usage_costed WHERE resource_id IN ('n1', 'n2')" | sed 1d | tr -d '"\r')" 56000000000

# --- A correction for August delivered with September's bill.
new_case late_correction
load "" "" \
"2026-08-10T00:00:00Z,2026-08-10T01:00:00Z,2026-09-01T00:00:00Z,Adjustment,Correction,GC,g1,m1,Standard,1,-5.00,USD,
2026-09-02T00:00:00Z,2026-09-02T01:00:00Z,2026-09-01T00:00:00Z,Tax,,GC,,,,,1.00,USD,"
cl reconcile --month 2026-09 >out.txt; rc=$?
expect "exit status" "$rc" 1
expect "late correction" "$(q "SELECT kind, billed, substr(period_start, 1, 10), detail FROM findings")" \
	"late_correction|-5000000000|2026-08-10|1 charge, correcting 2026-08"
expect "counted in August, not in September" "$(q "SELECT billed_total FROM reconciliations")" 1000000000

# --- The report does not follow the tolerance; it names its run.
new_case report_tolerance
load "GC,m1,,Standard,hour,12.00,USD,0,wall,2026-01-01T00:00:00Z," \
     "2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,running,j,p,GC,x,g1,m1,on-demand,8,,," \
     "2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,,Usage,,GC,g1,m1,Standard,1,10.00,USD,$(tag p)"
cl reconcile --month 2026-11 --tolerance 500 >/dev/null; rc=$?
expect "tolerance 500: exit" "$rc" 0
cl report --month 2026-11 >r.txt || fail "report"
grep -q '^total  *USD  *10.00  *12.00  *-2.00 ' r.txt || fail "report after --tolerance 500: $(cat r.txt)"
grep -q 'reconciliation 1' r.txt || fail "report does not name its run: $(head -1 r.txt)"

# --- report --by provider: AWS and aws are one provider.
new_case provider_case
load "" "" \
"2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,,Usage,,AWS,i1,p4,Standard,1,1.00,USD,
2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,,Usage,,aws,i2,p4,Standard,1,2.00,USD,"
cl report --month 2026-11 --by provider --format csv >r.csv || fail "report"
expect "one row" "$(grep -c '^[Aa][Ww][Ss],' r.csv)" 1
grep -q '^AWS,USD,3.00,' r.csv || fail "AWS row: $(cat r.csv)"

# --- Sums past int64: a clear error, never a wrapped or clamped number.
new_case wrap
load "" "" \
"2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,,Usage,,GC,i1,p4,Standard,1,5000000000,USD,$(tag a)
2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,,Usage,,GC,i2,p4,Standard,1,5000000000,USD,$(tag b)"
cl report --month 2026-11 >r.txt 2>err.txt; rc=$?
[ "$rc" != 0 ] || fail "report exit status 0 with a total past int64: $(cat r.txt)"
grep -q "does not fit in 64-bit nanos" err.txt || fail "report error: $(cat err.txt)"
grep -q -- '-8446744073' r.txt && fail "report printed a wrapped total"
cl reconcile --month 2026-11 >out.txt 2>err.txt; rc=$?
expect "reconcile exit status" "$rc" 3
grep -q "billed total in 'USD' is 10000000000.000000000: it does not fit in 64-bit nanos" err.txt ||
	fail "reconcile error: $(cat err.txt)"
expect "nothing stored" "$(q "SELECT count(*) FROM reconciliations")" 0

new_case clamp
load "GC,m1,,Standard,hour,1.00,USD,0,wall,2026-01-01T00:00:00Z," \
     "2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,running,j,p,GC,x,g1,m1,on-demand,8,,," \
     "2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,,Usage,,GC,g1,m1,Standard,10000000000,1.00,USD,"
cl reconcile --month 2026-11 >out.txt 2>err.txt; rc=$?
expect "expected past int64: exit" "$rc" 3
grep -q "expected cost does not fit in 64-bit nanos" err.txt || fail "clamp error: $(cat err.txt) $(cat out.txt)"

[ "$failures" = 0 ] || { echo "FAIL: $failures checks"; exit 1; }
echo "ok: reconcile_patterns"
