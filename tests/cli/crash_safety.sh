#!/bin/sh
# tests/cli/crash_safety.sh: an import is one transaction, whatever kills it.
#  1. A 100k-row FOCUS bill is imported and killed with SIGKILL at 20 moments
#     spread over a measured full import; after each kill PRAGMA
#     integrity_check is ok, the ledger holds none or all of the file, and
#     importing again completes with the exact total.
#  2. `reconcile` killed at 10 moments: every stored run has all its findings.
#  3. A full disk (ulimit -f, SIGXFSZ ignored so writes fail with EFBIG)
#     gives exit status 3 and an error, and leaves the ledger readable and
#     unchanged. (A read-only ledger: tests/cli/readonly_ledger.sh.)
# In the sanitized pass (SAN=1) the bill has 20k rows and there are 8 kills;
# in `make test` (FAST=1) 10k rows, 5 kills of the import and 3 of reconcile.
. "$TESTS/cli/lib.sh"
rows=100000
kills=20
rec_kills=10
if [ "${SAN:-}" = 1 ]; then
	rows=20000
	kills=8
elif [ "${FAST:-}" = 1 ]; then
	rows=10000
	kills=5
	rec_kills=3
fi
now_ms() { date +%s%3N; }
# moment I of N, spread from 2% to 120% of TOTAL ms (the last ones land during or after COMMIT)
moment_ms() { echo $(($1 * (2 + (118 * ($2 - 1)) / ($3 - 1)) / 100)); } # moment_ms TOTAL I N

/usr/bin/python3 - "$rows" bill.csv <<'PY' > expected.txt || fail "cannot generate the bill"
import sys
n, out = int(sys.argv[1]), sys.argv[2]
total = 0
with open(out, "w") as f:
    f.write("BillingAccountId,SubAccountId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,"
            "ServiceName,ResourceId,PricingQuantity,BilledCost,EffectiveCost,BillingCurrency,"
            "ProviderName,Tags\n")
    for i in range(n):
        h, m = divmod(i, 60)
        d, h = divmod(h, 24)
        day = "2024-%02d-%02d" % (1 + d // 28, 1 + d % 28)
        nanos = (i * 7919) % 1000000000
        total += (i % 100) * 10**9 + nanos
        f.write("acct,sub%d,%sT%02d:%02d:00Z,%sT%02d:%02d:59Z,Usage,EC2,i-%08x,1,%d.%09d,%d.%02d,USD,AWS,"
                "\"{\"\"project\"\":\"\"p%d\"\"}\"\n"
                % (i % 7, day, h, m, day, h, m, i, i % 100, nanos, i % 50, i % 100, i % 13))
print(total)
PY
expected_total=$(cat expected.txt)

# The seeded ledger every round starts from: two charges of an earlier bill.
"$COSTLEDGER" --ledger seed.db init >/dev/null || fail "init"
printf '%s\n' 'BillingAccountId,ChargePeriodStart,ChargePeriodEnd,BilledCost' \
	'old,2023-01-01T00:00:00Z,2023-01-01T01:00:00Z,5.000000001' \
	'old,2023-01-01T01:00:00Z,2023-01-01T02:00:00Z,7' > seed.csv
"$COSTLEDGER" --ledger seed.db import seed.csv >/dev/null || fail "seed import"
seed_total=12000000001
seed_rows=2

# A ledger is consistent: integrity ok and none or all of bill.csv in it.
# Prints "none" or "all".
state() {
	ok=$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)
	[ "$ok" = ok ] || fail "integrity_check after $2: $ok"
	got=$(sqlite3 "$1" "SELECT count(*) || ' ' || coalesce(sum(billed_cost), 0) FROM charges; SELECT count(*) FROM imports")
	set -- $got "$2"
	if [ "$1 $2 $3" = "$seed_rows $seed_total 1" ]; then
		echo none
	elif [ "$1 $2 $3" = "$((seed_rows + rows)) $((seed_total + expected_total)) 2" ]; then
		echo all
	else
		fail "after $4 the ledger holds $1 charges summing to $2 nanos in $3 imports: neither none nor all"
	fi
}

# Measure a full import.
cp seed.db full.db
t0=$(now_ms)
"$COSTLEDGER" --ledger full.db import bill.csv >/dev/null || fail "the full import failed"
t1=$(now_ms)
full_ms=$((t1 - t0))
[ "$(state full.db 'the full import')" = all ] || fail "the full import is not all there"
# money_total agrees with the exact sum, as text with 9 decimals.
want=$(/usr/bin/python3 -c "t = $seed_total + $expected_total; print('%d.%09d' % (t // 10**9, t % 10**9))")
got=$("$COSTLEDGER" --ledger full.db sql --csv 'SELECT money_text(money_total(billed_cost), 9) FROM charges' 2>&1 | tail -1 | tr -d '"')
[ "$got" = "$want" ] || fail "money_total after the full import: $got, want $want"
echo "full import of $rows rows: $full_ms ms; total $got"

# Kill at moments spread from 2% to 120% of the full import time (the last
# ones land during or after COMMIT).
none=0
all=0
i=1
while [ "$i" -le "$kills" ]; do
	rm -f k.db k.db-wal k.db-shm
	cp seed.db k.db
	delay_ms=$(moment_ms "$full_ms" "$i" "$kills")
	"$COSTLEDGER" --ledger k.db import bill.csv >/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	s=$(state k.db "kill $i at $delay_ms ms") || { echo "$s"; exit 1; }
	echo "kill $i at $delay_ms ms: $s"
	case "$s" in none) none=$((none + 1)) ;; all) all=$((all + 1)) ;; esac
	# Importing again completes, with the right total either way.
	"$COSTLEDGER" --ledger k.db import bill.csv >/dev/null || fail "re-import after kill $i failed"
	s=$(state k.db "the re-import after kill $i") || { echo "$s"; exit 1; }
	[ "$s" = all ] || fail "the re-import after kill $i left $s of the bill"
	# A kill between the rows' COMMIT and the deferred indexes' (bulk_index.h)
	# left them listed; the re-import opened the ledger for writing and built them.
	[ "$(sqlite3 k.db "SELECT (SELECT count(*) FROM deferred_indexes) || ' ' ||
	     (SELECT count(*) FROM sqlite_schema WHERE name = 'charges_resource')")" = "0 1" ] ||
		fail "after kill $i and a re-import, charges_resource is not built"
	i=$((i + 1))
done
echo "$kills kills: $none left none of the bill, $all all of it; every re-import complete"

# --- reconcile killed midway: the stored runs are whole -----------------------
"$COSTLEDGER" --ledger rec.db init >/dev/null || fail "init rec.db"
sh "$top/samples/load_samples.sh" "$COSTLEDGER" rec.db >load.txt 2>&1 || { cat load.txt; fail "loading the samples"; }
# The bill moved into October 2026: every line of it becomes a finding
# (no usage explains it), so a reconcile runs long enough to be killed.
sed 's/2024-0[1-9]-/2026-10-/g' bill.csv > october.csv
"$COSTLEDGER" --ledger rec.db import october.csv >/dev/null || fail "importing october.csv"
cp rec.db rec0.db
t0=$(now_ms)
"$COSTLEDGER" --ledger rec.db reconcile --month 2026-10 >/dev/null
rc=$?
t1=$(now_ms)
[ "$rc" -le 1 ] || fail "reconcile exit status $rc"
rec_ms=$((t1 - t0))
want_findings=$(sqlite3 rec.db 'SELECT findings_count FROM reconciliations')
whole=0
i=1
while [ "$i" -le "$rec_kills" ]; do
	rm -f rec.db rec.db-wal rec.db-shm
	cp rec0.db rec.db
	delay_ms=$(moment_ms "$rec_ms" "$i" "$rec_kills")
	"$COSTLEDGER" --ledger rec.db reconcile --month 2026-10 >/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	ok=$(sqlite3 rec.db 'PRAGMA integrity_check' 2>&1)
	[ "$ok" = ok ] || fail "integrity_check after reconcile kill $i: $ok"
	# Every stored run has all its findings, and no finding is without its run.
	bad=$(sqlite3 rec.db "SELECT count(*) FROM reconciliations r WHERE findings_count <> $want_findings
		OR findings_count <> (SELECT count(*) FROM findings f WHERE f.reconciliation_id = r.reconciliation_id);
		SELECT count(*) FROM findings WHERE reconciliation_id NOT IN (SELECT reconciliation_id FROM reconciliations)")
	[ "$bad" = "0
0" ] || fail "after reconcile kill $i at $delay_ms ms: a stored run is not whole ($bad)"
	runs=$(sqlite3 rec.db 'SELECT count(*) FROM reconciliations')
	[ "$runs" = 0 ] || whole=$((whole + 1))
	i=$((i + 1))
done
echo "reconcile ($rec_ms ms, $want_findings findings) killed $rec_kills times: $whole left a whole run, $((rec_kills - whole)) none"

# --- full disk: a file size limit makes the WAL writes fail (EFBIG) -------------
cp seed.db disk.db
sqlite3 disk.db .dump > before.sql
( trap '' XFSZ; ulimit -f 1024; exec "$COSTLEDGER" --ledger disk.db import bill.csv ) >out.txt 2>err.txt
rc=$?
[ "$rc" = 3 ] || fail "full disk: exit status $rc, not 3 ($(cat err.txt))"
grep -q 'costledger: ' err.txt || fail "full disk: no error message"
echo "full disk: exit 3: $(head -1 err.txt)"
[ "$(state disk.db 'a full disk')" = none ] || fail "full disk: the ledger changed"
sqlite3 disk.db .dump > after.sql
cmp -s before.sql after.sql || fail "full disk: the ledger dump changed"

# A read-only ledger (file, folder, mount) is tests/cli/readonly_ledger.sh.
exit 0
