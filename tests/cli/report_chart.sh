#!/bin/sh
# tests/cli/report_chart.sh: the HTML report's daily cost chart per project
# with a budget: one inline SVG each, whose day bars add up to the
# project's spend in budget_status, with the budget and alert lines at the
# budget's figures and the forecast of `costledger budget`; then it renders
# in headless Chromium (a screenshot, and the DOM keeps the charts). No
# chromium: SKIP (exit 77), not a pass.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
top=$(cd "$TESTS/.." && pwd)
L="$work/ledger.db"

fail() { echo "FAIL: $*"; exit 1; }
cl() { "$COSTLEDGER" --ledger "$L" "$@"; }

cl init >/dev/null || fail "init"
sh "$top/samples/load_samples.sh" "$COSTLEDGER" "$L" >/dev/null 2>&1 || fail "loading the samples"
cl report --month 2026-10 --html r.html >/dev/null || fail "report --html"
cl sql --csv "SELECT project, money_text(spend, 2), money_text(amount, 2), money_text(money_mul(amount, alert_ratio), 2) FROM budget_status WHERE period = '2026-10' ORDER BY project" |
	sed 1d | tr -d '"\r' > budgets.csv
cl budget --month 2026-10 --format csv | sed 1d | cut -d, -f1,12 > forecasts.csv
/usr/bin/python3 - r.html budgets.csv forecasts.csv <<'PY' || fail "the charts do not match the ledger"
import re, sys
from decimal import Decimal as D
html = open(sys.argv[1]).read()
budgets = [l.strip().split(",") for l in open(sys.argv[2])]
forecasts = dict(l.strip().split(",") for l in open(sys.argv[3]))
charts = re.findall(r'<h3>([^<]*) \((\w+)\): forecast ([0-9.-]+)</h3>\n(<svg class="budget-chart".*?</svg>)', html, re.S)
assert [c[0] for c in charts] == [b[0] for b in budgets], ([c[0] for c in charts], budgets)
for (project, cur, forecast, svg), (p, spend, amount, alert_at) in zip(charts, budgets):
    days = re.findall(r'<rect class="day"[^>]*><title>2026-10-(\d\d): ([0-9.]+)</title>', svg)
    assert days, project
    assert sum(D(v) for _, v in days) == D(spend), (project, days, spend)
    assert re.search(r'class="budget".*?<title>budget %s</title>' % re.escape(amount), svg), (project, amount)
    assert re.search(r'class="alert".*?<title>alert %s</title>' % re.escape(alert_at), svg), (project, alert_at)
    assert forecast == forecasts[project], (project, forecast, forecasts[project])
    assert 'class="forecast"' in svg and 'class="spend"' in svg, project
print(len(charts), "charts")
PY
# Well-formed enough for an XML parser: every SVG.
/usr/bin/python3 - r.html <<'PY' || fail "an SVG is not well-formed"
import re, sys, xml.etree.ElementTree as ET
for svg in re.findall(r'<svg .*?</svg>', open(sys.argv[1]).read(), re.S):
    ET.fromstring(svg)
PY
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	# make deps installs it: under CI a missing chromium is a failure
	[ "${CI:-}" = true ] && fail "chromium is missing under CI=true, yet make deps installs it"
	echo "SKIP: no chromium (apt-get install chromium): the charts were not rendered"
	exit 77
fi
# One run of the browser: the screenshot, and the DOM on stdout.
HOME="$work" timeout 120 "$browser" --headless --no-sandbox --disable-gpu --window-size=1100,2400 \
	--screenshot="$work/shot.png" --dump-dom "file://$work/r.html" >dom.html 2>chromium.txt ||
	{ tail -5 chromium.txt; fail "chromium could not render the report"; }
[ "$(wc -c < shot.png)" -gt 20000 ] || fail "the screenshot is (nearly) empty"
[ "$(grep -o 'class="budget-chart"' dom.html | wc -l)" = "$(wc -l < budgets.csv)" ] || fail "chromium's DOM lost charts"
grep -q '<polyline class="forecast"' dom.html || fail "chromium's DOM has no forecast line"
echo "report_chart: ok"
