#!/bin/sh
# tests/cli/validate_13.sh: FOCUS 1.3 in `validate`. The version is told from
# the header (HostProviderName or ServiceProviderName: 1.3); every id printed
# for a 1.2 or a 1.3 file is one the FOCUS requirements model of that version
# names (tests/data/focus-requirement-ids.tsv, taken from the model's own
# files); the rules 1.3 changed behave as 1.3 says (a correction is no longer
# exempt from ListCost = ListUnitPrice x PricingQuantity); the 1.3 sample
# derived from the specification's example is checked rule by rule.
. "$TESTS/cli/lib.sh"
V="$TESTS/validate"
IDS="$TESTS/data/focus-requirement-ids.tsv"

rules_of() { # "ID COUNT" per rule broken, sorted
	"$COSTLEDGER" validate "$1" | sed -n 's/^.*:[0-9][0-9]*: \([^:]*\): \([0-9]*\) rows*:.*/\1 \2/p' | sort
}
format_of() {
	"$COSTLEDGER" validate --format json "$1" >v.json
	sqlite3 :memory: "SELECT json_extract(readfile('v.json'), '\$.files[0].format')"
}
known() { # known VERSION ID: the model of VERSION has ID
	awk -F'\t' -v v="$1" -v id="$2" '$1 == v && $2 == id { found = 1 } END { exit !found }' "$IDS"
}

# Version detection, from the header only.
expect "1.2 bill" "$(format_of "$V/conforming.csv")" "focus-1.2"
expect "1.3 bill" "$(format_of "$V/conforming13.csv")" "focus-1.3"
expect "1.3 by ServiceProviderName alone" "$(format_of "$V/CAU-CostAndUsage-D-075-M.csv")" "focus-1.3"
expect "1.3 by HostProviderName alone" "$(format_of "$V/CAU-CostAndUsage-D-076-M.csv")" "focus-1.3"
S13="$TESTS/data/focus-1.2-spec-example_as-focus-1.3.csv"
expect "1.3 sample" "$(format_of "$S13")" "focus-1.3"
expect "1.0 sample" "$(format_of "$TESTS/data/focus-1.0_sample_1000_aws-azure-oci.csv")" "focus-1.0"

# The 1.3 sample (the 1.2 specification's unused-commitment example with the
# columns a 1.3 dataset must have filled in): it breaks no rule.
"$COSTLEDGER" validate "$S13" >out.txt
expect "1.3 sample exit" "$?" 0
expect "1.3 sample" "$(cat out.txt)" "$S13: focus-1.3, 3 rows: conforms"
# The same sample as a 1.2 file lacks nothing 1.2 asks for: it conforms too.
sed 's/,HostProviderName,ServiceProviderName,/,x_Host,x_Service,/' "$S13" >s12.csv
expect "as 1.2" "$(format_of s12.csv)" "focus-1.2"
expect "as 1.2 rules" "$(rules_of s12.csv)" ""
# ... and without PublisherName and ProviderName, deprecated in 1.3 but
# still MUST be present, it breaks exactly those two presence rules.
python3 - "$S13" >s13-old.csv <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
drop = [i for i, c in enumerate(rows[0]) if c in ("PublisherName", "ProviderName")]
w = csv.writer(sys.stdout, lineterminator="\n")
for r in rows:
    if r:
        w.writerow([v for i, v in enumerate(r) if i not in drop])
PY
expect "1.3 without deprecated columns" "$(rules_of s13-old.csv | tr '\n' ' ')" \
	"CAU-CostAndUsage-D-021-M 1 CAU-CostAndUsage-D-038-M 1 "

# A correction whose ListCost is not the product: exempt in 1.2, not in 1.3.
f="$V/CAU-ListCost-C-011-C.csv"
sed '1s/,HostProviderName,ServiceProviderName$/,x_Host,x_Service/' "$f" >corr12.csv
expect "1.2 correction" "$(rules_of corr12.csv)" ""
expect "1.3 correction" "$(rules_of "$f")" "CAU-ListCost-C-011-C 1"

# Every id printed is the model's: each planted 1.2 file as it is, and the
# same file made 1.3 (HostProviderName and ServiceProviderName added).
checked=0
for f in "$V"/*-*.csv; do
	case $(basename "$f") in CAU-*) continue ;; esac
	for id in $(rules_of "$f" | cut -d' ' -f1); do
		known 1.2 "$id" || fail "$(basename "$f"): $id is not a FOCUS 1.2 requirement id"
		checked=$((checked + 1))
	done
	python3 - "$f" >as13.csv <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(rows[0] + ["HostProviderName", "ServiceProviderName"])
for r in rows[1:]:
    w.writerow(r + ["Example Cloud", "Example Cloud"])
PY
	expect "$(basename "$f") as 1.3" "$(format_of as13.csv)" "focus-1.3"
	for id in $(rules_of as13.csv | cut -d' ' -f1); do
		case $id in CAU-*) ;; *) fail "$(basename "$f") as 1.3: $id without CAU-" ;; esac
		known 1.3 "$id" || fail "$(basename "$f") as 1.3: $id is not a FOCUS 1.3 requirement id"
		checked=$((checked + 1))
	done
done
for f in "$V"/CAU-*.csv; do
	id=$(basename "$f" .csv)
	known 1.3 "$id" || fail "$id is not a FOCUS 1.3 requirement id"
done
[ "$checked" -ge 100 ] || fail "only $checked ids checked"
echo "ok: validate_13 ($checked ids checked against the requirements models)"
