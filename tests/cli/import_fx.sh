#!/bin/sh
# tests/cli/import_fx.sh: the fx rates CSV end to end. budget_status converts
# EUR charges to a USD budget at the rate of the charge's day (the latest on
# or before it), exactly: the expected nanos are computed here with Python's
# decimal, independently of the C code. Auto-detection, gzip, stdin, --dry-run,
# re-import adds nothing (also the same rates written differently), another
# rate for a stored (date, from, to) is refused naming both file:line, and
# bad input gives exit 2 and an unchanged ledger.
. "$TESTS/cli/lib.sh"

# Views need the extension: through the CLI; plain tables through sqlite3.
q() {
	case "$1" in
	*budget_status*|*money_*) "$COSTLEDGER" --ledger "$L" sql --csv "$1" | sed 1d | tr -d '\r"' ;;
	*) sqlite3 "$L" "$1" ;;
	esac
}
# nanos of sum(amount x rate), each product rounded half-even to 9 decimals as money_mul does
nanos() { # nanos "AMOUNT*RATE" ...
	/usr/bin/python3 -c '
import sys
from decimal import Decimal, ROUND_HALF_EVEN
total = Decimal(0)
for term in sys.argv[1:]:
    amount, _, rate = term.partition("*")
    total += (Decimal(amount) * Decimal(rate or "1")).quantize(Decimal("1e-9"), rounding=ROUND_HALF_EVEN)
print(int(total * 10**9))' "$@"
}

cl init >/dev/null || fail "init"

# A bill with EUR, USD and GBP charges, and budgets in USD and EUR.
cat > bill.csv <<'CSV'
BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceName,BilledCost,BillingCurrency,Tags
acct,2026-10-05T00:00:00Z,2026-10-05T01:00:00Z,Usage,GPU,1234.567891,EUR,"{""project"":""vision""}"
acct,2026-10-15T00:00:00Z,2026-10-15T01:00:00Z,Usage,GPU,0.5,EUR,"{""project"":""vision""}"
acct,2026-10-20T23:00:00Z,2026-10-21T00:00:00Z,Usage,GPU,789.01,EUR,"{""project"":""vision""}"
acct,2026-10-07T00:00:00Z,2026-10-07T01:00:00Z,Usage,GPU,100.00,USD,"{""project"":""vision""}"
acct,2026-10-10T00:00:00Z,2026-10-10T01:00:00Z,Usage,GPU,50.00,USD,"{""project"":""nlp""}"
acct,2026-10-10T00:00:00Z,2026-10-10T01:00:00Z,Usage,GPU,70.00,GBP,"{""project"":""speech""}"
CSV
cat > budgets.csv <<'CSV'
project,period,amount,currency,alert_ratio
vision,2026-10,2500,USD,0.8
nlp,2026-10,100,EUR,0.8
speech,2026-10,100,USD,0.8
CSV
cl import bill.csv budgets.csv > out.txt 2>&1 || { cat out.txt; fail "bill and budgets"; }
# Before any fx rate, a month with a EUR charge cannot be summed in USD: NULL, not the USD part alone.
expect "billed without rates" "$(q "SELECT coalesce(billed, 'NULL') || ' ' || charges FROM budget_status WHERE project = 'vision'")" "NULL 4"

cat > fx-2026-10.csv <<'CSV'
date,from,to,rate
2026-09-30,EUR,USD,1.0790
2026-10-01,EUR,USD,1.0852
2026-10-15,EUR,USD,1.0917
2026-10-25,EUR,USD,1.1
2026-10-01,USD,EUR,0.9215
CSV
cl import fx-2026-10.csv > out.txt 2>err.txt || { cat err.txt; fail "fx import"; }
grep -q 'fx-2026-10.csv: fx-rates, 5 rows (0 skipped): 5 new fx rates, 0 already in the ledger' out.txt ||
	fail "fx counts: $(cat out.txt)"
expect "imports row" "$(q "SELECT kind || ' ' || format || ' ' || rows_read || ' ' || rows_inserted FROM imports WHERE file_name = 'fx-2026-10.csv'")" \
	"fx_rates fx-rates 5 5"
expect "rate text kept" "$(q "SELECT rate || ' ' || source_file || ':' || source_line FROM fx_rates WHERE rate_date = '2026-09-30'")" \
	"1.0790 fx-2026-10.csv:2"

# vision (USD): 10-05 at the 10-01 rate, 10-15 at the 10-15 rate (the day itself), 10-20 at
# the 10-15 rate (not the later 10-25 one), the USD charge as it is.
want=$(nanos 1234.567891*1.0852 0.5*1.0917 789.01*1.0917 100.00)
[ -n "$want" ] || fail "python3 decimal"
expect "vision billed in USD" "$(q "SELECT billed FROM budget_status WHERE project = 'vision'")" "$want"
expect "vision spend" "$(q "SELECT money_text(spend) || ' ' || charges || ' ' || alert || ' ' || over_budget FROM budget_status WHERE project = 'vision'")" \
	"2301.66 4 1 0"
# nlp (EUR): a USD charge at the USD->EUR rate; the inverse of EUR->USD is not derived.
expect "nlp billed in EUR" "$(q "SELECT billed FROM budget_status WHERE project = 'nlp'")" "$(nanos 50.00*0.9215)"
# speech: GBP has no rate: NULL
expect "speech without a GBP rate" "$(q "SELECT coalesce(billed, 'NULL') || ' ' || coalesce(spend, 'NULL') FROM budget_status WHERE project = 'speech'")" "NULL NULL"
# docs/queries.md: the month summed in USD by hand, and which rate each charge got
expect "doc: month in USD" "$(q "SELECT substr(charge_period_start, 1, 7) AS month,
       money_text(money_total(usd)) AS billed_usd,
       count(*) - count(usd) AS without_rate
FROM (SELECT c.charge_period_start,
             CASE WHEN c.billing_currency = 'USD' THEN c.billed_cost
                  ELSE money_mul(c.billed_cost,
                         (SELECT f.rate FROM fx_rates f
                          WHERE f.from_currency = c.billing_currency AND f.to_currency = 'USD'
                            AND f.rate_date <= substr(c.charge_period_start, 1, 10)
                          ORDER BY f.rate_date DESC LIMIT 1)) END AS usd
      FROM charges c)
GROUP BY 1")" "2026-10,2351.66,1"
expect "doc: rate per charge" "$(q "SELECT group_concat(line, ';') FROM (SELECT c.charge_period_start || ' ' || f.rate || ' ' ||
       money_text(money_mul(c.billed_cost, f.rate), 9) AS line
FROM charges c JOIN fx_rates f
  ON f.from_currency = c.billing_currency AND f.to_currency = 'USD'
 AND f.rate_date = (SELECT max(g.rate_date) FROM fx_rates g
                    WHERE g.from_currency = c.billing_currency AND g.to_currency = 'USD'
                      AND g.rate_date <= substr(c.charge_period_start, 1, 10))
ORDER BY 1)")" \
	"2026-10-05T00:00:00Z 1.0852 1339.753075313;2026-10-15T00:00:00Z 1.0917 0.545850000;2026-10-20T23:00:00Z 1.0917 861.362217000"

# --- re-import adds nothing ------------------------------------------------------
imports=$(q "SELECT count(*) FROM imports")
cl import fx-2026-10.csv > out.txt || fail "re-import"
grep -q 'already imported' out.txt || fail "re-import message: $(cat out.txt)"
# the same rates in another order, CRLF, a trailing zero and an alias header: other bytes, same rates
printf 'rate_date,from_currency,to_currency,rate\r\n2026-10-01,USD,EUR,0.92150\r\n2026-10-25,EUR,USD,1.10\r\n2026-10-15,EUR,USD,1.0917\r\n' > fx-again.csv
cl import fx-again.csv > out.txt || fail "same rates, other bytes"
grep -q '3 rows (0 skipped): 0 new fx rates, 3 already in the ledger' out.txt || fail "again counts: $(cat out.txt)"
expect "fx rows after re-import" "$(q "SELECT count(*) FROM fx_rates")" 5
expect "no import row for nothing new" "$(q "SELECT count(*) FROM imports")" "$imports"
expect "stored text unchanged" "$(q "SELECT rate FROM fx_rates WHERE rate_date = '2026-10-25'")" 1.1

# --- gzip (auto-detected through gzip), stdin, --format, --dry-run -------------------
printf 'date,from,to,rate\n2026-10-31,EUR,USD,1.0874\n' | gzip -c > fx-late.csv.gz
cl import fx-late.csv.gz > out.txt || fail "gzip"
grep -q '1 new fx rates' out.txt || fail "gzip: $(cat out.txt)"
expect "gzip compressed" "$(q "SELECT compressed FROM imports WHERE file_name = 'fx-late.csv.gz'")" 1
printf 'date,from,to,rate\n2026-11-02,EUR,USD,1.0901\n' | cl import --format fx-rates - > out.txt || fail "stdin"
grep -q '1 new fx rates' out.txt || fail "stdin: $(cat out.txt)"
# a byte-order mark (a spreadsheet's "CSV UTF-8") is still told apart as fx rates
printf '\357\273\277date,from,to,rate\r\n2026-11-06,EUR,USD,1.0921\r\n' > fx-bom.csv
cl import fx-bom.csv > out.txt 2>err.txt || fail "byte-order mark: $(cat err.txt)"
grep -q 'fx-bom.csv: fx-rates, 1 rows (0 skipped): 1 new fx rates' out.txt || fail "bom: $(cat out.txt)"
printf 'date,from,to,rate\n2026-11-03,EUR,USD,1.0911\n' > fx-dry.csv
cl import --dry-run fx-dry.csv > out.txt || fail "dry run"
grep -q 'dry run: fx-dry.csv: fx-rates, 1 rows' out.txt || fail "dry run: $(cat out.txt)"
expect "dry run writes nothing" "$(q "SELECT count(*) FROM fx_rates WHERE rate_date = '2026-11-03'")" 0
cl import --format fx-rates bill.csv > out.txt 2>err.txt && fail "a bill as fx rates accepted"
grep -q "bill.csv:1: fx rates CSV: no column 'date'" err.txt || fail "wrong format message: $(cat err.txt)"

# --- refused: exit 2, file:line, the ledger unchanged ------------------------------
sqlite3 "$L" .dump > before.sql
bad() { # bad REGEX FILE...
	regex=$1
	shift
	cl import "$@" > out.txt 2> err.txt
	rc=$?
	[ "$rc" = 2 ] || fail "$*: exit $rc, not 2"
	grep -Eq -- "$regex" err.txt || fail "$*: message $(cat err.txt) does not match /$regex/"
	grep -q 'nothing imported' err.txt || fail "$*: no 'nothing imported'"
	sqlite3 "$L" .dump > after.sql
	cmp -s before.sql after.sql || fail "$*: ledger changed"
}
# another rate for a stored (date, from, to): both places named; and a good file
# before it in the same command is not kept either (one transaction)
printf 'date,from,to,rate\n2026-11-05,EUR,USD,1.09\n2026-10-15,EUR,USD,1.0918\n' > fx-correction.csv
printf 'date,from,to,rate\n2026-11-04,EUR,USD,1.0899\n' > fx-good.csv
bad "fx-correction.csv:3: column 'rate': \"1.0918\" for EUR to USD on 2026-10-15 differs from \"1.0917\" of fx-2026-10.csv:4" \
	fx-good.csv fx-correction.csv
printf 'date,from,to,rate\n2026-12-01,EUR,USD,1.09\n2026-12-02,EUR,USD,1.08\n2026-12-01,EUR,USD,1.09\n' > fx-twice.csv
bad "fx-twice.csv:4: a second rate for EUR to USD on 2026-12-01 \(the first is fx-twice.csv:2\)" fx-twice.csv
printf 'date,from,to,rate\n2026-12-01,EUR,USD,"1,0852"\n' > fx-comma.csv
bad "fx-comma.csv:2: column 'rate': not a number: \"1,0852\"" fx-comma.csv
printf 'date,from,to,rate\n2026-12-01,EUR,USD,1.08\n' | gzip -c | head -c 30 > fx-cut.csv.gz
bad "fx-cut.csv.gz: truncated gzip file" --format fx-rates fx-cut.csv.gz
expect "budget_status unchanged" "$(q "SELECT billed FROM budget_status WHERE project = 'vision'")" "$want"
echo "import_fx: all checks passed"
