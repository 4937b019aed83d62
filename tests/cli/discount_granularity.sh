#!/bin/sh
# tests/cli/discount_granularity.sh: the discount rule (docs/reconcile.md
# "Discounts, per priced amount") is one: net = list - money_mul(list,
# discount), half-even, on each amount priced. Reconcile prices a charge,
# the views (usage_costed) a usage interval, so where K hourly charges bill
# one interval the two may differ, by at most K + 1 nanos. 300 resources
# with random prices (10 decimals), discounts (4 decimals) and K (2..6),
# and the docs' example (a tie in the discount alone),
# each one usage interval of K hours billed by K hourly charges of 0.00:
# reconcile's expected (the sum over the K charges) and the view's cost are
# each recomputed with Python's decimal, the bound is checked, and at least
# one resource must show a difference (the bound is not empty).
. "$TESTS/cli/lib.sh"
cl init >/dev/null || fail init
python3 - <<'PY' || fail "test data"
import random
random.seed(14)
rates = ["provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to"]
usage = ["usage_start,usage_end,state,job_id,project,provider,account,resource_id,instance_type,pricing,gpus,epoch,planned_epochs,run_id"]
bill = ["ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ProviderName,ResourceId,SkuId,BilledCost,BillingCurrency"]
cases = []
for i in range(301):
    price = "%d.%010d" % (random.randrange(0, 50), random.randrange(1, 10**10))
    discount = "0.%04d" % random.randrange(1, 10000)
    k = random.randrange(2, 7)
    if i == 300:  # the example of docs/reconcile.md: a tie in the discount only
        price, discount, k = "1.000000001", "0.5", 2
    day, hour = 1 + i // 12, (i % 3) * 8  # 12 resources a day: November holds 300
    rates.append("GC,m%d,,Standard,hour,%s,USD,%s,wall,2026-01-01T00:00:00Z," % (i, price, discount))
    usage.append("2026-11-%02dT%02d:00:00Z,2026-11-%02dT%02d:00:00Z,running,j%d,p,GC,x,r%d,m%d,on-demand,1,,,"
                 % (day, hour, day, hour + k, i, i, i))
    for h in range(k):
        bill.append("2026-11-%02dT%02d:00:00Z,2026-11-%02dT%02d:00:00Z,Usage,GC,r%d,m%d,0,USD"
                    % (day, hour + h, day, hour + h + 1, i, i))
    cases.append("%d %s %s %d" % (i, price, discount, k))
for name, rows in (("rates.csv", rates), ("usage.csv", usage), ("bill.csv", bill), ("cases.txt", cases)):
    open(name, "w").write("\n".join(rows) + "\n")
PY
cl import --format rates rates.csv >/dev/null || fail "rates"
cl import --format usage usage.csv >/dev/null || fail "usage"
cl import bill.csv >/dev/null || fail "bill"
cl reconcile --month 2026-11 >rec.txt
[ $? = 1 ] || { cat rec.txt; fail "reconcile exit status"; }
sqlite3 -separator ' ' "$L" "SELECT resource_id, sum(expected) FROM findings WHERE reconciliation_id = 1
	GROUP BY resource_id" >reconciled.txt || fail "findings"
"$COSTLEDGER" --ledger "$L" sql --csv "SELECT resource_id, cost FROM usage_costed" | sed 1d | tr -d '\r"' |
	tr ',' ' ' >viewed.txt || fail "usage_costed"
python3 - <<'PY' || fail "bound"
from decimal import Decimal as D, ROUND_HALF_EVEN
nano = lambda x: int(x.quantize(D(1), rounding=ROUND_HALF_EVEN))
net = lambda lst, d: lst - nano(lst * d)
rec = dict(l.split() for l in open("reconciled.txt"))
view = dict(l.split() for l in open("viewed.txt"))
differ = worst = 0
for line in open("cases.txt"):
    i, price, discount, k = line.split()
    p, d, k = D(price) * 10**9, D(discount), int(k)
    want_rec = k * net(nano(p), d)            # each charge: one hour, rounded, discounted
    want_view = net(nano(p * k), d)           # the interval: K hours, rounded once, discounted
    got_rec, got_view = int(rec["r" + i]), int(view["r" + i])
    assert got_rec == want_rec, ("reconcile", i, got_rec, want_rec)
    assert got_view == want_view, ("usage_costed", i, got_view, want_view)
    gap = abs(got_rec - got_view)
    assert gap <= k + 1, ("bound", i, gap, k)
    differ += gap != 0
    worst = max(worst, gap)
assert differ, "no resource differs: the bound is not exercised"
assert (rec["r300"], view["r300"]) == ("1000000002", "1000000001"), (rec["r300"], view["r300"])
print("ok: %d of 301 differ, by at most %d nanos" % (differ, worst))
PY
