#!/bin/sh
# tests/cli/reconcile_samples.sh: `costledger reconcile` on the shipped
# October 2026 samples finds each planted problem of samples/make_samples.py
# with its exact amount (recomputed here from the planted prices and hours,
# in nanos) and flags nothing else; the run is stored and `--show` prints it
# unchanged after more imports; the tolerance and --provider filter work.
. "$TESTS/cli/lib.sh"
ledger="$work/l.db"
"$COSTLEDGER" --ledger "$ledger" init >/dev/null || fail "init"
sh "$top/samples/load_samples.sh" "$COSTLEDGER" "$ledger" >"$work/load.txt" 2>&1 ||
	{ cat "$work/load.txt"; fail "loading the samples"; }

# The planted problems, from the planted values (prices per hour, hours).
/usr/bin/python3 - >"$work/want.txt" <<'PY'
from decimal import Decimal as D
n = lambda x: int(x * 10**9)
od, spot, gc_list, coupon = D("32.77"), D("9.83"), D("28.50"), D("0.15")
gc_net = gc_list * (1 - coupon)
rows = [
    ("billed_while_paused", "GPUCloud", "gc-a100-01", n(2 * gc_net), 0),
    ("discount_missing", "GPUCloud", "gc-a100-02", n(36 * gc_list), n(36 * gc_net)),
    ("duplicate_charge", "AWS", "i-0b2", n(spot), 0),
    ("rate_mismatch", "AWS", "i-0a1", n(6 * D("34.77")), n(6 * od)),
    ("unexplained_charge", "AWS", "i-0c3", n(5 * od), 0),
]
for kind, prov, res, billed, expected in rows:
    print("%s|%s|%s|%d|%d|%d" % (kind, prov, res, billed, expected, billed - expected))
PY

"$COSTLEDGER" --ledger "$ledger" reconcile --month 2026-10 >"$work/run1.txt"
rc=$?
[ "$rc" = 1 ] || { cat "$work/run1.txt"; fail "reconcile exit status $rc, want 1"; }
sqlite3 "$ledger" "SELECT kind, provider, resource_id, billed, expected, difference FROM findings
	WHERE reconciliation_id = 1 ORDER BY kind" >"$work/got.txt" || fail "reading findings"
diff "$work/want.txt" "$work/got.txt" || fail "findings differ from the planted problems"
[ "$(sqlite3 "$ledger" "SELECT findings_count, tolerance, last_import_id = (SELECT max(import_id) FROM imports), month
	FROM reconciliations WHERE reconciliation_id = 1")" = "5|0|1|2026-10" ] || fail "the stored run"
grep -q "^5 findings above the tolerance" "$work/run1.txt" || fail "summary line"
grep -q "discount_missing .* 153.90$" "$work/run1.txt" || fail "table row"

# --show prints the stored run unchanged, even after new imports.
printf '%s\n' 'BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ProviderName,ResourceId,BilledCost' \
	'gc-acct-7,2026-10-30T00:00:00Z,2026-10-30T01:00:00Z,Usage,GPUCloud,gc-a100-09,24.225' >"$work/late.csv"
"$COSTLEDGER" --ledger "$ledger" import "$work/late.csv" >/dev/null || fail "late import"
"$COSTLEDGER" --ledger "$ledger" reconcile --show 1 >"$work/show1.txt"
[ $? = 1 ] || fail "--show exit status"
cmp -s "$work/run1.txt" "$work/show1.txt" || { diff "$work/run1.txt" "$work/show1.txt"; fail "--show differs"; }
# A new run sees the late charge as unexplained.
"$COSTLEDGER" --ledger "$ledger" reconcile --month 2026-10 >"$work/run2.txt"
[ "$(sqlite3 "$ledger" "SELECT count(*), sum(kind = 'unexplained_charge' AND resource_id = 'gc-a100-09' AND difference = 24225000000)
	FROM findings WHERE reconciliation_id = 2")" = "6|1" ] || { cat "$work/run2.txt"; fail "second run"; }

# Tolerance: every finding is below 200, so the month reconciles (exit 0).
"$COSTLEDGER" --ledger "$ledger" reconcile --month 2026-10 --tolerance 200 >"$work/run3.txt"
[ $? = 0 ] || fail "tolerance 200 exit status"
grep -q "the month reconciles" "$work/run3.txt" || fail "tolerance 200 output"
# Only findings above 50 stay: 153.90 and 163.85.
"$COSTLEDGER" --ledger "$ledger" reconcile --month 2026-10 --tolerance 50 >/dev/null
[ "$(sqlite3 "$ledger" "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM findings WHERE reconciliation_id = 4 ORDER BY kind)")" = \
	"discount_missing unexplained_charge" ] || fail "tolerance 50"
# One provider.
"$COSTLEDGER" --ledger "$ledger" reconcile --month 2026-10 --provider AWS >/dev/null
[ "$(sqlite3 "$ledger" "SELECT count(*), count(DISTINCT provider) FROM findings WHERE reconciliation_id = 5")" = "3|1" ] ||
	fail "--provider AWS"
# Another month: nothing to reconcile.
"$COSTLEDGER" --ledger "$ledger" reconcile --month 2026-09 >/dev/null || fail "an empty month must reconcile"

# Bad usage: exit 2.
for args in "--month 2026-13" "--month 26-10" "" "--show x" "--show 99" "--month 2026-10 --tolerance abc"; do
	# shellcheck disable=SC2086
	"$COSTLEDGER" --ledger "$ledger" reconcile $args >/dev/null 2>&1
	[ $? = 2 ] || fail "reconcile $args: exit status not 2"
done
"$COSTLEDGER" --ledger "$ledger" reconcile -h | grep -q "^usage: costledger reconcile" || fail "-h"
echo "reconcile_samples: ok"
