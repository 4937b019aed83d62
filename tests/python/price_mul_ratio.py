"""tests/python/price_mul_ratio.py: price_mul(price, numerator, denominator) against Python's decimal.

    /usr/bin/python3 tests/python/price_mul_ratio.py /abs/path/costledger.so

Random unit prices (1 to 18 significant digits, 0 to 36 decimals) times random
numerators over random denominators (seconds x GPUs over the seconds of a unit
of time, 3600 above all, and any positive int64), with a fixed seed so a failure
is repeatable; a fifth of them built to land on a tie at the nano. The expected
nanos are the exact price x numerator / denominator rounded half-even to 1e-9
once; where that does not fit in int64 price_mul must fail. Exits 1 on failure.
"""
import random
import sqlite3
import sys
from decimal import Decimal, ROUND_HALF_EVEN, localcontext

# the shared helpers of the Python tests (this file's folder is on sys.path)
from load_extension import INT64_MAX, INT64_MIN, connect, fail, failures
from price_mul import random_decimal

SEED = 20261202
TRIPLES = 6000
UNITS = [1, 60, 3600, 86400]


def expected_nanos(price, numerator, denominator):
    with localcontext() as ctx:
        ctx.prec = 200
        exact = Decimal(price) * numerator * 10 ** 9 / denominator
        if abs(exact) > 2 ** 64:
            return None
        nanos = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
    return nanos if INT64_MIN <= nanos <= INT64_MAX else None


def price_mul(db, price, numerator, denominator):
    try:
        return db.execute("SELECT price_mul(?, ?, ?)", (price, numerator, denominator)).fetchone()[0]
    except sqlite3.Error as e:
        if "out of range for 64-bit nanos" not in str(e):
            fail(f"price_mul({price!r}, {numerator}, {denominator}): unexpected error {e}")
        return None


def tie(rng):
    """A price, numerator and denominator whose exact product is k + 0.5 nanos."""
    denominator = rng.choice(UNITS)
    k = rng.randrange(0, 10 ** 6)
    # 2^a 5^b: the price below is then an exact decimal
    numerator = 2 ** rng.randint(0, 8) * 5 ** rng.randint(0, 8)
    with localcontext() as ctx:
        ctx.prec = 200
        price = (Decimal(k) + Decimal("0.5")) * denominator / numerator / 10 ** 9
    text = format(price.normalize(), "f")
    digits = text.replace(".", "").replace("-", "").strip("0")
    if "." in text and len(text.split(".")[1]) > 36 or len(digits) > 18:
        return None
    return text, numerator, denominator


def main():
    db = connect(sys.argv[1])
    rng = random.Random(SEED)
    nonzero = ties = 0
    for i in range(TRIPLES):
        case = tie(rng) if i % 5 == 0 else None
        if case:
            ties += 1
            price, numerator, denominator = case
        else:
            price = random_decimal(rng, 36)
            numerator = rng.randrange(-10 ** rng.randint(1, 18), 10 ** rng.randint(1, 18))
            denominator = rng.choice(UNITS) if rng.random() < 0.7 else rng.randrange(1, INT64_MAX)
        want = expected_nanos(price, numerator, denominator)
        got = price_mul(db, price, numerator, denominator)
        if got != want:
            fail(f"price_mul({price!r}, {numerator}, {denominator}): {got}, want {want}")
        nonzero += 1 if want else 0
    if nonzero < TRIPLES // 3 or ties < TRIPLES // 10:
        fail(f"{nonzero} non-zero products and {ties} ties of {TRIPLES}: the generator is off")
    if failures:
        print(f"price_mul_ratio.py: {len(failures)} failure(s)", file=sys.stderr)
        sys.exit(1)
    print(f"price_mul_ratio.py: price_mul(P, N, D) on {TRIPLES} random triples ({ties} ties,"
          f" {nonzero} non-zero in range), seed {SEED}: all checks passed")


if __name__ == "__main__":
    main()
