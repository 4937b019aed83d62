#!/usr/bin/env python3
"""Writes the bad-input corpus of tests/bad/: NAME (the input) and NAME.expect
(an extended regex, grep -E, that costledger's stderr must match; it names
file:line and the column where one applies). Run from tests/bad/ to
regenerate; the files are committed so that they stay byte-stable.

Inputs too big to commit (a 10 MB field, a 1-million-column header) are made
at test time by generate.py; their .expect files are written here with the
suffix .gen.expect.
"""
import gzip
import os
import random

H = "BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceName,PricingQuantity,BilledCost,EffectiveCost,Tags\n"
S, E = "2024-09-01T00:00:00Z", "2024-09-01T01:00:00Z"


def row(account="acct", start=S, end=E, category="Usage", service="EC2", quantity="1",
        billed="1.50", effective="1.40", tags=""):
    return ",".join([account, start, end, category, service, quantity, billed, effective, tags]) + "\n"


GOOD = row() + row(account="acct2", billed="2.25")
cases = {}


def case(name, data, expect):
    if isinstance(data, str):
        data = data.encode()
    cases[name] = (data, expect)


def col(name):
    return "column '%s': " % name


# --- gzip -----------------------------------------------------------------
plain = (H + GOOD * 50).encode()
z = gzip.compress(plain, mtime=0)
case("gzip_truncated.csv.gz", z[: len(z) // 2], r"gzip_truncated\.csv\.gz: truncated gzip file")
case("gzip_truncated_in_header.csv.gz", z[:12], r"gzip_truncated_in_header\.csv\.gz: truncated gzip file")
case("gzip_truncated_trailer.csv.gz", z[:-4], r"gzip_truncated_trailer\.csv\.gz: truncated gzip file")
d = bytearray(z)
d[20] ^= 0xFF
d[21] ^= 0x55
case("gzip_corrupt.csv.gz", bytes(d), r"gzip_corrupt\.csv\.gz: corrupt gzip file")
d = bytearray(z)
d[-8] ^= 1
case("gzip_bad_crc.csv.gz", bytes(d), r"gzip_bad_crc\.csv\.gz: corrupt gzip file: incorrect data check")
d = bytearray(z)
d[-1] ^= 1
case("gzip_bad_length.csv.gz", bytes(d), r"gzip_bad_length\.csv\.gz: corrupt gzip file: incorrect length check")
rnd = random.Random(6)
case("gzip_binary_junk.csv.gz", gzip.compress(bytes(rnd.randrange(256) for _ in range(4096)), mtime=0),
     r"gzip_binary_junk\.csv\.gz:[0-9]+: NUL byte in the decompressed text")
case("gzip_of_elf_like.csv.gz", gzip.compress(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)), mtime=0),
     r"gzip_of_elf_like\.csv\.gz:1: NUL byte in the decompressed text")

# --- CSV structure --------------------------------------------------------
case("unterminated_quote.csv", H + GOOD + row(service='"EC2'), r"unterminated_quote\.csv:4: unterminated quoted field")
case("unterminated_quote_multiline.csv", H + row(service='"EC2') + GOOD + GOOD,
     r"unterminated_quote_multiline\.csv:2: unterminated quoted field")
case("quote_in_unquoted_field.csv", H + GOOD + row(service='EC"2'),
     r"quote_in_unquoted_field\.csv:4: malformed CSV: a quote inside an unquoted field")
case("quote_after_closing_quote.csv", H + row(service='"EC2"x'),
     r"quote_after_closing_quote\.csv:2: malformed CSV")
case("too_few_fields.csv", H + GOOD + "acct,%s,%s,Usage,EC2,1,1.5,1.4\n" % (S, E),
     r"too_few_fields\.csv:4: 8 fields where the header has 9")
case("too_many_fields.csv", H + row(billed="12,5"), r"too_many_fields\.csv:2: 10 fields where the header has 9")
case("too_many_fields_after_multiline.csv", H + row(service='"multi\nline"') + row(tags="x,y"),
     r"too_many_fields_after_multiline\.csv:4: 10 fields where the header has 9")

# --- header ---------------------------------------------------------------
case("duplicated_header.csv", H.rstrip("\n") + ",ServiceName\n" + row().rstrip("\n") + ",x\n",
     r"duplicated_header\.csv:1: column 'ServiceName': duplicated header name \(also column 5\)")
case("duplicated_header_folded.csv", H.rstrip("\n") + ",billed_cost\n" + row().rstrip("\n") + ",x\n",
     r"duplicated_header_folded\.csv:1: column 'billed_cost': duplicated header name \(also column 7\)")
case("missing_billed_cost.csv", H.replace("BilledCost", "Billed") + GOOD,
     r"missing_billed_cost\.csv:1: no known bill header; tried focus \(lacks BilledCost\)")
case("missing_charge_period_start.csv", H.replace("ChargePeriodStart", "PeriodStart") + GOOD,
     r"missing_charge_period_start\.csv:1: no known bill header; tried focus \(lacks ChargePeriodStart\)")
case("not_a_bill.csv", "hello,world\n1,2\n", r"not_a_bill\.csv:1: no known bill header")
CUR = ("identity/LineItemId,identity/TimeInterval,lineItem/UsageStartDate,lineItem/UsageEndDate,"
       "lineItem/LineItemType,lineItem/ProductCode,lineItem/UsageAmount,lineItem/UnblendedCost\n")
CROW = "id1,2024-09-01T00:00:00Z/2024-09-01T01:00:00Z,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,Usage,AmazonEC2,1,0.5\n"
case("cur_fused_header.csv",
     CUR.replace("lineItem/UsageStartDate,lineItem/UsageEndDate", "lineItem/UsageStartDatelineItem/UsageEndDate")
     + CROW.replace("2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,Usage", "2024-09-01T00:00:00Z,Usage"),
     r"cur_fused_header\.csv:1: no known bill header; .*aws-cur \(lacks lineItem/UsageStartDate, lineItem/UsageEndDate\)")
case("cur_unknown_line_item_type.csv", CUR + CROW.replace(",Usage,", ",Freebie,"),
     r"cur_unknown_line_item_type\.csv:2: column 'lineItem/LineItemType': unknown line item type: \"Freebie\"")
case("cur_bad_cost.csv", CUR + CROW.replace(",0.5\n", ",0.5USD\n"),
     r"cur_bad_cost\.csv:2: column 'lineItem/UnblendedCost': not a number: \"0\.5USD\"")

# --- amounts --------------------------------------------------------------
case("amount_decimal_comma.csv", H + GOOD + row(billed='"12,5"'),
     r"amount_decimal_comma\.csv:4: column 'BilledCost': not a number: \"12,5\"")
case("amount_1e400.csv", H + row(billed="1e400"), r"amount_1e400\.csv:2: column 'BilledCost': amount out of range: \"1e400\"")
case("amount_25_digits.csv", H + row(billed="1234567890123456789012345"),
     r"amount_25_digits\.csv:2: column 'BilledCost': amount out of range")
case("amount_negative_25_digits.csv", H + row(effective="-9999999999999999999999999"),
     r"amount_negative_25_digits\.csv:2: column 'EffectiveCost': amount out of range")
case("amount_int64_nanos_plus_one.csv", H + row(billed="9223372036.854775808"),
     r"amount_int64_nanos_plus_one\.csv:2: column 'BilledCost': amount out of range")
case("amount_text.csv", H + row(billed="abc"), r"amount_text\.csv:2: column 'BilledCost': not a number: \"abc\"")
case("amount_two_points.csv", H + row(billed="1.2.3"), r"amount_two_points\.csv:2: column 'BilledCost': not a number")
case("amount_currency_sign.csv", H + row(billed="$1.50"), r"amount_currency_sign\.csv:2: column 'BilledCost': not a number")
case("billing_currency_symbol.csv", H.rstrip("\n") + ",BillingCurrency\n" + row().rstrip("\n") + ",US$\n",
     r"billing_currency_symbol\.csv:2: column 'BillingCurrency': not a three-letter currency code \(ISO 4217\): \"US\$\"")
case("amount_nan.csv", H + row(billed="NaN"), r"amount_nan\.csv:2: column 'BilledCost': not a number")
case("amount_inf.csv", H + row(effective="inf"), r"amount_inf\.csv:2: column 'EffectiveCost': not a number")
case("billed_cost_empty.csv", H + row(billed=""), r"billed_cost_empty\.csv:2: column 'BilledCost': missing a required value")
case("quantity_not_number.csv", H + row(quantity="two"), r"quantity_not_number\.csv:2: column 'PricingQuantity': not a number")
case("quantity_1e400.csv", H + row(quantity="1e400"), r"quantity_1e400\.csv:2: column 'PricingQuantity': out of range")

# --- dates ----------------------------------------------------------------
case("date_hour_30.csv", H + row(start="2023-02-01T30:00:00Z"),
     r"date_hour_30\.csv:2: column 'ChargePeriodStart': invalid date or time: \"2023-02-01T30:00:00Z\"")
case("date_month_13.csv", H + row(start="2024-13-01"),
     r"date_month_13\.csv:2: column 'ChargePeriodStart': invalid date or time: \"2024-13-01\"")
case("date_feb_30.csv", H + row(end="2024-02-30T00:00:00Z", start="2024-02-01T00:00:00Z"),
     r"date_feb_30\.csv:2: column 'ChargePeriodEnd': invalid date or time")
case("date_not_a_timestamp.csv", H + row(end="yesterday"),
     r"date_not_a_timestamp\.csv:2: column 'ChargePeriodEnd': not a timestamp: \"yesterday\"")
case("date_start_empty.csv", H + row(start=""), r"date_start_empty\.csv:2: column 'ChargePeriodStart': missing a required value")
case("end_before_start.csv", H + GOOD + row(start="2024-09-01T02:00:00Z"),
     r"end_before_start\.csv:4: column 'ChargePeriodEnd': ends before the charge period starts")

# --- text -----------------------------------------------------------------
case("invalid_utf8_byte.csv", (H + row(service="EC\x002")).encode().replace(b"\x00", b"\xff"),
     r"invalid_utf8_byte\.csv:2: column 'ServiceName': invalid UTF-8")
case("invalid_utf8_latin1.csv", (H + row(account="caf\x00")).encode().replace(b"\x00", b"\xe9"),
     r"invalid_utf8_latin1\.csv:2: column 'BillingAccountId': invalid UTF-8")
case("invalid_utf8_overlong.csv", (H + GOOD + row(service="a\x00")).encode().replace(b"\x00", b"\xc0\xaf"),
     r"invalid_utf8_overlong\.csv:4: column 'ServiceName': invalid UTF-8")
case("invalid_utf8_surrogate.csv", (H + row(service="a\x00")).encode().replace(b"\x00", b"\xed\xa0\x80"),
     r"invalid_utf8_surrogate\.csv:2: column 'ServiceName': invalid UTF-8")
case("invalid_utf8_truncated_sequence.csv", (H + row(service="a\x00")).encode().replace(b"\x00", b"\xe6\x97"),
     r"invalid_utf8_truncated_sequence\.csv:2: column 'ServiceName': invalid UTF-8")
case("cr_line_endings.csv", (H + GOOD + row(billed="x")).replace("\n", "\r"),
     r"cr_line_endings\.csv:4: column 'BilledCost': not a number")
case("crlf_multiline_field.csv", (H + row(service='"a\nb"') + row(billed="x")).replace("\n", "\r\n"),
     r"crlf_multiline_field\.csv:4: column 'BilledCost': not a number")
case("nul_byte.csv", (H + GOOD + row(service="EC\x002")).encode(), r"nul_byte\.csv:4: NUL byte")
case("nul_byte_in_header.csv", ("BillingAccountId,Charge\x00PeriodStart\n").encode(), r"nul_byte_in_header\.csv:1: NUL byte")
case("empty.csv", b"", r"empty\.csv: empty file: no header")
case("blank_lines_only.csv", "\n\n\r\n", r"blank_lines_only\.csv: empty file: no header")
case("header_only.csv", H, r"header_only\.csv: no rows after the header")
case("header_only.csv.gz", gzip.compress(H.encode(), mtime=0), r"header_only\.csv\.gz: no rows after the header")

# --- vocabularies and JSON -------------------------------------------------
case("focus_unknown_charge_category.csv", H + GOOD + row(category="Freebie"),
     r"focus_unknown_charge_category\.csv:4: column 'ChargeCategory': unknown charge category")
case("focus_unknown_charge_class.csv",
     H.replace("ServiceName", "ChargeClass") + row(service="Refund"),
     r"focus_unknown_charge_class\.csv:2: column 'ChargeClass': unknown charge class")
case("focus_unknown_pricing_category.csv",
     H.replace("ServiceName", "PricingCategory") + row(service="Cheap"),
     r"focus_unknown_pricing_category\.csv:2: column 'PricingCategory': unknown pricing category")
case("tags_bad_json.csv", H + row(tags="{bad"), r"tags_bad_json\.csv:2: column 'Tags': .*JSON")
case("tags_truncated_json.csv", H + GOOD + row(tags='"{""project"":""vision"""'),
     r"tags_truncated_json\.csv:4: column 'Tags': .*JSON")
case("cur2_tags_bad_json.csv",
     "line_item_usage_start_date,line_item_usage_end_date,line_item_line_item_type,line_item_unblended_cost,resource_tags\n"
     '2023-11-01T00:00:00Z,2023-11-01T01:00:00Z,Usage,1,"{""project"":}"\n',
     r"cur2_tags_bad_json\.csv:2: column 'resource_tags': malformed JSON")
case("tags_json_array.csv", H + row(tags='"[1,2]"'), r"tags_json_array\.csv:2: column 'Tags': not a JSON object")
case("tags_json_string.csv", H + GOOD + row(tags='"""x"""'), r"tags_json_string\.csv:4: column 'Tags': not a JSON object")

# --- fx rates CSV (auto-detected from its header) ----------------------------
FX = "date,from,to,rate\n"
FX_GOOD = "2026-10-01,EUR,USD,1.0852\n"
case("fx_rate_zero.csv", FX + FX_GOOD + "2026-10-02,EUR,USD,0\n",
     r"fx_rate_zero\.csv:3: column 'rate': not above 0")
case("fx_rate_negative.csv", FX + "2026-10-02,EUR,USD,-1.0852\n",
     r"fx_rate_negative\.csv:2: column 'rate': not above 0")
case("fx_rate_decimal_comma.csv", FX + "2026-10-02,EUR,USD,1,0852\n",
     r"fx_rate_decimal_comma\.csv:2: 5 fields where the header has 4")
case("fx_rate_decimal_comma_quoted.csv", FX + '2026-10-02,EUR,USD,"1,0852"\n',
     r"fx_rate_decimal_comma_quoted\.csv:2: column 'rate': not a number")
case("fx_rate_text.csv", FX + "2026-10-02,EUR,USD,n/a\n", r"fx_rate_text\.csv:2: column 'rate': not a number")
case("fx_rate_empty.csv", FX + "2026-10-02,EUR,USD,\n", r"fx_rate_empty\.csv:2: column 'rate': empty")
case("fx_rate_19_digits.csv", FX + "2026-10-02,EUR,USD,1.085200000000000001\n",
     r"fx_rate_19_digits\.csv:2: column 'rate': more than 18 significant digits")
case("fx_rate_1e500.csv", FX + "2026-10-02,EUR,USD,1e500\n", r"fx_rate_1e500\.csv:2: column 'rate': out of range")
case("fx_date_feb_30.csv", FX + "2026-02-30,EUR,USD,1.08\n", r"fx_date_feb_30\.csv:2: column 'date': no such day")
case("fx_date_not_iso.csv", FX + "01/10/2026,EUR,USD,1.08\n",
     r"fx_date_not_iso\.csv:2: column 'date': not a date YYYY-MM-DD")
case("fx_date_timestamp.csv", FX + "2026-10-01T00:00:00Z,EUR,USD,1.08\n",
     r"fx_date_timestamp\.csv:2: column 'date': not a date YYYY-MM-DD")
case("fx_currency_two_letters.csv", FX + "2026-10-02,EU,USD,1.08\n",
     r"fx_currency_two_letters\.csv:2: column 'from': not a three-letter currency code \(ISO 4217\): \"EU\"")
case("fx_currency_symbol.csv", FX + "2026-10-02,EUR,US$,1.08\n",
     r"fx_currency_symbol\.csv:2: column 'to': not a three-letter currency code \(ISO 4217\): \"US\$\"")
case("fx_same_currency.csv", FX + "2026-10-02,EUR,EUR,1\n",
     r"fx_same_currency\.csv:2: column 'to': the same currency as 'from'")
case("fx_twice_in_file.csv", FX + FX_GOOD + "2026-10-02,EUR,USD,1.09\n" + "2026-10-01,EUR,USD,1.0853\n",
     r"fx_twice_in_file\.csv:4: a second rate for EUR to USD on 2026-10-01 \(the first is fx_twice_in_file\.csv:2\)")
case("fx_no_rate_column.csv", "date,from,to,price\n" + FX_GOOD,
     r"fx_no_rate_column\.csv:1: fx rates CSV: no column 'rate'")
case("fx_header_only.csv", FX, r"fx_header_only\.csv: no rows after the header")
fz = gzip.compress((FX + FX_GOOD * 200).encode(), mtime=0)
case("fx_truncated.csv.gz", fz[: len(fz) // 2], r"fx_truncated\.csv\.gz: truncated gzip file")

# --- hostile input (issue 15) ---------------------------------------------------
# A second gzip member whose magic byte is damaged, and bytes after the last
# member: zlib's gzread() took both for "trailing garbage" and imported the
# first member's rows alone.
m1 = gzip.compress((H + row()).encode(), mtime=0)
m2 = bytearray(gzip.compress(row(account="acct2").encode(), mtime=0))
m2[0] ^= 0x01
case("gzip_second_member_bad_magic.csv.gz", m1 + bytes(m2),
     r"gzip_second_member_bad_magic\.csv\.gz: corrupt gzip file: data after the gzip stream at byte %d that is not a gzip member" % len(m1))
case("gzip_trailing_text.csv.gz", m1 + b"acct3,%s,%s,Usage,EC2,1,1.50,1.40,\n" % (S.encode(), E.encode()),
     r"gzip_trailing_text\.csv\.gz: corrupt gzip file: data after the gzip stream at byte %d" % len(m1))
SACCT = "JobID|Account|State|Start|End|NNodes|AllocTRES|NodeList\n"
SROW = "1|cs|COMPLETED|2026-10-01T00:00:00|2026-10-01T01:00:00|1|gres/gpu=1|n1\n"
s1 = gzip.compress((SACCT + SROW).encode(), mtime=0)
case("sacct_gzip_trailing.psv.gz", s1 + b"\x00\x00junk",
     r"sacct_gzip_trailing\.psv\.gz: corrupt gzip file: data after the gzip stream at byte %d" % len(s1))

# One number parser for every numeric field: strtod took inf, nan and hex.
for name, text in [("inf", "inf"), ("minus_inf", "-inf"), ("nan", "nan"), ("hex", "0x10"), ("hex_float", "0x1p3")]:
    case("quantity_%s.csv" % name, H + GOOD + row(quantity=text),
         r"quantity_%s\.csv:4: column 'PricingQuantity': not a number: \"%s\"" % (name, text.replace("+", "\\+")))
UH = "usage_start,usage_end,state,job_id,project,provider,resource_id,gpus,gpu_utilization\n"
UROW = "2026-10-01T00:00:00Z,2026-10-01T01:00:00Z,running,j1,vision,gpucloud,vm-1,%s,%s\n"
case("usage_utilization_inf.csv", UH + UROW % ("1", "inf"),
     r"usage_utilization_inf\.csv:2: column 'gpu_utilization': not a percentage 0-100: \"inf\"")
case("usage_utilization_hex.csv", UH + UROW % ("1", "0x20"),
     r"usage_utilization_hex\.csv:2: column 'gpu_utilization': not a percentage 0-100: \"0x20\"")
case("usage_gpus_fraction.csv", UH + UROW % ("1.5", "50"),
     r"usage_gpus_fraction\.csv:2: column 'gpus': not a whole number >= 0: \"1\.5\"")
BH = "project,period,amount,currency,alert_ratio\n"
case("budgets_alert_ratio_hex.csv", BH + "vision,2026-10,5000,EUR,0x0.8\n",
     r"budgets_alert_ratio_hex\.csv:2: column 'alert_ratio': not a ratio in \(0, 1\]: \"0x0\.8\"")

# sacct durations that overflow: UBSan stopped on ElapsedRaw * 1000; the plain build
# stored a wrapped end and failed on a CHECK constraint (exit 3).
SH = "JobID|Account|State|Start|End|Elapsed|ElapsedRaw|AllocTRES|NodeList\n"
case("sacct_elapsedraw_int64_max.psv", SH + "1|cs|RUNNING|2026-10-01T00:00:00|Unknown|Unknown|9223372036854775807|gres/gpu=1|n1\n",
     r"sacct_elapsedraw_int64_max\.psv:2: column 'ElapsedRaw': not a number of seconds: \"9223372036854775807\"")
case("sacct_elapsedraw_past_9999.psv", SH + "1|cs|RUNNING|2026-10-01T00:00:00|Unknown|Unknown|999999999999|gres/gpu=1|n1\n",
     r"sacct_elapsedraw_past_9999\.psv:2: column 'ElapsedRaw': out of range: the job would end after 9999-12-31")
case("sacct_elapsed_huge_days.psv", SH + "1|cs|RUNNING|2026-10-01T00:00:00|Unknown|999999999999999-00:00:00||gres/gpu=1|n1\n",
     r"sacct_elapsed_huge_days\.psv:2: column 'Elapsed': out of range: \"999999999999999-00:00:00\"")
# Instants the ledger cannot write back: the year 10000 and the year 0 in UTC.
case("date_year_10000_utc.csv", H + row(start="2024-09-01T00:00:00Z", end="9999-12-31T23:00:00-05:00"),
     r"date_year_10000_utc\.csv:2: column 'ChargePeriodEnd': outside the years 0001-9999 \(UTC\)")
case("date_year_0000.csv", H + row(start="0000-12-31T23:00:00+01:00", end="2024-09-01T00:00:00Z"),
     r"date_year_0000\.csv:2: column 'ChargePeriodStart': outside the years 0001-9999 \(UTC\)")
case("usage_year_10000_utc.csv", UH + "2026-10-01T00:00:00Z,9999-12-31T23:30:00-01:00,running,j1,vision,gpucloud,vm-1,1,50\n",
     r"usage_year_10000_utc\.csv:2: column 'usage_end': outside the years 0001-9999 \(UTC\)")

# Invalid UTF-8 is refused in every file kind, as in bills (it made report
# --format json write invalid JSON).
RH = "provider,sku,region,pricing_category,unit,unit_price,currency,discount,billing_rule,valid_from,valid_to\n"
RROW = "gpucloud,%s,eu-west,on-demand,hour,2,EUR,0,running,2026-01-01,\n"
def latin1(text):
    return text.encode().replace(b"\x00", b"\xe9")
case("usage_invalid_utf8.csv", latin1(UH + UROW.replace("vision", "caf\x00") % ("1", "50")),
     r"usage_invalid_utf8\.csv:2: column 'project': invalid UTF-8 \(byte 0xE9 at offset 3 of the field\)")
case("usage_extra_column_invalid_utf8.csv", latin1(UH.rstrip("\n") + ",team\n" + (UROW % ("1", "50")).rstrip("\n") + ",caf\x00\n"),
     r"usage_extra_column_invalid_utf8\.csv:2: column 'team': invalid UTF-8")
case("rates_invalid_utf8.csv", latin1(RH + RROW % "a100\x00"),
     r"rates_invalid_utf8\.csv:2: column 'sku': invalid UTF-8 \(byte 0xE9 at offset 4 of the field\)")
case("budgets_invalid_utf8.csv", latin1(BH + "caf\x00,2026-10,5000,EUR,0.8\n"),
     r"budgets_invalid_utf8\.csv:2: column 'project': invalid UTF-8")
case("sacct_invalid_utf8.psv", latin1(SH + "1|caf\x00|COMPLETED|2026-10-01T00:00:00|2026-10-01T01:00:00|01:00:00|3600|gres/gpu=1|n1\n"),
     r"sacct_invalid_utf8\.psv:2: column 'Account': invalid UTF-8")
# No silent truncation: a field longer than the reader takes is refused with the limit.
case("rates_sku_256_bytes.csv", RH + RROW % ("s" * 256),
     r"rates_sku_256_bytes\.csv:2: column 'sku': longer than 255 bytes \(256\)")
case("rates_unit_price_130_digits.csv", RH.replace("unit_price", "unit_price") +
     "gpucloud,a100,eu-west,on-demand,hour,0.%s2e-5,EUR,0,running,2026-01-01,\n" % ("0" * 126),
     r"rates_unit_price_130_digits\.csv:2: column 'unit_price': longer than 127 bytes \(132\)")
case("usage_job_id_512_bytes.csv", UH + UROW.replace(",j1,", ",%s," % ("j" * 512)) % ("1", "50"),
     r"usage_job_id_512_bytes\.csv:2: column 'job_id': longer than 511 bytes \(512\)")
case("sacct_account_256_bytes.psv", SH + "1|%s|COMPLETED|2026-10-01T00:00:00|2026-10-01T01:00:00|01:00:00|3600|gres/gpu=1|n1\n" % ("a" * 256),
     r"sacct_account_256_bytes\.psv:2: column 'Account': longer than 255 bytes \(256\)")

# A usage CSV's extra columns are kept in attributes under their names: a
# name longer than 127 bytes was cut.
case("usage_header_name_128_bytes.csv", UH.rstrip("\n") + "," + "n" * 128 + "\n" + (UROW % ("1", "50")).rstrip("\n") + ",x\n",
     r"usage_header_name_128_bytes\.csv:1: longer than 127 bytes \(128\)")

# Generated at test time by generate.py (see there).
GEN = {
    "field_10mb.csv": r"field_10mb\.csv:2: column 'BilledCost': amount out of range",
    "header_1m_columns.csv": r"header_1m_columns\.csv:1: no known bill header",
    "header_1m_columns_dup.csv": r"header_1m_columns_dup\.csv:1: column 'c0': duplicated header name \(also column 1\)",
}

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for name, (data, expect) in cases.items():
        with open(os.path.join(here, name), "wb") as f:
            f.write(data)
        with open(os.path.join(here, name + ".expect"), "w") as f:
            f.write(expect + "\n")
    for name, expect in GEN.items():
        with open(os.path.join(here, name + ".gen.expect"), "w") as f:
            f.write(expect + "\n")
    print(len(cases), "files,", len(GEN), "generated at test time")
