#!/bin/sh
# tests/cli/cli_messages.sh: what the CLI says when a command is given
# wrongly, and the summary export against the report:
#  - an unknown option or one without its value says "costledger: CMD: ..."
#    and exits 2; --version names the program;
#  - export -o to a path that cannot be written names the reason (strerror)
#    and exits 3; a failed export leaves the file that was there, and no
#    temp file beside it;
#  - export --what summary is the same CSV as report --format csv (a
#    project without a budget has an empty budget, the total row its GPU
#    hours and budget use), plain and --currency EUR;
#  - the query samples/demo.sh ends with lists each finding once, also after
#    a second reconcile.
. "$TESTS/cli/lib.sh"

usage_error() { # usage_error WANT ARGS...
	want=$1
	shift
	"$COSTLEDGER" "$@" >out.txt 2>err.txt
	rc=$?
	[ "$rc" = 2 ] || fail "$*: exit $rc, not 2"
	grep -qxF "$want" err.txt || fail "$*: stderr $(tail -1 err.txt), want $want"
}
for cmd in import report reconcile export; do
	usage_error "costledger: $cmd: unknown option '--bogus'" $cmd --bogus
done
usage_error "costledger: report: option '--month' needs a value" report --month
usage_error "costledger: export: unknown option '-x'" export -x
usage_error "costledger: unknown option '--bogus'" --bogus
"$COSTLEDGER" --version > out.txt || fail "--version"
grep -Eq '^costledger [0-9]+\.[0-9]+\.[0-9]+ \(SQLite [0-9.]+\)$' out.txt || fail "--version: $(cat out.txt)"

cl init >/dev/null || fail init
sh "$top/samples/load_samples.sh" "$COSTLEDGER" "$L" >load.txt 2>&1 || { cat load.txt; fail "loading the samples"; }
cl reconcile --month 2026-10 >/dev/null
[ $? = 1 ] || fail "reconcile of the samples: not exit 1"

# export -o: the reason, and nothing half-written
cl export --month 2026-10 --what summary -o "$work/no/such/dir/s.csv" >out.txt 2>err.txt
expect "export to a missing folder: exit" "$?" 3
grep -qxF "costledger: export: cannot write '$work/no/such/dir/s.csv': No such file or directory" err.txt ||
	fail "export to a missing folder: $(cat err.txt)"
echo "what was there" > old.csv
cl export --month 2026-10 --what summary --currency JPY -o old.csv >out.txt 2>err.txt
expect "export without a JPY rate: exit" "$?" 2
expect "a failed export keeps the old file" "$(cat old.csv)" "what was there"
expect "no temp file left" "$(ls | grep -c 'old.csv.tmp')" 0
cl export --month 2026-10 --what summary -o old.csv || fail "export over a file"
expect "no temp file left after a good export" "$(ls | grep -c 'old.csv.tmp')" 0
expect "an export is an ordinary file" "$(stat -c %a old.csv)" "$(umask 0022; touch plain; stat -c %a plain)"

# export --what summary = report --format csv
for currency in "" "--currency EUR"; do
	# shellcheck disable=SC2086
	cl report --month 2026-10 --format csv $currency > report.csv || fail "report $currency"
	# shellcheck disable=SC2086
	cl export --month 2026-10 --what summary $currency -o summary.csv || fail "export $currency"
	cmp -s report.csv summary.csv || { diff report.csv summary.csv; fail "summary export $currency differs from the report"; }
done
grep -q '^(none),USD,0.00,0.00,0.00,8.00,0.00,0.00,,,0.00$' old.csv || fail "no budget: $(grep none old.csv)"
grep -q '^total,USD,4744.41,4356.38,388.03,2069.67,1055.24,48.45,5200.00,0.9124,0.00$' old.csv || fail "total row: $(tail -1 old.csv)"

# The demo's closing query, after a second reconcile
COSTLEDGER="$COSTLEDGER" DEMO_OUT="$work/out" sh "$top/samples/demo.sh" > demo.txt 2>&1 || { tail demo.txt; fail demo; }
query=$(sed -n 's/^ *[^ ]*costledger --ledger [^ ]* sql "\(.*\)"$/\1/p' demo.txt)
[ -n "$query" ] || fail "the demo announces no query"
"$COSTLEDGER" --ledger out/demo.db reconcile --month 2026-10 >/dev/null
"$COSTLEDGER" --ledger out/demo.db sql --csv "$query" > findings.csv || fail "the demo's query"
expect "findings listed by the demo's query after two runs" "$(sed 1d findings.csv | wc -l)" \
	"$(sqlite3 out/demo.db 'SELECT findings_count FROM reconciliations ORDER BY reconciliation_id DESC LIMIT 1')"
expect "each once" "$(sed 1d findings.csv | sort | uniq -d | wc -l)" 0
echo "cli_messages: ok"
