#!/bin/sh
# samples/load_samples.sh COSTLEDGER LEDGER: imports the October 2026 samples
# into LEDGER (which must exist) with `costledger import`. Where this build's
# import does not know a usage, rate or budget format yet, it says so and
# loads that file with samples/fallback_load.py instead (plain INSERTs).
# Exit status: 0 all loaded, non-zero when a bill could not be imported.
set -u
cl=$1
ledger=$2
dir=$(cd "$(dirname "$0")" && pwd)
"$cl" --ledger "$ledger" import "$dir/aws-cur-2026-10.csv.gz" || exit 1
"$cl" --ledger "$ledger" import "$dir/gpucloud-focus-2026-10.csv" || exit 1
supports() { "$cl" import -h 2>/dev/null | grep -q -- "$1"; }
load() { # FORMAT FILE [IMPORT OPTIONS]
	format=$1 file=$2
	shift 2
	if supports "$format" && "$cl" --ledger "$ledger" import --format "$format" "$@" "$dir/$file"; then
		return 0
	fi
	echo "note: 'costledger import --format $format' is not available in this build;" \
	     "loading $file with samples/fallback_load.py"
	/usr/bin/python3 "$dir/fallback_load.py" "$ledger" "$format" "$dir/$file"
}
load usage usage-2026-10.csv || exit 1
load rates rates.csv || exit 1
load budgets budgets.csv || exit 1
load fx-rates fx-2026-10.csv || exit 1
# The own cluster is not billed, so reconcile does not need these two.
if supports sacct; then
	"$cl" --ledger "$ledger" import --format sacct "$dir/slurm-sacct-2026-10.psv" ||
		echo "note: the sacct log was not imported"
	"$cl" --ledger "$ledger" import --format nvidia-smi --resource gpu-node-01 --tz Europe/Berlin \
		"$dir/nvidia-smi-gpu-node-01.csv" || echo "note: the nvidia-smi log was not imported"
else
	echo "note: this build cannot import sacct and nvidia-smi logs yet; skipped"
fi
exit 0
