-- tests/sql/own_hardware.sql: own_hourly_cost(), the hourly cost of an owned
-- machine (straight-line write-off plus power). Every line prints 'name|1'.
SELECT 'own_hourly_cost 64,700 over 3 years, 3 kW at 0.15', abs(own_hourly_cost(64700, 26280, 3000, 0.15) - (64700.0 / 26280 + 0.45)) < 1e-12;
SELECT 'own_hourly_cost is write-off plus power_cost', abs(own_hourly_cost(1000, 100, 500, 0.2, 1.5) - (10 + power_cost(500, 1, 0.2, 1.5))) < 1e-12;
SELECT 'own_hourly_cost pue defaults to 1', own_hourly_cost(0, 1, 2000, 0.5) = 1.0;
SELECT 'own_hourly_cost NULL in, NULL out', own_hourly_cost(NULL, 1, 1, 1) IS NULL;
SELECT 'own_hourly_cost registered for 4 and 5 arguments', (SELECT group_concat(narg) FROM (SELECT narg FROM pragma_function_list WHERE name = 'own_hourly_cost' ORDER BY narg)) = '4,5';
