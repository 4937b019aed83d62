#!/bin/sh
# tests/cli/plan.sh: `costledger plan` on the samples (with samples/hardware.csv).
# Every row's hours, interruptions, checkpoint interval, cost and saving are
# recomputed here in Python (decimal and math) from the formulas as
# docs/plan.md states them and from the raw rows (rates.csv, hardware.csv,
# the usage table), not from the C code or the views: the spot option's
# MTBF is the samples' own interruption history. The own machines'
# break-even equals break_even_hours() on the same inputs. --mtbf overrides,
# no history says so, --params takes 6ND, JSON and table carry the same
# rows, and bad usage exits 2.
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
top=$(cd "$TESTS/.." && pwd)
L="$work/ledger.db"

fail() { echo "FAIL: $*"; exit 1; }
cl() { "$COSTLEDGER" --ledger "$L" "$@"; }

cl init >/dev/null || fail "init"
sh "$top/samples/load_samples.sh" "$COSTLEDGER" "$L" >/dev/null 2>&1 || fail "loading the samples"
cl import "$top/samples/hardware.csv" >/dev/null || fail "import hardware"
sqlite3 -csv "$L" "SELECT provider, instance_type, pricing, state, unixepoch(usage_end) - unixepoch(usage_start), coalesce(gpus, '')
                   FROM usage WHERE provider IS NOT NULL" > usage.csv

JOB="--gpu-hours 2000 --gpus 8 --checkpoint-minutes 5 --restart-minutes 10 --at 2026-10-15"
# shellcheck disable=SC2086
cl plan $JOB --format csv > plan.csv 2>err.txt || fail "plan: $(cat err.txt)"

cat > check.py <<'PY'
import csv, math, sys
from decimal import Decimal as D, ROUND_HALF_EVEN
rates_csv, hardware_csv, usage_csv, plan_csv, gpu_hours, gpus, d_min, r_min, at = sys.argv[1:10]
mtbf_override = float(sys.argv[10]) if len(sys.argv) > 10 else None
W, G, d, R = float(gpu_hours), int(gpus), float(d_min) / 60, float(r_min) / 60
usage = list(csv.reader(open(usage_csv)))

def daly(d, m):  # docs/plan.md: Daly's checkpoint interval
    if d >= 2 * m:
        return m
    return math.sqrt(2 * d * m) * (1 + math.sqrt(d / (2 * m)) / 3 + (d / (2 * m)) / 9) - d

def history(provider, sku):
    rows = [u for u in usage if u[0].lower() == provider.lower() and u[1] == sku]
    wall = sum(int(u[4]) for u in rows if u[3] in ("running", "idle", "paused")) / 3600
    paused = sum(int(u[4]) for u in rows if u[3] == "paused") / 3600
    spot_hours = sum(int(u[4]) for u in rows if u[2] == "spot" and u[3] in ("running", "idle")) / 3600
    interrupts = sum(1 for u in rows if u[2] == "spot" and u[3] == "interrupted")
    gpus_seen = max([int(u[5]) for u in rows if u[5]] or [0])
    return paused / wall if wall else 0.0, spot_hours, interrupts, gpus_seen

want = {}
for r in csv.DictReader(open(rates_csv)):
    if r["pricing_category"] not in ("Standard", "Dynamic"):
        continue
    if not (r["valid_from"] <= at and (not r["valid_to"] or r["valid_to"] > at)):
        continue
    pause, spot_hours, interrupts, per_machine = history(r["provider"], r["sku"])
    hourly = float(r["unit_price"]) * (1 - float(r["discount"] or 0))
    n = math.ceil(G / per_machine) if per_machine else 1
    T0 = W / G
    row = {"machines": n, "hourly": hourly * n, "interruptions": 0.0, "tau": None}
    if r["pricing_category"] == "Dynamic":
        mtbf = mtbf_override or (spot_hours / interrupts if interrupts else None)
        if mtbf is None:
            want[(r["provider"], r["sku"], "spot")] = None
            continue
        M = mtbf / n
        tau = daly(d, M)
        base = T0 + T0 / tau * d
        N = base / M
        T = base + N * (tau / 2 + R)        # spot_rework_hours
        row.update(interruptions=N, tau=tau, mtbf=mtbf)
    else:
        T = T0
    billed = T / (1 - pause) if r["billing_rule"] == "wall" else T
    row.update(hours=T, billed=billed, cost=row["hourly"] * billed)
    want[(r["provider"], r["sku"], "spot" if r["pricing_category"] == "Dynamic" else "on-demand")] = row
for h in csv.DictReader(open(hardware_csv)):
    n = math.ceil(G / int(h["gpus"]))
    power = float(h["watts"]) / 1000 * float(h["price_per_kwh"]) * float(h["pue"] or 1)
    hourly = round(float(h["purchase_cost"]) / (float(h["lifetime_years"]) * 8760) + power, 9)
    T = W / G
    want[("own", h["machine"], "own")] = {"machines": n, "hourly": hourly * n, "hours": T, "billed": T,
        "interruptions": 0.0, "tau": None, "cost": hourly * n * T,
        "purchase": float(h["purchase_cost"]) * n, "power": power * n}

got = list(csv.DictReader(open(plan_csv)))
keys = [(g["provider"], g["sku"], g["pricing"]) for g in got]
assert sorted(keys) == sorted(want), (keys, list(want))
close = lambda a, b, tol=1e-3: abs(a - b) <= tol * max(1, abs(b))
cheapest = min(v["cost"] for k, v in want.items() if v and k[2] == "on-demand")
costs = []
for g in got:
    w = want[(g["provider"], g["sku"], g["pricing"])]
    name = "%s %s %s" % (g["provider"], g["sku"], g["pricing"])
    if w is None:
        assert g["cost"] == "" and "give --mtbf" in g["mtbf_source"], (name, g)
        continue
    assert int(g["machines"]) == w["machines"], (name, g["machines"], w)
    assert close(float(g["hours"]), w["hours"]), (name, "hours", g["hours"], w["hours"])
    assert close(float(g["billed_hours"]), w["billed"]), (name, "billed", g["billed_hours"], w["billed"])
    assert close(float(g["interruptions"]), w["interruptions"]), (name, "interruptions", g["interruptions"], w)
    if w["tau"] is None:
        assert g["checkpoint_interval_hours"] == "", (name, g)
    else:
        assert close(float(g["checkpoint_interval_hours"]), w["tau"]), (name, "tau", g, w["tau"])
        assert "interruption(s) in" in g["mtbf_source"], (name, g["mtbf_source"])
    cost = D(repr(w["cost"])).quantize(D("0.01"), ROUND_HALF_EVEN)
    assert abs(D(g["cost"]) - cost) <= D("0.01"), (name, "cost", g["cost"], cost)
    saving = D(repr(cheapest - w["cost"])).quantize(D("0.01"), ROUND_HALF_EVEN)
    assert abs(D(g["saving"]) - saving) <= D("0.01"), (name, "saving", g["saving"], saving)
    costs.append(float(g["cost"]))
    if g["pricing"] == "own":
        print("own", g["sku"], w["purchase"], w["power"])
assert costs == sorted(costs), ("not sorted by cost", costs)
print("checked", len(got))
PY
check() { # check PLAN_CSV ARGS_FOR_PYTHON...
	/usr/bin/python3 check.py "$top/samples/rates.csv" "$top/samples/hardware.csv" usage.csv "$@" > check.out 2>&1 ||
		fail "plan rows differ from the recomputation: $(cat check.out)"
}
check plan.csv 2000 8 5 10 2026-10-15T00:00:00Z
grep -q '^checked 5$' check.out || fail "rows checked: $(cat check.out)"
grep -q '^3,AWS,p4d.24xlarge,us-east-1,spot,.*history: 1 interruption(s) in 46.0 running hours' plan.csv ||
	fail "the spot row is not calibrated from the samples' history: $(cat plan.csv)"

# Break-even of each own machine against each cloud option = break_even_hours() on the same inputs.
grep '^own ' check.out | while read -r _ machine purchase power; do
	be=$(grep ",own,$machine,," plan.csv | /usr/bin/python3 -c 'import csv,sys; print(next(csv.DictReader(sys.stdin, fieldnames=open("plan.csv").readline().strip().split(",")))["break_even"])')
	for cloud in "AWS p4d.24xlarge us-east-1 on-demand" "AWS p4d.24xlarge us-east-1 spot" "GPUCloud a100-8x on-demand"; do
		hourly=$(/usr/bin/python3 -c 'import csv,sys
for r in csv.DictReader(open("plan.csv")):
    if "%s %s %s %s" % (r["provider"], r["sku"], r["region"], r["pricing"]) == sys.argv[1].replace("a100-8x on", "a100-8x  on"): print(r["hourly"])' "$cloud")
		sql=$(cl sql --csv "SELECT printf('%.1f h', break_even_hours($purchase, $hourly, $power))" | sed 1d | tr -d '"')
		case "$be" in *"$cloud: $sql"*) ;; *) fail "break-even of $machine against $cloud: plan says '$be', break_even_hours() $sql" ;; esac
	done
done || exit 1

# --mtbf overrides the history; the recomputation uses it too.
# shellcheck disable=SC2086
cl plan $JOB --mtbf 12.5 --format csv > plan2.csv || fail "plan --mtbf"
check plan2.csv 2000 8 5 10 2026-10-15T00:00:00Z 12.5
grep -q 'spot,.*--mtbf (history: 1 interruption(s) in 46.0 running hours)' plan2.csv || fail "--mtbf source: $(cat plan2.csv)"

# No history and no --mtbf: the spot row says so and has no cost.
sqlite3 "$L" "DELETE FROM usage WHERE state = 'interrupted'"
sqlite3 -csv "$L" "SELECT provider, instance_type, pricing, state, unixepoch(usage_end) - unixepoch(usage_start), coalesce(gpus, '')
                   FROM usage WHERE provider IS NOT NULL" > usage.csv
# shellcheck disable=SC2086
cl plan $JOB --format csv > plan3.csv || fail "plan without history"
check plan3.csv 2000 8 5 10 2026-10-15T00:00:00Z
grep -q 'spot,USD,1,9.8300,,,,,,.*no interruption history (46.0 running hours on spot): give --mtbf' plan3.csv ||
	fail "the spot row without history: $(grep spot plan3.csv)"
tail -1 plan3.csv | grep -q ',spot,' || fail "the row without a cost is not last"

# --params: 6 N D / (F x MFU x 3600) GPU-hours.
cl plan --params 7e9 --tokens 1e11 --peak-flops 312e12 --mfu 0.4 --gpus 8 --checkpoint-minutes 5 \
	--restart-minutes 10 --at 2026-10-15 --mtbf 40 --format csv > plan4.csv || fail "plan --params"
gh=$(/usr/bin/python3 -c 'print(6 * 7e9 * 1e11 / (312e12 * 0.4 * 3600))')
check plan4.csv "$gh" 8 5 10 2026-10-15T00:00:00Z 40
# Without --mfu, the measured utilisation of the nvidia-smi intervals (weighted by GPU-hours).
u=$(sqlite3 "$L" "SELECT sum(gpu_utilization * (unixepoch(usage_end) - unixepoch(usage_start)) * gpus) / sum((unixepoch(usage_end) - unixepoch(usage_start)) * gpus) / 100 FROM usage WHERE state = 'running' AND gpu_utilization IS NOT NULL")
cl plan --params 7e9 --tokens 1e11 --peak-flops 312e12 --gpus 8 --checkpoint-minutes 5 \
	--restart-minutes 10 --at 2026-10-15 --mtbf 40 > table.txt || fail "plan with the measured utilisation"
want=$(/usr/bin/python3 -c "print('%.1f GPU-hours' % (6 * 7e9 * 1e11 / (312e12 * $u * 3600)))")
n=$(sqlite3 "$L" "SELECT count(*) FROM usage WHERE state = 'running' AND gpu_utilization IS NOT NULL")
grep -q "^plan: $want (train_gpu_hours.*measured GPU utilisation of $n intervals" table.txt || fail "measured MFU: $(head -1 table.txt), want $want"

# JSON: the same rows, in the same order.
# shellcheck disable=SC2086
cl plan $JOB --mtbf 12.5 --format json > plan.json || fail "plan --format json"
/usr/bin/python3 - plan.json plan2.csv <<'PY' || fail "JSON and CSV differ"
import csv, json, sys
j = json.load(open(sys.argv[1])); c = list(csv.DictReader(open(sys.argv[2])))
assert [o["sku"] + o["pricing"] for o in j["options"]] == [r["sku"] + r["pricing"] for r in c]
for o, r in zip(j["options"], c):
    assert o["cost"] == r["cost"] and abs(o["hours"] - float(r["hours"])) < 1e-3, (o, r)
    assert (o["break_even"] is not None) == (o["pricing"] == "own")
    assert o["sources"]["price"] == r["price_source"]
PY

# Bad usage: exit 2.
for args in "--gpus 8 --checkpoint-minutes 5 --restart-minutes 1" "--gpu-hours 10 --checkpoint-minutes 5 --restart-minutes 1" \
	"--gpu-hours x --gpus 8 --checkpoint-minutes 5 --restart-minutes 1" "--gpu-hours 10 --gpus 2.5 --checkpoint-minutes 5 --restart-minutes 1" \
	"--gpu-hours 10 --gpus 8 --checkpoint-minutes 5 --restart-minutes 1 --format xml" \
	"--params 1e9 --tokens 1e9 --peak-flops 1e12 --mfu 1.5 --gpus 8 --checkpoint-minutes 5 --restart-minutes 1" \
	"--gpu-hours 10 --gpus 8 --checkpoint-minutes 5 --restart-minutes 1 --at never" \
	"--gpu-hours 0x10 --gpus 8 --checkpoint-minutes 5 --restart-minutes 1" \
	"--gpu-hours 10 --gpus 8 --checkpoint-minutes inf --restart-minutes 1" \
	"--gpu-hours 10 --gpus 8 --checkpoint-minutes 5 --restart-minutes 1 --mtbf nan"; do
	# shellcheck disable=SC2086
	cl plan $args >/dev/null 2>err.txt
	[ $? = 2 ] || fail "plan $args: not exit 2 ($(cat err.txt))"
	grep -q '^costledger: plan: ' err.txt || fail "plan $args: $(cat err.txt)"
done
echo "plan: ok"
