-- tests/sql/price.sql: exact unit prices: price() and price_mul() (docs/functions.md,
-- "Unit prices"). Expected products are half-even to the nano of the exact product
-- (see tests/unit/check_price.c for how they were derived; tests/python/price_mul.py
-- compares with Python's decimal on random values).
-- Run by tests/run.sh after .load; every line prints 'name|1'.

-- price(): canonical decimal TEXT
SELECT 'price keeps 10 decimals', price('0.0000166667') = '0.0000166667';
SELECT 'price drops trailing zeros', price('0.00001666670') = '0.0000166667';
SELECT 'price drops leading zeros', price('007.50') = '7.5';
SELECT 'price E notation in, none out', price('1.81E-8') = '0.0000000181';
SELECT 'price positive exponent', price('5E+3') = '5000';
SELECT 'price zero', price('0.000') = '0';
SELECT 'price minus zero', price('-0') = '0';
SELECT 'price negative', price('-0.25') = '-0.25';
SELECT 'price spaces around', price(' 2.5 ') = '2.5';
SELECT 'price INTEGER', price(300) = '300';
SELECT 'price REAL shortest round trip', price(0.1) = '0.1';
SELECT 'price REAL Lambda price', price(0.0000166667) = '0.0000166667';
SELECT 'price 18 digits', price('0.123456789012345678') = '0.123456789012345678';
SELECT 'price 36 decimals', price('1e-36') = '0.000000000000000000000000000000000001';
SELECT 'price 18 integer digits', price('999999999999999999') = '999999999999999999';
SELECT 'price is TEXT', typeof(price('1')) = 'text';
SELECT 'price is idempotent', price(price('1.50E-3')) = price('1.50E-3');
SELECT 'price equal values equal texts', price('0.5') = price('.50000');
SELECT 'price NULL', price(NULL) IS NULL;

-- price_mul(): price x quantity, exact, rounded half-even to the nano once
SELECT 'price_mul FOCUS 1.3 Lambda ListCost', price_mul('0.0000166667', '1286990.7358') = 21449888496;
SELECT 'price_mul not the nanos-rounded price', price_mul('0.0000166667', '1286990.7358') <> money_mul(money('0.0000166667'), '1286990.7358');
SELECT 'price_mul 3,600,000 GB-seconds', price_mul('0.0000166667', 3600000) = money('60.00012');
SELECT 'price_mul 1000 at 0.0000097222', price_mul('0.0000097222', 1000) = 9722200;
SELECT 'price_mul INTEGER quantity', price_mul('32.77', 100) = 3277000000000;
SELECT 'price_mul REAL quantity', price_mul('1.624', 1.5) = 2436000000;
SELECT 'price_mul REAL quantity 0.1', price_mul('1', 0.1) = 100000000;
SELECT 'price_mul REAL price', price_mul(0.0000166667, '1286990.7358') = 21449888496;
SELECT 'price_mul INTEGER price', price_mul(2, 3) = 6000000000;
SELECT 'price_mul E notation quantity', price_mul('1', '1.81E-8') = 18;
SELECT 'price_mul tie 1.5 nanos to 2', price_mul('0.0000000015', 1) = 2;
SELECT 'price_mul tie 2.5 nanos to 2', price_mul('0.0000000025', 1) = 2;
SELECT 'price_mul tie 0.5 nanos to 0', price_mul('0.0000000005', 1) = 0;
SELECT 'price_mul tie -2.5 nanos to -2', price_mul('-0.0000000025', 1) = -2;
SELECT 'price_mul tie from the quantity', price_mul('0.000000001', '3.5') = 4;
SELECT 'price_mul just past a tie', price_mul('0.0000000025000000001', 1) = 3;
SELECT 'price_mul just below a tie', price_mul('0.0000000024999999999', 1) = 2;
SELECT 'price_mul 36-digit intermediate', price_mul('3.14159265358979', '2.71828182845904') = 8539734223;
SELECT 'price_mul finest price', price_mul('1e-36', '1e27') = 1;
SELECT 'price_mul negative quantity', price_mul('2.5', '-0.0000000003') = -1;
SELECT 'price_mul zero price huge quantity', price_mul('0', '1e300') = 0;
SELECT 'price_mul INT64_MAX nanos', price_mul('0.000000001', 9223372036854775807) = 9223372036854775807;
SELECT 'price_mul INT64_MIN nanos', price_mul('0.000000001', -9223372036854775808) = -9223372036854775808;
SELECT 'price_mul INT64_MAX half to even', price_mul('0.0000000005', 9223372036854775807) = 4611686018427387904;
SELECT 'price_mul is INTEGER', typeof(price_mul('1', 1)) = 'integer';
SELECT 'price_mul of a canonical price', price_mul(price('1.66667E-5'), '1286990.7358') = 21449888496;
SELECT 'price_mul over rows sums exactly', (SELECT money_total(price_mul(column1, column2)) FROM (VALUES ('0.0000166667', '1286990.7358'), ('0.0000097222', '1000'))) = 21449888496 + 9722200;
SELECT 'price_mul NULL price', price_mul(NULL, 1) IS NULL;
SELECT 'price_mul NULL quantity', price_mul('1', NULL) IS NULL;
SELECT 'price_mul NULL both', price_mul(NULL, NULL) IS NULL;
SELECT 'price_mul NULL wins over a bad price', price_mul('abc', NULL) IS NULL;
SELECT 'price_mul NULL wins over a bad quantity', price_mul(NULL, 'abc') IS NULL;
