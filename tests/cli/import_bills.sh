#!/bin/sh
# tests/cli/import_bills.sh: `costledger import` end to end on the real sample
# bills of tests/data (FOCUS 1.0, FOCUS 1.2, AWS CUR legacy).
#
# Every count and total is checked against an independent computation by
# /usr/bin/python3 (csv + decimal: each cost quantized half-even to 9
# decimals, then summed exactly), never against the ledger's own arithmetic.
# Also: gzip copies, re-imports, re-delivered files, twin rows, --dry-run,
# stdin, timestamps, --tag-project and source lines.
#
# env: COSTLEDGER = the CLI, TESTS = absolute path of tests/. Exits non-zero
# with a message on the first failure.
. "$TESTS/cli/lib.sh"
PY=/usr/bin/python3
DATA="$TESTS/data"
W=$work

checks=0
ok() {
	checks=$((checks + 1))
}
# same WHAT GOT WANT
same() {
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
	ok
}

# q LEDGER SQL: the rows of a query, fields joined by '|', no header.
q() {
	"$COSTLEDGER" --ledger "$1" sql --csv "$2" >"$W/q.out" 2>"$W/q.err" ||
		fail "sql failed on '$2': $(cat "$W/q.err")"
	tail -n +2 "$W/q.out" | sed -e 's/^"//' -e 's/"$//' -e 's/","/|/g'
}

# imp LEDGER ARGS...: runs an import that must succeed; its output is in $W/imp.out.
imp() {
	ledger=$1
	shift
	"$COSTLEDGER" --ledger "$ledger" import "$@" >"$W/imp.out" 2>&1 ||
		fail "import $* exited $?: $(cat "$W/imp.out")"
}

init() {
	"$COSTLEDGER" --ledger "$1" init >"$W/init.out" 2>&1 || fail "init $1: $(cat "$W/init.out")"
}

# The independent reference: `expect.py kind FILE` prints "focus" or
# "aws-cur" (or "none" for a file that is not a bill); `expect.py total FILE`
# prints "ROWS TOTAL"; `expect.py field FILE N COLUMN` the text of COLUMN in
# the N-th data row; `expect.py lines FILE` the line each row starts on;
# `expect.py starts FILE` "LINE|ChargePeriodStart" in the ledger's shape;
# `expect.py tags FILE KEY` "LINE|VALUE" for every row whose Tags has KEY.
cat >"$W/expect.py" <<'EOF'
import csv, decimal, gzip, json, sys

def open_text(path):
    raw = open(path, 'rb').read(2)
    if raw == b'\x1f\x8b':
        return gzip.open(path, 'rt', newline='', encoding='utf-8-sig')
    return open(path, newline='', encoding='utf-8-sig')

def rows(path):
    """(first line, dict) per data row; blank lines skipped as the reader does."""
    with open_text(path) as f:
        reader = csv.reader(f)
        header = None
        line = 1
        for record in reader:
            start = line
            line = reader.line_num + 1
            if not record or record == ['']:
                continue
            if header is None:
                header = record
                continue
            yield start, dict(zip(header, record))

def kind(path):
    with open_text(path) as f:
        header = next(csv.reader(f), [])
    if 'BilledCost' in header:
        return 'focus'
    if 'lineItem/UnblendedCost' in header:
        return 'aws-cur'
    return 'none'

def cost_column(path):
    return 'BilledCost' if kind(path) == 'focus' else 'lineItem/UnblendedCost'

cmd, path = sys.argv[1], sys.argv[2]
if cmd == 'kind':
    print(kind(path))
elif cmd == 'total':
    column = cost_column(path)
    nano = decimal.Decimal('1e-9')
    total = decimal.Decimal(0)
    n = 0
    for _, row in rows(path):
        total += decimal.Decimal(row[column].strip()).quantize(nano, rounding=decimal.ROUND_HALF_EVEN)
        n += 1
    if total == 0:
        total = decimal.Decimal(0)
    print(n, '{:.9f}'.format(total))
elif cmd == 'field':
    for i, (_, row) in enumerate(rows(path), 1):
        if i == int(sys.argv[3]):
            print(row[sys.argv[4]])
            break
elif cmd == 'lines':
    print(' '.join(str(line) for line, _ in rows(path)))
elif cmd == 'starts':
    for line, row in rows(path):
        print('%d|%sZ' % (line, row['ChargePeriodStart'].replace(' ', 'T')))
elif cmd == 'tags':
    for line, row in rows(path):
        tags = row.get('Tags', '')
        if tags in ('', 'NULL', 'null'):
            continue
        value = json.loads(tags).get(sys.argv[3])
        if value is not None:
            print('%d|%s' % (line, value))
EOF
ref() {
	"$PY" "$W/expect.py" "$@" || fail "expect.py $* failed"
}

# The exact total through the extension's money_total (and, for each sample
# bill, through SQLite's own sum() as well).
TOTAL="money_text(money_total(billed_cost), 9)"

[ -x "$PY" ] || fail "$PY is missing"
[ -x "$COSTLEDGER" ] || fail "no CLI at '$COSTLEDGER'"

# --- every sample bill: rows and exact totals --------------------------------
L1="$W/one.db"
init "$L1"
bills=""
for f in "$DATA"/*.csv; do
	[ -f "$f" ] || continue
	[ "$(ref kind "$f")" = none ] && continue
	bills="$bills $f"
	imp "$L1" "$f"
	set -- $(ref total "$f")
	want_rows=$1 want_total=$2
	name=$(basename "$f")
	same "$name: rows" "$(q "$L1" "SELECT count(*) FROM charges WHERE source_file = '$f'")" "$want_rows"
	same "$name: money_total(billed_cost)" \
		"$(q "$L1" "SELECT $TOTAL FROM charges WHERE source_file = '$f'")" \
		"$want_total"
	same "$name: the total by sum()" \
		"$(q "$L1" "SELECT money_text(sum(billed_cost), 9) FROM charges WHERE source_file = '$f'")" "$want_total"
	same "$name: imports.rows_inserted" \
		"$(q "$L1" "SELECT rows_inserted FROM imports WHERE file_name = '$f'")" "$want_rows"
done
[ -n "$bills" ] || fail "no bills in $DATA"
same "four sample bills" "$(echo $bills | wc -w | tr -d ' ')" 4
total_rows=$(q "$L1" "SELECT count(*) FROM charges")

# --- gzip copies: the same rows and totals, in a fresh ledger ----------------
L2="$W/gzip.db"
init "$L2"
for f in $bills; do
	gz="$W/$(basename "$f").gz"
	gzip -c "$f" >"$gz" || fail "gzip $f"
	imp "$L2" "$gz"
	set -- $(ref total "$f")
	same "$(basename "$gz"): rows" "$(q "$L2" "SELECT count(*) FROM charges WHERE source_file = '$gz'")" "$1"
	same "$(basename "$gz"): money_total(billed_cost)" \
		"$(q "$L2" "SELECT $TOTAL FROM charges WHERE source_file = '$gz'")" "$2"
	same "$(basename "$gz"): imports.compressed" \
		"$(q "$L2" "SELECT compressed FROM imports WHERE file_name = '$gz'")" 1
done
# The same charges, column for column, whichever way they came.
cols="charge_period_start, charge_period_end, charge_category, pricing_category, instance_type, billed_cost, effective_cost, tags, source_line, row_key, occurrence"
q "$L1" "SELECT $cols FROM charges ORDER BY row_key, occurrence" >"$W/plain.rows"
q "$L2" "SELECT $cols FROM charges ORDER BY row_key, occurrence" >"$W/gzip.rows"
cmp -s "$W/plain.rows" "$W/gzip.rows" || fail "gzip and plain imports differ: $(diff "$W/plain.rows" "$W/gzip.rows" | head -5)"
ok

# --- the CUR sample with CUR 2.0 (snake_case) names --------------------------
cur="$DATA/aws-cur-legacy_anonymized_1281rows.csv"
"$PY" -c '
import re, sys
data = open(sys.argv[1], "rb").read()
header, rest = data.split(b"\n", 1)
def snake(name):
    name = name.replace("/", "_")
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()
names = [snake(n) for n in header.decode().rstrip("\r").split(",")]
open(sys.argv[2], "wb").write(",".join(names).encode() + b"\n" + rest)
' "$cur" "$W/cur2.csv" || fail "cannot write the CUR 2.0 copy"
grep -q '^identity_line_item_id,.*line_item_usage_start_date' "$W/cur2.csv" || fail "CUR 2.0 header: $(head -c 200 "$W/cur2.csv")"
L6="$W/cur2.db"
init "$L6"
imp "$L6" "$W/cur2.csv"
set -- $(ref total "$cur")
same "CUR 2.0 names: rows" "$(q "$L6" "SELECT count(*) FROM charges")" "$1"
same "CUR 2.0 names: total" "$(q "$L6" "SELECT $TOTAL FROM charges")" "$2"
same "CUR 2.0 names: format" "$(q "$L6" "SELECT format FROM imports")" "aws-cur-2.0"
# the same line items (identity/LineItemId + TimeInterval) are the same charges
imp "$L1" "$W/cur2.csv"
same "CUR 2.0 copy of an imported bill: rows" "$(q "$L1" "SELECT count(*) FROM charges")" "$total_rows"
grep -q "0 new, $1 already in the ledger" "$W/imp.out" || fail "CUR 2.0 copy: the report says: $(cat "$W/imp.out")"
ok

# --- importing the same file again adds nothing -----------------------------
for f in $bills; do
	imp "$L1" "$f"
	grep -q "already imported" "$W/imp.out" || fail "re-import of $(basename "$f") says: $(cat "$W/imp.out")"
	ok
	same "re-import of $(basename "$f"): rows" "$(q "$L1" "SELECT count(*) FROM charges")" "$total_rows"
done
# under another name, and gzip-compressed: the same content
cp "$DATA/focus-1.2-spec-example_commitment-unused.csv" "$W/renamed.csv"
imp "$L1" "$W/renamed.csv" "$W/focus-1.0_sample_1000_aws-azure-oci.csv.gz"
same "re-import under other names: rows" "$(q "$L1" "SELECT count(*) FROM charges")" "$total_rows"

# --- a re-delivered file: the same rows in another order plus new ones --------
# FOCUS: rows reversed, three rows added that differ from their model in cost.
focus="$DATA/focus-1.0_sample_1000_aws-azure-oci.csv"
cur="$DATA/aws-cur-legacy_anonymized_1281rows.csv"
"$PY" - "$focus" "$W/focus-redelivered.csv" "$cur" "$W/cur-redelivered.csv" <<'EOF' || fail "cannot write re-delivered files"
import csv, sys
def redeliver(src, dst, change):
    with open(src, newline='', encoding='utf-8-sig') as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    extra = []
    for k, model in enumerate(body[:3]):
        new = list(model)
        change(header, new, k)
        extra.append(new)
    body = body[::-1]
    body[500:500] = extra[:2]   # new rows in the middle and at the end
    body.append(extra[2])
    with open(dst, 'w', newline='') as f:
        csv.writer(f, lineterminator='\r\n').writerows([header] + body)
def focus(header, row, k):
    row[header.index('BilledCost')] = '0.00000000%d' % (k + 1)
def cur(header, row, k):
    row[header.index('identity/LineItemId')] = 'costledger-test-new-line-%d' % k
    row[header.index('lineItem/UnblendedCost')] = ['1.5E-9', '2.5E-9', '35.2E-7'][k]
redeliver(sys.argv[1], sys.argv[2], focus)
redeliver(sys.argv[3], sys.argv[4], cur)
EOF
for re in "$W/focus-redelivered.csv" "$W/cur-redelivered.csv"; do
	before=$(q "$L1" "SELECT count(*) FROM charges")
	imp "$L1" "$re"
	same "$(basename "$re"): rows added" "$(q "$L1" "SELECT count(*) - $before FROM charges")" 3
	same "$(basename "$re"): rows stored under it" \
		"$(q "$L1" "SELECT count(*) FROM charges WHERE source_file = '$re'")" 3
	grep -q "3 new" "$W/imp.out" || fail "$(basename "$re"): the report says: $(cat "$W/imp.out")"
	ok
done
# the new rows carry their own costs and lines
same "focus-redelivered: new costs" \
	"$(q "$L1" "SELECT group_concat(money_text(billed_cost, 9), ' ') FROM (SELECT billed_cost FROM charges WHERE source_file = '$W/focus-redelivered.csv' ORDER BY billed_cost)")" \
	"0.000000001 0.000000002 0.000000003"
same "focus-redelivered: new lines" \
	"$(q "$L1" "SELECT group_concat(source_line, ' ') FROM (SELECT source_line FROM charges WHERE source_file = '$W/focus-redelivered.csv' ORDER BY source_line)")" \
	"502 503 1004"
# half-even on the nano: 1.5 -> 2, 2.5 -> 2, plus 3520
same "cur-redelivered: new costs" \
	"$(q "$L1" "SELECT $TOTAL FROM charges WHERE source_file = '$W/cur-redelivered.csv'")" \
	"0.000003524"
# importing the re-delivered file again (other bytes, the same rows) adds nothing
before=$(q "$L1" "SELECT count(*) FROM charges")
cp "$W/focus-redelivered.csv" "$W/focus-redelivered-again.csv"
printf '\r\n' >>"$W/focus-redelivered-again.csv"
imp "$L1" "$W/focus-redelivered-again.csv"
same "re-delivered twice: rows added" "$(q "$L1" "SELECT count(*) - $before FROM charges")" 0
grep -q "0 new" "$W/imp.out" || fail "re-delivered twice: the report says: $(cat "$W/imp.out")"
ok

# --- twin charges: two identical FOCUS rows both survive ----------------------
spec="$DATA/focus-1.2-spec-example_commitment-unused.csv"
{ sed -n 1p "$spec"; sed -n 2p "$spec"; sed -n 2p "$spec"; sed -n 4p "$spec"; } >"$W/twins.csv"
L3="$W/twins.db"
init "$L3"
imp "$L3" "$W/twins.csv"
same "twins: rows" "$(q "$L3" "SELECT count(*) FROM charges")" 3
same "twins: occurrences" \
	"$(q "$L3" "SELECT group_concat(source_line || ':' || occurrence, ' ') FROM (SELECT * FROM charges ORDER BY source_line)")" \
	"2:0 3:1 4:0"
same "twins: total" "$(q "$L3" "SELECT $TOTAL FROM charges")" \
	"$(ref total "$W/twins.csv" | cut -d' ' -f2)"
imp "$L3" "$W/twins.csv"
grep -q "already imported" "$W/imp.out" || fail "twins again: the report says: $(cat "$W/imp.out")"
ok
same "twins again: rows" "$(q "$L3" "SELECT count(*) FROM charges")" 3
# the same twins in another file and order: nothing new; a third copy: one new
{ sed -n 1p "$spec"; sed -n 4p "$spec"; sed -n 2p "$spec"; sed -n 2p "$spec"; } >"$W/twins-reordered.csv"
imp "$L3" "$W/twins-reordered.csv"
same "twins reordered: rows" "$(q "$L3" "SELECT count(*) FROM charges")" 3
{ cat "$W/twins.csv"; sed -n 2p "$spec"; } >"$W/triplets.csv"
imp "$L3" "$W/triplets.csv"
same "a third twin: rows" "$(q "$L3" "SELECT count(*) FROM charges")" 4
same "a third twin: its line and occurrence" \
	"$(q "$L3" "SELECT source_line || ':' || occurrence FROM charges WHERE source_file = '$W/triplets.csv'")" "5:2"

# --- several files in one command, the first adding nothing ---------------------
# (its imports row is deleted and its import_id reused by the next file, whose
# twin counting must start from zero)
L7="$W/several.db"
init "$L7"
imp "$L7" "$W/twins.csv"
{ cat "$W/twins.csv"; sed -n 6p "$spec"; } >"$W/twins-plus-one.csv"
imp "$L7" "$W/twins.csv" "$W/twins-plus-one.csv"
same "several files: rows" "$(q "$L7" "SELECT count(*) FROM charges")" 4
same "several files: the new row" \
	"$(q "$L7" "SELECT source_line || ':' || occurrence FROM charges WHERE source_file = '$W/twins-plus-one.csv'")" "5:0"
imp "$L7" "$W/twins.csv" "$W/twins.csv" "$W/twins-plus-one.csv" "$focus"
set -- $(ref total "$focus")
same "several files again: rows" "$(q "$L7" "SELECT count(*) FROM charges")" $((4 + $1))
# Two new files in one command: each row names its own file and import.
L8="$W/two-new.db"
init "$L8"
imp "$L8" "$focus" "$W/twins.csv"
same "two new files: rows of the first" \
	"$(q "$L8" "SELECT count(*) FROM charges WHERE source_file = '$focus'")" "$1"
same "two new files: rows of the second" \
	"$(q "$L8" "SELECT count(*) FROM charges WHERE source_file = '$W/twins.csv'")" 3
same "two new files: each row's file is its import's" \
	"$(q "$L8" "SELECT count(DISTINCT import_id) || ' ' || sum(c.source_file <> i.file_name) FROM charges c JOIN imports i USING (import_id)")" "2 0"

# --- --dry-run writes nothing -------------------------------------------------
command -v sqlite3 >/dev/null || fail "sqlite3 is missing"
sqlite3 "$L3" .dump >"$W/before.sql" || fail "sqlite3 .dump"
{ cat "$W/triplets.csv"; sed -n 2p "$spec"; } >"$W/quads.csv"
for f in $bills "$W/aws-cur-legacy_anonymized_1281rows.csv.gz" "$W/quads.csv"; do
	"$COSTLEDGER" --ledger "$L3" import --dry-run "$f" >"$W/imp.out" 2>&1 ||
		fail "--dry-run $f: $(cat "$W/imp.out")"
	grep -q "dry run" "$W/imp.out" || fail "--dry-run $f says: $(cat "$W/imp.out")"
	ok
done
sqlite3 "$L3" .dump >"$W/after.sql" || fail "sqlite3 .dump"
cmp -s "$W/before.sql" "$W/after.sql" ||
	fail "--dry-run changed the ledger: $(diff "$W/before.sql" "$W/after.sql" | head -5)"
ok
# and it says what a real import would add
set -- $(ref total "$focus")
"$COSTLEDGER" --ledger "$L3" import --dry-run "$focus" >"$W/imp.out" 2>&1 || fail "--dry-run $focus"
grep -q "$1 rows: $1 new" "$W/imp.out" || fail "--dry-run $focus says: $(cat "$W/imp.out")"
ok

# --- '-' reads stdin, plain or gzip -------------------------------------------
L4="$W/stdin.db"
init "$L4"
"$COSTLEDGER" --ledger "$L4" import - <"$cur" >"$W/imp.out" 2>&1 || fail "import - <cur: $(cat "$W/imp.out")"
set -- $(ref total "$cur")
same "stdin: rows" "$(q "$L4" "SELECT count(*) FROM charges WHERE source_file = '-'")" "$1"
same "stdin: total" "$(q "$L4" "SELECT $TOTAL FROM charges")" "$2"
cur_rows=$1
cat "$W/focus-1.0_sample_1000_aws-azure-oci.csv.gz" | "$COSTLEDGER" --ledger "$L4" import - >"$W/imp.out" 2>&1 ||
	fail "gzip | import -: $(cat "$W/imp.out")"
set -- $(ref total "$focus")
same "stdin gzip: rows" "$(q "$L4" "SELECT count(*) - $cur_rows FROM charges WHERE source_file = '-'")" "$1"
same "stdin gzip: total" \
	"$(q "$L4" "SELECT $TOTAL FROM charges WHERE import_id = (SELECT max(import_id) FROM imports)")" "$2"
same "stdin: compressed" \
	"$(q "$L4" "SELECT group_concat(compressed, ' ') FROM (SELECT compressed FROM imports ORDER BY import_id)")" "0 1"
"$COSTLEDGER" --ledger "$L4" import - <"$cur" >"$W/imp.out" 2>&1 || fail "import - <cur again: $(cat "$W/imp.out")"
grep -q "already imported" "$W/imp.out" || fail "stdin again says: $(cat "$W/imp.out")"
ok

# --- timestamps are UTC 'YYYY-MM-DDTHH:MM:SSZ' ----------------------------------
T='[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'
same "timestamps: all in one shape" \
	"$(q "$L1" "SELECT count(*) FROM charges WHERE charge_period_start NOT GLOB '$T' OR charge_period_end NOT GLOB '$T' OR billing_period_start NOT GLOB '$T' OR billing_period_end NOT GLOB '$T'")" 0
same "timestamps: billing periods present" \
	"$(q "$L1" "SELECT count(*) FROM charges WHERE billing_period_start IS NULL OR billing_period_end IS NULL")" 0
same "CUR start as written" "$(ref field "$cur" 1 lineItem/UsageStartDate)" "2023-11-01T00:00:00.000Z"
same "CUR start in the ledger" \
	"$(q "$L1" "SELECT charge_period_start FROM charges WHERE source_file = '$cur' AND source_line = 2")" "2023-11-01T00:00:00Z"
same "CUR end in the ledger" \
	"$(q "$L1" "SELECT charge_period_end FROM charges WHERE source_file = '$cur' AND source_line = 2")" \
	"$(ref field "$cur" 1 lineItem/UsageEndDate | sed 's/\.000Z$/Z/')"
same "FOCUS start as written" "$(ref field "$focus" 1 ChargePeriodStart)" "2024-09-18 22:00:00"
same "FOCUS start in the ledger" \
	"$(q "$L1" "SELECT charge_period_start FROM charges WHERE source_file = '$focus' AND source_line = 2")" "2024-09-18T22:00:00Z"
same "FOCUS billing period in the ledger" \
	"$(q "$L1" "SELECT billing_period_start FROM charges WHERE source_file = '$focus' AND source_line = 2")" \
	"$(ref field "$focus" 1 BillingPeriodStart | sed 's/ /T/; s/$/Z/')"
# every FOCUS row: the ledger's start is the file's text in the ledger's shape
ref starts "$focus" >"$W/starts.want"
q "$L1" "SELECT source_line, charge_period_start FROM charges WHERE source_file = '$focus' ORDER BY source_line" >"$W/starts.got"
cmp -s "$W/starts.want" "$W/starts.got" || fail "FOCUS starts differ: $(diff "$W/starts.want" "$W/starts.got" | head -4)"
ok

# --- --tag-project fills project from the FOCUS Tags ----------------------------
L5="$W/tags.db"
init "$L5"
imp "$L5" --tag-project application "$focus"
ref tags "$focus" application >"$W/tags.want"
[ -s "$W/tags.want" ] || fail "no 'application' tags in $focus"
q "$L5" "SELECT source_line, project FROM charges WHERE project IS NOT NULL ORDER BY source_line" >"$W/tags.got"
cmp -s "$W/tags.want" "$W/tags.got" || fail "--tag-project application: $(diff "$W/tags.want" "$W/tags.got" | head -4)"
ok
same "--tag-project: rows with a project" "$(wc -l <"$W/tags.got" | tr -d ' ')" 660

# --- source_file and source_line point at the real line --------------------------
for f in $bills; do
	name=$(basename "$f")
	n=$(q "$L1" "SELECT max(source_line) FROM charges WHERE source_file = '$f'")
	[ -n "$n" ] || fail "$name: no source_line"
	line=$(sed -n "${n}p" "$f")
	case $name in
	aws-cur*) id=$(q "$L1" "SELECT line_item_id FROM charges WHERE source_file = '$f' AND source_line = $n") ;;
	*) id=$(q "$L1" "SELECT resource_id FROM charges WHERE source_file = '$f' AND source_line = $n") ;;
	esac
	[ -n "$id" ] || fail "$name:$n: nothing to look for"
	case $line in
	*"$id"*) ok ;;
	*) fail "$name:$n does not hold '$id': $(printf '%s' "$line" | cut -c1-120)" ;;
	esac
	same "$name: every row starts where python says" \
		"$(q "$L1" "SELECT group_concat(source_line, ' ') FROM (SELECT source_line FROM charges WHERE source_file = '$f' ORDER BY source_line)")" \
		"$(ref lines "$f")"
done
# the FOCUS 1.2 example has blank CRLF lines between its rows
same "focus-1.2 lines" \
	"$(q "$L1" "SELECT group_concat(source_line, ' ') FROM (SELECT source_line FROM charges WHERE source_file = '$spec' ORDER BY source_line)")" \
	"2 4 6"

# --- a bad row: the import is refused as a whole, with file:line: column ----------
{ cat "$spec"; sed -n 2p "$spec" | sed 's/,1\.50,0\.00,/,12;5,0.00,/'; } >"$W/bad.csv"
before=$(q "$L1" "SELECT count(*) FROM charges")
"$COSTLEDGER" --ledger "$L1" import "$W/bad.csv" >"$W/imp.out" 2>&1
same "bad row: exit status" "$?" 2
grep -qF "bad.csv:7: column 'BilledCost': not a number: \"12;5\"" "$W/imp.out" ||
	fail "bad row says: $(cat "$W/imp.out")"
ok
same "bad row: nothing imported" "$(q "$L1" "SELECT count(*) FROM charges")" "$before"

# --- the same file again after some of its rows were deleted -------------------
# Rows are recognised by content, not the file: importing it again brings
# back exactly the deleted row (no file is refused as "already imported").
L6="$W/deleted.db"
init "$L6"
imp "$L6" "$W/twins.csv"
sqlite3 "$L6" "DELETE FROM charges WHERE source_line = 3" || fail "delete a row"
imp "$L6" "$W/twins.csv"
same "re-import after a delete: rows" "$(q "$L6" "SELECT count(*) FROM charges")" 3
same "re-import after a delete: total" "$(q "$L6" "SELECT $TOTAL FROM charges")" \
	"$(ref total "$W/twins.csv" | cut -d' ' -f2)"

# --- one command, an imported file then a new one -----------------------------
# Each file's rows carry the id its imports row gets when the file is done;
# a statement file that adds nothing takes an id (it may replace rows), and
# its row goes again when the delivery replaced nothing.
L7="$W/two-files.db"
init "$L7"
spec="$DATA/focus-1.2-spec-example_commitment-unused.csv"
imp "$L7" "$spec"
imp "$L7" "$spec" "$focus"
same "two files, one command: imports" \
	"$(q "$L7" "SELECT group_concat(import_id || ':' || rows_inserted, ' ') FROM imports")" \
	"1:$(ref total "$spec" | cut -d' ' -f1) 3:$(ref total "$focus" | cut -d' ' -f1)"
same "two files, one command: rows of each import" \
	"$(q "$L7" "SELECT group_concat(n, ' ') FROM (SELECT count(*) AS n FROM charges GROUP BY import_id ORDER BY import_id)")" \
	"$(q "$L7" "SELECT group_concat(rows_inserted, ' ') FROM imports")"
same "two files, one command: the second's file" \
	"$(q "$L7" "SELECT file_name FROM imports WHERE import_id = 3")" "$focus"
same "two files, one command: charges without their import" \
	"$(q "$L7" "SELECT count(*) FROM charges WHERE import_id NOT IN (SELECT import_id FROM imports)")" 0

echo "ok: import_bills.sh ($checks checks)"
