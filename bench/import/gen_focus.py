#!/usr/bin/python3
"""gen_focus.py ROWS [SEED] > focus.csv

A realistic FOCUS 1.2 bill for the import benchmark: the FOCUS column names
(45 columns, alphabetical as providers' exports write them), one hour per
row's charge period (ISO 'YYYY-MM-DDTHH:MM:SSZ'), costs with 10 decimals,
quoted descriptions with commas, Tags as JSON with doubled quotes, about 760
bytes a row. Mostly Usage, ~2% Tax (no resource), ~1% Credit (negative).

Deterministic (random.Random(SEED), default 42), stdlib only. Rows are built
with string formatting from per-resource templates and written in chunks, so
a million rows take a few seconds.
"""
import random
import sys

COLUMNS = [
    "AvailabilityZone", "BilledCost", "BillingAccountId", "BillingAccountName",
    "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory",
    "ChargeClass", "ChargeDescription", "ChargeFrequency", "ChargePeriodEnd",
    "ChargePeriodStart", "CommitmentDiscountCategory", "CommitmentDiscountId",
    "CommitmentDiscountName", "CommitmentDiscountStatus", "CommitmentDiscountType",
    "ConsumedQuantity", "ConsumedUnit", "ContractedCost", "ContractedUnitPrice",
    "EffectiveCost", "InvoiceId", "InvoiceIssuerName", "ListCost", "ListUnitPrice",
    "PricingCategory", "PricingQuantity", "PricingUnit", "ProviderName",
    "PublisherName", "RegionId", "RegionName", "ResourceId", "ResourceName",
    "ResourceType", "ServiceCategory", "ServiceName", "SkuId", "SkuPriceId",
    "SubAccountId", "SubAccountName", "Tags", "x_InstanceType",
]

E10 = 10 ** 10          # costs are written with 10 decimals
Q = 10 ** 6             # quantities with 6 decimals

REGIONS = [
    ("us-east-1", "US East (N. Virginia)"), ("us-west-2", "US West (Oregon)"),
    ("eu-west-1", "Europe (Ireland)"), ("eu-central-1", "Europe (Frankfurt)"),
    ("ap-northeast-1", "Asia Pacific (Tokyo)"), ("ap-southeast-2", "Asia Pacific (Sydney)"),
]
# (instance type, on-demand $/hour)
INSTANCES = [
    ("p4d.24xlarge", "32.7726"), ("p5.48xlarge", "98.32"), ("g5.xlarge", "1.006"),
    ("g5.12xlarge", "5.672"), ("g4dn.xlarge", "0.526"), ("m6i.2xlarge", "0.384"),
    ("c6i.4xlarge", "0.68"), ("r6i.8xlarge", "2.016"), ("trn1.32xlarge", "21.50"),
    ("inf2.xlarge", "0.7582"),
]
PROJECTS = ["vision", "speech", "llm-pretrain", "recsys", "search", "ads-ranking",
            "fraud", "translation", "robotics", "forecasting"]
TEAMS = ["ml", "platform", "data", "research", "infra"]
ENVS = ["prod", "staging", "dev"]
ACCOUNTS = [("%012d" % (100000000000 + 7919 * i), "ml-%s-%d" % (p, i))
            for i, p in enumerate(["research", "training", "serving", "sandbox"])]
BILLING_ACCOUNT = ("123456789012", "Example Corp")


def price10(text):
    """Decimal text to integer 1e-10 units."""
    whole, _, frac = text.partition(".")
    return int(whole) * E10 + int((frac + "0" * 10)[:10])


def d10(v):
    """Integer 1e-10 units to decimal text with 10 decimals."""
    if v < 0:
        v = -v
        return "-%d.%010d" % (v // E10, v % E10)
    return "%d.%010d" % (v // E10, v % E10)


def d6(v):
    return "%d.%06d" % (v // Q, v % Q)


def make_resources(n, rng):
    """Per-resource constant parts of a row (all but the varying columns)."""
    out = []
    for i in range(n):
        region, region_name = rng.choice(REGIONS)
        zone = region + rng.choice("abc")
        acct, acct_name = rng.choice(ACCOUNTS)
        itype, od = rng.choice(INSTANCES)
        list_price = price10(od)
        r = rng.random()
        if r < 0.6:
            pcat, discount = "Standard", 0
        elif r < 0.8:
            pcat, discount = "Dynamic", rng.randint(55, 75)      # spot: % off
        else:
            pcat, discount = "Committed", rng.randint(25, 45)    # savings plan
        contracted_price = list_price * (100 - discount) // 100
        rid = "i-%017x" % rng.getrandbits(68)
        arn = "arn:aws:ec2:%s:%s:instance/%s" % (region, acct, rid)
        project, team, env = rng.choice(PROJECTS), rng.choice(TEAMS), rng.choice(ENVS)
        name = "%s-%s-%s-%03d" % (project, env, itype.split(".")[0], i % 1000)
        # JSON inside a quoted CSV field: every " doubled.
        tags = ('"{""project"": ""%s"", ""team"": ""%s"", ""env"": ""%s""}"'
                % (project, team, env))
        sku = "%016X" % rng.getrandbits(64)
        sku_price = "%s.%s" % (sku, {"Standard": "JRTCKXETXF", "Dynamic": "SPOTPRICE1",
                                          "Committed": "SAVPLAN3YR"}[pcat])
        kind = {"Standard": "On Demand", "Dynamic": "Spot", "Committed": "Savings Plan"}[pcat]
        desc = ('"$%s per %s %s Linux Hour, %s"'
                % (od, kind, itype, region))
        if pcat == "Committed":
            cd_id = ("arn:aws:savingsplans::%s:savingsplan/%08x-%04x-%04x-%04x-%012x"
                     % (BILLING_ACCOUNT[0], rng.getrandbits(32), rng.getrandbits(16),
                        rng.getrandbits(16), rng.getrandbits(16), rng.getrandbits(48)))
            commit = "Spend,%s,ComputeSavingsPlans-3yr-%s,Used,Usage" % (cd_id, region)
        else:
            commit = ",,,,"
        # head_acct: BillingAccountId, BillingAccountName, BillingCurrency;
        # tail: ResourceId .. x_InstanceType. main() fills in the rest per row.
        head_acct = "%s,%s,USD" % BILLING_ACCOUNT
        tail = "%s,%s,Instance,Compute,Amazon Elastic Compute Cloud,%s,%s,%s,%s,%s,%s" % (
            arn, name, sku, sku_price, acct, acct_name, tags, itype)
        out.append({
            "zone": zone, "head_acct": head_acct, "desc": desc, "commit": commit,
            "list": list_price, "contracted": contracted_price, "pcat": pcat,
            "region": "%s,%s" % (region, region_name), "tail": tail,
            "acct": acct, "acct_name": acct_name,
        })
    return out


def main():
    if len(sys.argv) < 2:
        sys.stderr.write("usage: gen_focus.py ROWS [SEED] > file.csv\n")
        return 2
    rows = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 42
    rng = random.Random(seed)
    hours = 31 * 24                               # October 2026, hourly
    per_hour = max(1, -(-rows // hours))
    resources = make_resources(per_hour, rng)
    stamps = ["2026-10-%02dT%02d:00:00Z" % (h // 24 + 1, h % 24) for h in range(hours)]
    stamps.append("2026-11-01T00:00:00Z")
    bp = "2026-11-01T00:00:00Z,2026-10-01T00:00:00Z"   # BillingPeriodEnd, Start
    invoice = "INV-2026-10-%s" % ("%08d" % rng.randint(0, 10 ** 8))
    issuer = '"Amazon Web Services, Inc."'
    rand = rng.random
    out = sys.stdout
    out.write(",".join(COLUMNS) + "\r\n")
    chunk = []
    for k in range(rows):
        h, i = divmod(k, per_hour)
        res = resources[i]
        start, end = stamps[h], stamps[h + 1]
        u = rand()
        if u < 0.02:
            # Tax: no resource, no SKU, no quantity; tax on the hour's usage.
            base = int(res["list"] * (0.5 + rand()))
            cost = base * 7 // 100
            c = d10(cost)
            row = ('%s,%s,%s,%s,Tax,,"Sales tax, %s, October 2026",Usage-Based,%s,%s,'
                   ',,,,,,,%s,,%s,%s,%s,%s,,,,,Amazon Web Services,Amazon Web Services,'
                   '%s,,,,Compute,Amazon Elastic Compute Cloud,,,%s,%s,,\r\n'
                   % (res["zone"], c, res["head_acct"], bp, res["region"].split(",")[0],
                      end, start, c, c, invoice, issuer, c, res["region"],
                      res["acct"], res["acct_name"]))
        else:
            # Usage: up to one hour of runtime, spot/committed at a discount.
            qty = Q if u > 0.3 else int(Q * (0.05 + 0.95 * rand()))
            list_cost = res["list"] * qty // Q
            contracted = res["contracted"] * qty // Q
            billed = contracted
            if u > 0.99:
                # Credit: a refund of the hour's charge.
                billed = -billed
                contracted = -contracted
                list_cost = -list_cost
                category = "Credit"
            else:
                category = "Usage"
            b = d10(billed)
            q = d6(qty)
            row = ('%s,%s,%s,%s,%s,,%s,Usage-Based,%s,%s,%s,%s,Hours,%s,%s,%s,%s,%s,%s,%s,%s,'
                   '%s,Hours,Amazon Web Services,Amazon Web Services,%s,%s\r\n'
                   % (res["zone"], b, res["head_acct"], bp, category, res["desc"], end, start,
                      res["commit"], q, d10(contracted), d10(res["contracted"]), b, invoice,
                      issuer, d10(list_cost), d10(res["list"]), res["pcat"], q,
                      res["region"], res["tail"]))
        chunk.append(row)
        if len(chunk) >= 20000:
            out.write("".join(chunk))
            chunk = []
    out.write("".join(chunk))
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
