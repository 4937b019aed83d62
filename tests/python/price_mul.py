"""tests/python/price_mul.py: price() and price_mul() against Python's decimal module.

    /usr/bin/python3 tests/python/price_mul.py /abs/path/costledger.so

Random unit prices (1 to 18 significant digits, 0 to 36 decimals) times random
quantities (1 to 18 significant digits, as TEXT, INTEGER and REAL), with a fixed
seed so a failure is repeatable. The expected nanos are the exact product rounded
half-even to 1e-9 once; where that does not fit in int64 price_mul must fail.
price() must give the canonical text (no exponent, no trailing zeros) that reads
back as the same value. Exits 1 on the first kinds of failure.
"""
import random
import sqlite3
import sys
from decimal import Decimal, ROUND_HALF_EVEN, localcontext

# the shared helpers of the Python tests (this file's folder is on sys.path)
from load_extension import INT64_MAX, INT64_MIN, connect, fail, failures

SEED = 20261201
PAIRS = 6000


def random_decimal(rng, max_decimals):
    digits = rng.randint(1, 18)
    mantissa = rng.randrange(10 ** (digits - 1), 10 ** digits)
    decimals = rng.randint(0, max_decimals)
    text = str(mantissa).rjust(decimals + 1, "0")
    if decimals:
        text = text[:-decimals] + "." + text[-decimals:]
    if rng.random() < 0.2:
        text = "-" + text
    if rng.random() < 0.1:
        text += "0" * rng.randint(1, 5) if "." in text else ""
    return text


def canonical(value):
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def expected_nanos(price, quantity):
    with localcontext() as ctx:
        ctx.prec = 200
        exact = Decimal(price) * Decimal(quantity) * 10 ** 9
        if abs(exact) > 2 ** 64:
            return None
        nanos = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
    return nanos if INT64_MIN <= nanos <= INT64_MAX else None


def price_mul(db, price, quantity):
    """The result, or None when price_mul says it is out of range for int64."""
    try:
        return db.execute("SELECT price_mul(?, ?)", (price, quantity)).fetchone()[0]
    except sqlite3.Error as e:
        if "out of range for 64-bit nanos" not in str(e):
            fail(f"price_mul({price!r}, {quantity!r}): unexpected error {e}")
        return None


def check_pair(db, price, quantity):
    """Compares with decimal; returns 1 when the product is a non-zero int64."""
    want = expected_nanos(price, quantity)
    got = price_mul(db, price, quantity)
    if got != want:
        fail(f"price_mul({price!r}, {quantity!r}): {got}, want {want}")
    return 1 if want else 0


def main():
    db = connect(sys.argv[1])
    rng = random.Random(SEED)
    nonzero = 0
    for _ in range(PAIRS):
        price = random_decimal(rng, 36)
        got = db.execute("SELECT price(?)", (price,)).fetchone()[0]
        if len(price.lstrip("-").replace(".", "").lstrip("0").rstrip("0")) <= 18 and \
                len(price.lstrip("-").split(".")[0].lstrip("0")) <= 18:
            if got != canonical(Decimal(price)):
                fail(f"price({price!r}): {got!r}, want {canonical(Decimal(price))!r}")
        quantity = random_decimal(rng, 12)
        nonzero += check_pair(db, price, quantity)
        # the same quantity as an INTEGER, and a REAL through its shortest text
        whole = int(Decimal(quantity))
        check_pair(db, price, whole)
        real = float(quantity)
        if Decimal(repr(real)) == Decimal(quantity):
            if price_mul(db, price, real) != price_mul(db, price, quantity):
                fail(f"price_mul({price!r}, {real!r}) as REAL differs from TEXT {quantity!r}")
    if nonzero < PAIRS // 3:
        fail(f"only {nonzero} of {PAIRS} products were non-zero and in range: the generator is off")
    if failures:
        print(f"price_mul.py: {len(failures)} failure(s)", file=sys.stderr)
        sys.exit(1)
    print(f"price_mul.py: price() and price_mul() on {PAIRS} random pairs "
          f"({nonzero} non-zero in range), seed {SEED}: all checks passed")


if __name__ == "__main__":
    main()
