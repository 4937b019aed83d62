#!/bin/sh
# tests/cli/invoices.sh: invoice totals and final months, on the CUR and
# FOCUS samples with invoice ids written in and planted mismatches. The
# invoice amounts are computed here with Python's decimal (each line rounded
# to the nano as the importer does), independently of the C code. A month
# without invoice ids is estimated, with them final (report, reconcile);
# reconcile finds an invoice whose lines sum to another amount (to the
# nano), an invoice without lines and lines whose invoice is not listed;
# the same invoice again adds nothing, another total for it is refused.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

fail() { echo "FAIL: $*"; exit 1; }
expect() { # expect WHAT GOT WANT
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}
CUR="$TESTS/data/aws-cur-legacy_anonymized_1281rows.csv"
FOCUS="$TESTS/data/focus-1.0_sample_1000_aws-azure-oci.csv"

# The CUR sample as a finalized month would come: every line with an invoice
# id, INV-A for the first 1000 lines and INV-B for the rest; the exact
# totals per invoice from the file's own amounts.
/usr/bin/python3 - "$CUR" <<'PY'
import csv, sys
from decimal import Decimal, ROUND_HALF_EVEN
rows = list(csv.reader(open(sys.argv[1], newline="")))
h = rows[0]
inv, cost = h.index("bill/InvoiceId"), h.index("lineItem/UnblendedCost")
totals = {}
for n, r in enumerate(rows[1:]):
    r[inv] = "INV-A" if n < 1000 else "INV-B"
    nanos = Decimal(r[cost]).quantize(Decimal("1e-9"), ROUND_HALF_EVEN)
    totals[r[inv]] = totals.get(r[inv], Decimal(0)) + nanos
csv.writer(open("cur_final.csv", "w", newline="")).writerows(rows)
with open("cur_totals.txt", "w") as f:
    for k in sorted(totals):
        f.write("%s %s\n" % (k, totals[k]))
PY
A=$(sed -n 's/^INV-A //p' cur_totals.txt)
B=$(sed -n 's/^INV-B //p' cur_totals.txt)

# 1. The sample as it is: no invoice ids, the month is estimated.
L=est.db
"$COSTLEDGER" --ledger $L init >/dev/null && "$COSTLEDGER" --ledger $L import "$CUR" >/dev/null || fail "import CUR"
expect "report: estimated" "$("$COSTLEDGER" --ledger $L report --month 2023-11 | sed -n 2p)" \
	"month 2023-11: estimated: 1281 of 1281 charges have no invoice id"
"$COSTLEDGER" --ledger $L reconcile --month 2023-11 >out.txt
grep -q "^month 2023-11: estimated: 1281 of 1281 charges have no invoice id$" out.txt || fail "reconcile: $(cat out.txt)"

# 2. Final, and its invoices add up: no invoice finding.
L=final.db
printf 'InvoiceId,ProviderName,BillingAccountId,BillingPeriod,Amount,Currency\nINV-A,AWS,123412340534,2023-11,%s,USD\nINV-B,aws,123412340534,2023-11-01T00:00:00Z,%s,USD\n' "$A" "$B" >invoices.csv
"$COSTLEDGER" --ledger $L init >/dev/null && "$COSTLEDGER" --ledger $L import cur_final.csv invoices.csv >out.txt ||
	fail "import final CUR: $(cat out.txt)"
grep -q "^invoices.csv: invoices, 2 rows (0 skipped): 2 new invoices, 0 already in the ledger" out.txt || fail "import invoices: $(cat out.txt)"
expect "report json: final" "$("$COSTLEDGER" --ledger $L report --month 2023-11 --format json >r.json;
	sqlite3 :memory: "SELECT json_extract(readfile('r.json'), '\$.month_status')")" "final"
"$COSTLEDGER" --ledger $L reconcile --month 2023-11 >out.txt
grep -q "^month 2023-11: final$" out.txt || fail "reconcile final: $(cat out.txt)"
expect "no invoice findings" "$(sqlite3 $L "SELECT count(*) FROM findings WHERE kind LIKE '%invoice%'")" 0
expect "invoice_check empty" "$(sqlite3 $L "SELECT count(*) FROM invoices") $("$COSTLEDGER" --ledger $L sql --csv "SELECT count(*) FROM invoice_check" | sed 1d | tr -d '"')" "2 0"
# the same invoice totals again add nothing; another amount for one is refused
"$COSTLEDGER" --ledger $L import invoices.csv >out.txt || fail "re-import"
grep -q "already imported" out.txt || fail "re-import: $(cat out.txt)"
printf 'InvoiceId,ProviderName,BillingAccountId,BillingPeriod,Amount,Currency\nINV-A,AWS,123412340534,2023-11,1,USD\n' >other.csv
"$COSTLEDGER" --ledger $L import other.csv >/dev/null 2>err.txt
expect "another total exit" "$?" 2
grep -q "other.csv:2: invoice 'INV-A' (2023-11 1.000000000 USD) differs from 2023-11 .* of invoices.csv:2" err.txt ||
	fail "another total: $(cat err.txt)"
expect "nothing added" "$(sqlite3 $L "SELECT count(*) FROM invoices")" 2

# 3. Planted: INV-A's total a cent too high, INV-B not listed, INV-Z without lines.
L=planted.db
A1=$(/usr/bin/python3 -c "from decimal import Decimal; import sys; print(Decimal(sys.argv[1]) + Decimal('0.01'))" "$A")
printf 'InvoiceId,ProviderName,BillingAccountId,BillingPeriod,Amount,Currency\nINV-A,AWS,123412340534,2023-11,%s,USD\nINV-Z,AWS,123412340534,2023-11,5.00,USD\n' "$A1" >planted.csv
"$COSTLEDGER" --ledger $L init >/dev/null && "$COSTLEDGER" --ledger $L import cur_final.csv planted.csv >/dev/null || fail "import planted"
"$COSTLEDGER" --ledger $L reconcile --month 2023-11 >out.txt
expect "reconcile exit" "$?" 1
nanos() { /usr/bin/python3 -c "from decimal import Decimal; import sys; print(int(Decimal(sys.argv[1]) * 10**9))" "$1"; }
expect "invoice findings" "$(sqlite3 $L "SELECT kind, billed, expected, difference, json_array_length(charge_ids) FROM findings WHERE kind LIKE '%invoice%' ORDER BY kind")" \
"charges_without_invoice|$(nanos "$B")|0|$(nanos "$B")|281
invoice_mismatch|$(nanos "$A")|$(nanos "$A1")|-10000000|1000
invoice_without_charges|0|5000000000|-5000000000|"
grep -q "^invoice_mismatch .* -0.01$" out.txt || fail "printed mismatch: $(grep invoice out.txt)"
# --tolerance above the cent drops the mismatch, not the invoice without lines
"$COSTLEDGER" --ledger $L reconcile --month 2023-11 --tolerance 0.02 >/dev/null
expect "tolerance" "$(sqlite3 $L "SELECT group_concat(kind) FROM (SELECT kind FROM findings WHERE reconciliation_id = (SELECT max(reconciliation_id) FROM reconciliations) AND kind LIKE '%invoice%' ORDER BY kind)")" \
	"charges_without_invoice,invoice_without_charges"
# --show prints the run as it was
"$COSTLEDGER" --ledger $L reconcile --show 1 >show.txt
expect "show" "$(cat show.txt)" "$(cat out.txt)"

# 4. The FOCUS sample with an InvoiceId per provider; one invoice planted off.
/usr/bin/python3 - "$FOCUS" <<'PY'
import csv, sys
from decimal import Decimal, ROUND_HALF_EVEN
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
totals = {}
for r in rows:
    r["InvoiceId"] = "F-" + r["ProviderName"]
    key = (r["InvoiceId"], r["ProviderName"], r["BillingAccountId"], r["BillingCurrency"])
    nanos = Decimal(r["BilledCost"]).quantize(Decimal("1e-9"), ROUND_HALF_EVEN)
    totals[key] = totals.get(key, Decimal(0)) + nanos
w = csv.DictWriter(open("focus_final.csv", "w", newline=""), fieldnames=list(rows[0].keys()))
w.writeheader()
w.writerows(rows)
with open("focus_invoices.csv", "w") as f:
    f.write("InvoiceId,ProviderName,BillingAccountId,BillingPeriod,Amount,Currency\n")
    for (inv, provider, account, currency), total in sorted(totals.items()):
        if provider == "Microsoft":
            total += Decimal("-0.000000001")  # one nano short
        f.write("%s,%s,%s,2024-09,%s,%s\n" % (inv, provider, account, total, currency))
PY
L=focus.db
"$COSTLEDGER" --ledger $L init >/dev/null && "$COSTLEDGER" --ledger $L import focus_final.csv focus_invoices.csv >/dev/null ||
	fail "import FOCUS"
"$COSTLEDGER" --ledger $L reconcile --month 2024-09 >out.txt
grep -q "^month 2024-09: final$" out.txt || fail "FOCUS final: $(cat out.txt)"
expect "FOCUS invoice findings" "$(sqlite3 $L "SELECT kind, provider, difference FROM findings WHERE kind LIKE '%invoice%'")" \
	"invoice_mismatch|Microsoft|1"
# bad invoice totals: file:line and column, nothing imported
printf 'InvoiceId,ProviderName,BillingAccountId,BillingPeriod,Amount,Currency\nX,AWS,1,2023-13,1,USD\n' >bad.csv
"$COSTLEDGER" --ledger $L import bad.csv >/dev/null 2>err.txt
expect "bad period exit" "$?" 2
grep -q "bad.csv:2: column 'BillingPeriod': not a month YYYY-MM or a date in it: \"2023-13\"" err.txt || fail "bad period: $(cat err.txt)"
printf 'InvoiceId,ProviderName,BillingAccountId,BillingPeriod,Amount,Currency\nX,AWS,1,2023-11,12,5,USD\n' >bad.csv
"$COSTLEDGER" --ledger $L import bad.csv >/dev/null 2>err.txt
grep -q "bad.csv:2: 7 fields where the header has 6" err.txt || fail "bad fields: $(cat err.txt)"
echo "ok: invoices"
