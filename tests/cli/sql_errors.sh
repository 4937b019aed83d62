#!/bin/sh
# tests/cli/sql_errors.sh: the exact error message of every kind of bad argument to
# the costledger SQL functions, unit prices included (each names the function and
# the argument, and a limit passed; see docs/functions.md "Rules common to all
# functions"), and the functions at work in a schema (view, generated column,
# CHECK, expression index, trigger) reopened by a new sqlite3 process with PRAGMA
# trusted_schema=OFF, which only INNOCUOUS functions survive. Stops at the first
# wrong result and says what was expected and what came.
#   COSTLEDGER_SO=/abs/path/costledger.so sh tests/cli/sql_errors.sh
set -u
: "${COSTLEDGER_SO:?COSTLEDGER_SO must name costledger.so}"
SO=$COSTLEDGER_SO
# Under `make check`'s sanitized pass (SAN=1) costledger.so needs the ASan and
# UBSan runtimes, which the sqlite3 shell does not link: preload them.
if [ "${SAN:-}" = 1 ]; then
	SAN_PRELOAD="$(cc -print-file-name=libasan.so) $(cc -print-file-name=libubsan.so)"
	export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
	export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
else
	SAN_PRELOAD=""
fi
sqlite3() {
	LD_PRELOAD="$SAN_PRELOAD" command sqlite3 "$@"
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
checks=0

fail() {
	printf 'FAIL %s\n  expected: %s\n  got:      %s\n' "$1" "$2" "$3"
	exit 1
}

# The message of a failing statement without the shell's prefix, which differs
# between sqlite3 versions ("Error: stepping, ", "Runtime error: ", ...).
strip_prefix() {
	sed -n '1{
s/^Error: near line [0-9]*: //
s/^Error: //
s/^Runtime error[^:]*: //
s/^Parse error[^:]*: //
s/^stepping, //
s/^in prepare, //
p
}'
}

# expect_error NAME SQL MESSAGE: SQL must fail with exactly MESSAGE.
expect_error() {
	checks=$((checks + 1))
	out=$(sqlite3 -bail :memory: ".load '$SO'" "$2" 2>&1)
	rc=$?
	[ "$rc" != 0 ] || fail "$1: $2" "an error: $3" "success (exit 0): $out"
	got=$(printf '%s\n' "$out" | strip_prefix)
	[ "$got" = "$3" ] || fail "$1: $2" "$3" "$got"
}

# expect_value NAME SQL VALUE: SQL must succeed and print exactly VALUE.
expect_value() {
	checks=$((checks + 1))
	got=$(sqlite3 -bail :memory: ".load '$SO'" "$2" 2>&1)
	rc=$?
	[ "$rc" = 0 ] || fail "$1: $2" "$3" "exit $rc: $got"
	[ "$got" = "$3" ] || fail "$1: $2" "$3" "$got"
}

# --- non-numeric text ---------------------------------------------------------
expect_error "text to a formula" "SELECT epoch_cost('abc', 1, 1, 1, 1, 1, 1, 1)" \
	"epoch_cost: argument 1 'c_gpu' is not a number: \"abc\""
expect_error "text in the last position" "SELECT epoch_cost(5, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120, 'eight')" \
	"epoch_cost: argument 9 'n_replicas' is not a number: \"eight\""
expect_error "decimal comma to a formula" "SELECT run_cost('1,5', 100)" \
	"run_cost: argument 1 'hourly_rate' is not a number: \"1,5\""
expect_error "empty text to a formula" "SELECT power_cost(3000, 720, '')" \
	"power_cost: argument 3 'price_per_kwh' is not a number: \"\""
expect_error "text to money_text" "SELECT money_text('abc')" \
	"money_text: argument 1 'nanos' is not a number: \"abc\""
expect_error "text to money_text decimals" "SELECT money_text(1, 'two')" \
	"money_text: argument 2 'decimals' is not a number: \"two\""
expect_error "text to money_mul nanos" "SELECT money_mul('x', 1)" \
	"money_mul: argument 1 'nanos' is not a number: \"x\""
expect_error "text to money_mul quantity" "SELECT money_mul(1, 'x')" \
	"money_mul: argument 2 'quantity' is not a number: \"x\""
expect_error "text to money_total" "SELECT money_total(column1) FROM (VALUES (1), ('abc'))" \
	"money_total: argument 1 'nanos' is not a number: \"abc\""
expect_error "not a timestamp" "SELECT overlap_seconds(0, 'yesterday', 0, 1)" \
	"overlap_seconds: argument 2 'a_end' is not a timestamp: \"yesterday\""
expect_error "not a timestamp to the union" "SELECT interval_union_seconds('soon', 1)" \
	"interval_union_seconds: argument 1 'start' is not a timestamp: \"soon\""

# --- not an integer -------------------------------------------------------------
expect_error "REAL nanos to money_text" "SELECT money_text(1.5)" \
	"money_text: argument 1 'nanos' must be an integer, got 1.5"
expect_error "REAL nanos to money_mul" "SELECT money_mul(1.5, 1)" \
	"money_mul: argument 1 'nanos' must be an integer, got 1.5"
expect_error "REAL nanos to money_total" "SELECT money_total(column1) FROM (VALUES (1.5))" \
	"money_total: argument 1 'nanos' must be an integer, got 1.5"
# A whole REAL such as 2.0 may be taken as the integer 2 or refused, but a refusal
# must not contradict itself ("must be an integer, got 2").
checks=$((checks + 1))
got=$(sqlite3 -bail :memory: ".load '$SO'" "SELECT money_text(1500000000, 2.0)" 2>&1 | strip_prefix)
case "$got" in
1.50 | "money_text: argument 2 'decimals' must be an integer, got 2.0") ;;
*) fail "whole REAL decimals: SELECT money_text(1500000000, 2.0)" \
	"1.50, or: money_text: argument 2 'decimals' must be an integer, got 2.0" "$got" ;;
esac

# --- negative durations, prices, counts ---------------------------------------
expect_error "negative hours" "SELECT run_cost(2, -1)" \
	"run_cost: argument 2 'hours' must not be negative, got -1"
expect_error "negative GPU hours" "SELECT epoch_cost(5, -2.5, 0.2, 2.5, 0.05, 48, 0.01, 120, 8)" \
	"epoch_cost: argument 2 't_gpu' must not be negative, got -2.5"
expect_error "negative price" "SELECT run_cost(-0.5, 10)" \
	"run_cost: argument 1 'hourly_rate' must not be negative, got -0.5"
expect_error "negative replicas" "SELECT epoch_cost(5, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120, -8)" \
	"epoch_cost: argument 9 'n_replicas' must not be negative, got -8"

# --- utilisation, divisors ------------------------------------------------------
expect_error "utilization 0" "SELECT epoch_gpu_hours(1e12, 36, 1e9, 0)" \
	"epoch_gpu_hours: argument 4 'utilization' must be in (0, 1], got 0"
expect_error "utilization 1.5" "SELECT epoch_gpu_hours(1e12, 36, 1e9, 1.5)" \
	"epoch_gpu_hours: argument 4 'utilization' must be in (0, 1], got 1.5"
expect_error "mfu above 1" "SELECT train_gpu_hours(175e9, 300e9, 312e12, 55)" \
	"train_gpu_hours: argument 4 'mfu' must be in (0, 1], got 55"
expect_error "clock 0" "SELECT epoch_gpu_hours(1e12, 36, 0, 0.5)" \
	"epoch_gpu_hours: argument 3 'clock_hz' must be positive, got 0"
expect_error "compression 0" "SELECT epoch_transfer_gb(2, 500, 0)" \
	"epoch_transfer_gb: argument 3 'compression' must be positive, got 0"
expect_error "mtbf 0" "SELECT checkpoint_interval(5, 0)" \
	"checkpoint_interval: argument 2 'mtbf' must be positive, got 0"
expect_error "completed > total" "SELECT interruption_loss(120, 100, 1000)" \
	"interruption_loss: argument 1 'completed_epochs' must not exceed total_epochs, got 120"
expect_error "completed > total, fractions" "SELECT interruption_loss(30.5, 30.25, 1000)" \
	"interruption_loss: argument 1 'completed_epochs' must not exceed total_epochs, got 30.5"

# --- blobs ----------------------------------------------------------------------
expect_error "blob to a formula" "SELECT epoch_cost(1, x'00', 1, 1, 1, 1, 1, 1)" \
	"epoch_cost: argument 2 't_gpu' must be a number, not a blob"
expect_error "blob to money" "SELECT money(x'3132')" \
	"money: argument 1 'x' must be a number, not a blob"
expect_error "blob to money_text" "SELECT money_text(x'01')" \
	"money_text: argument 1 'nanos' must be a number, not a blob"
expect_error "blob to money_mul quantity" "SELECT money_mul(1, x'01')" \
	"money_mul: argument 2 'quantity' must be a number, not a blob"
expect_error "blob to money_total" "SELECT money_total(x'01')" \
	"money_total: argument 1 'nanos' must be a number, not a blob"
expect_error "blob to overlap_seconds" "SELECT overlap_seconds(0, 1, x'01', 2)" \
	"overlap_seconds: argument 3 'b_start' must be a number, not a blob"

# --- infinity -------------------------------------------------------------------
expect_error "infinity to a formula" "SELECT epoch_cost(1, 9e999, 1, 1, 1, 1, 1, 1)" \
	"epoch_cost: argument 2 't_gpu' must be finite, got Inf"
expect_error "minus infinity to a formula" "SELECT spot_savings(66, 30, -9e999)" \
	"spot_savings: argument 3 'on_demand_hours' must be finite, got -Inf"
expect_error "infinity as text to a formula" "SELECT run_cost('1e999', 1)" \
	"run_cost: argument 1 'hourly_rate' must be finite, got Inf"
expect_error "infinity to overlap_seconds" "SELECT overlap_seconds(0, 9e999, 0, 1)" \
	"overlap_seconds: argument 2 'a_end' must be finite, got Inf"
expect_error "infinity to money" "SELECT money(9e999)" \
	"money: argument 1 'x' is not a number: \"Inf\""
expect_error "infinity to money_mul" "SELECT money_mul(1, 9e999)" \
	"money_mul: argument 2 'quantity' is not a number: \"Inf\""
expect_error "result overflow" "SELECT train_flops(1e200, 1e200)" \
	"train_flops: argument 1 'params' makes the result overflow, got 1e+200"

# --- money text and range -------------------------------------------------------
expect_error "decimal comma" "SELECT money('12,5')" \
	"money: argument 1 'x' is not a number: \"12,5\""
expect_error "two points" "SELECT money('1.2.3')" \
	"money: argument 1 'x' is not a number: \"1.2.3\""
expect_error "currency sign" "SELECT money('\$12.50')" \
	"money: argument 1 'x' is not a number: \"\$12.50\""
expect_error "exponent without digits" "SELECT money('1e')" \
	"money: argument 1 'x' is not a number: \"1e\""
expect_error "spaces only" "SELECT money('   ')" \
	"money: argument 1 'x' is not a number: \"   \""
expect_error "1e400 overflows" "SELECT money('1e400')" \
	"money: argument 1 'x' is out of range for 64-bit nanos: \"1e400\""
expect_error "INT64_MAX + 1 nano" "SELECT money('9223372036.854775808')" \
	"money: argument 1 'x' is out of range for 64-bit nanos: \"9223372036.854775808\""
expect_error "INT64_MIN - 1 nano" "SELECT money('-9223372036.854775809')" \
	"money: argument 1 'x' is out of range for 64-bit nanos: \"-9223372036.854775809\""
expect_error "INT64_MAX + 0.5 nano ties up, out" "SELECT money('9223372036.8547758075')" \
	"money: argument 1 'x' is out of range for 64-bit nanos: \"9223372036.8547758075\""
expect_error "INTEGER units overflow" "SELECT money(9223372037)" \
	"money: argument 1 'x' is out of range for 64-bit nanos: \"9223372037\""
expect_error "REAL overflow" "SELECT money(1e10)" \
	"money: argument 1 'x' is out of range for 64-bit nanos: \"10000000000.0\""
expect_error "money_text decimals 10" "SELECT money_text(1, 10)" \
	"money_text: argument 2 'decimals' must be between 0 and 9, got 10"
expect_error "money_text decimals -1" "SELECT money_text(1, -1)" \
	"money_text: argument 2 'decimals' must be between 0 and 9, got -1"
expect_error "money_mul quantity out of range" "SELECT money_mul(1, '1e400')" \
	"money_mul: argument 2 'quantity' makes the result out of range for 64-bit nanos: 1 * 1e400"
expect_error "money_mul overflow" "SELECT money_mul(9223372036854775807, 2)" \
	"money_mul: argument 2 'quantity' makes the result out of range for 64-bit nanos: 9223372036854775807 * 2"
expect_error "money_mul 20-digit quantity" "SELECT money_mul(9223372036854775807, '1.0000000000000000001')" \
	"money_mul: argument 2 'quantity' has more than 18 significant digits: \"1.0000000000000000001\""
expect_error "money_mul 20-digit quantity near a tie" "SELECT money_mul(1, '0.50000000000000000001')" \
	"money_mul: argument 2 'quantity' has more than 18 significant digits: \"0.50000000000000000001\""
expect_error "money_mul INT64_MIN * -1" "SELECT money_mul(-9223372036854775808, -1)" \
	"money_mul: argument 2 'quantity' makes the result out of range for 64-bit nanos: -9223372036854775808 * -1"
expect_error "money_total overflow" "SELECT money_total(column1) FROM (VALUES (9223372036854775807), (1))" \
	"money_total: the total 9223372036.854775808 does not fit in 64-bit nanos"
expect_error "money_total underflow" "SELECT money_total(column1) FROM (VALUES (-9223372036854775808), (-9223372036854775808))" \
	"money_total: the total -18446744073.709551616 does not fit in 64-bit nanos"

# --- intervals ------------------------------------------------------------------
expect_error "a_end before a_start" "SELECT overlap_seconds('2024-01-01T02:00:00Z', '2024-01-01T01:00:00Z', 0, 1)" \
	"overlap_seconds: argument 2 'a_end' is before argument 1 'a_start' (a negative duration)"
expect_error "b_end before b_start" "SELECT overlap_seconds(0, 1, 10, 0)" \
	"overlap_seconds: argument 4 'b_end' is before argument 3 'b_start' (a negative duration)"
expect_error "invalid hour" "SELECT overlap_seconds('2023-02-01T30:00:00Z', '2023-02-02T00:00:00Z', 0, 1)" \
	"overlap_seconds: argument 1 'a_start' is an invalid date or time: \"2023-02-01T30:00:00Z\""
expect_error "February 30" "SELECT overlap_seconds(0, 1, 0, '2024-02-30')" \
	"overlap_seconds: argument 4 'b_end' is an invalid date or time: \"2024-02-30\""
expect_error "February 29 of a common year" "SELECT overlap_seconds(0, 1, '2023-02-29', 2e9)" \
	"overlap_seconds: argument 3 'b_start' is an invalid date or time: \"2023-02-29\""
expect_error "month 13" "SELECT overlap_seconds(0, '2024-13-01', 0, 1)" \
	"overlap_seconds: argument 2 'a_end' is an invalid date or time: \"2024-13-01\""
expect_error "union end before start" "SELECT interval_union_seconds(column1, column2) FROM (VALUES (0, 10), (5, 1))" \
	"interval_union_seconds: argument 2 'end' is before argument 1 'start' (a negative duration)"
expect_error "union invalid date" "SELECT interval_union_seconds('2024-04-31', '2024-05-01')" \
	"interval_union_seconds: argument 1 'start' is an invalid date or time: \"2024-04-31\""

# --- arity ----------------------------------------------------------------------
expect_error "too few arguments" "SELECT epoch_cost(1, 2, 3, 4, 5, 6, 7)" \
	"wrong number of arguments to function epoch_cost()"
expect_error "too many arguments" "SELECT money_text(1, 2, 3)" \
	"wrong number of arguments to function money_text()"

# --- unit prices: price ----------------------------------------------------------------------
expect_error "price not a number" "SELECT price('abc')" \
	"price: argument 1 'price' is not a number: \"abc\""
expect_error "price decimal comma" "SELECT price('0,5')" \
	"price: argument 1 'price' is not a number: \"0,5\""
expect_error "price empty" "SELECT price('')" \
	"price: argument 1 'price' is not a number: \"\""
expect_error "price inf text" "SELECT price('inf')" \
	"price: argument 1 'price' is not a number: \"inf\""
expect_error "price hex" "SELECT price('0x10')" \
	"price: argument 1 'price' is not a number: \"0x10\""
expect_error "price 19 digits" "SELECT price('0.00001666670000000000001')" \
	"price: argument 1 'price' has more than 18 significant digits: \"0.00001666670000000000001\""
expect_error "price 19-digit INTEGER" "SELECT price(9223372036854775807)" \
	"price: argument 1 'price' has more than 18 significant digits: \"9223372036854775807\""
expect_error "price 37 decimals" "SELECT price('1e-37')" \
	"price: argument 1 'price' has more than 36 decimal places: \"1e-37\""
expect_error "price 19 integer digits" "SELECT price('1e18')" \
	"price: argument 1 'price' has more than 18 digits before the decimal point: \"1e18\""
expect_error "price REAL too large" "SELECT price(1e300)" \
	"price: argument 1 'price' has more than 18 digits before the decimal point: \"1.0e+300\""
expect_error "price exponent out of range" "SELECT price('1e999')" \
	"price: argument 1 'price' is out of range: \"1e999\""
expect_error "price infinity" "SELECT price(9e999)" \
	"price: argument 1 'price' must be finite, got Inf"
expect_error "price blob" "SELECT price(x'01')" \
	"price: argument 1 'price' must be a number, not a blob"

# --- price_mul ------------------------------------------------------------------
expect_error "price_mul price not a number" "SELECT price_mul('abc', 1)" \
	"price_mul: argument 1 'price' is not a number: \"abc\""
expect_error "price_mul price 19 digits" "SELECT price_mul('0.1234567890123456789', 1)" \
	"price_mul: argument 1 'price' has more than 18 significant digits: \"0.1234567890123456789\""
expect_error "price_mul quantity not a number" "SELECT price_mul('1', '12,5')" \
	"price_mul: argument 2 'quantity' is not a number: \"12,5\""
expect_error "price_mul quantity 19 digits" "SELECT price_mul('1', '1.000000000000000001')" \
	"price_mul: argument 2 'quantity' has more than 18 significant digits: \"1.000000000000000001\""
expect_error "price_mul quantity blob" "SELECT price_mul('1', x'01')" \
	"price_mul: argument 2 'quantity' must be a number, not a blob"
expect_error "price_mul overflow" "SELECT price_mul('9.2233720368547759', 1000000000)" \
	"price_mul: argument 2 'quantity' makes the result out of range for 64-bit nanos: 9.2233720368547759 * 1000000000"
expect_error "price_mul overflow negative" "SELECT price_mul('-0.000000001', -9223372036854775808)" \
	"price_mul: argument 2 'quantity' makes the result out of range for 64-bit nanos: -0.000000001 * -9223372036854775808"
expect_error "price_mul 18 x 18 digits overflow" "SELECT price_mul('999999999999999999', '999999999999999999')" \
	"price_mul: argument 2 'quantity' makes the result out of range for 64-bit nanos: 999999999999999999 * 999999999999999999"
expect_value "price_mul largest" "SELECT price_mul('9.2233720368547758', 1000000000)" \
	"9223372036854775800"

# --- unit prices in a view with trusted_schema off ---------------------------
db="$work/price.db"
sqlite3 "$db" ".load '$SO'" "CREATE TABLE p(price TEXT, q TEXT);
INSERT INTO p VALUES ('0.0000166667', '1286990.7358');
CREATE VIEW v AS SELECT price(price) AS price, price_mul(price, q) AS nanos FROM p;" ||
	fail "create view" "success" "exit $?"
expect_price_db() {
	checks=$((checks + 1))
	got=$(sqlite3 "$db" ".load '$SO'" "PRAGMA trusted_schema=OFF;" "$2" 2>&1)
	[ "$got" = "$3" ] || fail "$1: $2" "$3" "$got"
}
expect_price_db "view with trusted_schema off" "SELECT price, nanos FROM v" "0.0000166667|21449888496"


# --- the exact set of functions the extension adds ------------------------------
checks=$((checks + 1))
sqlite3 :memory: "SELECT DISTINCT name FROM pragma_function_list ORDER BY name" > "$work/before.txt" || fail "function list" "a list" "sqlite3 failed"
sqlite3 :memory: ".load '$SO'" "SELECT DISTINCT name FROM pragma_function_list ORDER BY name" > "$work/after.txt" || fail "function list" "a list" "sqlite3 failed"
added=$(LC_ALL=C comm -13 "$work/before.txt" "$work/after.txt" | tr '\n' ' ')
want="break_even_hours checkpoint_interval costledger_version epoch_cost epoch_gpu_hours epoch_mem_gb epoch_transfer_gb fx_convert fx_rate interruption_loss interval_union_seconds money money_mul money_text money_total overlap_seconds own_hourly_cost power_cost price price_mul pricing_category rate_in_force run_cost spot_rework_hours spot_savings train_flops train_gpu_hours usage_cost "
[ "$added" = "$want" ] || fail "functions the extension adds" "$want" "$added"
checks=$((checks + 1))
rows_before=$(sqlite3 :memory: "SELECT count(*) FROM pragma_function_list")
rows_after=$(sqlite3 :memory: ".load '$SO'" "SELECT count(*) FROM pragma_function_list")
[ $((rows_after - rows_before)) = 37 ] || fail "name/arity variants the extension adds" 37 "$((rows_after - rows_before))"

# --- in a schema, reopened with trusted_schema=OFF ------------------------------
db="$work/schema.db"
checks=$((checks + 1))
out=$(sqlite3 -bail "$db" ".load '$SO'" "
CREATE TABLE charge(
	id INTEGER PRIMARY KEY,
	amount TEXT NOT NULL,
	nanos INTEGER GENERATED ALWAYS AS (money(amount)) STORED,
	cents TEXT GENERATED ALWAYS AS (money_text(money(amount))) VIRTUAL,
	start TEXT NOT NULL,
	stop TEXT NOT NULL,
	CHECK (money(amount) >= 0),
	CHECK (overlap_seconds(start, stop, start, stop) >= 0)
);
CREATE INDEX charge_by_cents ON charge(money_text(money(amount), 2));
CREATE TABLE paused(start TEXT, stop TEXT);
CREATE VIEW charge_view AS
	SELECT c.id, money_text(c.nanos, 2) AS shown,
	       coalesce((SELECT sum(overlap_seconds(c.start, c.stop, p.start, p.stop)) FROM paused p), 0) AS paused_seconds,
	       run_cost(2, overlap_seconds(c.start, c.stop, c.start, c.stop) / 3600.0) AS rate_cost
	FROM charge c;
CREATE VIEW totals AS
	SELECT money_text(money_total(nanos), 9) AS total, interval_union_seconds(start, stop) AS covered FROM charge;
CREATE TABLE log(id INTEGER, total TEXT, epoch REAL);
CREATE TRIGGER charge_logged AFTER INSERT ON charge BEGIN
	INSERT INTO log SELECT new.id, money_text(money_total(nanos), 9),
		epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120, 8) FROM charge;
END;
INSERT INTO paused VALUES ('2024-01-01T00:30:00Z', '2024-01-01T00:45:00Z');
INSERT INTO charge(amount, start, stop) VALUES ('1.005', '2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z');
SELECT count(*) FROM log;
" 2>&1) || fail "schema creation" "success" "$out"
[ "$out" = 1 ] || fail "trigger fired at creation" 1 "$out"

# A new process: load, trusted_schema off, then use every schema object.
reopen() {
	sqlite3 -bail "$db" ".load '$SO'" "PRAGMA trusted_schema=OFF" "$@" 2>&1
}
checks=$((checks + 1))
got=$(reopen "PRAGMA trusted_schema")
[ "$got" = 0 ] || fail "trusted_schema is off" 0 "$got"
checks=$((checks + 1))
got=$(reopen "INSERT INTO charge(amount, start, stop) VALUES ('2.5', 1704070800, '2024-01-01T03:00:00+01:00')" \
	"SELECT id || ':' || total || ':' || epoch FROM log ORDER BY rowid")
[ "$got" = "1:1.005000000:124.8
2:3.505000000:124.8" ] || fail "insert fires the trigger (CHECK, generated column, index, trigger)" \
	"1:1.005000000:124.8 / 2:3.505000000:124.8" "$got"
checks=$((checks + 1))
got=$(reopen "SELECT id || '|' || shown || '|' || paused_seconds || '|' || rate_cost FROM charge_view ORDER BY id")
[ "$got" = "1|1.00|900|2.0
2|2.50|0|2.0" ] || fail "select from the view" "1|1.00|900|2.0 / 2|2.50|0|2.0" "$got"
checks=$((checks + 1))
got=$(reopen "SELECT total || '|' || covered FROM totals")
[ "$got" = "3.505000000|7200" ] || fail "select from the aggregate view" "3.505000000|7200" "$got"
checks=$((checks + 1))
got=$(reopen "SELECT group_concat(id || '=' || cents) FROM charge")
[ "$got" = "1=1.00,2=2.50" ] || fail "virtual generated column" "1=1.00,2=2.50" "$got"
checks=$((checks + 1))
got=$(reopen "SELECT id FROM charge WHERE money_text(money(amount), 2) = '2.50'" \
	"EXPLAIN QUERY PLAN SELECT id FROM charge WHERE money_text(money(amount), 2) = '2.50'")
case "$got" in
2*"USING INDEX charge_by_cents"*) ;;
*) fail "expression index is used" "2 and a plan USING INDEX charge_by_cents" "$got" ;;
esac
checks=$((checks + 1))
got=$(reopen "INSERT INTO charge(amount, start, stop) VALUES ('-1', 0, 1)")
case "$got" in
*"CHECK constraint failed"*) ;;
*) fail "CHECK with money() rejects a negative amount" "CHECK constraint failed" "$got" ;;
esac
checks=$((checks + 1))
got=$(reopen "INSERT INTO charge(amount, start, stop) VALUES ('1', 10, 0)")
expected="overlap_seconds: argument 2 'a_end' is before argument 1 'a_start' (a negative duration)"
case "$got" in
*"$expected") ;;
*) fail "CHECK with overlap_seconds() raises its error" "$expected" "$got" ;;
esac
checks=$((checks + 1))
got=$(reopen "PRAGMA integrity_check")
[ "$got" = ok ] || fail "integrity_check with the expression index" ok "$got"
# Control: trusted_schema=OFF does refuse a function that is not innocuous
# (the shell's own shell_idquote() is registered without SQLITE_INNOCUOUS).
if [ "$(sqlite3 :memory: "SELECT count(*) FROM pragma_function_list WHERE name = 'shell_idquote' AND (flags & 0x200000) = 0")" = 1 ]; then
	checks=$((checks + 1))
	sqlite3 "$db" "CREATE VIEW control AS SELECT shell_idquote('x') AS q" || fail "control view" "created" "an error"
	got=$(reopen "SELECT q FROM control")
	case "$got" in
	*"unsafe use of shell_idquote()"*) ;;
	*) fail "trusted_schema=OFF refuses a non-innocuous function" "unsafe use of shell_idquote()" "$got" ;;
	esac
fi
# Without the extension the schema cannot be used: the functions really are the extension's.
checks=$((checks + 1))
got=$(sqlite3 "$db" "SELECT * FROM charge_view" 2>&1)
case "$got" in
*"no such function: money_text"*) ;;
*) fail "view without the extension" "no such function: money_text" "$got" ;;
esac

echo "sql_errors: $checks checks passed"
