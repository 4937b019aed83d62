#!/bin/sh
# tests/cli/validate_help.sh: `validate -h` and the man page tell what is
# particular to FOCUS 1.3: how a 1.3 file is told, the CAU- prefix of its
# rule ids, and its two new required columns. The 1.3 id the help shows as
# an example is one validate prints for a 1.3 file breaking that rule.
. "$TESTS/cli/lib.sh"
"$COSTLEDGER" validate -h >help.txt 2>&1
for word in "FOCUS 1.3" "CAU-" HostProviderName ServiceProviderName; do
	grep -q -- "$word" help.txt || fail "validate -h does not say '$word'"
done
id=$(sed -n 's/.*(\(CAU-[A-Za-z]*-C-[0-9]*-[MC]\)).*/\1/p' help.txt)
[ -n "$id" ] || fail "validate -h shows no CAU- id"
"$COSTLEDGER" validate "$TESTS/validate/$id.csv" | grep -q ": $id: " || fail "$id is not what validate prints for $id.csv"
man="$(dirname "$TESTS")/docs/costledger.1"
grep -q 'CAU\\-' "$man" || fail "the man page does not say CAU-"
echo "ok: validate_help"
