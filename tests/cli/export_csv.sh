#!/bin/sh
# tests/cli/export_csv.sh: `costledger export`: RFC 4180 (python's csv reads
# it back), amounts half-even to the cent whose rows add up exactly to the
# rounded total (three charges of 0.005 each: 0.015 rounds to 0.02, so the
# rows are 0.01, 0.01, 0.00, not 0.00 x 3 or 0.01 x 3), --decimals, --crlf,
# spreadsheet-injection neutralised in text cells but not in numbers, and
# the FOCUS round trip of the samples' charges into a fresh ledger.
. "$TESTS/cli/lib.sh"
L="$work/l.db"
cl init >/dev/null || fail init
printf '%s\n' 'BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ProviderName,ResourceId,ChargeDescription,BilledCost,Tags' \
	'a,2026-10-01T00:00:00Z,2026-10-01T01:00:00Z,Usage,P,r1,plain,0.005,"{""project"":""=HYPERLINK(1)""}"' \
	'a,2026-10-01T01:00:00Z,2026-10-01T02:00:00Z,Usage,P,r2,"with, comma",0.005,"{""project"":""+x""}"' \
	'a,2026-10-01T02:00:00Z,2026-10-01T03:00:00Z,Usage,P,-r3,"say ""hi""",0.005,"{""project"":""@me""}"' \
	'a,2026-10-01T03:00:00Z,2026-10-01T04:00:00Z,Credit,P,r4,refund,-1.255,"{""project"":""ok""}"' \
	>"$work/bill.csv"
cl import "$work/bill.csv" >/dev/null || fail import
cl export --month 2026-10 --what charges -o "$work/c.csv" || fail "export charges"
/usr/bin/python3 - "$work/c.csv" <<'PY' || fail "charges csv"
import csv, sys
from decimal import Decimal as D
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert [r["billed_cost"] for r in rows] == ["0.01", "0.01", "0.00", "-1.26"], [r["billed_cost"] for r in rows]
# the column adds up to the exact total rounded half-even: -1.24 -> -1.24
assert sum(D(r["billed_cost"]) for r in rows) == (D("0.015") - D("1.255")).quantize(D("0.01")), rows
assert [r["project"] for r in rows] == ["'=HYPERLINK(1)", "'+x", "'@me", "ok"], [r["project"] for r in rows]
assert rows[2]["resource_id"] == "'-r3", rows[2]
assert rows[3]["billed_cost"].startswith("-"), "numbers are not neutralised"
PY
grep -q ',-1.26,' "$work/c.csv" || fail "a negative amount must stay a bare number"
grep -q "\"'=HYPERLINK(1)\"" "$work/c.csv" || fail "neutralised cell not quoted"
[ "$(grep -c "$(printf '\r')" "$work/c.csv")" = 0 ] || fail "LF by default"
cl export --month 2026-10 --what charges --crlf --decimals 3 -o "$work/c3.csv" || fail "--crlf --decimals"
[ "$(grep -c "$(printf '\r')\$" "$work/c3.csv")" = 5 ] || fail "CRLF on every line"
/usr/bin/python3 - "$work/c3.csv" <<'PY' || fail "3 decimals"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert [r["billed_cost"] for r in rows] == ["0.005", "0.005", "0.005", "-1.255"], rows
PY
cl export --month 2026-10 --what charges --decimals 10 -o "$work/x.csv" 2>/dev/null && fail "--decimals 10 accepted"

# The samples: each export's amount columns add up to the rounded totals.
cl2() { "$COSTLEDGER" --ledger "$work/s.db" "$@"; }
cl2 init >/dev/null || fail init
sh "$top/samples/load_samples.sh" "$COSTLEDGER" "$work/s.db" >/dev/null 2>&1 || fail "loading samples"
cl2 reconcile --month 2026-10 >/dev/null
for what in summary findings charges usage; do
	cl2 export --month 2026-10 --what $what -o "$work/$what.csv" || fail "export $what"
done
exact=$(sqlite3 "$work/s.db" "SELECT sum(billed_cost) FROM charges WHERE charge_period_start LIKE '2026-10%'")
/usr/bin/python3 - "$work" "$exact" <<'PY' || fail "sample exports"
import csv, sys
from decimal import Decimal as D, ROUND_HALF_EVEN
w, exact = sys.argv[1], D(sys.argv[2]) / 10**9
rnd = lambda x: x.quantize(D("0.01"), rounding=ROUND_HALF_EVEN)
ch = list(csv.DictReader(open(w + "/charges.csv", newline="")))
assert sum(D(r["billed_cost"]) for r in ch) == rnd(exact), "charges"
for name, cols in (("summary", ["billed", "expected", "difference"]),
                   ("findings", ["billed", "expected", "difference"])):
    rows = list(csv.DictReader(open(w + "/" + name + ".csv", newline="")))
    body, total = rows[:-1], rows[-1]
    assert total[list(total)[0]] == "total", name
    for c in cols:
        assert sum(D(r[c]) for r in body) == D(total[c]), (name, c)
    for r in rows:
        assert D(r["billed"]) - D(r["expected"]) == D(r["difference"]), (name, r)
s = list(csv.DictReader(open(w + "/summary.csv", newline="")))
assert D(s[-1]["billed"]) == rnd(exact), "summary total"
f = list(csv.DictReader(open(w + "/findings.csv", newline="")))
assert f[-1]["difference"] == "388.03" and len(f) == 6, f[-1]
u = list(csv.DictReader(open(w + "/usage.csv", newline="")))
assert len(u) > 20 and all(float(r["hours"]) > 0 for r in u), "usage"
PY
# FOCUS round trip: a fresh ledger imports the export to the same totals.
cl2 export --month 2026-10 --what charges --format focus -o "$work/focus.csv" || fail "export focus"
"$COSTLEDGER" --ledger "$work/rt.db" init >/dev/null || fail init
"$COSTLEDGER" --ledger "$work/rt.db" import "$work/focus.csv" >/dev/null || fail "re-import of the FOCUS export"
# FOCUS requires ListCost and ContractedCost: the export writes BilledCost
# where the bill had none (docs/exports.md).
q="SELECT coalesce(provider,''), coalesce(project,''), coalesce(charge_category,''), coalesce(billing_currency,''), count(*), sum(billed_cost), sum(effective_cost), sum(unit_price), sum(coalesce(list_cost, billed_cost)), sum(coalesce(contracted_cost, billed_cost)) FROM charges GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
[ "$(sqlite3 "$work/s.db" "$q")" = "$(sqlite3 "$work/rt.db" "$q")" ] || fail "FOCUS round trip totals differ"
cl2 export --month 2026-10 --what summary --format focus -o "$work/no.csv" 2>/dev/null && fail "--format focus for summary"
echo "export_csv: ok"
