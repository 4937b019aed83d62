#!/bin/sh
# tests/cli/budget.sh: `costledger budget --month M [--check]` on the samples.
# The month-end forecast (spend + spend / days elapsed x days left + the cost
# to come of the project's running jobs) is recomputed here with Python's
# decimal from budget_status and job_forecast; then budgets are set so that
# the alert threshold (alert_ratio x budget) sits exactly at the forecast, a
# cent above it and a cent below it: --check exits 1, 0 and 1. Spend alone
# is far below each threshold, so the forecast is what alerts.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
top=$(cd "$TESTS/.." && pwd)
L="$work/ledger.db"

fail() { echo "FAIL: $*"; exit 1; }
cl() { "$COSTLEDGER" --ledger "$L" "$@"; }
q() { "$COSTLEDGER" --ledger "$L" sql --csv "$1" | sed 1d | tr -d '\r"'; }
expect() { [ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"; }

cl init >/dev/null || fail "init"
sh "$top/samples/load_samples.sh" "$COSTLEDGER" "$L" >/dev/null 2>&1 || fail "loading the samples"
sqlite3 "$L" "DELETE FROM budgets WHERE project <> 'vision'"

# 16 of October's 31 days elapsed, 15 left.
spend=$(q "SELECT money_text(spend) FROM budget_status WHERE project = 'vision' AND period = '2026-10'")
to_come=$(q "SELECT money_text(sum(cost_to_come)) FROM job_forecast WHERE project = 'vision' AND epochs_left > 0 AND budget_period = '2026-10'")
[ -n "$spend" ] && [ -n "$to_come" ] || fail "no spend or jobs to come for vision"
forecast=$(/usr/bin/python3 -c 'import sys; from decimal import Decimal as D
s, j = D(sys.argv[1]), D(sys.argv[2])
print((s + (s * 15 / 16).quantize(D("1e-9")) + j).quantize(D("1e-9")))' "$spend" "$to_come")

budget() { # budget AMOUNT: vision's budget for October, alert ratio 0.5
	printf 'project,period,amount,currency,alert_ratio\nvision,2026-10,%s,USD,0.5\n' "$1" > "b-$1.csv"
	cl import --format budgets "b-$1.csv" >/dev/null || fail "import budget $1"
}
run() { # run WANT_EXIT WANT_STATUS
	cl budget --month 2026-10 --as-of 2026-10-16 --check --format csv > out.csv 2>err.txt
	got=$?
	[ "$got" = "$1" ] || fail "budget --check with $(sed -n 2p out.csv): exit $got, want $1 ($(cat err.txt))"
	expect "status" "$(sed -n 2p out.csv | awk -F, '{print $NF}')" "$2"
}
twice=$(/usr/bin/python3 -c 'import sys; from decimal import Decimal as D; print(D(sys.argv[1]) * 2)' "$forecast")
at=$(/usr/bin/python3 -c 'import sys; from decimal import Decimal as D; print(D(sys.argv[1]))' "$twice")
under=$(/usr/bin/python3 -c 'import sys; from decimal import Decimal as D; print(D(sys.argv[1]) + D("0.02"))' "$twice")
over=$(/usr/bin/python3 -c 'import sys; from decimal import Decimal as D; print(D(sys.argv[1]) - D("0.02"))' "$twice")

budget "$under"
run 0 ok
f=$(sed -n 2p out.csv | awk -F, '{print $12}')
want=$(/usr/bin/python3 -c 'import sys; from decimal import Decimal as D, ROUND_HALF_EVEN; print(D(sys.argv[1]).quantize(D("0.01"), ROUND_HALF_EVEN))' "$forecast")
expect "forecast" "$f" "$want"
expect "spend" "$(sed -n 2p out.csv | awk -F, '{print $6}')" "$(/usr/bin/python3 -c 'import sys; from decimal import Decimal as D; print(D(sys.argv[1]).quantize(D("0.01")))' "$spend")"
expect "days" "$(sed -n 2p out.csv | awk -F, '{print $7 "," $8}')" "16,15"
budget "$at"
run 1 "alert: forecast"
budget "$over"
run 1 "alert: forecast"
# Without --check an alert is not the exit status.
cl budget --month 2026-10 --as-of 2026-10-16 > table.txt || fail "budget without --check"
grep -q '^vision .*alert: forecast$' table.txt || fail "table: $(cat table.txt)"
# A past month has no days left: the forecast is spend + jobs to come.
cl budget --month 2026-10 --as-of 2026-11-20 --format csv > past.csv || fail "past month"
expect "past month days" "$(sed -n 2p past.csv | awk -F, '{print $7 "," $8}')" "31,0"
# Bad usage: exit 2.
for args in "" "--month 2026-13" "--month 2026-10 --as-of 2026-10-32" "--month 2026-10 --as-of 2026-09-30" "--month 2026-10 --format xml"; do
	# shellcheck disable=SC2086
	cl budget $args >/dev/null 2>&1
	[ $? = 2 ] || fail "budget $args: not exit 2"
done
echo "budget: ok"
