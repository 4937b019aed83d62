#!/bin/sh
# tests/cli/unit_prices.sh: unit prices at the bill's full precision, end to end.
# 1. The FOCUS 1.0 sample: every stored ListUnitPrice reads back as the bill's
#    decimal (AWS Lambda 0.0000166667, 0.0000097222), and price_mul(price,
#    quantity) is the exact product rounded half-even to the nano; where the bill
#    computed ListCost exactly (to the nano), it equals the stored ListCost. The
#    expectations are computed here with Python's decimal from the CSV itself.
# 2. values_rounded counts amounts only: a price past 9 decimals is not rounded.
# 3. A rate card entry of 0.0000166667 per GB-second reconciles a line of
#    3,600,000 GB-seconds billed 60.00012 with no finding.
# 4. A version 2 ledger (tests/data/ledger_v2.sql, prices in INTEGER nanos)
#    migrates on `costledger init`: prices become canonical text, exactly; the
#    schema reads as a new ledger's; nothing else changes.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
L="$work/ledger.db"

fail() { echo "FAIL: $*"; exit 1; }
cl() { "$COSTLEDGER" --ledger "$L" "$@"; }
sqlx() { "$COSTLEDGER" --ledger "$1" sql --csv "$2" | sed 1d | tr -d '\r"'; }
expect() { # expect WHAT GOT WANT
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}

# --- 1. the FOCUS 1.0 sample --------------------------------------------------
sample="$TESTS/data/focus-1.0_sample_1000_aws-azure-oci.csv"
cl init >/dev/null || fail "init"
cl import "$sample" >import.txt 2>&1 || { cat import.txt; fail "import the FOCUS sample"; }
sqlx "$L" "SELECT source_line, coalesce(list_unit_price, ''), coalesce(unit_price, ''),
  coalesce(price_mul(list_unit_price, pricing_quantity), ''), coalesce(list_cost, '')
  FROM charges ORDER BY source_line" > stored.csv || fail "read the charges"
/usr/bin/python3 - "$sample" stored.csv <<'PY' || fail "FOCUS sample prices"
import csv, sys
from decimal import Decimal, ROUND_HALF_EVEN

def nanos(value):
    return int((value * 10 ** 9).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))

def canonical(text):
    out = format(Decimal(text).normalize(), "f")
    return "0" if Decimal(out) == 0 else out

def given(text):
    return text not in ("", "NULL")

bill = {}
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    reader = csv.reader(f)
    header = next(reader)
    start = reader.line_num + 1
    for row in reader:
        bill[start] = dict(zip(header, row))
        start = reader.line_num + 1
stored = {int(r[0]): r[1:] for r in csv.reader(open(sys.argv[2], newline=""))}
if len(stored) != len(bill):
    sys.exit(f"{len(stored)} charges stored, {len(bill)} in the bill")
exact = lambda_rows = 0
for line, row in bill.items():
    list_price, price, product, list_cost = stored[line]
    for column, got in (("ListUnitPrice", list_price), ("ContractedUnitPrice", price)):
        want = canonical(row[column]) if given(row[column]) else ""
        if got != want:
            sys.exit(f"line {line}: {column} stored as {got!r}, the bill says {row[column]!r}")
    if not (given(row["ListUnitPrice"]) and given(row["PricingQuantity"])):
        continue
    want = nanos(Decimal(row["ListUnitPrice"]) * Decimal(row["PricingQuantity"]))
    if int(product) != want:
        sys.exit(f"line {line}: price_mul {product}, exact product {want}")
    if given(row["ListCost"]) and nanos(Decimal(row["ListCost"])) == want:
        exact += 1
        if int(list_cost) != int(product):
            sys.exit(f"line {line}: ListCost {list_cost} but price x quantity {product}")
        if "Lambda" in row["ServiceName"] and -Decimal(row["ListUnitPrice"]).normalize().as_tuple().exponent > 9:
            lambda_rows += 1
# The sample's AWS Lambda lines with 10-decimal prices: rounding the price to
# nanos first, as the ledger did, puts them off the bill.
if exact < 900 or lambda_rows < 4:
    sys.exit(f"only {exact} exact lines, {lambda_rows} Lambda lines past 9 decimals")
print(f"unit_prices.sh: {exact} lines equal to the bill's ListCost, {lambda_rows} Lambda lines")
PY
# The two prices of the issue, stored as TEXT, exactly as the bill wrote them.
for price in 0.0000166667 0.0000097222; do
	n=$(sqlite3 "$L" "SELECT count(*) FROM charges WHERE service_name = 'AWS Lambda' AND list_unit_price = '$price' AND typeof(list_unit_price) = 'text'")
	[ "$n" -gt 0 ] || fail "no Lambda line priced $price"
done

# --- 2. values_rounded counts amounts only -------------------------------------
cat > prices_only.csv <<'CSV'
ProviderName,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceName,PricingQuantity,ListUnitPrice,ContractedUnitPrice,BilledCost,BillingCurrency
AWS,2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,Usage,AWS Lambda,1000,0.0000166667,0.0000097222,0.02,USD
CSV
cl import prices_only.csv > out.txt 2>&1 || { cat out.txt; fail "a bill with fine prices"; }
case $(cat out.txt) in
*"0 with amounts rounded past 9 decimals"*) ;;
*) fail "prices counted as rounded amounts: $(cat out.txt)" ;;
esac
expect "values_rounded" "$(sqlite3 "$L" "SELECT values_rounded FROM imports WHERE file_name LIKE '%prices_only.csv'")" 0
expect "prices kept" "$(sqlite3 "$L" "SELECT list_unit_price || ' ' || unit_price FROM charges WHERE source_file LIKE '%prices_only.csv'")" \
	"0.0000166667 0.0000097222"
cat > too_precise.csv <<'CSV'
ProviderName,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceName,PricingQuantity,ListUnitPrice,BilledCost,BillingCurrency
AWS,2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,Usage,AWS Lambda,1000,0.00001666670000000000001,0.02,USD
CSV
cl import too_precise.csv > out.txt 2>&1 && fail "a 19-digit price was accepted"
grep -q "too_precise.csv:2: column 'ListUnitPrice': more than 18 significant digits: \"0.00001666670000000000001\"" out.txt ||
	fail "19-digit price message: $(cat out.txt)"

# --- 3. a per-GB-second rate reconciles exactly -----------------------------------
R="$work/rates.db"
"$COSTLEDGER" --ledger "$R" init >/dev/null || fail "init rates.db"
cat > rates.csv <<'CSV'
provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to
AWS,lambda-gbs,,Standard,GB-second,0.0000166667,USD,0,wall,2026-01-01T00:00:00Z,
CSV
cat > usage.csv <<'CSV'
usage_start,usage_end,state,job_id,project,provider,account,resource_id,instance_type,pricing,gpus,epoch,planned_epochs,run_id
2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,running,j1,p,AWS,acct,fn-1,lambda-gbs,on-demand,1,,,
CSV
cat > bill.csv <<'CSV'
ProviderName,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceName,SkuId,ResourceId,PricingCategory,PricingQuantity,PricingUnit,ContractedUnitPrice,BilledCost,BillingCurrency
AWS,2026-11-02T00:00:00Z,2026-11-02T01:00:00Z,Usage,AWS Lambda,lambda-gbs,fn-1,Standard,3600000,GB-second,0.0000166667,60.00012,USD
CSV
"$COSTLEDGER" --ledger "$R" import rates.csv usage.csv bill.csv >out.txt 2>&1 || { cat out.txt; fail "import rates, usage, bill"; }
expect "rate stored exactly" "$(sqlite3 "$R" "SELECT unit_price FROM rates")" "0.0000166667"
"$COSTLEDGER" --ledger "$R" reconcile --month 2026-11 >out.txt 2>&1 || { cat out.txt; fail "reconcile found a difference"; }
expect "findings" "$(sqlite3 "$R" "SELECT findings_count || ' ' || billed_total || ' ' || expected_total FROM reconciliations")" \
	"0 60000120000 60000120000"
# The same line billed one nano more is a rate_mismatch of exactly one nano.
sed 's/,60.00012,/,60.000120001,/; s/fn-1/fn-2/' bill.csv > bill2.csv
sed 's/fn-1/fn-2/' usage.csv | sed '1!s/,j1,/,j2,/' > usage2.csv
"$COSTLEDGER" --ledger "$R" import usage2.csv bill2.csv >out.txt 2>&1 || { cat out.txt; fail "import bill2"; }
"$COSTLEDGER" --ledger "$R" reconcile --month 2026-11 --tolerance 0 >out.txt 2>&1
expect "one nano off" "$(sqlite3 "$R" "SELECT kind || ' ' || resource_id || ' ' || difference FROM findings WHERE reconciliation_id = 2")" \
	"rate_mismatch fn-2 1"

# --- 4. a version 2 ledger migrates ---------------------------------------------
V="$work/v2.db"
sqlite3 "$V" < "$TESTS/data/ledger_v2.sql" || fail "load ledger_v2.sql"
expect "fixture version" "$(sqlite3 "$V" "PRAGMA user_version")" 2
sqlite3 -separator ' ' "$V" "SELECT 'c', charge_id, coalesce(unit_price, 'NULL'), coalesce(list_unit_price, 'NULL') FROM charges
  UNION ALL SELECT 'r', rate_id, unit_price, '-' FROM rates ORDER BY 1, 2" > before.txt
sqlite3 "$V" "SELECT * FROM charges ORDER BY charge_id" | cut -d'|' -f1-25,28- > rest_before.txt
"$COSTLEDGER" --ledger "$V" init > out.txt 2>&1 || { cat out.txt; fail "init on a version 2 ledger"; }
"$COSTLEDGER" --ledger "$work/fresh.db" init >/dev/null || fail "init fresh.db"
expect "migrated version" "$(sqlite3 "$V" "PRAGMA user_version")" "$(sqlite3 "$work/fresh.db" "PRAGMA user_version")"
# Each price is the old nanos as exact decimal text (computed here, not by the C code).
/usr/bin/python3 - before.txt > want.txt <<'PY' || fail "expected prices"
import sys
from decimal import Decimal
def text(nanos):
    if nanos in ("NULL", "-"):
        return nanos
    out = format((Decimal(nanos) / 10 ** 9).normalize(), "f")
    return "0" if Decimal(out) == 0 else out
for line in open(sys.argv[1]):
    kind, key, a, b = line.split()
    print(kind, key, text(a), text(b))
PY
sqlite3 -separator ' ' "$V" "SELECT 'c', charge_id, coalesce(unit_price, 'NULL'), coalesce(list_unit_price, 'NULL') FROM charges
  UNION ALL SELECT 'r', rate_id, unit_price, '-' FROM rates ORDER BY 1, 2" > after.txt
cmp -s want.txt after.txt || fail "migrated prices: $(diff want.txt after.txt)"
expect "price types" "$(sqlite3 "$V" "SELECT group_concat(DISTINCT typeof(unit_price)) FROM (SELECT unit_price FROM charges WHERE unit_price IS NOT NULL UNION ALL SELECT list_unit_price FROM charges WHERE list_unit_price IS NOT NULL UNION ALL SELECT unit_price FROM rates)")" text
expect "a Lambda price" "$(sqlite3 "$V" "SELECT list_unit_price FROM charges WHERE charge_id = 1")" "0.000016667"
sqlite3 "$V" "SELECT * FROM charges ORDER BY charge_id" | cut -d'|' -f1-25,28- > rest_after.txt
cmp -s rest_before.txt rest_after.txt || fail "other columns changed: $(diff rest_before.txt rest_after.txt)"
# The same schema as a new ledger: tables, indexes, views, their text.
"$COSTLEDGER" --ledger "$work/new.db" init >/dev/null || fail "init new.db"
schema() { sqlite3 "$1" "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name"; }
schema "$V" > schema.migrated
schema "$work/new.db" > schema.new
cmp -s schema.migrated schema.new || fail "migrated schema differs: $(diff schema.migrated schema.new)"
expect "integrity" "$(sqlite3 "$V" "PRAGMA integrity_check")" ok
# The migrated ledger works: reconcile, and a second init changes nothing.
"$COSTLEDGER" --ledger "$V" reconcile --month 2026-11 >out.txt 2>&1
[ $? -le 1 ] || { cat out.txt; fail "reconcile after migration"; }
"$COSTLEDGER" --ledger "$V" init >/dev/null 2>&1 || fail "second init"
sqlite3 -separator ' ' "$V" "SELECT 'c', charge_id, coalesce(unit_price, 'NULL'), coalesce(list_unit_price, 'NULL') FROM charges
  UNION ALL SELECT 'r', rate_id, unit_price, '-' FROM rates ORDER BY 1, 2" > again.txt
cmp -s after.txt again.txt || fail "second init changed prices"

echo "ok: unit_prices.sh"
