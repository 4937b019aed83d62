#!/bin/sh
# tests/cli/report_currency.sh: `costledger report` and `export` never add
# amounts of different currencies. A month with USD, EUR and currency-less
# charges gives a row per project and currency and a total per currency;
# --currency USD converts each amount at the latest fx_rates rate on or
# before its day; a missing rate is an error naming the pair and the day;
# each export column adds up to its rounded total per currency. The
# expected values are worked out by hand below and checked with Python's
# decimal module.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cl() { "$COSTLEDGER" --ledger "$work/l.db" "$@"; }
cl init >/dev/null || fail init
# a: USD 10.005 + 0.005, EUR 20.015 (Oct 3) + 0.004 (Oct 20); b: EUR 5.125
# (Oct 5); c: 1.00 with no currency.
printf '%s\n' 'BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ProviderName,ResourceId,BilledCost,BillingCurrency,Tags' \
	'x,2026-10-01T00:00:00Z,2026-10-01T01:00:00Z,Usage,P,r1,10.005,USD,"{""project"":""a""}"' \
	'x,2026-10-02T00:00:00Z,2026-10-02T01:00:00Z,Usage,P,r2,0.005,USD,"{""project"":""a""}"' \
	'x,2026-10-03T00:00:00Z,2026-10-03T01:00:00Z,Usage,P,r3,20.015,EUR,"{""project"":""a""}"' \
	'x,2026-10-05T00:00:00Z,2026-10-05T01:00:00Z,Usage,P,r4,5.125,EUR,"{""project"":""b""}"' \
	'x,2026-10-06T00:00:00Z,2026-10-06T01:00:00Z,Usage,P,r5,1.00,,"{""project"":""c""}"' \
	'x,2026-10-20T00:00:00Z,2026-10-20T01:00:00Z,Usage,P,r6,0.004,EUR,"{""project"":""a""}"' \
	>"$work/bill.csv"
cl import "$work/bill.csv" >/dev/null || fail "import"
printf '%s\n' 'project,period,amount,currency,alert_ratio' 'a,2026-10,50,USD,0.8' >"$work/budgets.csv"
cl import --format budgets "$work/budgets.csv" >/dev/null || fail "budgets"
# EUR -> USD: 1.1 from Sep 30, 1.2 from Oct 4 (Oct 25: after every charge).
# CHF: USD from Sep 1, EUR only from Oct 4, so the Oct 3 charge has none.
sqlite3 "$work/l.db" "INSERT INTO fx_rates (rate_date, from_currency, to_currency, rate) VALUES
	('2026-09-30', 'EUR', 'USD', '1.1'), ('2026-10-04', 'EUR', 'USD', '1.2'), ('2026-10-25', 'EUR', 'USD', '1.3'),
	('2026-09-01', 'USD', 'CHF', '0.9'), ('2026-10-04', 'EUR', 'CHF', '0.95')" || fail "fx_rates"

# Per currency. a EUR 20.019 -> 20.02, a USD 10.010, b EUR 5.125 -> 5.12
# (half-even), c 1.00 in no currency; totals: '' 1.00, EUR 25.144 -> 25.14,
# USD 10.01. a's USD budget: 10.01 / 50 = 0.2002.
cl report --month 2026-10 --format csv >"$work/r.csv" || fail "report"
cat >"$work/want.csv" <<'EOF'
project,currency,billed,expected,difference,gpu_hours,spot_savings,pause_savings,budget,budget_use,own_cost
a,EUR,20.02,20.02,0.00,0.00,0.00,0.00,,,0.00
a,USD,10.01,10.01,0.00,0.00,0.00,0.00,50.00,0.2002,0.00
b,EUR,5.12,5.12,0.00,0.00,0.00,0.00,,,0.00
c,,1.00,1.00,0.00,0.00,0.00,0.00,,,0.00
total,,1.00,1.00,0.00,0.00,0.00,0.00,,,0.00
total,EUR,25.14,25.14,0.00,0.00,0.00,0.00,,,0.00
total,USD,10.01,10.01,0.00,0.00,0.00,0.00,50.00,0.2002,0.00
EOF
diff "$work/want.csv" "$work/r.csv" || fail "report per currency"
cl report --month 2026-10 >"$work/r.txt" || fail "report table"
grep -q '^total  *EUR  *25.14 ' "$work/r.txt" || { cat "$work/r.txt"; fail "table: EUR total"; }
grep -q '^total  *USD  *10.01 ' "$work/r.txt" || { cat "$work/r.txt"; fail "table: USD total"; }
cl report --month 2026-10 --format json >"$work/r.json" || fail "report json"
/usr/bin/python3 - "$work/r.json" <<'PY' || fail "json per currency"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["total"] is None and r["currency"] is None, r
assert [(t["currency"], t["billed"]) for t in r["totals"]] == [("", "1.00"), ("EUR", "25.14"), ("USD", "10.01")], r["totals"]
assert [(x["group"], x["currency"]) for x in r["rows"]] == [("a", "EUR"), ("a", "USD"), ("b", "EUR"), ("c", "")], r["rows"]
PY

# The HTML page: the per-project table has a row per currency and a total
# per currency, and the page still nests.
cl report --month 2026-10 --html "$work/r.html" >/dev/null || fail "report --html"
/usr/bin/python3 - "$work/r.html" <<'PY' || fail "html per currency"
import re, sys
from html.parser import HTMLParser
page = open(sys.argv[1]).read()
rows = re.findall(r"<tr><t[dh]>([^<]*)</t[dh]><t[dh]>([^<]*)</t[dh]><td class=\"n\">([^<]*)</td>", page)
assert rows == [("a", "EUR", "20.02"), ("a", "USD", "10.01"), ("b", "EUR", "5.12"), ("c", "", "1.00"),
                ("total", "", "1.00"), ("total", "EUR", "25.14"), ("total", "USD", "10.01")], rows
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.stack = []
    def handle_starttag(self, tag, attrs):
        if tag != "meta": self.stack.append(tag)
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()
p = P(); p.feed(page); assert not p.stack, p.stack
PY

# --currency USD: a 10.010 + 20.015 x 1.1 (Oct 3: the Sep 30 rate) + 0.004 x 1.2
# (Oct 20: the Oct 4 rate, not Oct 25's) = 32.0313; b 5.125 x 1.2 = 6.15;
# c 1.00 (no currency: taken as USD); total 39.1813 -> 39.18.
want=$(/usr/bin/python3 -c '
from decimal import Decimal as D
a = D("10.005") + D("0.005") + D("20.015") * D("1.1") + D("0.004") * D("1.2")
b = D("5.125") * D("1.2")
c = D("1.00")
q = lambda x: x.quantize(D("0.01"))
print("%s %s %s %s %.4f" % (q(a), q(b), q(c), q(a + b + c), a / 50))')
set -- $want
cl report --month 2026-10 --currency usd --format csv >"$work/u.csv" || fail "report --currency usd"
cat >"$work/want.csv" <<EOF
project,currency,billed,expected,difference,gpu_hours,spot_savings,pause_savings,budget,budget_use,own_cost
a,USD,$1,$1,0.00,0.00,0.00,0.00,50.00,$5,0.00
b,USD,$2,$2,0.00,0.00,0.00,0.00,,,0.00
c,USD,$3,$3,0.00,0.00,0.00,0.00,,,0.00
total,USD,$4,$4,0.00,0.00,0.00,0.00,50.00,0.7836,0.00
EOF
diff "$work/want.csv" "$work/u.csv" || fail "report --currency USD"
[ "$1 $2 $3 $4" = "32.03 6.15 1.00 39.18" ] || fail "the hand-worked values: $want"

# A missing rate: an error naming the pair and the day, exit 2.
cl report --month 2026-10 --currency CHF >/dev/null 2>"$work/err.txt"
[ $? = 2 ] || fail "a missing rate: not exit 2"
grep -qF "costledger: report: no exchange rate from 'EUR' to 'CHF' on or before 2026-10-03 in fx_rates" "$work/err.txt" ||
	fail "a missing rate: $(cat "$work/err.txt")"
cl export --month 2026-10 --what summary --currency GBP -o "$work/x.csv" 2>"$work/err.txt"
[ $? = 2 ] || fail "export: a missing rate: not exit 2"
grep -qF "no exchange rate from 'USD' to 'GBP' on or before 2026-10-01" "$work/err.txt" || fail "export: $(cat "$work/err.txt")"
for bad in "US" "USDX" "U1D"; do
	cl report --month 2026-10 --currency "$bad" >/dev/null 2>&1
	[ $? = 2 ] || fail "--currency $bad accepted"
done
cl export --month 2026-10 --what charges --currency USD -o - >/dev/null 2>&1 && fail "--currency for charges"

# Exports: each column adds up to its rounded total per currency. Charges:
# USD 10.005, 0.005 -> 10.01, 0.00 (total 10.01); EUR 20.015, 5.125, 0.004
# -> 20.02, 5.12, 0.00 (total 25.14: one cent to the first of the equal
# remainders). Rounded across currencies they would be 10.01, 0.01, 20.01.
cl reconcile --month 2026-10 >/dev/null
for what in summary findings charges; do
	cl export --month 2026-10 --what $what -o "$work/$what.csv" || fail "export $what"
done
cl export --month 2026-10 --what summary --currency USD -o "$work/summary-usd.csv" || fail "export summary --currency"
/usr/bin/python3 - "$work" <<'PY' || fail "exports per currency"
import csv, sys
from decimal import Decimal as D
w = sys.argv[1]
read = lambda name: list(csv.DictReader(open(w + "/" + name, newline="")))
ch = read("charges.csv")
assert [(r["currency"], r["billed_cost"]) for r in ch] == [
    ("USD", "10.01"), ("USD", "0.00"), ("EUR", "20.02"), ("EUR", "5.12"), ("", "1.00"), ("EUR", "0.00")], ch
exact = {"USD": D("10.010"), "EUR": D("25.144"), "": D("1.00")}
for cur, total in exact.items():
    assert sum(D(r["billed_cost"]) for r in ch if r["currency"] == cur) == total.quantize(D("0.01")), cur
# Every charge is unexplained (no usage): each finding has its charge's currency.
f = read("findings.csv")
body, totals = [r for r in f if r["kind"] != "total"], [r for r in f if r["kind"] == "total"]
assert [(t["currency"], t["billed"], t["difference"]) for t in totals] == [
    ("", "1.00", "1.00"), ("EUR", "25.14", "25.14"), ("USD", "10.01", "10.01")], totals
for t in totals:
    for c in ("billed", "expected", "difference"):
        assert sum(D(r[c]) for r in body if r["currency"] == t["currency"]) == D(t[c]), (t, c)
s = read("summary.csv")
assert [(r["project"], r["currency"], r["billed"], r["expected"]) for r in s] == [
    ("a", "EUR", "20.02", "0.00"), ("a", "USD", "10.01", "0.00"), ("b", "EUR", "5.12", "0.00"),
    ("c", "", "1.00", "0.00"), ("total", "", "1.00", "0.00"), ("total", "EUR", "25.14", "0.00"),
    ("total", "USD", "10.01", "0.00")], s
u = read("summary-usd.csv")
assert [(r["project"], r["currency"], r["billed"], r["expected"]) for r in u] == [
    ("a", "USD", "32.03", "0.00"), ("b", "USD", "6.15", "0.00"), ("c", "USD", "1.00", "0.00"),
    ("total", "USD", "39.18", "0.00")], u
PY
echo "report_currency: ok"
