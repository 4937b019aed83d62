#!/bin/sh
# tests/cli/validate.sh: costledger validate. Every planted-violation file of
# tests/validate/ reports exactly the rule it is named after (exit 1), the
# conforming bill none (exit 0); the FOCUS 1.0 sample and the 1.2 spec
# example report the rules docs/validate.md explains, with counts computed
# here independently (Python's csv and decimal) where they are arithmetic;
# --format json; unreadable files exit 2.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

fail() { echo "FAIL: $*"; exit 1; }
expect() { # expect WHAT GOT WANT
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}
# "ID COUNT" per rule broken, sorted: of validate's output on stdin, of a file
rules_in() {
	sed -n 's/^.*:[0-9][0-9]*: \([^:]*\): \([0-9]*\) rows*:.*/\1 \2/p' | sort
}
rules_of() {
	"$COSTLEDGER" validate "$1" | rules_in
}

V="$TESTS/validate"
"$COSTLEDGER" validate "$V/conforming.csv" >out.txt
expect "conforming exit" "$?" 0
expect "conforming output" "$(cat out.txt)" "$V/conforming.csv: focus-1.2, 4 rows: conforms"

planted=0
for f in "$V"/*-*.csv; do
	id=$(basename "$f" .csv)
	"$COSTLEDGER" validate "$f" >out.txt 2>err.txt
	rc=$?
	expect "$id exit" "$rc" 1
	expect "$id rules" "$(rules_in <out.txt | cut -d' ' -f1)" "$id"
	expect "$id rows" "$(rules_in <out.txt | cut -d' ' -f2)" 1
	planted=$((planted + 1))
done
# one file per rule checked: as many files as rules listed in docs/validate.md
documented=$(grep -c '^| `[A-Za-z]*-[CD]-[0-9]*-[MCO]`' "$TESTS/../docs/validate.md")
cau=0
for f in "$V"/CAU-*.csv; do
	grep -q "\`$(basename "$f" .csv)" "$TESTS/../docs/validate.md" || fail "$(basename "$f") not in docs/validate.md"
	cau=$((cau + 1))
done
expect "planted files = documented rules + the FOCUS 1.3 files" "$planted" $((documented + cau))
# the first file:line is the planted row: conforming.csv's row 2 is line 3
line=$("$COSTLEDGER" validate "$V/ChargeFrequency-C-004-C.csv" | sed -n 's/^.*\.csv:\([0-9]*\): .*/\1/p')
expect "first line" "$line" 3

# The FOCUS 1.0 sample: what it breaks (docs/validate.md says why).
S10="$TESTS/data/focus-1.0_sample_1000_aws-azure-oci.csv"
/usr/bin/python3 - "$S10" >want.txt <<'PY'
import csv, sys
from decimal import Decimal, ROUND_HALF_EVEN
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
null = lambda v: v in ("", "NULL", "null")
def product_differs(cost, price, qty):
    # the cost written with d decimals must be price x qty rounded to d
    # decimals (either way at a tie), compared in nanos as the ledger stores them
    if null(cost) or null(price) or null(qty):
        return False
    d = len(cost.split(".")[1]) if "." in cost else 0
    nano = Decimal("1e-9")
    exact = (Decimal(price) * Decimal(qty)).quantize(nano, ROUND_HALF_EVEN)
    written = Decimal(cost).quantize(nano, ROUND_HALF_EVEN)
    tolerance = Decimal(5) * Decimal(10) ** (-d - 1) if d < 9 else nano
    return abs(written - exact) > tolerance
def count(pred):
    return sum(1 for r in rows if pred(r))
priced = lambda r: r["ChargeCategory"] in ("Usage", "Purchase") and r["ChargeClass"] != "Correction"
out = {
  "ListCost-C-009-C": count(lambda r: r["ChargeClass"] != "Correction" and product_differs(r["ListCost"], r["ListUnitPrice"], r["PricingQuantity"])),
  "ContractedCost-C-009-C": count(lambda r: r["ChargeClass"] != "Correction" and product_differs(r["ContractedCost"], r["ContractedUnitPrice"], r["PricingQuantity"])),
  "ContractedCost-C-003-M": count(lambda r: null(r["ContractedCost"])),
  "ContractedUnitPrice-C-006-C": count(lambda r: priced(r) and null(r["ContractedUnitPrice"])),
  "ContractedUnitPrice-C-009-C": count(lambda r: not null(r["ContractedUnitPrice"]) and Decimal(r["ContractedUnitPrice"]) < 0),
  "ChargeFrequency-C-003-M": count(lambda r: r["ChargeFrequency"] not in ("One-Time", "Recurring", "Usage-Based")),
  "PricingCategory-C-004-C": count(lambda r: priced(r) and null(r["PricingCategory"])),
  "SkuPriceId-C-005-C": count(lambda r: priced(r) and null(r["SkuPriceId"])),
}
for c in ("ChargePeriodStart", "ChargePeriodEnd", "BillingPeriodStart", "BillingPeriodEnd"):
    out[c + "-C-002-M"] = count(lambda r: not (len(r[c]) == 20 and r[c][10] == "T" and r[c].endswith("Z")))
for k, v in sorted(out.items()):
    if v:
        print(k, v)
PY
rules_of "$S10" >got.txt
"$COSTLEDGER" validate "$S10" >/dev/null
expect "1.0 sample exit" "$?" 1
expect "1.0 sample rules" "$(cat got.txt)" "$(sort want.txt)"

# The FOCUS 1.2 spec example: an excerpt of a few columns, so the header
# lacks columns a full dataset has; its rows break no row rule.
S12="$TESTS/data/focus-1.2-spec-example_commitment-unused.csv"
expect "1.2 example rules" "$(rules_of "$S12" | tr '\n' ' ')" \
"CostAndUsage-D-005-M 1 CostAndUsage-D-021-M 1 CostAndUsage-D-023-M 1 CostAndUsage-D-024-M 1 CostAndUsage-D-025-M 1 CostAndUsage-D-026-M 1 CostAndUsage-D-030-M 1 CostAndUsage-D-035-M 1 CostAndUsage-D-038-M 1 CostAndUsage-D-040-M 1 CostAndUsage-D-041-M 1 CostAndUsage-D-068-M 1 "

# --format json: one object per file, read back with SQLite's JSON functions.
"$COSTLEDGER" validate --format json "$V/conforming.csv" "$V/Tags-C-001-M.csv" >out.json
expect "json exit" "$?" 1
expect "json" "$(sqlite3 :memory: "SELECT json_extract(readfile('out.json'), '\$.files[0].conforms'),
  json_extract(readfile('out.json'), '\$.files[1].violations[0].rule'),
  json_extract(readfile('out.json'), '\$.files[1].violations[0].line'),
  json_extract(readfile('out.json'), '\$.files[1].violations[0].rows'),
  json_extract(readfile('out.json'), '\$.files[1].format')")" "1|Tags-C-001-M|2|1|focus-1.2"

# Unreadable: exit 2 and a file:line message, also when another file is fine.
printf 'a,b\n1,2\n' >notfocus.csv
"$COSTLEDGER" validate "$V/conforming.csv" notfocus.csv >/dev/null 2>err.txt
expect "not FOCUS exit" "$?" 2
grep -q "^costledger: notfocus.csv:1: no known bill header" err.txt || fail "not FOCUS message: $(cat err.txt)"
head -2 "$V/conforming.csv" >short.csv
echo "1,2" >>short.csv
"$COSTLEDGER" validate short.csv >/dev/null 2>err.txt
expect "short row exit" "$?" 2
grep -q "short.csv:3: 2 fields where the header has 35" err.txt || fail "short row: $(cat err.txt)"
"$COSTLEDGER" validate missing.csv >/dev/null 2>&1
expect "missing file exit" "$?" 2
# gzip and stdin read like plain files
gzip -c "$V/Tags-C-001-M.csv" >t.csv.gz
expect "gzip" "$(rules_of t.csv.gz)" "Tags-C-001-M 1"
"$COSTLEDGER" validate - <"$V/conforming.csv" >/dev/null
expect "stdin exit" "$?" 0
# import runs the same checks: their counts are in the import report, and
# --strict refuses a bill that breaks a MUST rule, leaving the ledger as it was.
L="$work/ledger.db"
"$COSTLEDGER" --ledger "$L" init >/dev/null || fail "init"
"$COSTLEDGER" --ledger "$L" import "$S10" >out.txt || fail "import the 1.0 sample"
grep -q '"focus_rules_broken":{"ListCost-C-009-C":31,' out.txt || fail "import report: $(cat out.txt)"
for rule in $(cut -d' ' -f1 got.txt); do
	expect "import report $rule" \
	  "$(sqlite3 "$L" "SELECT json_extract(report, '\$.focus_rules_broken.\"$rule\"') FROM imports")" \
	  "$(grep "^$rule " got.txt | cut -d' ' -f2)"
done
expect "import report: rules" "$(sqlite3 "$L" "SELECT count(*) FROM imports, json_each(report, '\$.focus_rules_broken')")" \
  "$(wc -l <got.txt | tr -d ' ')"
"$COSTLEDGER" --ledger "$L" import --strict "$V/Tags-C-001-M.csv" >out.txt 2>err.txt
expect "strict exit" "$?" 2
grep -q "Tags-C-001-M.csv:2: breaks FOCUS rule Tags-C-001-M (1 row)" err.txt || fail "strict message: $(cat err.txt)"
expect "strict: nothing added" "$(sqlite3 "$L" "SELECT count(*) FROM imports")" 1
"$COSTLEDGER" --ledger "$L" import --strict "$V/conforming.csv" >out.txt || fail "strict conforming: $(cat out.txt)"
grep -q '"focus_rules_broken":{}' out.txt || fail "conforming report: $(cat out.txt)"
# the same bill without --strict is imported, its rule counted
"$COSTLEDGER" --ledger "$L" import "$V/Tags-C-001-M.csv" >out.txt || fail "import without --strict"
grep -q '"focus_rules_broken":{"Tags-C-001-M":1}' out.txt || fail "report: $(cat out.txt)"
# a CUR bill has no FOCUS rules: --strict does not refuse it
"$COSTLEDGER" --ledger "$L" import --strict "$TESTS/data/aws-cur-legacy_anonymized_1281rows.csv" >out.txt ||
	fail "strict CUR: $(cat out.txt)"
echo "ok: validate ($planted planted files)"
