#!/bin/sh
# tests/cli/living_usage.sh: usage logs that grow and jobs that finish later.
# The shipped nvidia-smi log imported as it grows (a third, two thirds, all
# of it, and once more) gives exactly the intervals of the whole log
# imported once, and the replaced ones are in usage_history. A Slurm job
# exported while RUNNING and again when COMPLETED keeps only its last
# record; the import names the jobs still running.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
SAMPLES="$TESTS/../samples"
checks=0

fail() { echo "FAIL: living_usage.sh: $*"; exit 1; }
ok() { checks=$((checks + 1)); }
expect() { # expect WHAT GOT WANT
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
	ok
}
cl() { "$COSTLEDGER" --ledger "$L" "$@"; }
q() { sqlite3 "$L" "$1"; }
fresh() { L="$work/$1.db"; rm -f "$L"*; cl init >/dev/null || fail "init $1"; }
imp() { cl import "$@" > out.txt 2> err.txt || fail "import $*: $(cat err.txt)"; }
intervals() {
	q "SELECT resource_id, usage_start, usage_end, state, gpus, printf('%.6f', gpu_utilization)
	   FROM usage ORDER BY resource_id, usage_start, usage_end, state"
}

# --- nvidia-smi: a log that grows ----------------------------------------------
log="$SAMPLES/nvidia-smi-gpu-node-01.csv"
n=$(wc -l < "$log")
fresh whole
imp --resource gpu-node-01 "$log"
intervals > whole.txt
[ -s whole.txt ] || fail "the whole log gave no intervals"
whole_rows=$(q "SELECT count(*) FROM usage")
for size in $((n / 3)) $((2 * n / 3)) "$n"; do
	head -n "$size" "$log" > "grow-$size.csv"
done
fresh grown
for size in $((n / 3)) $((2 * n / 3)) "$n"; do
	cp "grow-$size.csv" gpu.log.csv
	imp --resource gpu-node-01 gpu.log.csv
done
intervals > grown.txt
cmp -s whole.txt grown.txt || fail "a log imported as it grew differs from the whole log: $(diff whole.txt grown.txt | head)"
ok
expect "grown log: rows" "$(q "SELECT count(*) FROM usage")" "$whole_rows"
[ "$(q "SELECT count(*) FROM usage_history")" -gt 0 ] || fail "nothing in usage_history"
ok
expect "grown log: gpu hours" "$("$COSTLEDGER" --ledger "$L" sql --csv "SELECT printf('%.6f', sum(gpu_hours)) FROM usage_costed" | sed 1d | tr -d '\r"')" \
	"$("$COSTLEDGER" --ledger "$work/whole.db" sql --csv "SELECT printf('%.6f', sum(gpu_hours)) FROM usage_costed" | sed 1d | tr -d '\r"')"
imp --resource gpu-node-01 gpu.log.csv
grep -q "already imported" out.txt || fail "the whole log again: $(cat out.txt)"
intervals > again.txt
cmp -s whole.txt again.txt || fail "the whole log again changed the intervals"
ok
# another machine's log does not replace this one's
imp --resource gpu-node-02 "grow-$((n / 3)).csv"
expect "another resource adds" "$(q "SELECT count(*) FROM usage WHERE resource_id LIKE 'gpu-node-01%'")" "$whole_rows"

# --- sacct: a job exported while running, then finished ------------------------
H='JobID|JobName|Account|User|Partition|State|Start|End|Elapsed|ElapsedRaw|AllocTRES|NodeList|Cluster'
{
	echo "$H"
	echo '9001|train|vision|ana|gpu|RUNNING|2026-10-02T09:00:00|Unknown|01:00:00|3600|gres/gpu=4,node=1|gpu-node-01|c1'
	echo '9002|eval|vision|ana|gpu|COMPLETED|2026-10-02T09:00:00|2026-10-02T10:00:00|01:00:00|3600|gres/gpu=1,node=1|gpu-node-02|c1'
} > day1.psv
{
	echo "$H"
	echo '9001|train|vision|ana|gpu|COMPLETED|2026-10-02T09:00:00|2026-10-02T15:00:00|06:00:00|21600|gres/gpu=4,node=1|gpu-node-01|c1'
	echo '9002|eval|vision|ana|gpu|COMPLETED|2026-10-02T09:00:00|2026-10-02T10:00:00|01:00:00|3600|gres/gpu=1,node=1|gpu-node-02|c1'
} > day2.psv
fresh sacct
imp day1.psv
expect "running jobs listed" "$(grep -c '^costledger: jobs still running (import again when they end): 9001 (day1.psv)$' out.txt)" 1
imp day2.psv
grep -q "still running" out.txt && fail "a finished job still listed as running: $(cat out.txt)"
ok
expect "finished job: one record" "$(q "SELECT count(*) || ' ' || usage_end FROM usage WHERE job_id = '9001'")" "1 2026-10-02T15:00:00Z"
expect "finished job: the running record is history" "$(q "SELECT usage_end || ' ' || json_extract(attributes, '\$.slurm_state') FROM usage_history WHERE job_id = '9001'")" "2026-10-02T10:00:00Z RUNNING"
expect "unchanged job: kept" "$(q "SELECT count(*) FROM usage WHERE job_id = '9002'") $(q "SELECT count(*) FROM usage_history WHERE job_id = '9002'")" "1 0"
# the same JobID on another cluster is another job
sed 's/|c1$/|c2/' day1.psv > other-cluster.psv
imp other-cluster.psv
expect "another cluster's job 9001" "$(q "SELECT count(*) FROM usage WHERE job_id = '9001'")" 2

echo "ok: living_usage.sh ($checks checks)"
