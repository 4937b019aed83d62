#!/bin/sh
# tests/cli/import_kinds.sh: an own hardware file is recorded in `imports`
# (and shown by `costledger imports`) as kind 'hardware', a rate card as
# 'rates'; a version 8 ledger, which recorded hardware as 'rates', is
# migrated: its hardware imports (format 'hardware') become kind 'hardware',
# its rate cards stay 'rates', and its schema is a new ledger's.
. "$TESTS/cli/lib.sh"
cl init >/dev/null || fail init
cl import "$top/samples/hardware.csv" "$top/samples/rates.csv" >/dev/null || fail "import"
kinds="SELECT group_concat(format || ':' || kind, ' ') FROM (SELECT * FROM imports ORDER BY import_id)"
expect "kinds" "$(sqlite3 "$L" "$kinds")" "hardware:hardware rates:rates"
cl imports > imports.txt || fail "costledger imports"
grep -qx 'delivery 1 (hardware)' imports.txt || fail "imports: $(head -1 imports.txt)"
cp "$L" fresh.db

# A version 8 ledger: the CHECK without 'hardware', the hardware import as 'rates'.
sqlite3 "$L" "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, ' OR kind = ''hardware'')),', ')),') WHERE name = 'imports';
UPDATE imports SET kind = 'rates';
PRAGMA user_version = 8;" || fail "make a version 8 ledger"
sqlite3 "$L" "SELECT sql FROM sqlite_schema WHERE name = 'imports'" | grep -q "'hardware'" && fail "the version 8 CHECK still has 'hardware'"
cl init >/dev/null 2>&1 || fail "init migrates"
expect "migrated: version" "$(sqlite3 "$L" 'PRAGMA user_version')" "$(sqlite3 fresh.db 'PRAGMA user_version')"
expect "migrated: kinds" "$(sqlite3 "$L" "$kinds")" "hardware:hardware rates:rates"
schema="SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
sqlite3 "$L" "$schema" > migrated.schema
sqlite3 fresh.db "$schema" > fresh.schema
cmp -s migrated.schema fresh.schema || fail "migrated schema differs: $(diff migrated.schema fresh.schema)"
# The migrated CHECK takes a new hardware import.
printf 'machine,gpus,purchase_cost,currency,purchase_date,lifetime_years,watts,price_per_kwh\nn3,8,1000,USD,2026-01-01,4,600,0.20\n' > hw2.csv
cl import hw2.csv >/dev/null || fail "import hardware after the migration"
expect "after: kinds" "$(sqlite3 "$L" "$kinds")" "hardware:hardware rates:rates hardware:hardware"
echo "import_kinds: ok"
