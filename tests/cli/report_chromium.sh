#!/bin/sh
# tests/cli/report_chromium.sh: the HTML report of the samples renders in
# headless Chromium (Debian's chromium package, not installed by `make deps`:
# skipped where it is missing) with its bars in the DOM and a screenshot that
# is not empty. tests/cli/reconcile_report.sh checks the HTML itself.
. "$TESTS/cli/lib.sh"
need chromium chromium
cl init >/dev/null || fail init
sh "$top/samples/load_samples.sh" "$COSTLEDGER" "$L" >/dev/null 2>&1 || fail "loading the samples"
cl reconcile --month 2026-10 >/dev/null
cl report --month 2026-10 --html r.html >/dev/null || fail report
# One run of the browser: the screenshot, and the DOM on stdout.
HOME="$work" timeout 120 chromium --headless --no-sandbox --disable-gpu --window-size=1100,900 \
	--screenshot="$work/shot.png" --dump-dom "file://$work/r.html" >dom.html 2>chromium.txt ||
	{ tail -5 chromium.txt; fail "chromium could not render the HTML report"; }
[ "$(wc -c < shot.png)" -gt 20000 ] || fail "the screenshot is (nearly) empty"
grep -q '<rect class="expected"' dom.html || fail "chromium's DOM has no bars"
echo "report_chromium: ok"
