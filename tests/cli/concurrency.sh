#!/bin/sh
# tests/cli/concurrency.sh: imports into one ledger at the same time.
#  1. Two imports of different bills at once: both exit 0 (one waits on the
#     busy timeout), integrity ok, both bills whole and the total exact.
#  2. Two imports of the same bill at once: both exit 0, the bill is there once.
#  3. Readers (the sqlite3 shell and `costledger sql`) polling during an
#     import see the state before it or after it, never part of it.
# Bills of 30k rows; 8k in the sanitized pass, 15k in `make test` (FAST=1).
. "$TESTS/cli/lib.sh"
rows=30000
[ "${FAST:-}" = 1 ] && rows=15000
[ "${SAN:-}" = 1 ] && rows=8000

# bill NAME ROWS ACCOUNT: writes NAME and prints its total in nanos.
bill() {
	/usr/bin/python3 - "$1" "$2" "$3" <<'PY'
import sys
out, n, acct = sys.argv[1], int(sys.argv[2]), sys.argv[3]
total = 0
with open(out, "w") as f:
    f.write("BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ResourceId,BilledCost\n")
    for i in range(n):
        h, m = divmod(i, 60)
        d, h = divmod(h, 24)
        day = "2024-%02d-%02d" % (1 + d // 28, 1 + d % 28)
        nanos = (i * 104729) % 1000000000
        total += (i % 10) * 10**9 + nanos
        f.write("%s,%sT%02d:%02d:00Z,%sT%02d:%02d:59Z,r%d,%d.%09d\n" % (acct, day, h, m, day, h, m, i, i % 10, nanos))
print(total)
PY
}
total_a=$(bill a.csv "$rows" acctA) || fail "generate a.csv"
total_b=$(bill b.csv "$rows" acctB) || fail "generate b.csv"

check() { # LEDGER WANT_ROWS WANT_TOTAL WHAT
	ok=$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)
	[ "$ok" = ok ] || fail "$4: integrity_check: $ok"
	got=$(sqlite3 "$1" 'SELECT count(*) || " " || coalesce(sum(billed_cost), 0) FROM charges')
	[ "$got" = "$2 $3" ] || fail "$4: ledger holds '$got' (rows nanos), want '$2 $3'"
}

# --- 1. two different bills at once ----------------------------------------
"$COSTLEDGER" --ledger l1.db init >/dev/null || fail init
"$COSTLEDGER" --ledger l1.db import a.csv >a.out 2>a.err &
pa=$!
"$COSTLEDGER" --ledger l1.db import b.csv >b.out 2>b.err &
pb=$!
wait "$pa"; ra=$?
wait "$pb"; rb=$?
[ "$ra" = 0 ] || fail "concurrent import of a.csv: exit $ra: $(cat a.err)"
[ "$rb" = 0 ] || fail "concurrent import of b.csv: exit $rb: $(cat b.err)"
check l1.db $((2 * rows)) $((total_a + total_b)) "two imports at once"
echo "two different bills at once: both imported, $((2 * rows)) rows, exact total"

# --- 2. the same bill twice at once ------------------------------------------
"$COSTLEDGER" --ledger l2.db init >/dev/null || fail init
"$COSTLEDGER" --ledger l2.db import a.csv >a.out 2>a.err &
pa=$!
"$COSTLEDGER" --ledger l2.db import a.csv >b.out 2>b.err &
pb=$!
wait "$pa"; ra=$?
wait "$pb"; rb=$?
[ "$ra" = 0 ] && [ "$rb" = 0 ] || fail "the same bill twice at once: exits $ra and $rb: $(cat a.err b.err)"
check l2.db "$rows" "$total_a" "the same bill twice at once"
grep -q 'already imported' a.out b.out || fail "neither import says the bill was already imported"
echo "the same bill twice at once: both exit 0, imported once"

# --- 3. readers during an import ---------------------------------------------
"$COSTLEDGER" --ledger l3.db init >/dev/null || fail init
"$COSTLEDGER" --ledger l3.db import a.csv >/dev/null || fail "import a.csv"
before="$rows $total_a"
after="$((2 * rows)) $((total_a + total_b))"
"$COSTLEDGER" --ledger l3.db import b.csv >b.out 2>b.err &
pb=$!
reads=0
while :; do
	running=0
	kill -0 "$pb" 2>/dev/null && running=1
	# A reader waits out the moments a writer locks the whole file (the
	# checkpoint when the importer closes the ledger), as costledger sql does.
	s=$(sqlite3 -cmd '.timeout 10000' l3.db 'SELECT count(*) || " " || coalesce(sum(billed_cost), 0) FROM charges' 2>&1)
	c=$("$COSTLEDGER" --ledger l3.db sql --csv 'SELECT count(*) || " " || coalesce(sum(billed_cost), 0) FROM charges' 2>&1 | tail -1 | tr -d '"')
	for seen in "$s" "$c"; do
		[ "$seen" = "$before" ] || [ "$seen" = "$after" ] ||
			fail "a reader during the import saw '$seen', neither before '$before' nor after '$after'"
	done
	reads=$((reads + 2))
	[ "$running" = 1 ] || break
done
wait "$pb" || fail "import of b.csv while reading: $(cat b.err)"
check l3.db $((2 * rows)) $((total_a + total_b)) "after the read loop"
echo "readers during an import: $reads reads, each before or after"
