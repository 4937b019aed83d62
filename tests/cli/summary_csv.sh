#!/bin/sh
# tests/cli/summary_csv.sh: `report --format csv` and `export --what summary`
# are one writer: the same bytes, and per currency every money column of the
# rows adds up exactly to the total row, each row within a cent of its exact
# amount. Four projects whose cents, rounded one by one, do not add up to
# the rounded total (0.005 x 3 and -1.255: 0.00 x 3 and -1.26 sum to -1.26,
# the total is -1.24), in two currencies, by project and by provider.
. "$TESTS/cli/lib.sh"
need python3 python3
cl init >/dev/null || fail init
printf '%s\n' 'BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ProviderName,ResourceId,BilledCost,BillingCurrency,Tags' \
	'a,2026-10-01T00:00:00Z,2026-10-01T01:00:00Z,Usage,P,r1,0.005,USD,"{""project"":""a""}"' \
	'a,2026-10-01T01:00:00Z,2026-10-01T02:00:00Z,Usage,P,r2,0.005,USD,"{""project"":""b""}"' \
	'a,2026-10-01T02:00:00Z,2026-10-01T03:00:00Z,Usage,P,r3,0.005,USD,"{""project"":""c""}"' \
	'a,2026-10-01T03:00:00Z,2026-10-01T04:00:00Z,Credit,P,r4,-1.255,USD,"{""project"":""d""}"' \
	'e,2026-10-01T00:00:00Z,2026-10-01T01:00:00Z,Usage,Q,r5,0.125,EUR,"{""project"":""a""}"' \
	'e,2026-10-01T01:00:00Z,2026-10-01T02:00:00Z,Usage,Q,r6,0.125,EUR,"{""project"":""b""}"' \
	>bill.csv
cl import bill.csv >/dev/null || fail import
cl report --month 2026-10 --format csv >report.csv || fail "report --format csv"
cl export --month 2026-10 --what summary -o summary.csv || fail "export --what summary"
cmp -s report.csv summary.csv || { diff report.csv summary.csv; fail "the report's CSV differs from the summary export"; }
cl report --month 2026-10 --format csv --by provider >provider.csv || fail "report --by provider"
exact=$(sqlite3 "$L" "SELECT group_concat(project || ':' || billing_currency || ':' || billed_cost || ':' || provider) FROM charges")
python3 - report.csv provider.csv "$exact" <<'PY' || fail "the rows do not add up to the total"
import csv, sys
from decimal import Decimal as D, ROUND_HALF_EVEN
exact = {}
for name, group in ((sys.argv[1], 0), (sys.argv[2], 3)):
    want = {}
    for item in sys.argv[3].split(","):
        parts = item.split(":")
        key = (parts[group], parts[1])
        want[key] = want.get(key, D(0)) + D(parts[2]) / 10**9
    rows = list(csv.reader(open(name, newline="")))
    head, body = rows[0], rows[1:]
    col = head.index("billed")
    totals = [r for r in body if r[0] == "total"]
    assert sorted(r[1] for r in totals) == ["EUR", "USD"], (name, totals)
    for t in totals:
        cur = t[1]
        mine = [r for r in body if r[0] != "total" and r[1] == cur]
        exact_total = sum(v for (g, c), v in want.items() if c == cur)
        assert D(t[col]) == exact_total.quantize(D("0.01"), rounding=ROUND_HALF_EVEN), (name, t)
        for c in ("billed", "expected", "difference"):
            i = head.index(c)
            assert sum(D(r[i]) for r in mine) == D(t[i]), (name, cur, c, mine, t)
        for r in mine:
            assert abs(D(r[col]) - want[(r[0], cur)]) < D("0.01"), (name, r)
PY
# An empty month: the total row has 0.00 GPU-hours and no budget (not a
# budget of 0.00 and an empty gpu_hours), in the report and the export alike.
"$COSTLEDGER" --ledger empty.db init > /dev/null || fail "init empty.db"
"$COSTLEDGER" --ledger empty.db report --month 2026-01 --format csv > empty_report.csv || fail "report of an empty month"
"$COSTLEDGER" --ledger empty.db export --what summary --month 2026-01 -o empty_export.csv || fail "export of an empty month"
expect "empty month: report total row" "$(tail -n 1 empty_report.csv)" "total,,0.00,0.00,0.00,0.00,0.00,0.00,,,0.00"
cmp -s empty_report.csv empty_export.csv || fail "empty month: report and export differ"
echo "summary_csv: ok"
