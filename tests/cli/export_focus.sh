#!/bin/sh
# tests/cli/export_focus.sh: `export --what charges --format focus` writes
# FOCUS that `costledger validate` accepts (exit 0), as 1.3 (the default)
# and as 1.2: the samples' month, every bill in tests/data imported into a
# fresh ledger, a 100k-row generated bill (10k in `make test`). Each
# export has the version's mandatory columns (listed here from the spec,
# not from the code), values derived by docs/exports.md's rules, and
# re-imports to the same totals (x_ columns included). --fill, and what
# is refused with nothing written. A version 2 ledger migrated to the current version has a new ledger's
# schema, the same rows and the same export.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
top=$(cd "$TESTS/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
PY=/usr/bin/python3

checks=0
fail() { echo "FAIL: export_focus.sh: $*"; exit 1; }
ok() { checks=$((checks + 1)); }
new_ledger() { rm -f "$1"; "$COSTLEDGER" --ledger "$1" init >/dev/null || fail "init $1"; }
export_focus() { # LEDGER MONTH FILE [OPTIONS]
	l=$1 m=$2 f=$3
	shift 3
	"$COSTLEDGER" --ledger "$l" export --month "$m" --what charges --format focus -o "$f" "$@" 2>err
}
conforms() { # FILE VERSION: validate exits 0, reading the file as that version
	out=$("$COSTLEDGER" validate "$1" 2>&1) || fail "validate $1 (exit $?): $out"
	case $out in *"focus-$2, "*" rows: conforms"*) ok ;; *) fail "validate $1: $out" ;; esac
}
# The columns FOCUS makes mandatory (FOCUS_Spec v1.2 specification/columns,
# Feature level Mandatory; 1.3 adds ServiceProviderName and HostProviderName).
mandatory_12="BilledCost BillingAccountId BillingAccountName BillingCurrency BillingPeriodEnd
BillingPeriodStart ChargeCategory ChargeClass ChargeDescription ChargePeriodEnd ChargePeriodStart
ContractedCost EffectiveCost InvoiceIssuerName ListCost PricingQuantity PricingUnit ProviderName
PublisherName ServiceCategory ServiceName"
has_mandatory() { # FILE VERSION
	want=$mandatory_12
	[ "$2" = 1.3 ] && want="$want ServiceProviderName HostProviderName"
	header=",$(head -1 "$1" | tr -d '\r'),"
	for c in $want; do
		case $header in *",$c,"*) ;; *) fail "$1: no mandatory column $c" ;; esac
	done
	ok
}
totals="SELECT coalesce(provider, ''), coalesce(project, ''), coalesce(charge_category, ''),
 coalesce(billing_currency, ''), count(*), sum(billed_cost), sum(effective_cost), sum(unit_price),
 sum(list_unit_price), sum(coalesce(list_cost, billed_cost)), sum(coalesce(contracted_cost, billed_cost))
 FROM charges GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"

# 1. The samples' month, both versions; the default is 1.3.
new_ledger s.db
sh "$top/samples/load_samples.sh" "$COSTLEDGER" s.db >/dev/null 2>&1 || fail "loading the samples"
export_focus s.db 2026-10 s.csv || fail "export: $(cat err)"
grep -q "written as x_ListUnitPrice" err || fail "no note on x_ListUnitPrice: $(cat err)"
for v in 1.2 1.3; do
	export_focus s.db 2026-10 s$v.csv --focus-version $v || fail "export $v: $(cat err)"
	conforms s$v.csv $v
	has_mandatory s$v.csv $v
done
cmp -s s.csv s1.3.csv || fail "the default is not 1.3"
ok
head -1 s1.2.csv | grep -q 'ServiceProviderName\|HostProviderName' && fail "1.3 columns in a 1.2 file"
ok

# What the export derived, by docs/exports.md's rules.
$PY - s1.3.csv <<'PY' || fail "derived values"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows) == 195, len(rows)
aws = [r for r in rows if r["ProviderName"] == "AWS"]
gc = [r for r in rows if r["ProviderName"] == "GPUCloud"]
assert aws and gc
for r in rows:
    for c in ("BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd"):
        assert r[c].endswith("Z") and len(r[c]) == 20, (c, r[c])
    # the bill named no publisher, issuer or host: the provider
    for c in ("PublisherName", "InvoiceIssuerName", "ServiceProviderName", "HostProviderName"):
        assert r[c] == r["ProviderName"], (c, r)
for r in aws:
    # the CUR sample has no billing period: the charge's calendar month
    assert (r["BillingPeriodStart"], r["BillingPeriodEnd"]) == ("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"), r
    # lineItem/ProductCode AmazonEC2, no category in the bill: the mapping
    assert (r["ServiceName"], r["ServiceCategory"]) == ("AmazonEC2", "Compute"), r
    assert r["SubAccountName"] == r["SubAccountId"] == "444455556666", r
    if r["ChargeCategory"] == "Usage":
        # no product/sku: the instance type is the SKU
        assert r["SkuId"] == r["SkuPriceId"] == r["x_InstanceType"] != "", r
        assert r["RegionName"] == r["RegionId"] != "", r
        # no ContractedCost in a CUR: BilledCost, which is rate x quantity
        assert r["ContractedCost"] == r["BilledCost"], r
        assert r["x_ListUnitPrice"] == "", r
tax = [r for r in rows if r["ChargeCategory"] == "Tax"]
assert len(tax) == 1
for c in ("PricingQuantity", "PricingUnit", "SkuId", "SkuPriceId", "PricingCategory", "ContractedUnitPrice"):
    assert tax[0][c] == "", (c, tax[0])
assert tax[0]["ListCost"] == tax[0]["BilledCost"]
for r in gc:
    assert r["ServiceCategory"] == "Compute" and r["x_ListUnitPrice"] != "", r
    assert r["InvoiceId"].startswith("GC-"), r
assert "ListUnitPrice" not in rows[0] and "RegionName" in rows[0]
PY
ok

# The export re-imports to the same totals, x_ListUnitPrice as the list price.
for v in 1.2 1.3; do
	new_ledger rt$v.db
	"$COSTLEDGER" --ledger rt$v.db import s$v.csv > out 2>&1 || fail "re-import of $v: $(cat out)"
	grep -q "focus-$v," out || fail "re-import did not read $v: $(cat out)"
	grep -q '"focus_rules_broken":{}' out || fail "the import finds FOCUS rules broken: $(cat out)"
	[ "$(sqlite3 s.db "$totals")" = "$(sqlite3 rt$v.db "$totals")" ] ||
		fail "$v round trip: $(sqlite3 s.db "$totals") / $(sqlite3 rt$v.db "$totals")"
	ok
done
# ... and exports again to the same file.
export_focus rt1.3.db 2026-10 again.csv || fail "export of the re-import: $(cat err)"
cmp -s s1.3.csv again.csv || fail "the re-import exports differently"
ok

# 2. Every bill in tests/data, imported into a fresh ledger: each of its
# months. Only the FOCUS spec's 3-row example lacks values FOCUS requires:
# it is refused, naming the --fill to give, and written with them.
fills="--fill ProviderName=Example --fill BillingAccountId=example-account --fill BillingCurrency=usd
--fill ServiceName=Virtual-Machines --fill PricingUnit=Hours"
needed_fill=
exported=
for f in "$TESTS"/data/*.csv; do
	b=$(basename "$f" .csv)
	new_ledger b.db
	"$COSTLEDGER" --ledger b.db import --format auto "$f" >/dev/null 2>&1 || continue
	[ "$(sqlite3 b.db 'SELECT count(*) FROM charges')" -gt 0 ] || continue
	for m in $(sqlite3 b.db "SELECT DISTINCT substr(charge_period_start, 1, 7) FROM charges"); do
		for v in 1.2 1.3; do
			rm -f b.csv
			if ! export_focus b.db "$m" b.csv --focus-version $v; then
				grep -q -- "--fill BillingCurrency=VALUE" err || fail "$b $m: $(cat err)"
				[ -e b.csv ] && fail "$b: a refused export wrote its file"
				needed_fill="$needed_fill $b"
				# shellcheck disable=SC2086
				export_focus b.db "$m" b.csv --focus-version $v $fills || fail "$b $m with --fill: $(cat err)"
			fi
			conforms b.csv $v
			has_mandatory b.csv $v
		done
	done
	exported="$exported $b"
done
case $exported in *aws-cur-legacy*focus-1.0*focus-1.2-spec*) ok ;; *) fail "bills exported:$exported" ;; esac
[ "$needed_fill" = " focus-1.2-spec-example_commitment-unused focus-1.2-spec-example_commitment-unused" ] ||
	fail "bills that needed --fill:$needed_fill"
ok
# The spec example keeps its commitment discount (a conditional column group).
$PY - b.csv <<'PY' || fail "spec example"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert [r["CommitmentDiscountStatus"] for r in rows] == ["", "Unused", ""], rows
assert [r["CommitmentDiscountCategory"] for r in rows] == ["Usage", "Usage", ""], rows
assert all(r["BillingCurrency"] == "USD" and r["BillingAccountId"] == "example-account" for r in rows)
assert [r["EffectiveCost"] for r in rows] == ["0.00", "1.50", "2.00"], rows
PY
ok

# 3. A 100k-row generated bill (bench/import/gen_focus.py, 1% credits
# whose positive unit prices do not multiply to their negative costs). What
# it checks is the variety of rows, not their number: `make test` (FAST=1)
# takes 10k rows, `make check` 100k.
gen_rows=100000
[ "${FAST:-}" = 1 ] && gen_rows=10000
$PY "$top/bench/import/gen_focus.py" "$gen_rows" > g.csv || fail "gen_focus.py"
new_ledger g.db
"$COSTLEDGER" --ledger g.db import g.csv >/dev/null 2>&1 || fail "import of the generated bill"
for v in 1.2 1.3; do
	export_focus g.db 2026-10 g$v.csv --focus-version $v || fail "export of the generated bill: $(cat err)"
	conforms g$v.csv $v
	has_mandatory g$v.csv $v
done
new_ledger grt.db
"$COSTLEDGER" --ledger grt.db import g1.3.csv >/dev/null 2>&1 || fail "re-import of the generated bill"
q="SELECT count(*), sum(billed_cost), sum(effective_cost) FROM charges"
[ "$(sqlite3 g.db "$q")" = "$(sqlite3 grt.db "$q")" ] || fail "generated bill round trip"
ok

# 4. A value that breaks a conditional column's rule moves the column to
# x_NAME: the FOCUS columns conform, the value re-imports.
cp s.db bad.db
sqlite3 bad.db "UPDATE charges SET commitment_discount_status = 'Bogus'
  WHERE charge_id = (SELECT min(charge_id) FROM charges WHERE provider = 'GPUCloud')" || fail "plant"
export_focus bad.db 2026-10 bad.csv || fail "export with a planted status: $(cat err)"
grep -q "1 charges break FOCUS's rule for CommitmentDiscountStatus (first: .*gpucloud-focus-2026-10.csv:2); written as x_CommitmentDiscountStatus" err ||
	fail "note on the planted status: $(cat err)"
conforms bad.csv 1.3
head -1 bad.csv | grep -q ',x_CommitmentDiscountStatus,' || fail "no x_CommitmentDiscountStatus"
new_ledger badrt.db
"$COSTLEDGER" --ledger badrt.db import bad.csv >/dev/null 2>&1 || fail "re-import of x_"
[ "$(sqlite3 badrt.db "SELECT count(*) FROM charges WHERE commitment_discount_status = 'Bogus'")" = 1 ] ||
	fail "x_CommitmentDiscountStatus not read back"
ok

# Quantities are plain decimals: no exponent, as FOCUS's numeric format wants.
cp s.db qty.db
sqlite3 qty.db "UPDATE charges SET pricing_quantity = 1.5e-7 WHERE charge_id = (SELECT min(charge_id) FROM charges WHERE provider = 'GPUCloud');
  UPDATE charges SET pricing_quantity = 2.5e21 WHERE charge_id = (SELECT max(charge_id) FROM charges WHERE provider = 'GPUCloud')" ||
	fail "plant quantities"
export_focus qty.db 2026-10 qty.csv || fail "export with planted quantities: $(cat err)"
$PY - qty.csv <<'PY' || fail "quantities as plain decimals"
import csv, sys
q = [r["PricingQuantity"] for r in csv.DictReader(open(sys.argv[1], newline="")) if r["PricingQuantity"]]
assert "0.00000015" in q and "2500000000000000000000" in q, q
assert not [x for x in q if "e" in x.lower()], q
PY
ok

# Refused, exit 2, nothing written.
refused() { # WHY OPTIONS...
	why=$1
	shift
	rm -f no.csv
	"$COSTLEDGER" --ledger s.db export --month 2026-10 --what charges -o no.csv "$@" 2>err
	[ $? = 2 ] || fail "$why: not refused with exit 2"
	[ -e no.csv ] && fail "$why: wrote a file"
	ok
}
refused "version 1.4" --format focus --focus-version 1.4
refused "fill currency XX" --format focus --fill BillingCurrency=XX
refused "fill an unknown column" --format focus --fill SkuId=x
refused "fill ChargeCategory Refund" --format focus --fill ChargeCategory=Refund
refused "fill without a value" --format focus --fill ProviderName=
refused "--cost effective for focus" --format focus --cost effective
refused "focus options for csv" --focus-version 1.2
grep -q -- "--focus-version and --fill are for --format focus" err || fail "message: $(cat err)"
cp s.db nocur.db
sqlite3 nocur.db "UPDATE charges SET billing_currency = NULL WHERE provider = 'GPUCloud'" || fail "plant"
rm -f no.csv
"$COSTLEDGER" --ledger nocur.db export --month 2026-10 --what charges --format focus -o no.csv 2>err
[ $? = 2 ] && [ ! -e no.csv ] || fail "charges without a currency not refused"
grep -q "82 charges have no BillingCurrency, which FOCUS requires (first: .*gpucloud-focus-2026-10.csv:2); give it with --fill BillingCurrency=VALUE" err ||
	fail "message: $(cat err)"
ok

# 5. A version 2 ledger (tests/data/schema-v2.sql) with the samples' rows:
# migrated it has a new ledger's schema, the same rows, and exports the
# same file.
sqlite3 v2.db < "$TESTS/data/schema-v2.sql" || fail "v2 schema"
sqlite3 v2.db "PRAGMA user_version = 2" || fail "v2 version"
copy=$(sqlite3 v2.db "SELECT group_concat(printf('INSERT INTO main.%s (%s) SELECT %s FROM s.%s;', t, c, c, t), ' ')
  FROM (SELECT m.name AS t, group_concat(p.name, ', ') AS c FROM sqlite_schema m, pragma_table_info(m.name) p
        WHERE m.type = 'table' GROUP BY m.name)")
sqlite3 v2.db "ATTACH 's.db' AS s; $copy" || fail "copy the samples into v2.db"
[ "$(sqlite3 v2.db 'SELECT count(*) FROM charges')" = 195 ] || fail "v2.db rows"
"$COSTLEDGER" --ledger v2.db init > out 2>&1 || fail "migrate: $(cat out)"
# columns, types, defaults of every table, and the indexes' text; the
# charges table, rebuilt by the migration, has a new ledger's very text
schema() {
	sqlite3 "$1" "SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", coalesce(p.dflt_value, ''), p.pk
	  FROM sqlite_schema m, pragma_table_xinfo(m.name) p WHERE m.type = 'table' ORDER BY 1, 2;
	  SELECT name, sql FROM sqlite_schema WHERE type = 'index' OR name = 'charges' ORDER BY name"
}
new_ledger fresh.db
version=$(sqlite3 fresh.db 'PRAGMA user_version')
grep -q "schema version $version" out || fail "migrate: $(cat out)"
[ "$(sqlite3 v2.db 'PRAGMA user_version')" = "$version" ] || fail "v2.db not at version $version"
[ "$(schema v2.db)" = "$(schema fresh.db)" ] || fail "migrated schema differs from a new ledger's"
[ "$(sqlite3 v2.db "$totals")" = "$(sqlite3 s.db "$totals")" ] || fail "migrated rows differ"
[ "$(sqlite3 v2.db 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after the migration"
ok
export_focus v2.db 2026-10 v2.csv || fail "export of the migrated ledger: $(cat err)"
# the samples' columns a version 2 ledger had no place for stay empty there
cp s.db s-v2.db
sqlite3 s-v2.db "UPDATE charges SET billing_account_name = NULL, invoice_issuer_name = NULL,
  publisher_name = NULL, service_category = NULL" || fail "s-v2.db"
export_focus s-v2.db 2026-10 s-v2.csv || fail "export of s-v2.db: $(cat err)"
cmp -s v2.csv s-v2.csv || fail "the migrated ledger exports differently"
ok

echo "ok: export_focus.sh ($checks checks)"
