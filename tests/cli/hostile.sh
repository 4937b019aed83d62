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

fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
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

# --- output files ------------------------------------------------------------
sqlite3 "$L" .dump > before.sql
cp "$L" pristine.db
# A check that destroyed the ledger puts it back, so that later checks still test something.
restore() { sqlite3 "$L" .dump > after.sql 2>&1; cmp -s before.sql after.sql || { fail "$1 changed the ledger"; cp pristine.db "$L"; }; }
# export -o the ledger itself: refused, the ledger unchanged
refused "export over the ledger" 2 "export: will not write over the ledger '$L'" \
	cl export --month 2026-10 --what charges -o "$L"
restore "export over the ledger"
# the same file by another name
refused "export over the ledger by another name" 2 "will not write over the ledger" \
	cl export --month 2026-10 --what charges -o "./$(basename "$L")"
restore "export over the ledger by another name"
# report --html over the ledger
refused "report --html over the ledger" 2 "report: will not write over the ledger" \
	cl report --month 2026-10 --html "$L"
restore "report --html over the ledger"
# another SQLite database
sqlite3 other.db "CREATE TABLE t (x); INSERT INTO t VALUES (42);"
refused "export over an SQLite database" 2 "export: will not write over 'other.db': it is an SQLite database" \
	cl export --month 2026-10 --what charges -o other.db
refused "report --html over an SQLite database" 2 "report: will not write over 'other.db': it is an SQLite database" \
	cl report --month 2026-10 --html other.db
expect "other.db kept" "$(sqlite3 other.db 'SELECT x FROM t')" 42

# a good export, then one that fails (no USD->EUR... rate): the good file stays as it was
cl export --month 2026-10 --what charges -o charges.csv > /dev/null 2>&1 || fail "export charges"
cp charges.csv charges.before
cl export --month 2026-10 --what summary --currency USD -o charges.csv > /dev/null 2> err.txt &&
	fail "summary in USD without an EUR rate succeeded"
grep -q "no exchange rate from 'EUR' to 'USD'" err.txt || fail "missing rate message: $(cat err.txt)"
cmp -s charges.csv charges.before || fail "a failed export changed the previous file"
cl report --month 2026-10 --html report.html > /dev/null 2>&1 || fail "report --html"
grep -q '</html>' report.html || fail "report.html is not a whole page"
ls -a | grep -q 'costledger-' && fail "a temporary file was left behind: $(ls -a)"
# the output is an ordinary file (umask applies), not mkstemp's 0600
expect "export file mode" "$(umask 022; cl export --month 2026-10 --what charges -o mode.csv >/dev/null 2>&1; stat -c %a mode.csv)" 644
# an export is written under another name first: while it is written, the final
# name holds the previous file (checked with a fifo-free way: the final name's
# inode changes, so a reader that had opened the old file keeps the old text)
old_inode=$(stat -c %i charges.csv)
cl export --month 2026-10 --what charges -o charges.csv > /dev/null 2>&1 || fail "export again"
[ "$(stat -c %i charges.csv)" != "$old_inode" ] || fail "export wrote the file in place (same inode)"
# a folder that does not exist: an error, exit 3
refused "export into no folder" 3 "export: cannot write 'nosuch/x.csv': No such file or directory" \
	cl export --month 2026-10 --what charges -o nosuch/x.csv

# --- a failed export's SQL error says what failed (it said "not an error") ---
cp "$L" broken.db
printf 'usage_start,usage_end,state,job_id,project,provider,resource_id\n2026-10-01T00:00:00Z,2026-10-01T02:00:00Z,running,j1,vision,slurm,n1\n' > u.csv
"$COSTLEDGER" --ledger broken.db import u.csv > /dev/null 2>&1 || fail "usage import"
# an end that is no timestamp (written past the importer): overlap_seconds() raises
sqlite3 broken.db "UPDATE usage SET usage_end = '2026-10-01Tzz'"
refused "export SQL error" 3 "export: overlap_seconds: argument 2 'a_end' is not a timestamp" \
	"$COSTLEDGER" --ledger broken.db export --month 2026-10 --what usage -o usage.csv
grep -q "not an error" err.txt && fail "export SQL error says 'not an error'"

# --- gzip: members one after another are one text (as gzip -d gives it) --------
head -2 bill.csv | gzip -c > two.csv.gz
tail -1 bill.csv | sed 's/7.25/8.25/' | gzip -c >> two.csv.gz
cl import --dry-run two.csv.gz > out.txt 2> err.txt || fail "two gzip members: $(cat err.txt)"
grep -q 'two.csv.gz: focus-1.0, 2 rows' out.txt || fail "two gzip members: $(cat out.txt)"

# --- one number parser: what strtod alone took is refused ---------------------
printf 'timestamp, index, name, utilization.gpu [%%], memory.used [MiB]\n2026/10/01 10:00:00.000, 0, NVIDIA A100, nan %%, 25073 MiB\n' > smi-nan.csv
refused "nvidia-smi utilization nan" 2 "smi-nan.csv:2: column 'utilization.gpu'" \
	cl import --resource node-1 smi-nan.csv
printf 'timestamp, index, name, utilization.gpu [%%], memory.used [MiB]\n2026/10/01 10:00:00.000, 0, NVIDIA A100, 0x10 %%, 25073 MiB\n' > smi-hex.csv
refused "nvidia-smi utilization 0x10" 2 "smi-hex.csv:2: column 'utilization.gpu'" \
	cl import --resource node-1 smi-hex.csv
refused "--idle-threshold 0x10" 2 "import: --idle-threshold '0x10': not a percentage 0-100" \
	cl import --resource node-1 --idle-threshold 0x10 smi-hex.csv
refused "--idle-threshold inf" 2 "import: --idle-threshold 'inf': not a percentage 0-100" \
	cl import --resource node-1 --idle-threshold inf smi-hex.csv

# --- --tz: a name that is no zone is an error (glibc took it for UTC) ----------
printf 'usage_start,usage_end,state,job_id,project,provider,resource_id\n2026-10-01 00:00:00,2026-10-01 02:00:00,running,j1,vision,slurm,n1\n' > local.csv
for zone in Europe US zone.tab; do
	refused "--tz $zone" 2 "import: --tz '$zone': not UTC, an offset like \+02:00 or a zone in" \
		cl import --dry-run --tz "$zone" local.csv
done
cl import --dry-run --tz Europe/Paris local.csv > out.txt 2> err.txt || fail "--tz Europe/Paris: $(cat err.txt)"

# --- a byte-order mark on a rate card, budgets or fx rates is auto-detected ------
printf '\357\273\277provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to\r\ngpucloud,a100x1,eu-west,on-demand,hour,2,EUR,0,running,2026-01-01,\r\n' > rates-bom.csv
printf '\357\273\277project,period,amount,currency,alert_ratio\r\nvision,2026-10,5000,EUR,0.8\r\n' > budgets-bom.csv
printf '\357\273\277date,from,to,rate\r\n2026-10-01,EUR,USD,1.0852\r\n' > fx-bom.csv
cl import --dry-run rates-bom.csv > out.txt 2> err.txt || fail "rates with a BOM: $(cat err.txt)"
grep -q 'rates-bom.csv: rates, 1 rows' out.txt || fail "rates with a BOM: $(cat out.txt)"
cl import --dry-run budgets-bom.csv > out.txt 2> err.txt || fail "budgets with a BOM: $(cat err.txt)"
grep -q 'budgets-bom.csv: budgets, 1 rows' out.txt || fail "budgets with a BOM: $(cat out.txt)"
cl import --dry-run fx-bom.csv > out.txt 2> err.txt || fail "fx rates with a BOM: $(cat err.txt)"
grep -q 'fx-bom.csv: fx-rates, 1 rows' out.txt || fail "fx rates with a BOM: $(cat out.txt)"

# --- one JSON writer: what goes into attributes and imports.report is JSON ---------
J="$work/json.db"
"$COSTLEDGER" --ledger "$J" init > /dev/null || fail "init json.db"
printf 'usage_start,usage_end,state,job_id,project,provider,resource_id,"te""am",pa\\th\n2026-10-01T00:00:00Z,2026-10-01T02:00:00Z,running,j1,vision,slurm,n1,"a""b",c\\d\n' > quoted-header.csv
"$COSTLEDGER" --ledger "$J" import quoted-header.csv > out.txt 2> err.txt || fail "usage header with a quote: $(cat err.txt)"
expect "attributes are JSON" "$(sqlite3 "$J" "SELECT json_valid(attributes) || ' ' || group_concat(e.key || '=' || e.value, ' ') FROM usage, json_each(usage.attributes) e")" '1 te"am=a"b pa\th=c\d'
"$COSTLEDGER" --ledger "$J" sql --csv "SELECT count(*) FROM epoch_costs" > out.txt 2> err.txt ||
	fail "epoch_costs after a quoted header: $(cat err.txt)"
"$COSTLEDGER" --ledger "$J" sql --csv "SELECT count(*) FROM job_forecast" > out.txt 2> err.txt ||
	fail "job_forecast after a quoted header: $(cat err.txt)"
printf 'timestamp, index, name, utilization.gpu [%%], memory.used [MiB]\n2026/10/01 10:00:00.000, 0, NVIDIA A100, 92 %%, 25073 MiB\n2026/10/01 10:01:00.000, 0, NVIDIA A100, 93 %%, 25073 MiB\n' > smi.csv
"$COSTLEDGER" --ledger "$J" import --resource 'a"b\c' smi.csv > out.txt 2> err.txt || fail "--resource with a quote: $(cat err.txt)"
expect "imports.report is JSON" "$(sqlite3 "$J" "SELECT group_concat(json_valid(report), '') FROM imports")" 11
expect "--resource in the report" "$(sqlite3 "$J" "SELECT json_extract(report, '\$.resource') FROM imports WHERE format = 'nvidia-smi'")" 'a"b\c'
# report --format json: a project with a quote, a backslash and an escape is a JSON string
printf 'BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceName,BilledCost,Tags\nacct,2026-10-05T00:00:00Z,2026-10-05T01:00:00Z,Usage,GPU,1,"{""project"":""v\\""\\\\\\u001b[2K""}"\n' > json-bill.csv
"$COSTLEDGER" --ledger "$J" import json-bill.csv > out.txt 2> err.txt || fail "bill with an odd project: $(cat err.txt)"
"$COSTLEDGER" --ledger "$J" report --month 2026-10 --format json > report.json 2> err.txt || fail "report json: $(cat err.txt)"
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert any(r["group"] == "v\"\\\x1b[2K" for r in d["rows"]), d["rows"]' report.json ||
	fail "report --format json: not JSON, or the project not read back"

# --- init on someone else's SQLite database: refused before anything changes -----
sqlite3 theirs.db "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
cp theirs.db theirs.before
refused "init on another database" 3 "'theirs.db' is a SQLite database but not a costledger ledger" \
	"$COSTLEDGER" --ledger theirs.db init
cmp -s theirs.db theirs.before || fail "init changed another database (journal mode now $(sqlite3 theirs.db 'PRAGMA journal_mode'))"
[ -e theirs.db-wal ] && fail "init left theirs.db-wal"

# --- control characters from input are shown, not sent to the terminal ------------
E="$work/escape.db"
"$COSTLEDGER" --ledger "$E" init > /dev/null || fail "init escape.db"
esc=$(printf '\033')
printf 'BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceName,ResourceId,BilledCost,Tags\nacct,2026-10-05T00:00:00Z,2026-10-05T01:00:00Z,Usage,GPU,"r1\033[2K\rall good: 0 findings\033[8m",5,"{""project"":""p\\u001b[8m""}"\n' > escape-bill.csv
"$COSTLEDGER" --ledger "$E" import escape-bill.csv > out.txt 2> err.txt || fail "bill with escapes: $(cat err.txt)"
no_escape() { # no_escape WHAT FILE: no ESC or CR byte, and the ESC shown as \x1b
	if grep -q "$esc" "$2" || tr -d '\n' < "$2" | grep -q "$(printf '\r')"; then fail "$1: raw control characters in the output"; fi
	grep -q 'r1\\x1b\[2K\\x0dall good' "$2" || grep -q 'p\\x1b\[8m' "$2" || fail "$1: the escape is not shown as \\x1b: $(head -c 300 "$2")"
}
"$COSTLEDGER" --ledger "$E" report --month 2026-10 --by resource > out.txt 2>&1 || fail "report: $(cat out.txt)"
no_escape "report --by resource" out.txt
"$COSTLEDGER" --ledger "$E" report --month 2026-10 > out.txt 2>&1 || fail "report: $(cat out.txt)"
no_escape "report --by project" out.txt
"$COSTLEDGER" --ledger "$E" reconcile --month 2026-10 > out.txt 2>&1
no_escape "reconcile" out.txt
grep -q 'unexplained_charge' out.txt || fail "reconcile: no finding for the charge: $(head -c 300 out.txt)"
"$COSTLEDGER" --ledger "$E" sql "SELECT resource_id FROM charges" > out.txt 2>&1 || fail "sql: $(cat out.txt)"
no_escape "sql table" out.txt
# sql --csv writes values as they are; --safe-csv guards text cells as export does
"$COSTLEDGER" --ledger "$E" sql --safe-csv "SELECT '=1+2' AS f, -5 AS n, '-5' AS t, 'ok' AS o" > out.txt 2> err.txt || fail "sql --safe-csv: $(cat err.txt)"
expect "sql --safe-csv" "$(tail -1 out.txt | tr -d '\r')" "\"'=1+2\",\"-5\",\"'-5\",ok"
"$COSTLEDGER" --ledger "$E" sql --csv "SELECT '=1+2' AS f, -5 AS n" > out.txt 2> err.txt || fail "sql --csv: $(cat err.txt)"
expect "sql --csv as is" "$(tail -1 out.txt | tr -d '\r')" '"=1+2","-5"'

# --- an echoed 100 KB argument gives a readable message --------------------------
big=$(head -c 100000 /dev/zero | tr '\0' x)
cl report --month "$big" > out.txt 2> err.txt
expect "long argument: exit" "$?" 2
[ "$(wc -c < err.txt)" -le 1300 ] || fail "long argument: a $(wc -c < err.txt)-byte message"
grep -q "report: --month: not a month (YYYY-MM): 'xxx*\.\.\.xxx*'" err.txt || fail "long argument: $(head -c 200 err.txt)"

# --- a lock held past the busy timeout names the ledger and what to do --------------
/usr/bin/python3 - "$COSTLEDGER" "$L" <<'PY' > out.txt 2>&1 || fail "lock: $(cat out.txt)"
import os, sqlite3, subprocess, sys
costledger, ledger = sys.argv[1], sys.argv[2]
held = sqlite3.connect(ledger, isolation_level=None)
held.execute("BEGIN IMMEDIATE")
env = dict(os.environ, COSTLEDGER_BUSY_TIMEOUT_MS="300")
r = subprocess.run([costledger, "--ledger", ledger, "reconcile", "--month", "2026-10"],
                   env=env, capture_output=True, text=True)
want = "ledger '%s' is locked: another command" % ledger
assert r.returncode == 3 and want in r.stderr and "try again once it is done" in r.stderr, (r.returncode, r.stderr)
PY

# --- sacct: the header in any field order; the GPU type prices typed rate cards ------
S="$work/slurm.db"
"$COSTLEDGER" --ledger "$S" init > /dev/null || fail "init slurm.db"
printf 'Account|JobID|State|Start|End|AllocTRES|NodeList|Partition\nml|91|COMPLETED|2026-10-01T00:00:00|2026-10-01T02:00:00|billing=8,gres/gpu:h100=4,gres/gpu=4|g01|gpu\nml|92|COMPLETED|2026-10-01T00:00:00|2026-10-01T01:00:00|gres/gpu=1|g02|a100-part\n' > account-first.psv
printf 'provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to\nslurm,h100,,own,gpu-hour,2.50,USD,0,wall,2026-01-01,\nslurm,a100-part,,own,hour,1.25,USD,0,wall,2026-01-01,\n' > slurm-rates.csv
"$COSTLEDGER" --ledger "$S" import account-first.psv slurm-rates.csv > out.txt 2> err.txt || fail "sacct, Account first: $(cat err.txt)"
grep -q 'account-first.psv: sacct, 2 rows (0 skipped): 2 new intervals' out.txt || fail "sacct, Account first: $(cat out.txt)"
expect "sacct instance_type" "$(sqlite3 "$S" "SELECT group_concat(job_id || '=' || coalesce(instance_type, '-'), ' ') FROM (SELECT * FROM usage ORDER BY job_id)")" "91=h100 92=a100-part"
# 2 h x 4 GPUs x 2.50 = 20.00; 1 h x 1.25 = 1.25
expect "typed rate prices Slurm usage" "$("$COSTLEDGER" --ledger "$S" sql --csv "SELECT group_concat(job_id || '=' || coalesce(money_text(cost), 'NULL'), ' ') FROM (SELECT * FROM usage_costed ORDER BY job_id)" | tail -1 | tr -d '"\r')" "91=20.00 92=1.25"

[ "$failures" = 0 ] || { echo "hostile: $failures checks failed"; exit 1; }
echo "hostile: all checks passed"
