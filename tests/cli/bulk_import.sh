#!/bin/sh
# tests/cli/bulk_import.sh: a large import into a small table builds
# charges_resource once at the end (ledger/bulk_index.c). Whatever path an
# import takes, the ledger must end with exactly the schema it started with:
#  1. a 40,000-row bill into a fresh ledger (indexes deferred): the schema
#     is unchanged, integrity ok, the rows and total exact, and queries by
#     resource use charges_resource;
#  2. the same size of bill with a bad last row: exit 2, the ledger dump
#     byte-identical to before (indexes back, nothing imported);
#  3. a small bill into that ledger (no deferral): same schema again;
#  4. --dry-run of a large bill: schema and rows unchanged;
#  5. an import killed between committing its rows and building the indexes
#     it deferred (made by hand: the index dropped and listed in
#     deferred_indexes): reads work, and the next write builds the index;
#  6. a schema version 1 ledger (no deferred_indexes) is migrated to the latest.
. "$TESTS/cli/lib.sh"
checks=0
ok() { checks=$((checks + 1)); }
rows=40000

# bill NAME ROWS FIRST BAD: writes a FOCUS-style bill; prints its total in
# nanos. BAD=1 makes the last row's cost "12,5".
bill() {
	/usr/bin/python3 - "$@" <<'PY'
import sys
out, n, first, bad = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
total = 0
with open(out, "w") as f:
    f.write("BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ResourceId,ServiceName,"
            "ChargeDescription,BilledCost\n")
    for i in range(first, first + n):
        h, m = divmod(i, 60)
        d, h = divmod(h, 24)
        day = "2025-%02d-%02d" % (1 + (d // 28) % 12, 1 + d % 28)
        nanos = (i * 7919) % 1000000000
        cost = "%d.%09d" % (i % 7, nanos)
        if bad and i == first + n - 1:
            cost = '"12,5"'
        total += (i % 7) * 10**9 + nanos
        f.write("acct,%sT%02d:%02d:00Z,%sT%02d:%02d:59Z,i-%05d,Compute,"
                "a padded description for the size of a real bill line %d,%s\n"
                % (day, h, m, day, h, m, i % 997, i, cost))
print(total)
PY
}
schema() { sqlite3 "$1" "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name"; }

"$COSTLEDGER" --ledger l.db init >/dev/null || fail init
schema l.db > schema.before
grep -q "charges_resource: CREATE INDEX" schema.before || fail "no charges_resource in a new ledger"

# 1. large bill, fresh ledger
total=$(bill big.csv "$rows" 0 0) || fail "generate big.csv"
[ "$(wc -c < big.csv)" -gt $((20000 * 100)) ] || fail "big.csv too small to take the bulk path"
"$COSTLEDGER" --ledger l.db import big.csv > out 2> err || fail "import big.csv: $(cat err)"
schema l.db > schema.after
cmp -s schema.before schema.after || fail "schema changed by a bulk import: $(diff schema.before schema.after)"
ok
[ "$(sqlite3 l.db 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after bulk import"
ok
# imports run with foreign_keys off (cmd_import.c): every reference must hold
[ -z "$(sqlite3 l.db 'PRAGMA foreign_key_check')" ] || fail "foreign_key_check: $(sqlite3 l.db 'PRAGMA foreign_key_check')"
ok
got=$(sqlite3 l.db 'SELECT count(*) || " " || sum(billed_cost) FROM charges')
[ "$got" = "$rows $total" ] || fail "ledger holds '$got', want '$rows $total'"
ok
plan=$(sqlite3 l.db "EXPLAIN QUERY PLAN SELECT * FROM charges WHERE resource_id = 'i-00042'")
case $plan in *charges_resource*) ok ;; *) fail "query by resource does not use charges_resource: $plan" ;; esac
got=$(sqlite3 l.db "SELECT count(*) FROM charges INDEXED BY charges_resource WHERE resource_id = 'i-00042'")
want=$(sqlite3 l.db "SELECT count(*) FROM charges NOT INDEXED WHERE resource_id = 'i-00042'")
[ "$got" = "$want" ] && [ "$got" -gt 0 ] || fail "charges_resource finds $got rows, a scan $want"
ok

# 2. a large bill that fails on its last row
bill bad.csv "$rows" "$rows" 1 >/dev/null || fail "generate bad.csv"
sqlite3 l.db .dump > dump.before
"$COSTLEDGER" --ledger l.db import bad.csv > out 2> err
rc=$?
[ "$rc" = 2 ] || fail "bad.csv: exit $rc, want 2: $(cat err)"
grep -q "bad.csv:$((rows + 1)): column 'BilledCost'" err || fail "bad.csv: message: $(cat err)"
sqlite3 l.db .dump > dump.after
cmp -s dump.before dump.after || fail "a failed bulk import changed the ledger"
ok

# 3. a small bill into the now larger table: no deferral, same schema
bill small.csv 100 "$((2 * rows))" 0 >/dev/null || fail "generate small.csv"
"$COSTLEDGER" --ledger l.db import small.csv > out 2> err || fail "import small.csv: $(cat err)"
schema l.db > schema.after
cmp -s schema.before schema.after || fail "schema changed by a small import"
ok

# 4. --dry-run of a large bill
bill big2.csv "$rows" "$((3 * rows))" 0 >/dev/null || fail "generate big2.csv"
"$COSTLEDGER" --ledger l2.db init >/dev/null || fail "init l2.db"
sqlite3 l2.db .dump > dump.before
"$COSTLEDGER" --ledger l2.db import --dry-run big2.csv > out 2> err || fail "dry run: $(cat err)"
sqlite3 l2.db .dump > dump.after
cmp -s dump.before dump.after || fail "a dry run changed the ledger"
ok

# 5. rows committed, index not yet built
cp l.db l5.db
sqlite3 l5.db "BEGIN; INSERT INTO deferred_indexes SELECT name, tbl_name, sql FROM sqlite_schema
  WHERE name = 'charges_resource'; DROP INDEX charges_resource; COMMIT" || fail "set up l5.db"
got=$("$COSTLEDGER" --ledger l5.db sql "SELECT count(*) FROM charges WHERE resource_id = 'i-00042'" 2>&1) ||
	fail "a read with an index left to build: $got"
case $got in *"$want"*) ok ;; *) fail "a read with an index left to build gives '$got', want $want" ;; esac
[ "$(sqlite3 l5.db 'SELECT count(*) FROM deferred_indexes')" = 1 ] || fail "a read built the index"
ok
"$COSTLEDGER" --ledger l5.db import small.csv > out 2> err || fail "import after a kill: $(cat err)"
schema l5.db > schema.after
cmp -s schema.before schema.after || fail "the next write did not build the index: $(diff schema.before schema.after)"
ok
[ "$(sqlite3 l5.db 'SELECT count(*) FROM deferred_indexes')" = 0 ] || fail "deferred_indexes not emptied"
ok
plan=$(sqlite3 l5.db "EXPLAIN QUERY PLAN SELECT * FROM charges WHERE resource_id = 'i-00042'")
case $plan in *charges_resource*) ok ;; *) fail "rebuilt charges_resource not used: $plan" ;; esac
[ "$(sqlite3 l5.db 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after the rebuild"
ok

# 6. a version 1 ledger: version 2's schema (tests/data/schema-v2.sql)
# without deferred_indexes. Migrated, its tables have a new ledger's columns
# and its indexes a new ledger's text (later migrations edit some CREATE
# TABLE texts in place, so those are compared by their columns).
columns() {
	sqlite3 "$1" "SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", coalesce(p.dflt_value, ''), p.pk
	  FROM sqlite_schema m, pragma_table_xinfo(m.name) p WHERE m.type = 'table' ORDER BY 1, 2;
	  SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name"
}
sqlite3 l6.db ".read $TESTS/data/schema-v2.sql" "DROP TABLE deferred_indexes; PRAGMA user_version = 1" ||
	fail "set up l6.db"
"$COSTLEDGER" --ledger l6.db import big2.csv > out 2> err || fail "import into a version 1 ledger: $(cat err)"
[ "$(sqlite3 l6.db 'PRAGMA user_version')" = "$(sqlite3 l.db 'PRAGMA user_version')" ] || fail "l6.db not migrated to the version of a new ledger"
ok
[ "$(columns l6.db)" = "$(columns l.db)" ] || fail "migrated schema differs: $(columns l6.db) / $(columns l.db)"
ok

echo "ok: bulk_import.sh ($checks checks)"
