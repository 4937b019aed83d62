#!/bin/sh
# tests/cli/samples_conform.sh: the shipped samples are what
# samples/make_samples.py writes (byte for byte, the FOCUS restatement
# included), and the demo's FOCUS bills conform to FOCUS 1.2: validate
# exits 0 and import counts no rule broken.
. "$TESTS/cli/lib.sh"
need python3 python3
python3 "$top/samples/make_samples.py" "$work" || fail "make_samples.py"
for f in "$work"/*.csv "$work"/*.gz "$work"/*.psv; do
	[ -e "$f" ] || continue
	cmp -s "$f" "$top/samples/$(basename "$f")" || fail "samples/$(basename "$f") is not what make_samples.py writes"
done
[ -e "$work/gpucloud-focus-2026-10-restated.csv" ] || fail "make_samples.py does not write the restatement"
for f in gpucloud-focus-2026-10.csv gpucloud-focus-2026-10-restated.csv; do
	"$COSTLEDGER" validate "$top/samples/$f" >out.txt
	expect "validate $f" "$?" 0
	expect "validate $f says" "$(cat out.txt)" "$top/samples/$f: focus-1.2, 82 rows: conforms"
done
cl init >/dev/null || fail "init"
cl import "$top/samples/gpucloud-focus-2026-10.csv" >out.txt || fail "import: $(cat out.txt)"
grep -q '"focus_rules_broken":{}' out.txt || fail "import report: $(cat out.txt)"
echo "ok: samples_conform"
