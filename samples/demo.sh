#!/bin/sh
# samples/demo.sh: the main job on the shipped samples (`make demo` runs it
# from the project root after `make`). A fresh ledger under out/, every
# sample imported, October 2026 reconciled (it finds the five planted
# problems, so reconcile exits 1: expected here), the report printed, also
# converted to EUR at the sample exchange rates, and the CSV exports and the
# HTML report written to out/.
set -u
cd "$(dirname "$0")/.." || exit 1
cl=${COSTLEDGER:-./costledger}
out=${DEMO_OUT:-out}
ledger="$out/demo.db"
mkdir -p "$out" || exit 1
rm -f "$ledger" "$ledger-wal" "$ledger-shm"
step() { printf '\n== %s\n' "$*"; }

step "a fresh ledger: $ledger"
"$cl" --ledger "$ledger" init || exit 1

step "import the October 2026 samples (samples/)"
sh samples/load_samples.sh "$cl" "$ledger" || { echo "demo: importing the samples failed"; exit 1; }

step "costledger reconcile --month 2026-10"
"$cl" --ledger "$ledger" reconcile --month 2026-10
rc=$?
case $rc in
0) echo "(exit 0: the month reconciles)" ;;
1) echo "(exit 1: findings above the tolerance, as planted in the samples)" ;;
*) echo "demo: reconcile failed with exit status $rc"; exit 1 ;;
esac

step "costledger report --month 2026-10 --by project"
"$cl" --ledger "$ledger" report --month 2026-10 --html "$out/report-2026-10.html" || exit 1

step "costledger report --month 2026-10 --currency EUR"
"$cl" --ledger "$ledger" report --month 2026-10 --currency EUR || exit 1

step "exports"
for what in summary findings charges usage; do
	"$cl" --ledger "$ledger" export --month 2026-10 --what "$what" -o "$out/$what-2026-10.csv" || exit 1
done
"$cl" --ledger "$ledger" export --month 2026-10 --what charges --format focus \
	-o "$out/charges-2026-10.focus.csv" || exit 1

step "written"
for f in "$ledger" "$out/report-2026-10.html" "$out/summary-2026-10.csv" "$out/findings-2026-10.csv" \
	"$out/charges-2026-10.csv" "$out/usage-2026-10.csv" "$out/charges-2026-10.focus.csv"; do
	printf '  %s\n' "$f"
done
echo "open $out/report-2026-10.html in a browser; query the ledger with"
# The latest run only: each reconcile stores its own findings.
echo "  $cl --ledger $ledger sql \"SELECT kind, money_text(difference) FROM findings" \
	"WHERE reconciliation_id = (SELECT max(reconciliation_id) FROM reconciliations)\""
exit 0
