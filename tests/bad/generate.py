#!/usr/bin/env python3
"""generate.py NAME OUT: writes the bad input NAME (too big to commit) to OUT."""
import sys

H = "BillingAccountId,ChargePeriodStart,ChargePeriodEnd,BilledCost\n"
name, out = sys.argv[1], sys.argv[2]
with open(out, "w") as f:
    if name == "field_10mb.csv":
        # A 10 MB amount: must fail fast with a short message.
        f.write(H + "acct,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z," + "1" * (10 * 1024 * 1024) + "\n")
    elif name == "header_1m_columns.csv":
        f.write(",".join("c%d" % i for i in range(1000000)) + "\n" + ",".join("1" * 1000000) + "\n")
    elif name == "header_1m_columns_dup.csv":
        # The duplicate is the last column: its search must not be quadratic.
        f.write(",".join("c%d" % i for i in range(999999)) + ",c0\n")
    else:
        sys.exit("generate.py: unknown input '%s'" % name)
