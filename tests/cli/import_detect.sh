#!/bin/sh
# tests/cli/import_detect.sh: errors of format detection that say what to do.
#  - stdin without --format that is not a bill: says stdin is not told apart
#    by content, to give --format, and lists the formats; with --format the
#    same bytes import;
#  - a file that fits no format: the bill formats and what each lacks, and
#    every other format and what it needs;
#  - a JSON file (plain or gzip, also with --format) says it is JSON, not CSV;
#  - a binary file says it is not a text file.
# Each exits 2 and leaves the ledger as it was.
. "$TESTS/cli/lib.sh"
cl init >/dev/null || fail init
sqlite3 "$L" .dump > before.sql
refused() { # refused WHAT WANT...: the last command (exit $status, err.txt) was refused saying each WANT
	what=$1
	shift
	rc=$status
	[ "$rc" = 2 ] || fail "$what: exit $rc, not 2: $(cat err.txt)"
	for want in "$@"; do
		grep -qF -- "$want" err.txt || fail "$what: '$want' not in: $(cat err.txt)"
	done
	sqlite3 "$L" .dump > after.sql
	cmp -s before.sql after.sql || fail "$what: the ledger changed"
}
formats="focus, aws-cur, usage, sacct, nvidia-smi, rates, budgets, fx-rates, hardware, invoices"

cl import - < "$top/samples/usage-2026-10.csv" > out.txt 2> err.txt
status=$?
refused "usage on stdin" "costledger: -:1: no known bill header" \
	"stdin is not told apart by content: give --format ($formats)"
cl import --format usage - < "$top/samples/usage-2026-10.csv" > out.txt 2> err.txt || fail "usage on stdin with --format: $(cat err.txt)"
grep -q '^-: usage-events, 25 rows' out.txt || fail "usage on stdin: $(cat out.txt)"
sqlite3 "$L" .dump > before.sql

printf 'team,cost\nvision,12.5\n' > other.csv
cl import other.csv > out.txt 2> err.txt
status=$?
refused "a CSV of no format" "other.csv:1: no known bill header; tried focus (lacks " "aws-cur (lacks " \
	"usage (needs " "sacct (needs " "nvidia-smi (needs " "rates (needs " "budgets (needs " "fx-rates (needs " "hardware (needs " "invoices (needs "

printf '\n  {"BilledCost": 1.5}\n' > bill.json
gzip -c bill.json > bill.json.gz
for args in bill.json bill.json.gz "--format focus bill.json"; do
	# shellcheck disable=SC2086
	cl import $args > out.txt 2> err.txt
	status=$?
	refused "$args" "a JSON document, not CSV" "($formats; docs/formats.md)"
done
printf 'BillingAccountId,BilledCost\n\001\002\000\003,1\n' > bill.bin
cl import bill.bin > out.txt 2> err.txt
status=$?
refused "binary" "not a text file"
echo "import_detect: ok"
