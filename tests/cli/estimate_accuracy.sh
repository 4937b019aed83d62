#!/bin/sh
# tests/cli/estimate_accuracy.sh: estimate against actual per epoch and per
# job (views estimate_accuracy, estimate_accuracy_jobs; report's section).
# Two jobs whose usage rows carry epoch_cost()'s inputs, on a rate per
# GPU-hour; the estimates, the actual costs, the absolute percentage error
# per epoch, its mean and the bias are recomputed here in Python from the
# CSV alone.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
L="$work/ledger.db"

fail() { echo "FAIL: $*"; exit 1; }
cl() { "$COSTLEDGER" --ledger "$L" "$@"; }
q() { "$COSTLEDGER" --ledger "$L" sql --csv "$1" | sed 1d | tr -d '\r"'; }

cl init >/dev/null || fail "init"
cat > rates.csv <<'CSV'
provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to
gc,a100x1,,Standard,GPU-hour,2.00,USD,0,running,2026-01-01T00:00:00Z,
CSV
# job-a: 4 GPUs; epoch 1 ran 3 h, epoch 2 ran 2 h + 1 h paused; job-b: 1 GPU, one epoch of 5 h.
cat > usage.csv <<'CSV'
usage_start,usage_end,state,job_id,project,provider,resource_id,instance_type,pricing,gpus,epoch,planned_epochs,c_cpu,t_cpu,c_mem,m_avg,c_net,d_transfer
2026-10-05T00:00:00Z,2026-10-05T03:00:00Z,running,job-a,vision,gc,vm-1,a100x1,on-demand,4,1,2,0.2,2.5,0.05,48,0.01,120
2026-10-05T03:00:00Z,2026-10-05T05:00:00Z,running,job-a,vision,gc,vm-1,a100x1,on-demand,4,2,2,0.2,2.5,0.05,48,0.01,120
2026-10-05T05:00:00Z,2026-10-05T06:00:00Z,paused,job-a,vision,gc,vm-1,a100x1,on-demand,4,2,2,0.2,2.5,0.05,48,0.01,120
2026-10-06T00:00:00Z,2026-10-06T05:00:00Z,running,job-b,nlp,gc,vm-2,a100x1,on-demand,1,1,1,0.1,1,0,0,0,0
CSV
cl import rates.csv >/dev/null && cl import usage.csv >/dev/null || fail "import"

/usr/bin/python3 - usage.csv rates.csv > want.txt <<'PY' || fail "python"
import csv, sys
from datetime import datetime
rows = list(csv.DictReader(open(sys.argv[1])))
price = float(next(csv.DictReader(open(sys.argv[2])))["unit_price"])
h = lambda r: (datetime.fromisoformat(r["usage_end"].replace("Z", "+00:00")) - datetime.fromisoformat(r["usage_start"].replace("Z", "+00:00"))).total_seconds() / 3600
epochs = {}
for r in rows:
    e = epochs.setdefault((r["job_id"], r["epoch"]), {"gpu_hours": 0.0, "row": r})
    if r["state"] == "running":
        e["gpu_hours"] += h(r) * int(r["gpus"])
jobs = {}
for (job, epoch), e in sorted(epochs.items()):
    r = e["row"]; f = lambda k: float(r[k])
    # epoch_cost as docs/functions.md states it; GPU time at the GPU-hour price, billed while running
    estimate = (price * e["gpu_hours"] + f("c_cpu") * f("t_cpu") + f("c_mem") * f("m_avg") + f("c_net") * f("d_transfer")) * 1
    actual = price * e["gpu_hours"]
    err = estimate - actual
    print("epoch %s %s %.6f %.6f %.6f" % (job, epoch, estimate, actual, abs(err) / actual))
    jobs.setdefault(job, []).append((abs(err) / actual, err / actual))
for job, v in sorted(jobs.items()):
    print("job %s %d %.6f %.6f" % (job, len(v), sum(a for a, _ in v) / len(v), sum(b for _, b in v) / len(v)))
PY
q "SELECT 'epoch', job_id, epoch, printf('%.6f', estimate), printf('%.6f', actual), printf('%.6f', ape) FROM estimate_accuracy ORDER BY job_id, epoch" | tr ',' ' ' > got.txt
q "SELECT 'job', job_id, epochs, printf('%.6f', mean_ape), printf('%.6f', bias) FROM estimate_accuracy_jobs ORDER BY job_id" | tr ',' ' ' >> got.txt
diff want.txt got.txt || fail "estimate accuracy differs from the recomputation"
[ "$(grep -c '^epoch' got.txt)" = 3 ] || fail "epochs: $(cat got.txt)"
# The report's section, per job.
cl report --month 2026-10 > report.txt || fail "report"
grep -q '^estimate accuracy' report.txt || fail "no section: $(cat report.txt)"
mape=$(awk '$1 == "job" && $2 == "job-a" {printf "%.1f%%", $4 * 100}' want.txt)
bias=$(awk '$1 == "job" && $2 == "job-a" {printf "%+.1f%%", $5 * 100}' want.txt)
grep -q "^job-a .* $mape *$bias\$" report.txt || fail "report line of job-a (want $mape $bias): $(grep job-a report.txt)"
cl report --month 2026-10 --html r.html >/dev/null || fail "report --html"
grep -q '<h2>Estimate accuracy</h2>' r.html || fail "no estimate section in the HTML"
cl report --month 2026-11 > nov.txt || fail "report of november"
grep -q 'estimate accuracy' nov.txt && fail "a section for a month without jobs"
echo "estimate_accuracy: ok"
