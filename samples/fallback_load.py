#!/usr/bin/python3
"""fallback_load.py LEDGER usage|rates|budgets FILE: loads one sample file
with plain INSERTs, for builds whose `costledger import` does not read that
format yet. Only for the shipped samples: the usage CSV's events are turned
into intervals the simple way (each event closes the job's open interval)."""
import csv
import sqlite3
import sys
import zlib
from datetime import datetime, timezone
from decimal import Decimal

ledger, kind, path = sys.argv[1:4]
db = sqlite3.connect(ledger)
data = open(path, "rb").read()
cur = db.execute(
    "INSERT INTO imports (kind, file_name, content_crc32, content_size, format, imported_at)"
    " VALUES (?, ?, ?, ?, ?, ?)",
    (kind, path, zlib.crc32(data), len(data), "fallback-" + kind,
     datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")))
import_id = cur.lastrowid
rows = list(csv.DictReader(open(path, newline="")))


def nanos(s):
    return int(Decimal(s) * 1000000000)


def price(s):
    """A unit price as the ledger keeps it: exact canonical decimal text."""
    text = format(Decimal(s).normalize(), "f")
    return "0" if Decimal(text) == 0 else text


def utc(s):
    return datetime.fromisoformat(s).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


if kind == "rates":
    for n, r in enumerate(rows, 2):
        db.execute("INSERT INTO rates (import_id, source_file, source_line, provider, sku, region,"
                   " pricing_category, unit, unit_price, currency, discount, billing_rule,"
                   " valid_from, valid_to) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   (import_id, path, n, r["provider"], r["sku"], r["region"],
                    r["pricing_category"], r["unit"], price(r["unit_price"]), r["currency"],
                    r["discount"], r["billing_rule"], r["valid_from"], r["valid_to"] or None))
elif kind == "budgets":
    for n, r in enumerate(rows, 2):
        db.execute("INSERT INTO budgets (import_id, source_file, source_line, project, period,"
                   " amount, currency, alert_ratio) VALUES (?,?,?,?,?,?,?,?)",
                   (import_id, path, n, r["project"], r["period"], nanos(r["amount"]),
                    r["currency"], float(r["alert_ratio"])))
elif kind == "usage":
    after = {"start": "running", "resume": "running", "epoch_end": "running",
             "pause": "paused", "interrupt": "interrupted", "stop": None}
    open_jobs = {}
    for n, r in enumerate(rows, 2):
        t = utc(r["timestamp"])
        job = r["job_id"]
        if job in open_jobs:
            start, state, line, rr = open_jobs.pop(job)
            if t > start:
                db.execute("INSERT INTO usage (import_id, source_file, source_line, row_key,"
                           " provider, account, project, job_id, run_id, resource_id,"
                           " instance_type, pricing, gpus, usage_start, usage_end, state)"
                           " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                           (import_id, path, line, ("%s|%d" % (path, line)).encode(),
                            rr["provider"], rr["account"], rr["project"], job, rr["run_id"],
                            rr["resource_id"], rr["instance_type"], rr["pricing"],
                            int(rr["gpus"]), start, t, state))
        if after[r["event"]]:
            open_jobs[job] = (t, after[r["event"]], n, r)
else:
    sys.exit("fallback_load.py: unknown kind " + kind)
db.commit()
print("%s: %s, %d rows loaded by samples/fallback_load.py" % (path, kind, len(rows)))
