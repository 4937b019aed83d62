#!/bin/sh
# tests/cli/reconcile_report.sh: `costledger report` on the samples: totals
# equal the ledger's exact sums, expected = billed - the run's differences,
# the csv and json forms agree with the table, budgets, --by, and a
# self-contained HTML page (no network: no http(s) URL but the SVG namespace).
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
top=$(cd "$TESTS/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ledger="$work/l.db"
fail() { echo "FAIL: $*"; exit 1; }
"$COSTLEDGER" --ledger "$ledger" init >/dev/null || fail init
sh "$top/samples/load_samples.sh" "$COSTLEDGER" "$ledger" >/dev/null 2>&1 || fail "loading the samples"

# Before any reconciliation: expected = billed.
"$COSTLEDGER" --ledger "$ledger" report --month 2026-10 --format csv >"$work/r0.csv" || fail "report before reconcile"
tail -1 "$work/r0.csv" | grep -q '^total,USD,4744.41,4744.41,0.00,' || { cat "$work/r0.csv"; fail "report before reconcile: total"; }

"$COSTLEDGER" --ledger "$ledger" reconcile --month 2026-10 >/dev/null
"$COSTLEDGER" --ledger "$ledger" report --month 2026-10 --format csv --html "$work/r.html" >"$work/r.csv" || fail report
billed=$(sqlite3 "$ledger" "SELECT sum(billed_cost) FROM charges WHERE charge_period_start LIKE '2026-10%'")
diffs=$(sqlite3 "$ledger" "SELECT sum(difference) FROM findings WHERE reconciliation_id = 1")
want=$(/usr/bin/python3 -c "
from decimal import Decimal as D
b, d = D($billed) / 10**9, D($diffs) / 10**9
print('total,USD,%s,%s,%s' % (b.quantize(D('0.01')), (b - d).quantize(D('0.01')), d.quantize(D('0.01'))))")
tail -1 "$work/r.csv" | grep -q "^$want," || { cat "$work/r.csv"; fail "total row, want $want"; }
# Per project: nlp = spot AWS + GPU cloud nlp; spot savings 46 hours x (32.77 - 9.83)
# (the duplicate hour left out); pause savings 4 h x 24.225 - the 48.45 billed while
# paused; budget use = billed / 1500.
grep -q '^nlp,USD,1576.36,1518.08,58.28,1008.00,1055.24,48.45,1500.00,1.0509,0.00$' "$work/r.csv" || { cat "$work/r.csv"; fail "nlp row"; }
grep -q '^vision,USD,1978.20,1966.20,12.00,' "$work/r.csv" || fail "vision row"

# json has the same numbers.
"$COSTLEDGER" --ledger "$ledger" report --month 2026-10 --by provider --format json >"$work/r.json" || fail json
/usr/bin/python3 - "$work/r.json" <<'PY' || fail "json"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["by"] == "provider" and r["reconciliation_id"] == 1, r
g = {row["group"]: row for row in r["rows"]}
assert g["AWS"]["billed"] == "2604.06" and g["GPUCloud"]["billed"] == "2140.35", g
assert r["total"]["difference"] == "388.03", r["total"]
assert r["currency"] is None and [t["currency"] for t in r["totals"]] == ["USD"] and r["totals"][0] == r["total"], r
assert all(row["currency"] == "USD" for row in r["rows"]), r["rows"]
PY
for by in resource sku; do
	"$COSTLEDGER" --ledger "$ledger" report --month 2026-10 --by $by >"$work/t.txt" || fail "--by $by"
	grep -q '^total .* 4744.41 ' "$work/t.txt" || fail "--by $by total"
done

# HTML: self-contained, one bar pair per project, the findings.
grep -q '<svg' "$work/r.html" || fail "no svg"
[ "$(grep -o "<rect class=.billed. x=.120. y=.[0-9]*. width" "$work/r.html" | wc -l)" = 5 ] || fail "bars (legend and 4 groups)"
grep -Eo 'https?://[^" ]*' "$work/r.html" | grep -v '^http://www.w3.org/2000/svg$' && fail "a URL in the HTML"
[ "$(grep -c '<td>discount_missing</td>\|<td>rate_mismatch</td>\|<td>duplicate_charge</td>\|<td>unexplained_charge</td>\|<td>billed_while_paused</td>' "$work/r.html")" = 5 ] ||
	fail "findings table"
/usr/bin/python3 - "$work/r.html" <<'PY' || fail "html does not nest"
import sys
from html.parser import HTMLParser
void = {"meta", "br", "img", "input", "link", "hr"}
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.stack = []
    def handle_starttag(self, tag, attrs):
        if tag not in void: self.stack.append(tag)
    def handle_startendtag(self, tag, attrs): pass
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()
p = P(); p.feed(open(sys.argv[1]).read()); assert not p.stack, p.stack
PY
# It renders in headless Chromium when there is one (Debian's chromium package).
if command -v chromium >/dev/null 2>&1; then
	HOME="$work" timeout 120 chromium --headless --no-sandbox --disable-gpu --window-size=1100,900 \
		--screenshot="$work/shot.png" "file://$work/r.html" >"$work/chromium.txt" 2>&1 ||
		{ tail -5 "$work/chromium.txt"; fail "chromium could not render the HTML report"; }
	[ "$(wc -c < "$work/shot.png")" -gt 20000 ] || fail "the screenshot is (nearly) empty"
	HOME="$work" timeout 120 chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$work/r.html" \
		2>/dev/null | grep -q '<rect class="expected"' || fail "chromium's DOM has no bars"
else
	echo "note: no chromium here; the HTML was checked for nesting only"
fi
# Bad usage.
for args in "--month 2026-10 --by team" "--month 2026-10 --format xml" "--month x" ""; do
	# shellcheck disable=SC2086
	"$COSTLEDGER" --ledger "$ledger" report $args >/dev/null 2>&1
	[ $? = 2 ] || fail "report $args: not exit 2"
done
echo "reconcile_report: ok"
