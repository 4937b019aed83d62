#!/bin/sh
# tests/cli/export_killed.sh: an export killed with SIGKILL leaves its
# temporary file beside the target (and the target as it was); the next
# write of the same target removes it: it is named after that target and a
# process that no longer exists (docs/reliability.md). A temporary file of a
# live process, of another target, or not named the costledger way stays.
. "$TESTS/cli/lib.sh"
cl init >/dev/null || fail init
printf '%s\n' 'BillingAccountId,ChargePeriodStart,ChargePeriodEnd,BilledCost,BillingCurrency' \
	'a,2026-10-01T00:00:00Z,2026-10-01T01:00:00Z,1.25,USD' > bill.csv
cl import bill.csv >/dev/null || fail import
# 200,000 copies of the charge: an export that takes long enough to be killed.
sqlite3 "$L" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
INSERT INTO charges (import_id, source_file, source_line, row_key, occurrence, charge_period_start,
 charge_period_end, billed_cost, billing_currency)
SELECT c.import_id, c.source_file, n.i + 1, c.row_key, n.i, c.charge_period_start, c.charge_period_end,
 c.billed_cost, c.billing_currency FROM charges c, n" || fail "copies of the charge"
mkdir out
echo "the previous export" > out/charges.csv
temps() { ls -a out | grep 'costledger-' | grep -v -e '^\.other' -e "-$$-" -e '^\.costledger-old'; }

"$COSTLEDGER" --ledger "$L" export --month 2026-10 --what charges -o out/charges.csv &
pid=$!
i=0
while [ -z "$(temps)" ] && [ $i -lt 500 ]; do
	sleep 0.01
	i=$((i + 1))
done
kill -KILL $pid 2>/dev/null
wait $pid
rc=$?
[ "$rc" = 137 ] || skip "the export ended (exit $rc) before it could be killed"
[ -n "$(temps)" ] || fail "the killed export left no temporary file: $(ls -a out)"
expect "the target after the kill" "$(cat out/charges.csv)" "the previous export"

# Decoys: a live process's (this shell's), another target's, an unknown name.
dead=$(sh -c 'echo $$')
touch "out/.charges.csv.costledger-tmp-$$-abcdef" "out/.other.csv.costledger-tmp-$dead-abcdef" \
	out/.costledger-old
cl export --month 2026-10 --what charges -o out/charges.csv || fail "export again"
expect "stale temporary files after the next export" "$(temps | tr '\n' ' ')" ""
expect "rows written" "$(wc -l < out/charges.csv)" 200002
for f in ".charges.csv.costledger-tmp-$$-abcdef" ".other.csv.costledger-tmp-$dead-abcdef" .costledger-old; do
	[ -e "out/$f" ] || fail "removed $f, which is not a stale temporary file of this target"
done
echo "export_killed: ok"
