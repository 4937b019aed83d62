#!/bin/sh
# tests/cli/migrate_row_keys.sh: a ledger written by schema version 6 (before
# row keys came from the typed record: tests/data/ledger_v6_focus_twice.sql,
# the shipped FOCUS sample imported by costledger at 8fe879e, then again with
# its columns in reverse order), migrated, takes a
# restatement of that bill in which one line's BilledCost changed: exactly
# that line moves to charge_history, every other line is recognised as
# unchanged, and the month's total is the restatement's. A ledger already of
# version 8 (a 45-column FOCUS bill, the CUR sample) keeps every key.
. "$TESTS/cli/lib.sh"
need python3 python3

# the bill as the fixture was imported from (the shipped sample has gained columns since); not in tests/data/*.csv, which other tests take as the bill corpus
sample="$TESTS/data/v6/gpucloud-focus-2026-10.csv"
python3 - "$sample" restated.csv <<'PY' || fail "write the restatement"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='')))
cost = rows[0].index('BilledCost')
rows[10][cost] = '11.00'
with open(sys.argv[2], 'w', newline='') as f:
    csv.writer(f, lineterminator='\n').writerows(rows)
PY
total() { # the sum of BilledCost of a CSV, exactly
	python3 -c 'import csv, sys, decimal
r = list(csv.DictReader(open(sys.argv[1], newline="")))
print(sum(decimal.Decimal(x["BilledCost"]) for x in r))' "$1"
}
# the fixture's first delivery alone: the ledger as version 6 left it after it
sqlite3 "$L" ".read $TESTS/data/ledger_v6_focus_twice.sql" "DELETE FROM charges WHERE import_id = 2;
	DELETE FROM imports WHERE import_id = 2" || fail "build the version-6 ledger"
expect "fixture version" "$(sqlite3 "$L" 'PRAGMA user_version')" 6
cl init > out.txt 2>&1 || fail "migrate: $(cat out.txt)"
"$COSTLEDGER" --ledger new.db init > /dev/null || fail "init"
expect "migrated version" "$(sqlite3 "$L" 'PRAGMA user_version')" "$(sqlite3 new.db 'PRAGMA user_version')"
# the keys are those a new ledger gives the same bill
"$COSTLEDGER" --ledger new.db import "$sample" > /dev/null || fail "import into a new ledger"
expect "lines whose key is not a new ledger's" "$(sqlite3 "$L" "ATTACH 'new.db' AS fresh;
	SELECT count(*) FROM charges c JOIN fresh.charges f USING (source_line)
	WHERE c.row_key IS NOT f.row_key OR c.occurrence IS NOT f.occurrence")" 0

cl import restated.csv > out.txt 2> err.txt || fail "import the restatement: $(cat err.txt)"
expect "history: the changed line only" "$(q "SELECT source_line FROM charge_history")" 11
expect "restated: new rows" "$(q "SELECT count(*) FROM charges WHERE source_file = 'restated.csv'")" 1
expect "restated: total" "$(q "SELECT money_text(sum(billed_cost), 2) FROM charges")" \
	"$(python3 -c 'import decimal, sys; print(decimal.Decimal(sys.argv[1]).quantize(decimal.Decimal("0.01")))' "$(total restated.csv)")"

# The same bill delivered twice to version 6 with its columns in another
# order was stored twice (the month doubled: 4280.70). Migrated, the copies
# share a key (occurrences 0 and 1); the next statement of the bill keeps
# one of each and moves the other to history: the month is the bill's again.
L="$work/twice.db"
sqlite3 "$L" ".read $TESTS/data/ledger_v6_focus_twice.sql" || fail "build the doubled version-6 ledger"
expect "doubled: before" "$(sqlite3 "$L" 'SELECT count(*), sum(billed_cost) FROM charges')" "164|4280700000000"
cl init > out.txt 2>&1 || fail "migrate the doubled ledger: $(cat out.txt)"
expect "doubled: occurrences" "$(sqlite3 "$L" 'SELECT occurrence, count(*) FROM charges GROUP BY 1 ORDER BY 1')" "0|82
1|82"
cl import "$sample" > out.txt 2> err.txt || fail "import the bill again: $(cat err.txt)"
expect "doubled: after" "$(q "SELECT count(*) || ' ' || money_text(sum(billed_cost), 2) FROM charges")" \
	"82 $(python3 -c 'import decimal, sys; print(decimal.Decimal(sys.argv[1]).quantize(decimal.Decimal("0.01")))' "$(total "$sample")")"
expect "doubled: history" "$(q "SELECT count(*) || ' ' || min(import_id) FROM charge_history")" "82 2"

# Every column the key reads comes back from the ledger as an import gave it:
# a ledger of version 8 (keys already today's) with a 45-column FOCUS bill
# and the CUR sample keeps every key through the migration.
L="$work/v8.db"
cl init > /dev/null || fail "init v8.db"
python3 "$top/bench/import/gen_focus.py" 400 > rich.csv || fail "generate a FOCUS bill"
cl import rich.csv "$top/samples/aws-cur-2026-10.csv.gz" > out.txt 2> err.txt || fail "import: $(cat err.txt)"
sqlite3 "$L" "SELECT charge_id, hex(row_key), occurrence FROM charges ORDER BY 1" > keys_before.txt
[ "$(wc -l < keys_before.txt)" -gt 400 ] || fail "too few charges: $(wc -l < keys_before.txt)"
sqlite3 "$L" "PRAGMA user_version = 8" || fail "set version 8"
cl init > out.txt 2>&1 || fail "migrate v8.db: $(cat out.txt)"
sqlite3 "$L" "SELECT charge_id, hex(row_key), occurrence FROM charges ORDER BY 1" > keys_after.txt
cmp -s keys_before.txt keys_after.txt ||
	fail "keys changed by the migration: $(diff keys_before.txt keys_after.txt | grep -c '^>') of $(wc -l < keys_before.txt)"
