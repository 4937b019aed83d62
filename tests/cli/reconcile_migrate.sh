#!/bin/sh
# tests/cli/reconcile_migrate.sh: a version-2 ledger (tests/data/ledger_v2.sql)
# with a stored run is carried to the current version by the first command
# that writes: its run and findings are kept
# (findings get the currency of their first charge, and a copy in
# reconciliation_parts for the report), `reconcile --show` still prints the
# run, and the schema is the one `costledger init` writes.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail() { echo "FAIL: $*"; exit 1; }
expect() { [ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"; }

"$COSTLEDGER" --ledger new0.db init >/dev/null || fail init
sqlite3 old.db < "$TESTS/data/ledger_v2.sql" || fail "v2 ledger"
sqlite3 old.db "UPDATE charges SET billing_currency = 'EUR' WHERE charge_id = 1;
INSERT INTO reconciliations VALUES (1, '2026-11', NULL, 0, '2026-11-30T00:00:00Z', 2, 4, 0, 9000000000, 10000000000, 1);
INSERT INTO findings (reconciliation_id, kind, provider, resource_id, period_start, period_end, hours,
  billed, expected, difference, charge_ids, detail)
  VALUES (1, 'rate_mismatch', 'AWS', 'fn-1', '2026-11-02T00:00:00Z', '2026-11-02T01:00:00Z', 1.0,
  9000000000, 10000000000, -1000000000, '[1]', '1 charge');" || fail "v2 rows"

"$COSTLEDGER" --ledger old.db reconcile --show 1 >/dev/null 2>err.txt && fail "a v2 ledger read before migrating"
"$COSTLEDGER" --ledger old.db reconcile --month 2026-11 >out.txt 2>err.txt
[ $? = 1 ] || fail "reconcile on the migrated ledger: $(cat err.txt)"
expect "version" "$(sqlite3 old.db 'PRAGMA user_version')" "$(sqlite3 new0.db 'PRAGMA user_version')"
expect "old finding kept, with its currency" \
	"$(sqlite3 old.db "SELECT kind, difference, currency FROM findings WHERE reconciliation_id = 1")" "rate_mismatch|-1000000000|EUR"
expect "old finding in reconciliation_parts" \
	"$(sqlite3 old.db "SELECT kind, difference, currency FROM reconciliation_parts WHERE reconciliation_id = 1")" "rate_mismatch|-1000000000|EUR"
expect "old totals kept" "$(sqlite3 old.db "SELECT billed_total, expected_total FROM reconciliations WHERE reconciliation_id = 1")" "9000000000|10000000000"
"$COSTLEDGER" --ledger old.db reconcile --show 1 >show.txt
grep -q '^billed 9.00, expected 10.00, difference -1.000000000$' show.txt || fail "--show of the old run: $(cat show.txt)"
grep -q 'rate_mismatch .* -1.00$' show.txt || fail "--show findings: $(cat show.txt)"
expect "new run, per currency" "$(sqlite3 old.db "SELECT group_concat(currency || ':' || charges, ' ') FROM reconciliation_totals WHERE reconciliation_id = 2")" "EUR:1 USD:3"
expect "foreign keys" "$(sqlite3 old.db 'PRAGMA foreign_key_check')" ""

"$COSTLEDGER" --ledger new.db init >/dev/null || fail init
schema="SELECT type, name, sql FROM sqlite_schema ORDER BY type, name"
[ "$(sqlite3 old.db "$schema")" = "$(sqlite3 new.db "$schema")" ] ||
	{ sqlite3 old.db "$schema" > a.txt; sqlite3 new.db "$schema" > b.txt; diff a.txt b.txt | head; fail "schema differs from init's"; }
echo "ok: reconcile_migrate"
