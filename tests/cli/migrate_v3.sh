#!/bin/sh
# tests/cli/migrate_v3.sh: a version-2 ledger (tests/data/schema-v2.sql, the
# schema.sql of schema version 2, with a bill in it) migrated by `init` to
# version 3 has the schema of a new ledger (every table's columns, types,
# defaults and CHECKs as a new ledger enforces them), keeps its rows and
# references, and takes invoice totals and invoice findings.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

fail() { echo "FAIL: $*"; exit 1; }
expect() { # expect WHAT GOT WANT
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}
columns() { # every table's columns as PRAGMA table_xinfo gives them
	sqlite3 "$1" "SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", coalesce(p.dflt_value, ''), p.pk
	  FROM sqlite_schema m, pragma_table_xinfo(m.name) p WHERE m.type = 'table' ORDER BY 1, 2"
}

sqlite3 v2.db ".read $TESTS/data/schema-v2.sql" "PRAGMA user_version = 2;
  INSERT INTO imports (import_id, kind, file_name, content_crc32, content_size, format, imported_at)
    VALUES (1, 'bill', 'old.csv', 1, 1, 'focus-1.2', '2024-01-01T00:00:00Z');
  INSERT INTO charges (import_id, source_file, source_line, row_key, charge_period_start, charge_period_end, billed_cost, invoice_id, provider, billing_account_id)
    VALUES (1, 'old.csv', 2, x'01', '2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z', 1500000000, 'I-1', 'Cloud', 'acct');" ||
	fail "build a version-2 ledger"
"$COSTLEDGER" --ledger v2.db init >out.txt 2>&1 || fail "migrate: $(cat out.txt)"
"$COSTLEDGER" --ledger new.db init >/dev/null || fail "init"
expect "version" "$(sqlite3 v2.db "PRAGMA user_version")" "$(sqlite3 new.db "PRAGMA user_version")"
expect "columns" "$(columns v2.db)" "$(columns new.db)"
expect "integrity" "$(sqlite3 v2.db "PRAGMA integrity_check")" ok
expect "references" "$(sqlite3 v2.db "PRAGMA foreign_key_check")" ""
expect "rows kept" "$(sqlite3 v2.db "SELECT count(*) FROM charges")" 1
# the CHECKs: as a new ledger has them, in both
for db in v2.db new.db; do
	sqlite3 "$db" "INSERT INTO imports (kind, file_name, content_crc32, content_size, format, imported_at)
	  VALUES ('invoices', 'x', 2, 2, 'invoices', 'now')" || fail "$db: imports.kind invoices"
	sqlite3 "$db" "INSERT INTO imports (kind, file_name, content_crc32, content_size, format, imported_at)
	  VALUES ('nonsense', 'x', 3, 3, 'x', 'now')" 2>/dev/null && fail "$db: imports.kind nonsense accepted"
	sqlite3 "$db" "INSERT INTO reconciliations (month, tolerance, run_at, charges_seen, usage_seen, billed_total, expected_total, findings_count)
	  VALUES ('2024-01', 0, 'now', 0, 0, 0, 0, 0);
	  INSERT INTO findings (reconciliation_id, kind, billed, expected, difference) VALUES (1, 'invoice_mismatch', 0, 0, 0)" ||
		fail "$db: findings.kind invoice_mismatch"
	sqlite3 "$db" "INSERT INTO findings (reconciliation_id, kind, billed, expected, difference) VALUES (1, 'nonsense', 0, 0, 0)" 2>/dev/null &&
		fail "$db: findings.kind nonsense accepted"
done
# and it works end to end: invoice totals against the old bill's charge
printf 'InvoiceId,ProviderName,BillingAccountId,BillingPeriod,Amount,Currency\nI-1,Cloud,acct,2024-01,1.25,USD\n' >inv.csv
"$COSTLEDGER" --ledger v2.db import inv.csv >/dev/null || fail "import invoices into the migrated ledger"
"$COSTLEDGER" --ledger v2.db reconcile --month 2024-01 >out.txt
expect "finding" "$(sqlite3 v2.db "SELECT kind, difference FROM findings WHERE reconciliation_id = 2")" "invoice_mismatch|250000000"
echo "ok: migrate_v3"
