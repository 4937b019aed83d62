#!/usr/bin/env python3
"""Writes the planted-violation files of tests/validate/ (maintainers only:
the tests read the .csv files, not this script).

conforming.csv is a small FOCUS 1.2 bill that breaks no rule costledger
checks; every other file is that bill with one change, named after the one
rule the change breaks. Run from anywhere: python3 tests/validate/plant.py
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))

HEADER = [
    "BillingAccountId", "BillingAccountName", "BillingAccountType", "BilledCost",
    "BillingCurrency", "BillingPeriodStart", "BillingPeriodEnd", "ChargeCategory",
    "ChargeClass", "ChargeDescription", "ChargeFrequency", "ChargePeriodStart",
    "ChargePeriodEnd", "CommitmentDiscountCategory", "CommitmentDiscountId",
    "CommitmentDiscountStatus", "CapacityReservationId", "CapacityReservationStatus",
    "ContractedCost", "ContractedUnitPrice", "EffectiveCost", "InvoiceId",
    "InvoiceIssuerName", "ListCost", "ListUnitPrice", "PricingCategory", "PricingQuantity",
    "PricingUnit", "ProviderName", "PublisherName", "ServiceCategory", "ServiceName",
    "SkuId", "SkuPriceId", "Tags",
]

COMMON = {
    "BillingAccountId": "acct-1", "BillingAccountName": "Research", "BillingAccountType": "Billing Account",
    "BillingCurrency": "USD", "BillingPeriodStart": "2023-01-01T00:00:00Z",
    "BillingPeriodEnd": "2023-02-01T00:00:00Z", "ChargeClass": "",
    "ChargePeriodStart": "2023-01-01T00:00:00Z", "ChargePeriodEnd": "2023-01-01T01:00:00Z",
    "InvoiceId": "inv-1", "InvoiceIssuerName": "Example Cloud", "ProviderName": "Example Cloud",
    "PublisherName": "Example Cloud", "ServiceCategory": "Compute", "ServiceName": "VMs",
    "CommitmentDiscountCategory": "", "CommitmentDiscountId": "", "CommitmentDiscountStatus": "",
    "CapacityReservationId": "", "CapacityReservationStatus": "", "Tags": "",
}

ROWS = [
    # 0: usage covered by a commitment
    {"ChargeCategory": "Usage", "ChargeDescription": "large VM hour", "ChargeFrequency": "Usage-Based",
     "BilledCost": "0.00", "EffectiveCost": "1.50", "ListUnitPrice": "3.00", "PricingQuantity": "1",
     "ListCost": "3.00", "ContractedUnitPrice": "1.50", "ContractedCost": "1.50",
     "PricingCategory": "Committed", "PricingUnit": "Hour", "SkuId": "VM_LARGE",
     "SkuPriceId": "VM_LARGE_COMMITTED", "CommitmentDiscountId": "cd-1",
     "CommitmentDiscountCategory": "Usage", "CommitmentDiscountStatus": "Used",
     "Tags": '{"team":"vision","env":"prod"}'},
    # 1: the commitment's recurring fee
    {"ChargeCategory": "Purchase", "ChargeDescription": "commitment fee", "ChargeFrequency": "Recurring",
     "BilledCost": "1.50", "EffectiveCost": "0.00", "ListUnitPrice": "1.50", "PricingQuantity": "1",
     "ListCost": "1.50", "ContractedUnitPrice": "1.50", "ContractedCost": "1.50",
     "PricingCategory": "Standard", "PricingUnit": "Hour", "SkuId": "VM_LARGE",
     "SkuPriceId": "VM_LARGE_PURCHASE", "CommitmentDiscountId": "cd-1",
     "CommitmentDiscountCategory": "Usage"},
    # 2: tax
    {"ChargeCategory": "Tax", "ChargeDescription": "sales tax", "ChargeFrequency": "One-Time",
     "BilledCost": "0.30", "EffectiveCost": "0.30", "ListUnitPrice": "", "PricingQuantity": "",
     "ListCost": "0.30", "ContractedUnitPrice": "", "ContractedCost": "0.30",
     "PricingCategory": "", "PricingUnit": "", "SkuId": "", "SkuPriceId": ""},
    # 3: usage of a capacity reservation (a GPU block), priced to the file's decimals
    {"ChargeCategory": "Usage", "ChargeDescription": "GPU block hour", "ChargeFrequency": "Usage-Based",
     "BilledCost": "2.38", "EffectiveCost": "2.38", "ListUnitPrice": "0.0000166667",
     "PricingQuantity": "142628", "ListCost": "2.38", "ContractedUnitPrice": "0.0000166667",
     "ContractedCost": "2.377138", "PricingCategory": "Standard", "PricingUnit": "Seconds",
     "SkuId": "GPU_BLOCK", "SkuPriceId": "GPU_BLOCK_HOUR", "CapacityReservationId": "cr-1",
     "CapacityReservationStatus": "Used", "ServiceCategory": "AI and Machine Learning"},
]

# rule id -> (row, {column: new value}); a column set to None is dropped.
PLANTED = {
    "BilledCost-C-003-M": (0, {"BilledCost": ""}),
    "BilledCost-C-002-M": (0, {"BilledCost": "0,00"}),
    "EffectiveCost-C-003-M": (0, {"EffectiveCost": "NULL"}),
    "EffectiveCost-C-002-M": (0, {"EffectiveCost": "+1.50"}),
    "ListCost-C-003-M": (2, {"ListCost": ""}),
    "ListCost-C-002-M": (2, {"ListCost": "0.30 USD"}),
    "ListCost-C-009-C": (0, {"ListUnitPrice": "12", "ListCost": "99"}),
    "ContractedCost-C-003-M": (2, {"ContractedCost": ""}),
    "ContractedCost-C-002-M": (2, {"ContractedCost": "0.3.0"}),
    "ContractedCost-C-009-C": (3, {"ContractedCost": "2.377139"}),
    "ListUnitPrice-C-002-M": (0, {"ListUnitPrice": "three"}),
    "ListUnitPrice-C-004-C": (2, {"ListUnitPrice": "0.30"}),
    "ListUnitPrice-C-005-C": (0, {"ListUnitPrice": ""}),
    "ListUnitPrice-C-008-M": (0, {"ListUnitPrice": "-3.00", "ListCost": "-3.00"}),
    "ContractedUnitPrice-C-003-M": (0, {"ContractedUnitPrice": "1.5E+0"}),
    "ContractedUnitPrice-C-005-C": (2, {"ContractedUnitPrice": "0.30"}),
    "ContractedUnitPrice-C-006-C": (1, {"ContractedUnitPrice": ""}),
    "ContractedUnitPrice-C-009-C": (0, {"ContractedUnitPrice": "-1.50", "ContractedCost": "-1.50"}),
    "PricingQuantity-C-002-M": (0, {"PricingQuantity": "1 hour"}),
    "PricingQuantity-C-004-C": (2, {"PricingQuantity": "1", "PricingUnit": "Hour"}),
    "PricingQuantity-C-005-C": (1, {"PricingQuantity": "", "PricingUnit": ""}),
    "PricingUnit-C-005-C": (2, {"PricingUnit": "Hour"}),
    "PricingUnit-C-006-C": (0, {"PricingUnit": ""}),
    "BillingCurrency-C-004-M": (0, {"BillingCurrency": ""}),
    "BillingCurrency-C-006-M": (0, {"BillingCurrency": "XYZ"}),
    "ChargeCategory-C-002-M": (2, {"ChargeCategory": ""}),
    "ChargeCategory-C-003-M": (2, {"ChargeCategory": "Fee"}),
    "ChargeClass-C-005-C": (0, {"ChargeClass": "Corrected"}),
    "ChargeFrequency-C-002-M": (0, {"ChargeFrequency": ""}),
    "ChargeFrequency-C-003-M": (0, {"ChargeFrequency": "Usage-based"}),
    "ChargeFrequency-C-004-C": (1, {"ChargeFrequency": "Usage-Based"}),
    "PricingCategory-C-003-C": (2, {"PricingCategory": "Standard"}),
    "PricingCategory-C-004-C": (0, {"PricingCategory": ""}),
    "PricingCategory-C-007-M": (0, {"PricingCategory": "On-Demand"}),
    "SkuId-C-004-C": (2, {"SkuId": "TAX"}),
    "SkuId-C-005-C": (1, {"SkuId": ""}),
    "SkuPriceId-C-004-C": (2, {"SkuPriceId": "TAX_PRICE"}),
    "SkuPriceId-C-005-C": (1, {"SkuPriceId": ""}),
    "SkuPriceId-C-008-M": (3, {"SkuPriceId": "VM_LARGE_COMMITTED"}),
    "CommitmentDiscountStatus-C-003-C": (3, {"CommitmentDiscountStatus": "Used"}),
    "CommitmentDiscountStatus-C-004-C": (0, {"CommitmentDiscountStatus": ""}),
    "CommitmentDiscountStatus-C-005-M": (0, {"CommitmentDiscountStatus": "Bogus"}),
    "CommitmentDiscountCategory-C-003-C": (3, {"CommitmentDiscountCategory": "Usage"}),
    "CommitmentDiscountCategory-C-004-C": (1, {"CommitmentDiscountCategory": ""}),
    "CommitmentDiscountCategory-C-005-M": (1, {"CommitmentDiscountCategory": "Commitment"}),
    "CapacityReservationStatus-C-003-C": (0, {"CapacityReservationStatus": "Used"}),
    "CapacityReservationStatus-C-004-C": (3, {"CapacityReservationStatus": ""}),
    "CapacityReservationStatus-C-006-M": (3, {"CapacityReservationStatus": "Reserved"}),
    "ServiceCategory-C-002-M": (0, {"ServiceCategory": ""}),
    "ServiceCategory-C-003-M": (0, {"ServiceCategory": "GPU"}),
    "ChargePeriodStart-C-003-M": (0, {"ChargePeriodStart": ""}),
    "ChargePeriodStart-C-002-M": (0, {"ChargePeriodStart": "2023-01-01 00:00:00"}),
    "ChargePeriodEnd-C-003-M": (0, {"ChargePeriodEnd": ""}),
    "ChargePeriodEnd-C-002-M": (0, {"ChargePeriodEnd": "2023-01-01T01:00:00+00:00"}),
    "ChargePeriodEnd-C-004-M": (0, {"ChargePeriodEnd": "2023-01-01T00:00:00Z"}),
    "BillingPeriodStart-C-003-M": (0, {"BillingPeriodStart": "null"}),
    "BillingPeriodStart-C-002-M": (0, {"BillingPeriodStart": "2023-01-01"}),
    "BillingPeriodEnd-C-003-M": (0, {"BillingPeriodEnd": ""}),
    "BillingPeriodEnd-C-002-M": (0, {"BillingPeriodEnd": "2023-02-31T00:00:00Z"}),
    "BillingPeriodEnd-C-004-M": (0, {"BillingPeriodEnd": "2022-12-01T00:00:00Z"}),
    "Tags-C-001-M": (0, {"Tags": '{"team":"vision","team":"nlp"}'}),
}

# Presence rules: the column dropped from the header.
DROPPED = {
    "CostAndUsage-D-005-M": "BillingAccountName",
    "CostAndUsage-D-008-M": "ChargeCategory",
    "CostAndUsage-D-009-M": "BillingPeriodStart",
    "CostAndUsage-D-010-M": "BillingPeriodEnd",
    "CostAndUsage-D-021-M": "PublisherName",
    "CostAndUsage-D-023-M": "InvoiceIssuerName",
    "CostAndUsage-D-024-M": "BillingAccountId",
    "CostAndUsage-D-025-M": "ChargeDescription",
    "CostAndUsage-D-026-M": "ChargeClass",
    "CostAndUsage-D-030-M": "ContractedCost",
    "CostAndUsage-D-031-M": "EffectiveCost",
    "CostAndUsage-D-032-M": "ListCost",
    "CostAndUsage-D-035-M": "BillingCurrency",
    "CostAndUsage-D-036-M": "PricingQuantity",
    "CostAndUsage-D-038-M": "ProviderName",
    "CostAndUsage-D-040-M": "ServiceCategory",
    "CostAndUsage-D-041-M": "ServiceName",
    "CostAndUsage-D-068-M": "PricingUnit",
}

# FOCUS 1.3: a correction is no longer exempt from the products (the same
# change to a 1.2 file breaks nothing), and the 1.3 id of the unit price rule.
PLANTED_13 = {
    "CAU-CommitmentDiscountStatus-C-005-M": (0, {"CommitmentDiscountStatus": "Bogus"}),
    "CAU-ListCost-C-011-C": (0, {"ChargeClass": "Correction", "ListCost": "99"}),
    "CAU-ContractedCost-C-011-C": (0, {"ChargeClass": "Correction", "ContractedCost": "99"}),
    "CAU-ContractedUnitPrice-C-009-M": PLANTED["ContractedUnitPrice-C-009-C"],
}
DROPPED_13 = {
    "CAU-CostAndUsage-D-075-M": "HostProviderName",
    "CAU-CostAndUsage-D-076-M": "ServiceProviderName",
}



def write(name, rows, header=HEADER):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([r[c] for c in header])


def main():
    base = [dict(COMMON, **r) for r in ROWS]
    write("conforming.csv", base)
    for rule, (i, change) in PLANTED.items():
        rows = [dict(r) for r in base]
        rows[i].update(change)
        write(rule + ".csv", rows)
    for rule, column in DROPPED.items():
        write(rule + ".csv", base, [c for c in HEADER if c != column])
    # FOCUS 1.3 (told by HostProviderName and ServiceProviderName; PublisherName
    # and ProviderName are deprecated but still required): ids carry CAU-, and
    # the rules 1.3 renumbered or changed each get a file.
    header = HEADER + ["HostProviderName", "ServiceProviderName"]
    base13 = [dict(r, HostProviderName=r["ProviderName"], ServiceProviderName=r["ProviderName"])
              for r in base]
    write("conforming13.csv", base13, header)
    for rule, (i, change) in PLANTED_13.items():
        rows = [dict(r) for r in base13]
        rows[i].update(change)
        write(rule + ".csv", rows, header)
    for rule, column in DROPPED_13.items():
        write(rule + ".csv", base13, [c for c in header if c != column])


main()
