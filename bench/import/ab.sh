#!/bin/sh
# bench/import/ab.sh: two costledger binaries and sqlite3 .import, in turn.
#
#   sh bench/import/ab.sh OLD_COSTLEDGER NEW_COSTLEDGER [ROUNDS]
#
# On a machine whose speed drifts (this VM's sqlite3 .import of the same file
# took 11.5 to 16.7 s within minutes), runs measured at different moments do
# not compare. This alternates OLD, NEW and sqlite3 .import ROUNDS times (3)
# on bench/data/focus_$ROWS.csv (ROWS=1000000; made by bench/import.sh),
# each into a fresh database, and prints wall, user+sys CPU and peak RSS of
# every run, then the best of each and the ratios. Run from the project root;
# build the old binary in a worktree:
#   git worktree add /tmp/old COMMIT && make -C /tmp/old
#   sh bench/import/ab.sh /tmp/old/costledger ./costledger
set -eu
[ $# -ge 2 ] || { echo "usage: sh bench/import/ab.sh OLD_COSTLEDGER NEW_COSTLEDGER [ROUNDS]" >&2; exit 2; }
old=$1 new=$2 rounds=${3:-3}
ROWS=${ROWS:-1000000}
csv=${DATA:-bench/data}/focus_$ROWS.csv
[ -s "$csv" ] || { echo "bench/import/ab.sh: $csv missing: run ROWS=$ROWS sh bench/import.sh first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
printf '.mode csv\n.import %s t\n' "$csv" > "$work/import.sql"
i=0
while [ "$i" -lt "$rounds" ]; do
	for who in old new sqlite3; do
		rm -f "$work"/ab.db*
		case $who in
		old|new)
			[ "$who" = old ] && bin=$old || bin=$new
			"$bin" --ledger "$work/ab.db" init > /dev/null
			/usr/bin/time -f "$who %e %U %S %M" -o "$work/t" "$bin" --ledger "$work/ab.db" \
				import "$csv" > /dev/null ;;
		sqlite3)
			/usr/bin/time -f "$who %e %U %S %M" -o "$work/t" sh -c \
				'sqlite3 "$1" < "$2"' sh "$work/ab.db" "$work/import.sql" ;;
		esac
		cat "$work/t" | tee -a "$work/all"
	done
	i=$((i + 1))
done
awk '{ cpu = $3 + $4; if (!($1 in w) || $2 < w[$1]) w[$1] = $2; if (!($1 in c) || cpu < c[$1]) c[$1] = cpu }
END {
	printf "best: old %.2f s (%.2f cpu), new %.2f s (%.2f cpu), sqlite3 .import %.2f s (%.2f cpu)\n",
	       w["old"], c["old"], w["new"], c["new"], w["sqlite3"], c["sqlite3"]
	printf "new / old %.2f wall; new / sqlite3 .import %.2f wall, %.2f cpu (target <= 0.67)\n",
	       w["new"] / w["old"], w["new"] / w["sqlite3"], c["new"] / c["sqlite3"]
}' "$work/all"
