#!/usr/bin/python3
"""make_samples.py: writes the October 2026 sample month into samples/.

Deterministic (no clock, no randomness): running it again writes the same
bytes, gzip included. Three projects (vision, nlp, speech) on three kinds of
compute:
  aws-cur-2026-10.csv.gz     AWS legacy CUR: p4d.24xlarge on-demand and spot
  gpucloud-focus-2026-10.csv a GPU cloud that bills only while running (FOCUS 1.2),
                             and its restatement gpucloud-focus-2026-10-restated.csv
  slurm-sacct-2026-10.psv    the team's own Slurm cluster (sacct --parsable2)
  nvidia-smi-gpu-node-01.csv nvidia-smi --query-gpu log of one cluster node
  usage-2026-10.csv          the costledger usage CSV (events) for the cloud jobs
  rates.csv                  the rate card (a 15% coupon on the GPU cloud)
  budgets.csv                the projects' October budgets

Planted problems (PLANTED below; tests/cli/reconcile_samples.sh recomputes
each amount from these values):
  billed_while_paused  GPUCloud gc-a100-01: 2 of the 4 paused hours billed
  duplicate_charge     AWS i-0b2 (spot): one hour billed twice
  rate_mismatch        AWS i-0a1: 6 hours at 34.77 instead of 32.77
  discount_missing     GPUCloud gc-a100-02: 36 hours at 28.50, coupon not applied
  unexplained_charge   AWS i-0c3: 5 hours of an instance no usage log knows
Usage: /usr/bin/python3 samples/make_samples.py [OUTDIR]
"""
import gzip
import hashlib
import io
import os
import sys
from datetime import datetime, timedelta, timezone
from decimal import Decimal

UTC = timezone.utc
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))

AWS_OD = Decimal("32.77")     # p4d.24xlarge on-demand, per hour
AWS_SPOT = Decimal("9.83")    # p4d.24xlarge spot, per hour
GC_LIST = Decimal("28.50")    # GPU cloud a100-8x list price, per hour
GC_COUPON = Decimal("0.15")   # the coupon in the rate card
GC_NET = GC_LIST * (1 - GC_COUPON)   # 24.225

PLANTED = {
    "rate_mismatch": {"resource": "i-0a1", "hours": 6, "price": Decimal("34.77")},
    "duplicate_charge": {"resource": "i-0b2", "hour": "2026-10-11T05:00:00Z"},
    "unexplained_charge": {"resource": "i-0c3", "hours": 5},
    "billed_while_paused": {"resource": "gc-a100-01", "hours": 2},
    "discount_missing": {"resource": "gc-a100-02", "hours": 36},
}


def t(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def z(d):
    return d.strftime("%Y-%m-%dT%H:%M:%SZ")


def hours(start, end):
    d = start
    while d < end:
        yield d
        d += timedelta(hours=1)


def write(name, text):
    with open(os.path.join(OUT, name), "w", newline="") as f:
        f.write(text)


def line_id(*parts):
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:52]


# --- AWS: legacy CUR ---------------------------------------------------------
CUR_HEADER = ["identity/LineItemId", "identity/TimeInterval", "bill/PayerAccountId",
              "lineItem/UsageAccountId", "lineItem/LineItemType", "lineItem/UsageStartDate",
              "lineItem/UsageEndDate", "lineItem/ProductCode", "lineItem/UsageType",
              "lineItem/ResourceId", "lineItem/UsageAmount", "lineItem/CurrencyCode",
              "lineItem/UnblendedRate", "lineItem/UnblendedCost", "pricing/term", "pricing/unit",
              "product/instanceType", "product/region", "resourceTags/user:project"]

# The AWS jobs: resource, project, pricing, [(state, start, end)] as the usage log says.
AWS_JOBS = [
    ("i-0a1", "vision", "on-demand", "job-v1", [
        ("running", "2026-10-03T08:00:00Z", "2026-10-04T00:00:00Z"),
        ("paused", "2026-10-04T00:00:00Z", "2026-10-04T02:00:00Z"),   # billed: wall time
        ("running", "2026-10-04T02:00:00Z", "2026-10-05T20:00:00Z")]),
    ("i-0b2", "nlp", "spot", "job-n1", [
        ("running", "2026-10-10T00:00:00Z", "2026-10-11T12:00:00Z"),
        ("interrupted", "2026-10-11T12:00:00Z", "2026-10-11T14:00:00Z"),  # instance gone
        ("running", "2026-10-11T14:00:00Z", "2026-10-12T00:00:00Z")]),
]


def cur_rows():
    rows = []
    mismatch = PLANTED["rate_mismatch"]
    wrong_from = t("2026-10-04T10:00:00Z")
    wrong_hours = {wrong_from + timedelta(hours=i) for i in range(mismatch["hours"])}
    for resource, project, pricing, _job, states in AWS_JOBS:
        spot = pricing == "spot"
        for state, s, e in states:
            if state == "interrupted":
                continue
            for h in hours(t(s), t(e)):
                price = AWS_SPOT if spot else AWS_OD
                if resource == mismatch["resource"] and h in wrong_hours:
                    price = mismatch["price"]
                rows.append((h, resource, project, spot, price, ""))
                if spot and z(h) == PLANTED["duplicate_charge"]["hour"]:
                    rows.append((h, resource, project, spot, price, "again"))
    for h in hours(t("2026-10-20T00:00:00Z"),
                   t("2026-10-20T00:00:00Z") + timedelta(hours=PLANTED["unexplained_charge"]["hours"])):
        rows.append((h, "i-0c3", "speech", False, AWS_OD, ""))
    rows.sort(key=lambda r: (r[0], r[1], r[5]))
    out = []
    for h, resource, project, spot, price, salt in rows:
        end = h + timedelta(hours=1)
        kind = "SpotUsage" if spot else "BoxUsage"
        out.append([line_id(resource, z(h), salt), z(h) + "/" + z(end), "111122223333",
                    "444455556666", "Usage", z(h), z(end), "AmazonEC2",
                    "USE1-%s:p4d.24xlarge" % kind if spot else "BoxUsage:p4d.24xlarge",
                    resource, "1.0000000000", "USD", str(price), str(price),
                    "Spot" if spot else "OnDemand", "Hrs", "p4d.24xlarge", "us-east-1", project])
    tax = sum(Decimal(r[13]) for r in out) * Decimal("0.00")  # no tax in us-east-1 for this account
    out.append([line_id("tax", "2026-10"), "2026-10-01T00:00:00Z/2026-11-01T00:00:00Z",
                "111122223333", "444455556666", "Tax", "2026-10-01T00:00:00Z",
                "2026-11-01T00:00:00Z", "AmazonEC2", "", "", "1", "USD", "", str(tax.quantize(Decimal("0.01"))),
                "", "", "", "", ""])
    return out


def csv_line(fields, sep=","):
    def q(f):
        f = str(f)
        if any(c in f for c in ',"\n\r') and sep == ",":
            return '"' + f.replace('"', '""') + '"'
        return f
    return sep.join(q(f) for f in fields) + "\n"


def write_cur():
    text = csv_line(CUR_HEADER) + "".join(csv_line(r) for r in cur_rows())
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as g:
        g.write(text.encode())
    with open(os.path.join(OUT, "aws-cur-2026-10.csv.gz"), "wb") as f:
        f.write(buf.getvalue())


# --- the GPU cloud: FOCUS 1.2, billed only while running ---------------------
# The columns a FOCUS 1.2 dataset must have are all here (costledger validate
# finds none missing); the four after x_InstanceType came last so that the
# older columns keep their places.
FOCUS_HEADER = ["BillingAccountId", "BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart",
                "ChargePeriodEnd", "ChargeCategory", "ChargeClass", "ChargeDescription",
                "ProviderName", "ServiceName", "SkuId", "ResourceId", "RegionId", "PricingCategory",
                "PricingQuantity", "PricingUnit", "ListUnitPrice", "ContractedUnitPrice",
                "BilledCost", "EffectiveCost", "ListCost", "ContractedCost", "BillingCurrency",
                "InvoiceId", "Tags", "x_InstanceType", "BillingAccountName", "PublisherName",
                "InvoiceIssuerName", "ServiceCategory"]

GC_JOBS = [
    ("gc-a100-01", "nlp", "job-n2", [
        ("running", "2026-10-06T00:00:00Z", "2026-10-07T02:00:00Z"),
        ("paused", "2026-10-07T02:00:00Z", "2026-10-07T06:00:00Z"),
        ("running", "2026-10-07T06:00:00Z", "2026-10-08T00:00:00Z")]),
    ("gc-a100-02", "speech", "job-s1", [
        ("running", "2026-10-15T00:00:00Z", "2026-10-16T12:00:00Z")]),
]


def focus_rows():
    rows = []
    for resource, project, _job, states in GC_JOBS:
        coupon_missing = resource == PLANTED["discount_missing"]["resource"]
        billed_hours = []
        for state, s, e in states:
            hs = list(hours(t(s), t(e)))
            if state == "running":
                billed_hours += hs
            elif resource == PLANTED["billed_while_paused"]["resource"]:
                billed_hours += hs[:PLANTED["billed_while_paused"]["hours"]]
        for h in sorted(billed_hours):
            price = GC_LIST if coupon_missing else GC_NET
            rows.append(["gc-acct-7", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", z(h),
                         z(h + timedelta(hours=1)), "Usage", "", "a100-8x machine hour",
                         "GPUCloud", "GPU Compute", "a100-8x", resource, "eu-north", "Standard",
                         "1", "Hours", str(GC_LIST), str(price), str(price), str(price),
                         str(GC_LIST), str(price), "USD", "GC-2026-10",
                         '{"project": "%s"}' % project, "a100-8x", "GPUCloud research",
                         "GPUCloud", "GPUCloud", "Compute"])
    rows.sort(key=lambda r: (r[3], r[11]))
    return rows


def write_focus():
    rows = focus_rows()
    write("gpucloud-focus-2026-10.csv", csv_line(FOCUS_HEADER) + "".join(csv_line(r) for r in rows))
    # The same month restated (docs/ledger.md): line 2 billed 11.00 instead,
    # line 6 gone, line 3's charge again at 2026-10-30 00:00 as a new line.
    rows = [list(r) for r in rows]
    rows[0][FOCUS_HEADER.index("BilledCost")] = "11.00"
    del rows[4]
    added = list(rows[1])
    added[FOCUS_HEADER.index("ChargePeriodStart")] = "2026-10-30T00:00:00Z"
    added[FOCUS_HEADER.index("ChargePeriodEnd")] = "2026-10-30T01:00:00Z"
    rows.append(added)
    write("gpucloud-focus-2026-10-restated.csv",
          csv_line(FOCUS_HEADER) + "".join(csv_line(r) for r in rows))


# --- the usage log (costledger usage CSV, events) ----------------------------
USAGE_HEADER = ["timestamp", "event", "job_id", "project", "provider", "account", "resource_id",
                "instance_type", "pricing", "gpus", "epoch", "planned_epochs", "run_id"]


def local(d, offset_hours):
    tz = timezone(timedelta(hours=offset_hours))
    return d.astimezone(tz).isoformat()


def write_usage():
    events = []
    jobs = [("AWS", "444455556666", r, p, pr, j, "p4d.24xlarge", st) for r, p, pr, j, st in AWS_JOBS]
    jobs += [("GPUCloud", "gc-acct-7", r, p, "on-demand", j, "a100-8x", st) for r, p, j, st in GC_JOBS]
    for n, (provider, account, resource, project, pricing, job, itype, states) in enumerate(jobs):
        offset = (2, 1, 0, -4)[n % 4]   # the teams log in their own zones
        first = t(states[0][1])
        last = t(states[-1][2])
        fields = [job, project, provider, account, resource, itype, pricing, "8"]
        events.append((first, "start", fields + ["0", "10", job + "-r1"]))
        for state, s, _e in states[1:]:
            ev = {"paused": "pause", "interrupted": "interrupt", "running": "resume"}[state]
            events.append((t(s), ev, fields + ["", "10", job + "-r1"]))
        # an epoch ends every 12 running hours
        for state, s, e in states:
            if state != "running":
                continue
            d = t(s) + timedelta(hours=12)
            while d < t(e):
                events.append((d, "epoch_end", fields + ["", "10", job + "-r1"]))
                d += timedelta(hours=12)
        events.append((last, "stop", fields + ["", "10", job + "-r1"]))
    order = {"stop": 0, "pause": 1, "interrupt": 1, "epoch_end": 2, "resume": 3, "start": 4}
    events.sort(key=lambda e: (e[0], e[2][0], order[e[1]]))
    lines = [csv_line(USAGE_HEADER)]
    for n, (d, ev, f) in enumerate(events):
        lines.append(csv_line([local(d, (2, 1, 0, -4)[n % 4]), ev] + f))
    write("usage-2026-10.csv", "".join(lines))


# --- the own cluster: sacct and nvidia-smi -----------------------------------
def write_sacct():
    header = ["JobID", "JobName", "Account", "User", "Partition", "State", "Start", "End",
              "Elapsed", "ElapsedRaw", "AllocTRES", "NodeList"]
    jobs = [
        ("7001", "resnet-sweep", "vision", "ana", "2026-10-02T09:00:00", "2026-10-02T21:30:00",
         "COMPLETED", 4, "gpu-node-01"),
        ("7002", "bert-pretrain", "nlp", "bo", "2026-10-08T06:00:00", "2026-10-09T18:00:00",
         "TIMEOUT", 8, "gpu-node-02"),
        ("7003", "asr-finetune", "speech", "chen", "2026-10-18T12:00:00", "2026-10-18T20:15:00",
         "COMPLETED", 4, "gpu-node-01"),
        ("7004", "vit-large", "vision", "ana", "2026-10-22T00:00:00", "2026-10-23T03:00:00",
         "CANCELLED by 1001", 8, "gpu-node-02"),
        ("7005", "wav2vec", "speech", "chen", "2026-10-26T08:00:00", "2026-10-26T08:40:00",
         "FAILED", 4, "gpu-node-01"),
    ]
    lines = ["|".join(header) + "\n"]
    for jid, name, acct, user, s, e, state, gpus, node in jobs:
        secs = int((datetime.fromisoformat(e) - datetime.fromisoformat(s)).total_seconds())
        el = "%s%02d:%02d:%02d" % ("%d-" % (secs // 86400) if secs >= 86400 else "",
                                   secs % 86400 // 3600, secs % 3600 // 60, secs % 60)
        tres = "billing=%d,cpu=%d,gres/gpu:a100=%d,gres/gpu=%d,mem=%dG,node=1" % (
            gpus * 4, gpus * 8, gpus, gpus, gpus * 64)
        lines.append("|".join([jid, name, acct, user, "gpu", state, s, e, el, str(secs), tres,
                               node]) + "\n")
        for step in ("batch", "extern"):
            lines.append("|".join([jid + "." + step, step, acct, "", "", "COMPLETED"
                                   if not state.startswith("CANCELLED") else "CANCELLED", s, e,
                                   el, str(secs), tres.replace("billing=%d," % (gpus * 4), ""),
                                   node]) + "\n")
    write("slurm-sacct-2026-10.psv", "".join(lines))


def write_nvidia_smi():
    # job 7001 on gpu-node-01 (4 GPUs), one sample a minute for the first two hours
    lines = ["timestamp, index, name, utilization.gpu [%], memory.used [MiB], power.draw [W]\n"]
    start = datetime(2026, 10, 2, 11, 0, 0)   # node clock: Europe/Berlin (UTC+2 in October)
    for minute in range(120):
        for gpu in range(4):
            d = start + timedelta(minutes=minute, milliseconds=gpu)
            util = 0 if minute < 3 else 88 + (minute * 7 + gpu * 3) % 11
            mem = 1 if minute < 3 else 31000 + (minute * 13 + gpu * 17) % 900
            power = "%.2f" % (55.5 if minute < 3 else 310 + (minute * 11 + gpu * 5) % 80)
            lines.append("%s, %d, NVIDIA A100-SXM4-80GB, %d %%, %d MiB, %s W\n" % (
                d.strftime("%Y/%m/%d %H:%M:%S.") + "%03d" % (gpu,), gpu, util, mem, power))
    write("nvidia-smi-gpu-node-01.csv", "".join(lines))


def write_rates():
    rows = [
        ["provider", "sku", "region", "pricing_category", "unit", "unit_price", "currency",
         "discount", "billing_rule", "valid_from", "valid_to"],
        ["AWS", "p4d.24xlarge", "us-east-1", "Standard", "hour", str(AWS_OD), "USD", "0", "wall",
         "2026-01-01T00:00:00Z", ""],
        ["AWS", "p4d.24xlarge", "us-east-1", "Dynamic", "hour", str(AWS_SPOT), "USD", "0", "wall",
         "2026-01-01T00:00:00Z", ""],
        # the GPU cloud's list price changed on October 1; the coupon came with it
        ["GPUCloud", "a100-8x", "", "Standard", "hour", "29.00", "USD", "0", "running",
         "2026-07-01T00:00:00Z", "2026-10-01T00:00:00Z"],
        ["GPUCloud", "a100-8x", "", "Standard", "hour", str(GC_LIST), "USD", str(GC_COUPON),
         "running", "2026-10-01T00:00:00Z", ""],
        ["slurm", "A100", "", "Other", "GPU-hour", "0.45", "USD", "0", "running",
         "2026-01-01T00:00:00Z", ""],
    ]
    write("rates.csv", "".join(csv_line(r) for r in rows))


def write_budgets():
    rows = [["project", "period", "amount", "currency", "alert_ratio"],
            ["vision", "2026-10", "2500.00", "USD", "0.8"],
            ["nlp", "2026-10", "1500.00", "USD", "0.8"],
            ["speech", "2026-10", "1200.00", "USD", "0.9"]]
    write("budgets.csv", "".join(csv_line(r) for r in rows))


if __name__ == "__main__":
    write_cur()
    write_focus()
    write_usage()
    write_sacct()
    write_nvidia_smi()
    write_rates()
    write_budgets()
