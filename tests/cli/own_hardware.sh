#!/bin/sh
# tests/cli/own_hardware.sh: the hardware CSV end to end. Own usage (Slurm,
# pricing 'own') is priced by its machine's hourly cost (straight-line
# write-off plus power x PUE) in usage_costed and in report's own_cost; the
# expected nanos are computed here with Python's decimal from the CSV's
# numbers, independently of the C code and the SQL. Re-import adds nothing,
# a later file replaces a machine, bad input gives exit 2 naming
# file:line:column and leaves the ledger unchanged, and a ledger of the
# version before migrates to the same schema as a new one.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
top=$(cd "$TESTS/.." && pwd)
L="$work/ledger.db"

fail() { echo "FAIL: $*"; exit 1; }
cl() { "$COSTLEDGER" --ledger "$L" "$@"; }
q() { "$COSTLEDGER" --ledger "$L" sql --csv "$1" | sed 1d | tr -d '\r"'; }
expect() { [ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"; }
schema() { sqlite3 "$1" "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name"; }

cl init >/dev/null || fail "init"
sh "$top/samples/load_samples.sh" "$COSTLEDGER" "$L" >/dev/null 2>&1 || fail "loading the samples"
expect "own usage unpriced before" "$(q "SELECT count(*) FROM usage_costed WHERE pricing = 'own' AND cost IS NOT NULL")" 0
cl import "$top/samples/hardware.csv" >out.txt 2>err.txt || fail "import hardware: $(cat err.txt)"
grep -q 'hardware, 2 rows.*2 new machines' out.txt || fail "import said: $(cat out.txt)"
cl import "$top/samples/hardware.csv" >out.txt 2>&1 || fail "re-import"
grep -q 'already imported' out.txt || fail "re-import said: $(cat out.txt)"
expect "machines" "$(sqlite3 "$L" 'SELECT count(*) FROM hardware')" 2

# The expected cost of every own interval, from the CSV and the usage rows alone.
sqlite3 -csv "$L" "SELECT usage_id, resource_id, coalesce(gpus, ''), unixepoch(usage_end) - unixepoch(usage_start), coalesce(project, '')
                   FROM usage WHERE pricing = 'own' ORDER BY usage_id" > own.csv
/usr/bin/python3 - "$top/samples/hardware.csv" own.csv > want.txt <<'PY' || fail "python"
import csv, sys
from decimal import Decimal as D, ROUND_HALF_EVEN
nano = D("1e-9")
machines = {r["machine"]: r for r in csv.DictReader(open(sys.argv[1]))}
projects = {}
for usage_id, machine, gpus, seconds, project in csv.reader(open(sys.argv[2])):
    m = machines[machine]
    hourly = (D(m["purchase_cost"]) / (D(m["lifetime_years"]) * 8760)
              + D(m["watts"]) / 1000 * D(m["price_per_kwh"]) * D(m["pue"] or "1"))
    hourly = hourly.quantize(nano, ROUND_HALF_EVEN)          # per machine, to the nano
    share = D(gpus or m["gpus"]) / D(m["gpus"])
    cost = (hourly * D(seconds) / 3600 * share).quantize(nano, ROUND_HALF_EVEN)
    print(usage_id, int(cost / nano))
    projects[project] = projects.get(project, 0) + cost
for p in sorted(projects):
    print("project", p, projects[p].quantize(D("0.01"), ROUND_HALF_EVEN))
PY
q "SELECT usage_id, cost FROM usage_costed WHERE pricing = 'own' ORDER BY usage_id" | tr ',' ' ' > got.txt
grep -v '^project' want.txt > want_rows.txt
# nanos may differ by rounding a double hours figure: allow 1 nano per interval
/usr/bin/python3 - want_rows.txt got.txt <<'PY' || fail "usage_costed own costs differ: $(paste want_rows.txt got.txt)"
import sys
w = [l.split() for l in open(sys.argv[1])]; g = [l.split() for l in open(sys.argv[2])]
assert len(w) == len(g) and len(w) == 5, (w, g)
for a, b in zip(w, g):
    assert a[0] == b[0] and abs(int(a[1]) - int(b[1])) <= 1, (a, b)
PY
expect "priced by the machine" "$(q "SELECT count(*) FROM usage_costed WHERE pricing = 'own' AND hardware_id IS NOT NULL AND rate_id IS NULL")" 5
cl report --month 2026-10 --format csv > r.csv || fail "report"
head -1 r.csv | grep -q ',own_cost$' || fail "report has no own_cost column: $(head -1 r.csv)"
# Each project's own cost rounded on its own: the JSON (the CSV allocates
# the cents so that the rows add up to the total, summary_csv.sh).
cl report --month 2026-10 --format json > r.json || fail "report --format json"
for p in nlp speech vision; do
	want=$(grep "^project $p " want.txt | cut -d' ' -f3)
	got=$(python3 -c 'import json, sys; print([r["own_cost"] for r in json.load(open("r.json"))["rows"] if r["group"] == sys.argv[1]][0])' "$p")
	expect "report own_cost of $p" "$got" "$want"
done

# Once written off, an hour costs only its power.
sqlite3 "$L" "UPDATE hardware SET purchase_date = '2023-01-01' WHERE machine = 'gpu-node-01'"
expect "written off: power only" "$(q "SELECT DISTINCT unit_price FROM usage_costed WHERE resource_id = 'gpu-node-01' AND pricing = 'own'")" 0.45
# A later file replaces a machine's figures.
printf 'machine,gpus,purchase_cost,currency,purchase_date,lifetime_years,watts,price_per_kwh\ngpu-node-02,8,100000,USD,2026-03-01,4,6000,0.20\n' > hw2.csv
cl import hw2.csv >/dev/null 2>&1 || fail "import a replacement"
expect "replaced" "$(sqlite3 "$L" "SELECT purchase_cost, lifetime_years, pue, source_file FROM hardware WHERE machine = 'gpu-node-02'")" "100000000000000|4|1|hw2.csv"

# Bad input: exit 2, file:line:column named, nothing written.
before=$(sqlite3 "$L" 'SELECT count(*), total(purchase_cost) FROM hardware')
bad() { # bad WANT_IN_MESSAGE ROW
	printf 'machine,gpus,purchase_cost,currency,purchase_date,lifetime_years,watts,price_per_kwh,pue\ngpu-node-09,4,1000,USD,2026-01-01,3,3000,0.15,1\n%s\n' "$2" > bad.csv
	cl import bad.csv >/dev/null 2>err.txt
	[ $? = 2 ] || fail "bad row '$2': not exit 2"
	grep -q "bad.csv:3: column '$1'" err.txt || fail "bad row '$2': $(cat err.txt)"
	expect "unchanged after '$2'" "$(sqlite3 "$L" 'SELECT count(*), total(purchase_cost) FROM hardware')" "$before"
}
bad gpus 'n,0,1000,USD,2026-01-01,3,3000,0.15,1'
bad pue 'n,4,1000,USD,2026-01-01,3,3000,0.15,0.9'
bad lifetime_years 'n,4,1000,USD,2026-01-01,0,3000,0.15,1'
bad purchase_date 'n,4,1000,USD,2026-02-30,3,3000,0.15,1'
bad purchase_cost 'n,4,12e,USD,2026-01-01,3,3000,0.15,1'
bad watts 'n,4,1000,USD,2026-01-01,3,-5,0.15,1'
bad machine 'gpu-node-09,4,1000,USD,2026-01-01,3,3000,0.15,1'
bad gpus 'n,0x4,1000,USD,2026-01-01,3,3000,0.15,1'
bad watts 'n,4,1000,USD,2026-01-01,3,inf,0.15,1'
bad lifetime_years 'n,4,1000,USD,2026-01-01,1e400,3000,0.15,1'
bad machine "$(printf 'n\377,4,1000,USD,2026-01-01,3,3000,0.15,1')"
bad machine "$(/usr/bin/python3 -c 'print("m" * 300)'),4,1000,USD,2026-01-01,3,3000,0.15,1"

# A ledger of the version before the hardware table migrates to the schema of a new one.
"$COSTLEDGER" --ledger new.db init >/dev/null || fail "init new.db"
schema new.db > schema.new
version=$(sqlite3 new.db 'PRAGMA user_version')
"$COSTLEDGER" --ledger old.db init >/dev/null || fail "init old.db"
# Schema version 5 brought the hardware table (migration 4 -> 5).
sqlite3 old.db "DROP TABLE hardware; PRAGMA user_version = 4" || fail "set up old.db"
"$COSTLEDGER" --ledger old.db import "$top/samples/hardware.csv" >/dev/null 2>err.txt || fail "import into v4: $(cat err.txt)"
expect "migrated" "$(sqlite3 old.db 'PRAGMA user_version')" "$version"
schema old.db > schema.old
cmp -s schema.new schema.old || fail "migrated schema differs: $(diff schema.new schema.old)"
echo "own_hardware: ok"
