#!/bin/sh
# tests/cli/plan_doc.sh: docs/plan.md's worked example (a 4-GPU job of 5,120
# hours on AWS p4d.24xlarge on-demand or spot with 17 interruptions' worth
# of MTBF, or on the own 64,700 server with 3 kW at 0.15 per kWh). Runs its
# commands from a copy of the clone's samples, checks that the output shown
# in the page is the command's, and recomputes the page's figures in Python
# from the formulas as the page states them: on-demand cost, Daly's
# interval, interruptions, spot hours and cost, the own server's cost and
# break-even (also through break_even_hours()).
set -u
: "${COSTLEDGER:?}" "${TESTS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
top=$(cd "$TESTS/.." && pwd)
cd "$work" || exit 1
mkdir samples && cp "$top/samples/rates.csv" "$top/samples/own-server.csv" samples/ || exit 1

fail() { echo "FAIL: $*"; exit 1; }
cl() { "$COSTLEDGER" --ledger example.db "$@"; }

# The page's commands, as written there (./costledger is $COSTLEDGER here).
grep -q '^    ./costledger --ledger example.db plan --gpu-hours 20480 --gpus 4 \\$' "$top/docs/plan.md" ||
	fail "docs/plan.md no longer shows the worked example's command"
cl init >/dev/null || fail "init"
cl import samples/rates.csv samples/own-server.csv >/dev/null || fail "import"
cl plan --gpu-hours 20480 --gpus 4 --checkpoint-minutes 5 --restart-minutes 10 --mtbf 301.2 \
	--at 2026-10-15 > got.txt || fail "plan"
awk '/^<!-- worked example output/ {m = 1; next} m == 1 && /^```$/ {m = 2; next}
	m == 2 && /^```$/ {exit} m == 2' "$top/docs/plan.md" > shown.txt
[ -s shown.txt ] || fail "no worked example output in docs/plan.md"
diff shown.txt got.txt || fail "docs/plan.md shows another output than the command gives"
cl plan --gpu-hours 20480 --gpus 4 --checkpoint-minutes 5 --restart-minutes 10 --mtbf 301.2 \
	--at 2026-10-15 --format csv > got.csv || fail "plan --format csv"

/usr/bin/python3 - got.csv "$top/docs/plan.md" <<'PY' || fail "the worked example's figures"
import csv, math, sys
from decimal import Decimal as D
rows = {(r["provider"], r["pricing"]): r for r in csv.DictReader(open(sys.argv[1]))}
doc = open(sys.argv[2]).read()
cent = lambda x: D(repr(x)).quantize(D("0.01"))
T0, d, R, M = 20480 / 4, 5 / 60, 10 / 60, 301.2
# on-demand
od = rows[("AWS", "on-demand")]
assert D(od["cost"]) == cent(T0 * 32.77) == D("167782.40"), od["cost"]
# spot: Daly, checkpoints, interruptions, rework
r = d / (2 * M)
tau = math.sqrt(2 * d * M) * (1 + math.sqrt(r) / 3 + r / 9) - d
B = T0 + T0 / tau * d
N = B / M
T = B + N * (tau / 2 + R)
spot = rows[("AWS", "spot")]
assert abs(float(spot["checkpoint_interval_hours"]) - tau) < 1e-4, (spot, tau)
assert abs(float(spot["interruptions"]) - N) < 1e-4 and round(N) == 17, (spot, N)
assert abs(float(spot["hours"]) - T) < 1e-4, (spot, T)
assert abs(D(spot["cost"]) - cent(T * 9.83)) <= D("0.01"), (spot["cost"], T * 9.83)
gpucloud = rows[("GPUCloud", "on-demand")]
assert D(gpucloud["cost"]) == cent(T0 * 28.50 * 0.85) == D("124032.00")
assert abs(D(spot["saving"]) - (D(gpucloud["cost"]) - D(spot["cost"]))) <= D("0.01")
# own: write-off over 3 x 8,760 hours plus 3 kW x 0.15
own = rows[("own", "own")]
hourly = 64700 / (3 * 8760) + 3 * 0.15
assert abs(D(own["cost"]) - cent(hourly * T0)) <= D("0.01"), (own["cost"], hourly * T0)
be = 64700 / (32.77 - 0.45)
assert "AWS p4d.24xlarge us-east-1 on-demand: %.1f h" % be in own["break_even"], (own["break_even"], be)
assert "%.1f h" % (64700 / (9.83 - 0.45)) in own["break_even"]
# the prose quotes the same figures
for figure in ["167,782.40", "7.03", "17.2", "5,244.0", "51,548.69", "72,483.31", "124,032.00",
               "2.911948", "14,909.18", "2,001.9", "6,897.7"]:
    assert figure in doc, figure
print("%.1f" % be)
PY
be=$(cl sql --csv "SELECT printf('%.1f', break_even_hours(64700, 32.77, power_cost(3000, 1, 0.15)))" | sed 1d | tr -d '"')
[ "$be" = "2001.9" ] || fail "break_even_hours(): $be"
# The walkthrough on the samples: its first rows as the page shows them.
"$COSTLEDGER" --ledger plan.db init >/dev/null || fail "init plan.db"
sh "$top/samples/load_samples.sh" "$COSTLEDGER" plan.db >/dev/null 2>&1 || fail "loading the samples"
cp "$top/samples/hardware.csv" samples/ && "$COSTLEDGER" --ledger plan.db import samples/hardware.csv >/dev/null || fail "hardware"
"$COSTLEDGER" --ledger plan.db plan --gpu-hours 2000 --gpus 8 --checkpoint-minutes 5 --restart-minutes 10 \
	--at 2026-10-15 | head -12 > got_samples.txt || fail "plan on the samples"
awk '/^The plan \(first rows\):/ {m = 1; next} m == 1 && /^```$/ {m = 2; next}
	m == 2 && /^\.\.\.$/ {exit} m == 2' "$top/docs/plan.md" > shown_samples.txt
diff shown_samples.txt got_samples.txt || fail "docs/plan.md's walkthrough differs from the command's output"
echo "plan_doc: ok"
