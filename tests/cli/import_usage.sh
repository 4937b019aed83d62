#!/bin/sh
# tests/cli/import_usage.sh: usage logs, rate cards and budgets end to end.
# The real Slurm files (with and without header, steps skipped and counted,
# an Unknown end), nvidia-smi logs in the documented shapes, the costledger
# usage CSV in both forms (domain.md §2 through pause_savings: 200 / 160 /
# saved 40), rates with an overlap, budgets, the views; re-import adds
# nothing; bad input gives file:line, exit 2 and an unchanged ledger.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
D="$TESTS/data"
L="$work/ledger.db"
XDMOD_FIELDS=jobid,jobidraw,cluster,partition,qos,account,group,gid,user,uid,submit,eligible,start,end,elapsed,exitcode,state,nnodes,ncpus,reqcpus,reqmem,reqtres,alloctres,timelimit,nodelist,jobname

fail() { echo "FAIL: $*"; exit 1; }
cl() { "$COSTLEDGER" --ledger "$L" "$@"; }
# Plain tables through sqlite3; views (which need the extension) through the CLI.
q() {
	case "$1" in
	*pause_savings*|*gpu_hours*|*epoch_costs*|*job_forecast*|*spot_summary*|*budget_status*)
		"$COSTLEDGER" --ledger "$L" sql --csv "$1" | sed 1d | tr -d '\r"' ;;
	*) sqlite3 "$L" "$1" ;;
	esac
}
expect() { # expect WHAT GOT WANT
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}

cl init >/dev/null || fail "init"

# --- Slurm sacct, with header: 2 allocations, 3 steps skipped ----------------
cl import "$D/sacct_parsable2_with_steps_slurm2sql.psv" > out.txt 2>err.txt || { cat err.txt; fail "sacct with header"; }
grep -q 'sacct, 5 rows (3 skipped): 2 new intervals' out.txt || fail "sacct counts: $(cat out.txt)"
grep -q '"steps_skipped":3' out.txt || fail "steps not reported"
expect "sacct rows" "$(q "SELECT count(*) FROM usage WHERE provider = 'slurm'")" 2
expect "sacct job 43974388" "$(q "SELECT project || ' ' || resource_id || ' ' || usage_start || ' ' || usage_end || ' ' || state || ' ' || pricing || ' ' || json_extract(attributes, '$.slurm_state') FROM usage WHERE job_id = '43974388'")" \
	"cs pe2 2019-07-31T22:29:14Z 2019-08-01T02:02:39Z running own CANCELLED by 1300204"
# End=Unknown: Start + Elapsed (00:00:17)
expect "Unknown end" "$(q "SELECT usage_end FROM usage WHERE job_id = '43977780'")" 2019-08-01T00:35:44Z
expect "steps stored" "$(q "SELECT count(*) FROM usage WHERE job_id LIKE '%.%'")" 0

# --- sacct without header: --fields; gres/gpu=2; TIMEOUT ---------------------
cl import "$D/sacct_xdmod_noheader_allocations.psv" > out.txt 2>err.txt && fail "no header, no --fields accepted"
grep -q 'sacct_xdmod_noheader_allocations.psv:1: sacct output without a header' err.txt || fail "no-header message: $(cat err.txt)"
cl import --fields "$XDMOD_FIELDS" "$D/sacct_xdmod_noheader_allocations.psv" > out.txt 2>err.txt || { cat err.txt; fail "sacct --fields"; }
grep -q 'sacct, 4 rows (0 skipped): 4 new intervals' out.txt || fail "xdmod counts: $(cat out.txt)"
expect "gpus" "$(q "SELECT gpus FROM usage WHERE job_id = '5692623'")" 2
expect "timeout" "$(q "SELECT state || ' ' || usage_end || ' ' || json_extract(attributes, '$.slurm_state') FROM usage WHERE job_id = '4103947'")" \
	"running 2015-07-01T02:55:50Z TIMEOUT"
# --tz applies to the naive times: the same file at +02:00 is another set of intervals
cl import --tz +02:00 --fields "$XDMOD_FIELDS" "$D/sacct_xdmod_noheader_allocations.psv" > out.txt 2>err.txt && fail "same content, other --tz accepted"
grep -q 'the same content is import .*another --tz' err.txt || fail "other options message: $(cat err.txt)"
{ cat "$D/sacct_xdmod_noheader_allocations.psv"; echo; } > xdmod_copy.psv
cl import --dry-run --tz +02:00 --fields "$XDMOD_FIELDS" xdmod_copy.psv > out.txt || fail "--tz +02:00"
grep -q '"timezone":"+02:00"' out.txt || fail "timezone not in report: $(cat out.txt)"
# gzip and re-import add nothing
gzip -c "$D/sacct_parsable2_with_steps_slurm2sql.psv" > sacct.psv.gz
before=$(q "SELECT count(*) FROM usage")
cl import sacct.psv.gz > out.txt || fail "sacct gz"
cl import --fields "$XDMOD_FIELDS" "$D/sacct_xdmod_noheader_allocations.psv" >> out.txt || fail "re-import"
expect "re-import adds nothing" "$(q "SELECT count(*) FROM usage")" "$before"

# --- nvidia-smi --------------------------------------------------------------
cl import "$D/nvidia_smi_header_units.csv" > out.txt 2>err.txt && fail "nvidia-smi without --resource accepted"
grep -q 'need --resource' err.txt || fail "--resource message: $(cat err.txt)"
cl import --resource nodeA "$D/nvidia_smi_header_units.csv" > out.txt 2>err.txt || { cat err.txt; fail "nvidia-smi header+units"; }
grep -q 'nvidia-smi, 8 rows' out.txt || fail "nvidia counts: $(cat out.txt)"
expect "gpu0 intervals" "$(q "SELECT group_concat(state || ' ' || usage_start || ' ' || usage_end, ';') FROM (SELECT * FROM usage WHERE resource_id = 'nodeA:gpu0' ORDER BY usage_start)")" \
	"running 2026-10-01T10:00:00Z 2026-10-01T10:00:20Z;idle 2026-10-01T10:00:20Z 2026-10-01T10:00:40Z"
expect "gpu0 mean utilisation" "$(q "SELECT gpu_utilization FROM usage WHERE resource_id = 'nodeA:gpu0' AND state = 'running'")" 93.5
expect "gpu1 idle then running" "$(q "SELECT group_concat(state, ',') FROM (SELECT state FROM usage WHERE resource_id = 'nodeA:gpu1' ORDER BY usage_start)")" "idle,running"
# --idle-threshold 0: nothing is idle
{ cat "$D/nvidia_smi_header_units.csv"; echo; } > nvidia_copy.csv
cl import --dry-run --idle-threshold 0 --resource nodeT nvidia_copy.csv > out.txt || fail "--idle-threshold"
grep -q '2 new intervals' out.txt || fail "threshold 0: $(cat out.txt)"
cl import --resource nodeB "$D/nvidia_smi_noheader_nounits.csv" > out.txt || fail "nvidia-smi noheader nounits"
expect "noheader states" "$(q "SELECT group_concat(state || ' ' || usage_end, ';') FROM (SELECT * FROM usage WHERE resource_id = 'nodeB:gpu0' ORDER BY usage_start)")" \
	"running 2026-10-01T10:02:00Z;idle 2026-10-01T10:03:00Z;running 2026-10-01T10:04:00Z"
cl import --resource nodeC --tz Europe/Berlin "$D/nvidia_smi_repeated_header.csv" > out.txt || fail "nvidia-smi repeated header"
grep -q '3 rows (2 skipped): 1 new intervals' out.txt || fail "repeated header counts: $(cat out.txt)"
expect "Berlin summer time" "$(q "SELECT usage_start || ' ' || usage_end FROM usage WHERE resource_id = 'nodeC:gpu0'")" \
	"2026-07-01T10:00:00Z 2026-07-01T10:01:30Z"
cl import --resource nodeD --tz Mars/Olympus "$D/nvidia_smi_iso_offsets.csv" > out.txt 2>err.txt && fail "unknown zone accepted"
grep -q "tz 'Mars/Olympus'" err.txt || fail "zone message: $(cat err.txt)"
cl import --resource nodeD "$D/nvidia_smi_iso_offsets.csv" > out.txt || fail "nvidia-smi iso offsets"
expect "offsets kept" "$(q "SELECT usage_start || ' ' || json_extract(attributes, '$.gpu_uuid') FROM usage WHERE resource_id = 'nodeD:gpu0'")" \
	"2026-10-01T10:00:00Z GPU-1f2e3d4c-0000-1111-2222-333344445555"

# --- rates and budgets -------------------------------------------------------
cl import "$D/rates.csv" > out.txt || fail "rates"
grep -q 'rates, 7 rows (0 skipped): 7 new rates' out.txt || fail "rates counts: $(cat out.txt)"
expect "rate price" "$(q "SELECT unit_price || ' ' || discount || ' ' || billing_rule FROM rates WHERE provider = 'gpucloud2'")" "28.5 0.15 running"
cl import "$D/rates.csv" > out.txt || fail "rates again"
grep -q 'already imported' out.txt || fail "rates re-import: $(cat out.txt)"
cl import "$D/budgets.csv" > out.txt || fail "budgets"
expect "budgets" "$(q "SELECT count(*) FROM budgets")" 3

# --- usage CSV: domain.md §2 through pause_savings ------------------------------
cl import "$D/usage_events_domain2.csv" > out.txt || fail "usage events"
grep -q 'usage-events, 4 rows (0 skipped): 3 new intervals' out.txt || fail "events counts: $(cat out.txt)"
expect "§2 pause_savings" "$(q "SELECT wall_hours || ' ' || paused_hours || ' ' || money_text(cost_wall) || ' ' || money_text(cost_running) || ' ' || money_text(saved) FROM pause_savings WHERE job_id = 'job-7'")" \
	"100.0 20.0 200.00 160.00 40.00"
cl import "$D/usage_intervals.csv" > out.txt || fail "usage intervals"
expect "interval form with an offset" "$(q "SELECT usage_start FROM usage WHERE job_id = 'job-i' AND state = 'idle'")" 2026-10-14T02:00:00Z
expect "gpu_hours job-i" "$(q "SELECT sum(running_hours) || ' ' || sum(paused_hours) || ' ' || sum(idle_hours) FROM gpu_hours WHERE job_id = 'job-i'")" "80.0 20.0 2.0"
cl import "$D/usage_epochs.csv" > out.txt 2>err.txt || fail "usage epochs"
grep -q '"jobs_not_stopped":\[{"job_id":"job-e","state":"paused"' out.txt || fail "open job not reported: $(cat out.txt)"
grep -q 'never stopped' err.txt || fail "open job warning"
expect "no invented interval" "$(q "SELECT max(usage_end) FROM usage WHERE job_id = 'job-e'")" 2026-10-22T10:00:00Z
expect "epoch_costs" "$(q "SELECT group_concat(epoch || ':' || money_text(cost), ' ') FROM (SELECT * FROM epoch_costs WHERE job_id = 'job-e' ORDER BY epoch)")" \
	"1:8.00 2:8.80 3:14.40 4:9.60 5:4.80"
expect "job_forecast" "$(q "SELECT epochs_done || ' ' || epochs_left || ' ' || money_text(cost_to_come) || ' ' || (cost_to_come_low < cost_to_come AND cost_to_come < cost_to_come_high) || ' ' || forecast_over_budget FROM job_forecast WHERE job_id = 'job-e'")" \
	"4 6 61.20 1 0"
expect "spot_summary" "$(q "SELECT interruptions || ' ' || rework_hours || ' ' || money_text(savings_nanos) FROM spot_summary WHERE job_id = 'job-e'")" "1 6.0 56.40"
expect "budget_status" "$(q "SELECT money_text(spend) || ' ' || alert FROM budget_status WHERE project = 'vision'")" "369.60 0"
# extra columns go to attributes, where epoch_costs finds epoch_cost()'s inputs:
# (0.40 x 2.3 + 0.2 x 2.5 + 0.05 x 48 + 0.01 x 120) x 8 = 40.16
cl import "$D/usage_epoch_estimate.csv" > out.txt || fail "usage with extra columns"
grep -q '"extra_columns":7' out.txt || fail "extra columns: $(cat out.txt)"
expect "epoch estimate" "$(q "SELECT round(estimate, 6) || ' ' || money_text(cost) FROM epoch_costs WHERE job_id = 'resnet-1'")" "40.16 0.92"
before=$(q "SELECT count(*) FROM usage")
cl import "$D/usage_events_domain2.csv" "$D/usage_intervals.csv" "$D/usage_epochs.csv" "$D/usage_epoch_estimate.csv" > out.txt 2>/dev/null || fail "usage re-import"
expect "usage re-import adds nothing" "$(q "SELECT count(*) FROM usage")" "$before"

# --- bad input: file:line, exit 2, ledger unchanged -----------------------------
sqlite3 "$L" .dump > before.sql
bad() { # bad FILE REGEX [options...]
	file=$1 regex=$2
	shift 2
	cl import "$@" "$file" > out.txt 2> err.txt
	rc=$?
	[ "$rc" = 2 ] || fail "$file: exit $rc, not 2"
	grep -Eq -- "$regex" err.txt || fail "$file: message $(cat err.txt) does not match /$regex/"
	sqlite3 "$L" .dump > after.sql
	cmp -s before.sql after.sql || fail "$file: ledger changed"
}
bad "$D/usage_bad_transition.csv" 'usage_bad_transition.csv:4: column .event.: pause for job .job-b., which is paused since line 3'
bad "$D/usage_bad_pricing.csv" 'usage_bad_pricing.csv:3: column .pricing.: not one of on-demand'
bad "$D/rates_overlap.csv" 'rates_overlap.csv:4: overlaps the rate of .*rates_overlap.csv:2 '
printf 'provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to\ngpucloud,a100x1,eu-west,on-demand,hour,3,EUR,0,running,2026-06-01,\n' > rates_vs_ledger.csv
bad rates_vs_ledger.csv 'rates_vs_ledger.csv:2: overlaps the rate of .*rates.csv:2 '
printf 'JobID|State|Start|End|Elapsed\n1|COMPLETED|2026-10-01T00:00:00|2026-10-01T01:00:00|01:00:00\n2|COMPLETED|2026-10-01T00:00:00|Unknown|1:2:3:4\n' > bad_elapsed.psv
bad bad_elapsed.psv "bad_elapsed.psv:3: column 'Elapsed'"
printf 'JobID|State|Start|End\n1|WEIRD|2026-10-01T00:00:00|2026-10-01T01:00:00\n' > bad_state.psv
bad bad_state.psv "bad_state.psv:2: column 'State': not a Slurm job state"
printf 'timestamp, index, name, utilization.gpu [%%]\n2026/10/01 10:00:00.000, 0, X, 50 %%\n2026/10/01 25:00:00.000, 0, X, 50 %%\n' > bad_time.csv
bad bad_time.csv "bad_time.csv:3: column 'timestamp'" --resource n
printf 'usage_start,usage_end,state\n2026-10-01T02:00:00Z,2026-10-01T01:00:00Z,running\n' > bad_order.csv
bad bad_order.csv "bad_order.csv:2: column 'usage_end': before usage_start"
printf 'project,period,amount,currency,alert_ratio\nx,2026-13,5,EUR,0.8\n' > bad_budget.csv
bad bad_budget.csv "bad_budget.csv:2: column 'period'"
printf 'project,period,amount,currency,alert_ratio\nx,2026-11,5,EUR,0.8\nx,2026-11,6,EUR,0.8\n' > twice_budget.csv
bad twice_budget.csv "twice_budget.csv:3: a second budget for project 'x' period 2026-11"
gzip -c "$D/usage_bad_pricing.csv" > bad_pricing.csv.gz
bad bad_pricing.csv.gz 'bad_pricing.csv.gz:3: column .pricing.'

# bills still auto-detected next to the usage formats
cl import --dry-run "$D/focus-1.2-spec-example_commitment-unused.csv" > out.txt || fail "bill auto-detection"
grep -q 'focus-1.2' out.txt || fail "bill format: $(cat out.txt)"
echo "import_usage: all checks passed"
