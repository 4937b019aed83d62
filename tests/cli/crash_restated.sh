#!/bin/sh
# tests/cli/crash_restated.sh: a superseding import killed with SIGKILL.
# A 60k-row FOCUS statement is in the ledger; its restatement (every 10th
# amount changed, every 25th line removed, 500 lines added) is imported
# and killed at 12 moments from 5% to 300% of a measured full import. After each
# kill PRAGMA integrity_check is ok and the ledger holds the old statement
# whole (nothing in charge_history) or the new one whole (the replaced
# rows all in charge_history); importing again gives the new one.
# In the sanitized pass (SAN=1) and in `make test` (FAST=1) the bill has 15k
# rows and there are 6 kills, still from 5% to 300%.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
rows=60000
kills=12
if [ "${SAN:-}" = 1 ] || [ "${FAST:-}" = 1 ]; then
	rows=15000
	kills=6
fi
fail() { echo "FAIL: crash_restated.sh: $*"; exit 1; }
now_ms() { date +%s%3N; }

# Writes old.csv and new.csv; prints "old_rows old_nanos new_rows new_nanos replaced".
/usr/bin/python3 - "$rows" <<'PY' > expected.txt || fail "cannot generate the bills"
import sys
n = int(sys.argv[1])
head = ("BillingAccountId,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,"
        "ChargeCategory,ProviderName,ResourceId,BilledCost,BillingCurrency\n")
def line(i, nanos):
    h, m = divmod(i, 60)
    d, h = divmod(h, 24)
    day = "2026-10-%02d" % (1 + d % 28)
    return ("acct,2026-10-01T00:00:00Z,2026-11-01T00:00:00Z,%sT%02d:%02d:00Z,%sT%02d:%02d:59Z,"
            "Usage,GPUCloud,r-%d,%d.%09d,USD\n" % (day, h, m, day, h, m, i, nanos // 10**9, nanos % 10**9))
old = {i: (i * 7919) % 10**11 for i in range(n)}
new = {}
replaced = 0
for i, v in old.items():
    if i % 25 == 0:
        replaced += 1
        continue
    if i % 10 == 0:
        new[i] = v + 1234567
        replaced += 1
    else:
        new[i] = v
for i in range(n, n + 500):
    new[i] = (i * 104729) % 10**11
for name, rows in (("old.csv", old), ("new.csv", new)):
    with open(name, "w") as f:
        f.write(head)
        for i in sorted(rows):
            f.write(line(i, rows[i]))
print(len(old), sum(old.values()), len(new), sum(new.values()), replaced)
PY
set -- $(cat expected.txt)
old_rows=$1 old_nanos=$2 new_rows=$3 new_nanos=$4 replaced=$5

"$COSTLEDGER" --ledger seed.db init >/dev/null || fail "init"
"$COSTLEDGER" --ledger seed.db import old.csv >/dev/null || fail "the old statement"

# Prints "old" or "new"; fails on anything else.
state() {
	ok=$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)
	[ "$ok" = ok ] || fail "integrity_check after $2: $ok"
	got=$(sqlite3 "$1" "SELECT count(*) || ' ' || sum(billed_cost) FROM charges;
	                    SELECT count(*) FROM charge_history")
	set -- $got
	if [ "$1 $2 $3" = "$old_rows $old_nanos 0" ]; then
		echo old
	elif [ "$1 $2 $3" = "$new_rows $new_nanos $replaced" ]; then
		echo new
	else
		fail "after $4 the ledger holds $1 charges summing to $2 nanos, $3 in history: neither statement whole"
	fi
}

cp seed.db full.db
t0=$(now_ms)
"$COSTLEDGER" --ledger full.db import new.csv >/dev/null || fail "the full restatement failed"
t1=$(now_ms)
full_ms=$((t1 - t0))
[ "$(state full.db 'the full restatement')" = new ] || fail "the full restatement is not whole"
echo "restatement of $rows rows: $full_ms ms"

olds=0
news=0
i=1
while [ "$i" -le "$kills" ]; do
	rm -f k.db k.db-wal k.db-shm
	cp seed.db k.db
	delay_ms=$((full_ms * (5 + (295 * (i - 1)) / (kills - 1)) / 100))
	"$COSTLEDGER" --ledger k.db import new.csv >/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	s=$(state k.db "kill $i at $delay_ms ms") || { echo "$s"; exit 1; }
	case "$s" in old) olds=$((olds + 1)) ;; new) news=$((news + 1)) ;; esac
	"$COSTLEDGER" --ledger k.db import new.csv >/dev/null || fail "re-import after kill $i failed"
	s=$(state k.db "the re-import after kill $i") || { echo "$s"; exit 1; }
	[ "$s" = new ] || fail "the re-import after kill $i left the $s statement"
	i=$((i + 1))
done
echo "crash_restated: $kills kills: $olds left the old statement, $news the new; every re-import whole"
