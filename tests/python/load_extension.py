"""tests/python/load_extension.py: costledger.so loaded into Python's own sqlite3.

    /usr/bin/python3 tests/python/load_extension.py /abs/path/costledger.so

Checks a few results and error messages, then compares money() and money_text()
with Python's decimal module (half-even rounding) on a few thousand random
decimal strings and int64 values, with a fixed seed so a failure is repeatable.
Exits 1 with a message on the first kind of failure.
"""
import decimal
import random
import sqlite3
import sys
from decimal import Decimal, ROUND_HALF_EVEN

INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1
SEED = 20240918
STRINGS = 4000
TEXTS = 3000

failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message, file=sys.stderr)
    if len(failures) >= 20:
        finish()


def finish():
    if failures:
        print(f"load_extension.py: {len(failures)} failure(s)", file=sys.stderr)
        sys.exit(1)
    print("load_extension.py: all checks passed")
    sys.exit(0)


def connect(path):
    db = sqlite3.connect(":memory:")
    if not hasattr(db, "enable_load_extension"):
        print("this python's sqlite3 cannot load extensions", file=sys.stderr)
        sys.exit(1)
    db.enable_load_extension(True)
    db.load_extension(path)
    db.enable_load_extension(False)
    return db


def one(db, sql, *args):
    return db.execute(sql, args).fetchone()[0]


def check_equal(what, got, want):
    if got != want or type(got) is not type(want):
        fail(f"{what}: expected {want!r}, got {got!r}")


def check_error(db, sql, args, want_prefix):
    try:
        got = one(db, sql, *args)
    except sqlite3.Error as e:
        if not str(e).startswith(want_prefix):
            fail(f"{sql} {args!r}: expected an error starting {want_prefix!r}, got {str(e)!r}")
        return
    fail(f"{sql} {args!r}: expected an error starting {want_prefix!r}, got the result {got!r}")


def basic_checks(db):
    check_equal("money('12.3456789012')", one(db, "SELECT money('12.3456789012')"), 12345678901)
    check_equal("money(?) bound text", one(db, "SELECT money(?)", "1.81E-8"), 18)
    check_equal("money(0.1) bound float", one(db, "SELECT money(?)", 0.1), 100000000)
    check_equal("money(3) bound int", one(db, "SELECT money(?)", 3), 3000000000)
    check_equal("money(None)", one(db, "SELECT money(?)", None), None)
    check_equal("money_text(1235000000)", one(db, "SELECT money_text(1235000000)"), "1.24")
    check_equal("money_text(1225000000)", one(db, "SELECT money_text(1225000000)"), "1.22")
    check_equal("money_text(12345678901, 9)", one(db, "SELECT money_text(12345678901, 9)"), "12.345678901")
    check_equal("money_mul", one(db, "SELECT money_text(money_mul(money('1.624'), '1.5'))"), "2.44")
    resnet = one(db, "SELECT epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120, 8)")
    if not isinstance(resnet, float) or abs(resnet - 124.8) > 1e-9:
        fail(f"epoch_cost ResNet-152 example: expected 124.8, got {resnet!r}")
    gpt = one(db, "SELECT epoch_cost(?, ?, ?, ?, ?, ?, ?, ?, ?)", 8.0, 6.7, 0.3, 7.2, 0.08, 80, 0.02, 420, 64)
    if not isinstance(gpt, float) or abs(gpt - 4515.84) > 1e-9:
        fail(f"epoch_cost GPT-3 example: expected 4515.84, got {gpt!r}")
    check_equal("costledger_version()", one(db, "SELECT costledger_version()"), "0.1.0")
    total = one(db, "SELECT money_total(m) FROM (SELECT money(column1) AS m FROM (VALUES ('0.1'), ('0.2')))")
    check_equal("money_total", total, 300000000)
    check_error(db, "SELECT money(?)", ("abc",), "money: argument 1 'x' is not a number: \"abc\"")
    check_error(db, "SELECT money(?)", (b"12",), "money: argument 1 'x' must be a number, not a blob")
    check_error(db, "SELECT epoch_gpu_hours(1e12, 36, 1e9, ?)", (0,),
                "epoch_gpu_hours: argument 4 'utilization' must be in (0, 1], got 0")
    check_error(db, "SELECT money_text(1, ?)", (10,),
                "money_text: argument 2 'decimals' must be between 0 and 9, got 10")
    check_error(db, "SELECT overlap_seconds(?, ?, 0, 1)", ("2024-01-01T02:00:00Z", "2024-01-01T01:00:00Z"),
                "overlap_seconds: argument 2 'a_end'")


def random_decimal_string(rng):
    """A decimal string of one of the shapes money() accepts, and its exact value."""
    sign = rng.choice(["", "", "-", "+"])
    int_digits = rng.choice([0, 1, 1, 2, 3, 5, 8, 10])
    decimals = rng.randint(0, 14)
    int_part = "".join(rng.choice("0123456789") for _ in range(int_digits))
    frac_part = "".join(rng.choice("0123456789") for _ in range(decimals))
    shape = rng.random()
    if shape < 0.15 and decimals >= 10:
        # a tie, or just past one, at the 10th decimal
        frac_part = frac_part[:9] + "5" + rng.choice(["", "", "0000", "0001"])
    if not int_part and not frac_part:
        int_part = "0"
    if frac_part or rng.random() < 0.2:
        body = f"{int_part}.{frac_part}"
        if body == ".":
            body = "0."
    else:
        body = int_part
    if rng.random() < 0.25:
        body += rng.choice("eE") + rng.choice(["", "+", "-"]) + str(rng.randint(0, 12))
    text = sign + body
    if rng.random() < 0.15:
        text = rng.choice([" ", "  ", "\t"]) + text + rng.choice(["", " ", "\n"])
    return text


def expected_nanos(text):
    with decimal.localcontext() as ctx:
        ctx.prec = 200
        value = (Decimal(text.strip()) * 10 ** 9).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    return int(value)


def expected_text(nanos, places):
    with decimal.localcontext() as ctx:
        ctx.prec = 200
        q = Decimal(nanos).scaleb(-9).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
        if q == 0:
            q = abs(q)  # money_text writes no "-0.00"
        return f"{q:.{places}f}"


def money_against_decimal(db, rng):
    in_range = out_of_range = 0
    for _ in range(STRINGS):
        text = random_decimal_string(rng)
        want = expected_nanos(text)
        try:
            got = one(db, "SELECT money(?)", text)
        except sqlite3.Error as e:
            if INT64_MIN <= want <= INT64_MAX:
                fail(f"money({text!r}): expected {want}, got the error {str(e)!r}")
            elif not str(e).startswith("money: argument 1 'x' is out of range for 64-bit nanos"):
                fail(f"money({text!r}): expected an out of range error, got {str(e)!r}")
            out_of_range += 1
            continue
        if not INT64_MIN <= want <= INT64_MAX:
            fail(f"money({text!r}): expected an out of range error ({want} nanos), got {got!r}")
            continue
        in_range += 1
        check_equal(f"money({text!r})", got, want)
        back = one(db, "SELECT money_text(?, 9)", got)
        check_equal(f"money_text(money({text!r}), 9)", back, expected_text(want, 9))
    if in_range < STRINGS // 2:
        fail(f"only {in_range} of {STRINGS} random strings were in range: the generator is off")
    return in_range, out_of_range


def money_text_against_decimal(db, rng):
    edges = [0, 1, -1, 5, -5, 15, 25, 500000000, -500000000, 1500000000, 2500000000,
             INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1, 999999999, -999999999]
    values = edges + [rng.randint(INT64_MIN, INT64_MAX) for _ in range(TEXTS // 3)]
    values += [rng.randint(-10 ** rng.randint(1, 12), 10 ** rng.randint(1, 12)) for _ in range(TEXTS // 3)]
    # exact ties at a random number of decimals
    for _ in range(TEXTS // 3):
        places = rng.randint(0, 8)
        unit = 10 ** (9 - places)
        values.append(rng.randint(-10 ** 6, 10 ** 6) * unit + unit // 2)
    count = 0
    for nanos in values:
        for places in range(10):
            got = one(db, "SELECT money_text(?, ?)", nanos, places)
            check_equal(f"money_text({nanos}, {places})", got, expected_text(nanos, places))
            count += 1
        check_equal(f"money_text({nanos}) default", one(db, "SELECT money_text(?)", nanos),
                    expected_text(nanos, 2))
    return count


def main():
    if len(sys.argv) != 2:
        print("usage: load_extension.py /abs/path/costledger.so", file=sys.stderr)
        sys.exit(2)
    try:
        db = connect(sys.argv[1])
    except sqlite3.Error as e:
        print(f"cannot load {sys.argv[1]!r}: {e}", file=sys.stderr)
        sys.exit(1)
    basic_checks(db)
    rng = random.Random(SEED)
    in_range, out_of_range = money_against_decimal(db, rng)
    texts = money_text_against_decimal(db, rng)
    print(f"load_extension.py: money() on {in_range} strings in range and {out_of_range} out of range, "
          f"money_text() on {texts} (nanos, decimals) pairs, seed {SEED}")
    finish()


if __name__ == "__main__":
    main()
