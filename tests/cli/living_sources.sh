#!/bin/sh
# tests/cli/living_sources.sh: bills delivered again and restated. The
# shipped FOCUS and CUR samples are restated (an amount changed, a line
# removed, a line added), then written another way (columns reordered,
# numbers respelled, quoted, CRLF, a BOM, an empty extra column, gzip):
# the ledger's total is exactly the newest file's, computed here with
# Python's decimal from that file; charge_history holds the replaced rows;
# `diff` lists exactly the changed lines; `imports` lists the deliveries.
# Also: --delivery incremental, one delivery over several files, a CUR
# manifest, twins within one file, the crc32-colliding bills, many
# identical rows, and the schema of history tables and of a migrated ledger.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
SAMPLES="$TESTS/../samples"
D="$TESTS/data"
checks=0

fail() { echo "FAIL: living_sources.sh: $*"; exit 1; }
ok() { checks=$((checks + 1)); }
expect() { # expect WHAT GOT WANT
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
	ok
}
cl() { "$COSTLEDGER" --ledger "$L" "$@"; }
q() { sqlite3 "$L" "$1"; }
fresh() { L="$work/$1.db"; rm -f "$L"*; cl init >/dev/null || fail "init $1"; }
imp() { cl import "$@" > out.txt 2> err.txt || fail "import $*: $(cat err.txt)"; }

# nanos of the billed column of a bill file (plain or gzip; BOM, any column
# order), each amount rounded half-even to 9 decimals as the import does
billed_nanos() { # billed_nanos FILE COLUMN
	/usr/bin/python3 - "$@" <<'PY'
import csv, gzip, io, sys
from decimal import Decimal, ROUND_HALF_EVEN
path, column = sys.argv[1], sys.argv[2]
raw = open(path, "rb").read()
if raw[:2] == b"\x1f\x8b":
    raw = gzip.decompress(raw)
rows = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
total = sum(Decimal(r[column]).quantize(Decimal("1e-9"), rounding=ROUND_HALF_EVEN) for r in rows)
print(int(total * 10**9))
PY
}

# restate IN OUT COLUMN_ID COLUMN_BILLED STYLE: line 1 (the first data row)
# gets another amount, line 5 is dropped, a copy of line 2 in a new hour
# (FOCUS) or with a new line id (CUR) is added; STYLE "plain" keeps the
# file's form, "other" writes the same rows another way.
restate() {
	/usr/bin/python3 - "$@" <<'PY'
import csv, gzip, io, sys
src, out, id_col, billed_col, style = sys.argv[1:6]
raw = open(src, "rb").read()
if raw[:2] == b"\x1f\x8b":
    raw = gzip.decompress(raw)
rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
header, body = rows[0], rows[1:]
b = header.index(billed_col)
body[0][b] = "11.00" if body[0][b] != "11.00" else "12.00"
del body[4]
added = list(body[1])
if id_col in header:
    added[header.index(id_col)] = "added-line-0001"
for name, new in (("ChargePeriodStart", "2026-10-30T00:00:00Z"), ("ChargePeriodEnd", "2026-10-30T01:00:00Z")):
    if name in header and id_col not in header:
        added[header.index(name)] = new
body.append(added)
if style == "other":
    header = header + ["x_Empty"]
    body = [r + [""] for r in body]
    order = list(range(len(header)))[::-1]
    header = [header[i] for i in order]
    body = [[r[i] for i in order] for r in body]
    for r in body:
        for i, v in enumerate(r):
            try:
                float(v)
            except ValueError:
                continue
            if "." in v and "E" not in v.upper():
                r[i] = v + "00"
    text = io.StringIO()
    csv.writer(text, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows([header] + body)
    data = b"\xef\xbb\xbf" + text.getvalue().encode()
else:
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows([header] + body)
    data = text.getvalue().encode()
if out.endswith(".gz"):
    data = gzip.compress(data)
open(out, "wb").write(data)
PY
}

sum_charges() { q "SELECT sum(billed_cost) FROM charges"; }

# --- 1. FOCUS: the sample, restated, then the restatement written another way
focus="$SAMPLES/gpucloud-focus-2026-10.csv"
fresh focus
imp "$focus"
expect "FOCUS: first delivery" "$(sum_charges)" "$(billed_nanos "$focus" BilledCost)"
restate "$focus" focus-restated.csv none BilledCost plain
restate "$focus" focus-restated-other.csv.gz none BilledCost other
imp focus-restated.csv
expect "FOCUS restated: total is the newest file's" "$(sum_charges)" "$(billed_nanos focus-restated.csv BilledCost)"
expect "FOCUS restated: rows" "$(q "SELECT count(*) FROM charges")" "$(($(wc -l < focus-restated.csv) - 1))"
expect "FOCUS restated: history" "$(q "SELECT group_concat(source_line || '@' || superseded_by, ' ') FROM (SELECT * FROM charge_history ORDER BY source_line)")" "2@2 6@2"
expect "FOCUS restated: history is the old rows" "$(q "SELECT count(*) FROM charge_history h JOIN imports i ON i.import_id = h.import_id WHERE i.file_name = '$focus'")" 2
cl diff > diff.txt || fail "diff"
expect "FOCUS diff: changed" "$(grep -c '^  changed  focus-restated.csv:2 (was .*gpucloud-focus-2026-10.csv:2): billed 24.225 -> 11.00 USD (difference -13.225)$' diff.txt)" 1
expect "FOCUS diff: removed" "$(grep -c '^  removed  .*gpucloud-focus-2026-10.csv:6: billed 24.225 USD$' diff.txt)" 1
expect "FOCUS diff: added" "$(grep -c '^  added    focus-restated.csv:83: billed 24.225 USD$' diff.txt)" 1
expect "FOCUS diff: nothing else" "$(grep -c '^  [a-z]' diff.txt)" 4
expect "FOCUS diff: totals" "$(grep '^  billed' diff.txt)" "  billed USD: 2140.35 -> 2127.125 (difference -13.225)"
# the same statement in another column order, spelling, quoting, CRLF, BOM, gzip: nothing changes
imp focus-restated-other.csv.gz
grep -q "already imported" out.txt || fail "restatement written another way: $(cat out.txt)"
grep -q "nothing changed" out.txt || fail "restatement written another way: $(cat out.txt)"
expect "FOCUS other form: total" "$(sum_charges)" "$(billed_nanos focus-restated-other.csv.gz BilledCost)"
expect "FOCUS other form: history unchanged" "$(q "SELECT count(*) FROM charge_history")" 2
expect "FOCUS other form: no import recorded" "$(q "SELECT count(*) FROM imports")" 2
# the original again: a restatement back
imp "$focus"
expect "FOCUS back to the original: total" "$(sum_charges)" "$(billed_nanos "$focus" BilledCost)"
expect "FOCUS back: history" "$(q "SELECT count(*) FROM charge_history")" 4
# the month in the reports is the current statement
expect "FOCUS: monthly_charges" "$(cl sql --csv "SELECT money_text(sum(billed_cost), 3) FROM monthly_charges" | sed 1d | tr -d '\r"')" "2140.350"
cl imports > imports.txt || fail "imports"
expect "imports: deliveries" "$(grep -c '^delivery ' imports.txt)" 3
expect "imports: billed after the restatement" "$(sed -n '/^delivery 2 /,/^delivery 3 /p' imports.txt | grep 'billed after it')" "  billed after it: 2127.125 USD"
expect "imports: replaced" "$(sed -n '/^delivery 2 /,/^delivery 3 /p' imports.txt | grep 'replaced:')" "  replaced: 2 charges (48.45 USD billed), 0 usage intervals"
expect "imports: covers" "$(grep -c 'covers: GPUCloud / gc-acct-7 / 2026-10-01' imports.txt)" 3
expect "charge_versions: every version" "$(cl sql --csv "SELECT count(*) FROM charge_versions" | sed 1d | tr -d '\r"')" $(( $(q "SELECT count(*) FROM charges") + 4 ))

# --- 2. AWS CUR (gzip): the same line item with another cost replaces it ------
cur="$SAMPLES/aws-cur-2026-10.csv.gz"
fresh cur
imp "$cur"
expect "CUR: first delivery" "$(sum_charges)" "$(billed_nanos "$cur" lineItem/UnblendedCost)"
restate "$cur" cur-restated.csv.gz identity/LineItemId lineItem/UnblendedCost plain
restate "$cur" cur-restated-other.csv identity/LineItemId lineItem/UnblendedCost other
imp cur-restated.csv.gz
expect "CUR restated: total is the newest file's" "$(sum_charges)" "$(billed_nanos cur-restated.csv.gz lineItem/UnblendedCost)"
expect "CUR restated: history" "$(q "SELECT count(*) FROM charge_history WHERE superseded_by = 2")" 2
id1=$(zcat "$cur" | sed -n 2p | cut -d, -f1)
expect "CUR restated: the line's old cost is history" "$(q "SELECT billed_cost FROM charge_history WHERE line_item_id = '$id1'")" 32770000000
expect "CUR restated: its new cost is current" "$(q "SELECT billed_cost FROM charges WHERE line_item_id = '$id1'")" 11000000000
cl diff > diff.txt || fail "CUR diff"
expect "CUR diff: lines" "$(grep -c '^  \(changed\|removed\|added\) ' diff.txt)" 3
expect "CUR diff: changed" "$(grep -c '^  changed  cur-restated.csv.gz:2 .*billed 32.77 -> 11.00 USD (difference -21.77)$' diff.txt)" 1
imp cur-restated-other.csv
expect "CUR other form: nothing new" "$(q "SELECT count(*) FROM charge_history")" 2
expect "CUR other form: total" "$(sum_charges)" "$(billed_nanos cur-restated-other.csv lineItem/UnblendedCost)"

# --- 3. --delivery incremental: lines add, nothing is replaced ----------------
fresh incr
imp "$focus"
imp --delivery incremental focus-restated.csv
expect "incremental: history" "$(q "SELECT count(*) FROM charge_history")" 0
expect "incremental: rows" "$(q "SELECT count(*) FROM charges")" 84
expect "incremental: mode" "$(q "SELECT group_concat(mode, ' ') FROM import_deliveries")" "statement incremental"
cl import --delivery weekly "$focus" > out.txt 2> err.txt && fail "--delivery weekly accepted"
grep -q "import: --delivery 'weekly': not statement or incremental" err.txt || fail "bad --delivery: $(cat err.txt)"
ok

# a command that only adds rates does not say "nothing changed"
printf 'provider,sku,unit,unit_price,currency,valid_from\nGPUCloud,a100-8x,hour,24.225,USD,2026-10-01\n' > rates.csv
imp rates.csv
grep -q "nothing changed" out.txt && fail "new rates said nothing changed: $(cat out.txt)"
ok

# --- 4. one delivery over several files; a CUR manifest ------------------------
# A statement split in two parts: each part alone would replace the other.
/usr/bin/python3 - "$focus" <<'PY'
import sys
lines = open(sys.argv[1]).read().splitlines(True)
open("part1.csv", "w").writelines(lines[:40])
open("part2.csv", "w").writelines(lines[:1] + lines[40:])
PY
fresh parts
imp part1.csv part2.csv
expect "two parts, one command: total" "$(sum_charges)" "$(billed_nanos "$focus" BilledCost)"
expect "two parts: one delivery" "$(q "SELECT count(DISTINCT delivery_id) || ' ' || count(*) FROM import_deliveries")" "1 2"
imp part1.csv part2.csv
expect "two parts again: nothing replaced" "$(q "SELECT count(*) FROM charge_history")" 0
mkdir m
cp part1.csv m/part-00001.csv && gzip m/part-00001.csv && cp part2.csv m/part-00002.csv
printf '{"assemblyId":"x","reportKeys":["cur/daily/20261001-20261101/x/part-00001.csv.gz","cur/daily/20261001-20261101/x/part-00002.csv"]}\n' > m/Manifest.json
fresh manifest
imp m/Manifest.json
expect "manifest: total" "$(sum_charges)" "$(billed_nanos "$focus" BilledCost)"
expect "manifest: parts" "$(q "SELECT count(*) FROM imports")" 2
printf '{"reportKeys": [' > m/bad.json
cl import m/bad.json > out.txt 2> err.txt && fail "a broken manifest accepted"
grep -q "m/bad.json: not a CUR manifest" err.txt || fail "broken manifest: $(cat err.txt)"
ok

# --- 5. twins within one file survive; the crc32-colliding bills both import ---
fresh twins
{ cat "$focus"; sed -n 2p "$focus"; } > twins.csv
imp twins.csv
expect "twins in one file: both kept" "$(q "SELECT count(*) FROM charges")" 83
imp twins.csv
expect "twins again: nothing new" "$(q "SELECT count(*) FROM charges") $(q "SELECT count(*) FROM charge_history")" "83 0"
fresh crc
imp "$D/adversarial/crc32_collision_a.csv"
imp "$D/adversarial/crc32_collision_b.csv"
grep -q "1 new" out.txt || fail "the second crc32 twin: $(cat out.txt)"
expect "crc32 collision: both bills" "$(sum_charges)" "$(( $(billed_nanos "$D/adversarial/crc32_collision_a.csv" BilledCost) + $(billed_nanos "$D/adversarial/crc32_collision_b.csv" BilledCost) ))"
expect "crc32 collision: two imports" "$(q "SELECT count(*) FROM imports")" 2

# --- 6. many identical rows (was quadratic): all kept, again nothing new -------
/usr/bin/python3 - <<'PY'
with open("same.csv", "w") as f:
    f.write("BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost\n")
    f.write("acct,2026-10-01T00:00:00Z,2026-10-01T01:00:00Z,Usage,1.5\n" * 20000)
PY
fresh same
imp same.csv
expect "20000 identical rows" "$(q "SELECT count(*) || ' ' || max(occurrence) FROM charges")" "20000 19999"
imp same.csv
expect "20000 identical rows again" "$(q "SELECT count(*) FROM charges")" 20000
{ cat same.csv; tail -n 1 same.csv; } > same-plus-one.csv
imp same-plus-one.csv
expect "one more identical row" "$(q "SELECT count(*) FROM charges")" 20001

# --- 7. the history tables have the current tables' columns -------------------
for t in charges:charge_history usage:usage_history; do
	cur_cols=$(q "SELECT group_concat(name || ' ' || type, ',') FROM pragma_table_info('${t%%:*}')")
	hist_cols=$(q "SELECT group_concat(name || ' ' || type, ',') FROM pragma_table_info('${t##*:}')")
	expect "columns of ${t##*:}" "$hist_cols" "$cur_cols,superseded_by INTEGER"
done

# --- 8. a version 2 ledger is migrated and then restated ----------------------
L="$work/v2.db"
sqlite3 "$L" < "$D/schema-v2.sql" || fail "build a version 2 ledger"
sqlite3 "$L" "PRAGMA user_version = 2; PRAGMA journal_mode = WAL" >/dev/null
cl import "$focus" > out.txt 2> err.txt || fail "import into a version 2 ledger: $(cat err.txt)"
fresh v3
expect "migrated: version" "$(sqlite3 "$work/v2.db" "PRAGMA user_version")" "$(sqlite3 "$work/v3.db" "PRAGMA user_version")"
for db in v2 v3; do
	sqlite3 "$work/$db.db" "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name" > "$db.schema"
done
cmp -s v2.schema v3.schema || fail "migrated schema differs: $(diff v2.schema v3.schema)"
ok
L="$work/v2.db"
imp focus-restated.csv
expect "migrated, restated: total" "$(sum_charges)" "$(billed_nanos focus-restated.csv BilledCost)"

# --- 8b. a replaced row's id is never given to a new row (findings name ids) ----
fresh ids
imp "$focus"
head -n -1 "$focus" > focus-minus-last.csv
imp focus-minus-last.csv
expect "last line replaced" "$(q "SELECT charge_id FROM charge_history")" 82
tail -n 1 "$focus" | sed 's/2026-10-3[01]T/2026-10-29T/g' > one.body
{ head -n 1 "$focus"; cat one.body; } > one-more.csv
imp --delivery incremental one-more.csv
expect "a new row after a replaced last one" "$(q "SELECT charge_id FROM charges WHERE source_file = 'one-more.csv'")" 83

# --- 9. reconcile and report say when a reconciled month was restated ----------
fresh note
imp "$focus"
cl reconcile --month 2026-10 > /dev/null 2> err.txt
[ -s err.txt ] && fail "a first reconcile notes: $(cat err.txt)"
ok
imp "$SAMPLES/gpucloud-focus-2026-10-restated.csv"
note="costledger: note: 2026-10 was restated since reconciliation run 1 (imports up to 1): billed 2140.35 then, 2127.125 now (difference -13.225 USD); 'costledger diff' lists the lines"
cl report --month 2026-10 > /dev/null 2> err.txt || fail "report: $(cat err.txt)"
expect "report: restated note" "$(cat err.txt)" "$note"
cl reconcile --month 2026-10 > /dev/null 2> err.txt
expect "reconcile: restated note" "$(cat err.txt)" "$note"
cl reconcile --month 2026-10 > /dev/null 2> err.txt
expect "reconcile after a run of the restated month: no note" "$(cat err.txt)" ""
expect "the shipped restatement is the test's" "$(cmp -s "$SAMPLES/gpucloud-focus-2026-10-restated.csv" focus-restated.csv && echo same)" same

echo "ok: living_sources.sh ($checks checks)"
