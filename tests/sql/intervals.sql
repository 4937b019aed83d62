-- tests/sql/intervals.sql: overlap_seconds and interval_union_seconds (docs/functions.md,
-- "Intervals"). Times are ISO-8601 text (UTC unless they carry an offset) or unix seconds;
-- an interval includes its start and excludes its end.
-- Run by tests/run.sh after .load; every line prints 'name|1'.

-- overlap_seconds with ISO text
SELECT 'overlap partial', overlap_seconds('2026-10-01T00:00:00Z', '2026-10-01T02:00:00Z', '2026-10-01T01:30:00Z', '2026-10-01T05:00:00Z') = 1800;
SELECT 'overlap is symmetric', overlap_seconds('2026-10-01T01:30:00Z', '2026-10-01T05:00:00Z', '2026-10-01T00:00:00Z', '2026-10-01T02:00:00Z') = 1800;
SELECT 'overlap contained', overlap_seconds('2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z', '2024-01-01T10:00:00Z', '2024-01-01T11:00:00Z') = 3600;
SELECT 'overlap containing', overlap_seconds('2024-01-01T10:00:00Z', '2024-01-01T11:00:00Z', '2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z') = 3600;
SELECT 'overlap identical', overlap_seconds('2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z', '2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z') = 3600;
SELECT 'overlap disjoint', overlap_seconds('2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z', '2024-01-01T02:00:00Z', '2024-01-01T03:00:00Z') = 0;
SELECT 'overlap disjoint reversed', overlap_seconds('2024-01-01T02:00:00Z', '2024-01-01T03:00:00Z', '2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z') = 0;
SELECT 'overlap adjacent is 0 (end excluded)', overlap_seconds('2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z', '2024-01-01T01:00:00Z', '2024-01-01T02:00:00Z') = 0;
SELECT 'overlap empty interval', overlap_seconds('2024-01-01T00:30:00Z', '2024-01-01T00:30:00Z', '2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z') = 0;
SELECT 'overlap across midnight', overlap_seconds('2024-01-01T23:00:00Z', '2024-01-02T01:00:00Z', '2024-01-02T00:00:00Z', '2024-01-02T06:00:00Z') = 3600;
SELECT 'overlap across a leap day', overlap_seconds('2024-02-28T00:00:00Z', '2024-03-01T00:00:00Z', '2024-02-01', '2024-04-01') = 2 * 86400;
SELECT 'overlap across a non-leap February', overlap_seconds('2023-02-28T00:00:00Z', '2023-03-01T00:00:00Z', '2023-02-01', '2023-04-01') = 86400;
SELECT 'overlap whole month', overlap_seconds('2024-09-01', '2024-10-01', '2000-01-01', '2100-01-01') = 30 * 86400;
SELECT 'overlap paused hours billed (docs/model.md §2)', overlap_seconds('2024-09-18 00:00:00', '2024-09-19 00:00:00', '2024-09-18T20:00:00Z', '2024-09-18T22:00:00Z') / 3600.0 = 2;
SELECT 'overlap is INTEGER when whole', typeof(overlap_seconds('2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z', '2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z')) = 'integer';
SELECT 'overlap 0 is INTEGER', typeof(overlap_seconds(0, 1, 2, 3)) = 'integer';

-- the accepted timestamp shapes (each against the same instant, 2024-01-01T00:00:00Z)
SELECT 'shape date only is midnight UTC', overlap_seconds('2024-01-01', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'shape space separator, no zone', overlap_seconds('2024-01-01 00:00:00', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'shape T and Z', overlap_seconds('2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'shape lowercase t and z', overlap_seconds('2024-01-01t00:00:00z', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'shape milliseconds', overlap_seconds('2024-01-01T00:00:00.000Z', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'shape +00:00', overlap_seconds('2024-01-01 00:00:00+00:00', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'shape space before offset', overlap_seconds('2024-01-01 00:00:00 +00:00', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'shape no seconds', overlap_seconds('2024-01-01T00:00Z', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'shape surrounding spaces', overlap_seconds(' 2024-01-01T00:00:00Z ', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'shape 24:00 is next midnight', overlap_seconds('2023-12-31T24:00:00Z', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'shape nvidia-smi slashes', overlap_seconds('2024/01/01 00:00:00.000', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'shape nvidia-smi fraction', abs(overlap_seconds('2024/01/01 00:00:00.950', '2024-01-01T01:00:00Z', 0, 4e9) - 3599.05) < 1e-6;
SELECT 'shape comma fraction', abs(overlap_seconds('2024-01-01T00:00:00,5Z', '2024-01-01T01:00:00Z', 0, 4e9) - 3599.5) < 1e-6;
SELECT 'shape fraction past ms truncated', abs(overlap_seconds('2024-01-01T00:00:00.1239Z', '2024-01-01T01:00:00Z', 0, 4e9) - 3599.877) < 1e-6;
SELECT 'shape fraction gives REAL', typeof(overlap_seconds('2024-01-01T00:00:00.5Z', '2024-01-01T01:00:00Z', 0, 4e9)) = 'real';
SELECT 'shape leap second counts as :59', overlap_seconds('2023-12-31T23:59:60Z', '2024-01-01T01:00:00Z', 0, 4e9) = 3601;

-- offsets: all of these are 2024-01-01T00:00:00Z
SELECT 'offset +02:00', overlap_seconds('2024-01-01T02:00:00+02:00', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'offset +0200', overlap_seconds('2024-01-01T02:00:00+0200', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'offset +02', overlap_seconds('2024-01-01T02:00:00+02', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'offset -05:00', overlap_seconds('2023-12-31T19:00:00-05:00', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'offset +05:30', overlap_seconds('2024-01-01T05:30:00+05:30', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'offset -09:30', overlap_seconds('2023-12-31T14:30:00-09:30', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;
SELECT 'offset both sides', overlap_seconds('2024-01-01T09:00:00+09:00', '2024-01-01T05:00:00+04:00', '2023-12-31 23:30:00-01:00', '2024-01-01T02:00:00Z') = 1800;
SELECT 'offset -00:00', overlap_seconds('2024-01-01T00:00:00-00:00', '2024-01-01T01:00:00Z', 0, 4e9) = 3600;

-- unix seconds: INTEGER, REAL and numeric text; mixed with ISO text
SELECT 'unix seconds', overlap_seconds(0, 7200, 3600, 10800) = 3600;
SELECT 'unix seconds disjoint', overlap_seconds(0, 3600, 7200, 9000) = 0;
SELECT 'unix seconds REAL', overlap_seconds(0.25, 1.0, 0.5, 2) = 0.5;
SELECT 'unix seconds REAL typeof', typeof(overlap_seconds(0.25, 1.0, 0.5, 2)) = 'real';
SELECT 'unix seconds REAL whole is INTEGER', typeof(overlap_seconds(0.0, 10.0, 5.0, 20.0)) = 'integer';
SELECT 'unix seconds numeric text', overlap_seconds('0', '7200.5', '3600', '10800') = 3600.5;
SELECT 'unix seconds negative', overlap_seconds(-100, 100, -50, 0) = 50;
SELECT 'unix 1704067200 is 2024-01-01', overlap_seconds(1704067200, 1704070800, '2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z') = 3600;
SELECT 'unix agrees with strftime', overlap_seconds(CAST(strftime('%s', '2024-09-18 22:00:00') AS INTEGER), '2024-09-18T23:00:00Z', '2024-09-18T22:00:00Z', 4e9) = 3600;
SELECT 'unix mixed with ISO', overlap_seconds(1704067200, '2024-01-01T01:00:00Z', '2024-01-01T00:30:00.500Z', 1704070800) = 1799.5;
SELECT 'unix numeric text with spaces', overlap_seconds(' 0 ', 10, 5, 20) = 5;
SELECT 'unix 1970 in text', overlap_seconds('1970-01-01T00:00:00Z', '1970-01-01T00:00:10Z', 0, 5) = 5;
SELECT 'year 2100 is not leap', overlap_seconds('2100-02-28', '2100-03-01', 0, 1e12) = 86400;
SELECT 'year 2000 is leap', overlap_seconds('2000-02-28', '2000-03-01', 0, 1e12) = 2 * 86400;
SELECT 'before 1970', overlap_seconds('1969-12-31T23:00:00Z', '1970-01-01T01:00:00Z', -1e9, 1e9) = 7200;

-- NULL in, NULL out, every position
SELECT 'overlap NULL a_start', overlap_seconds(NULL, 1, 0, 1) IS NULL;
SELECT 'overlap NULL a_end', overlap_seconds(0, NULL, 0, 1) IS NULL;
SELECT 'overlap NULL b_start', overlap_seconds(0, 1, NULL, 1) IS NULL;
SELECT 'overlap NULL b_end', overlap_seconds(0, 1, 0, NULL) IS NULL;
SELECT 'overlap NULL all', overlap_seconds(NULL, NULL, NULL, NULL) IS NULL;
SELECT 'overlap NULL with ISO text', overlap_seconds('2024-01-01', NULL, '2024-01-01', '2024-01-02') IS NULL;

-- interval_union_seconds: overlapping rows count once
SELECT 'union overlapping rows', (WITH r(s, e) AS (VALUES ('2026-10-01T00:00:00Z', '2026-10-01T02:00:00Z'), ('2026-10-01T01:30:00Z', '2026-10-01T03:00:00Z'), ('2026-10-01T05:00:00Z', '2026-10-01T05:30:00Z')) SELECT interval_union_seconds(s, e) FROM r) = 12600;
SELECT 'union contained and skipped NULL rows', (WITH r(s, e) AS (VALUES ('2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z'), ('2024-01-01T00:30:00Z', '2024-01-01T02:00:00Z'), ('2024-01-01T03:00:00Z', '2024-01-01T03:30:00Z'), (NULL, '2024-01-01T05:00:00Z'), ('2024-01-01T03:10:00Z', '2024-01-01T03:20:00Z'), ('2024-01-01T06:00:00Z', NULL)) SELECT interval_union_seconds(s, e) FROM r) = 9000;
SELECT 'union unsorted input', (WITH r(s, e) AS (VALUES (50, 60), (0, 10), (55, 70), (5, 20), (100, 101)) SELECT interval_union_seconds(s, e) FROM r) = 20 + 20 + 1;
SELECT 'union adjacent rows join', (WITH r(s, e) AS (VALUES (0, 3600), (3600, 7200)) SELECT interval_union_seconds(s, e) FROM r) = 7200;
SELECT 'union disjoint rows add', (WITH r(s, e) AS (VALUES (0, 10), (20, 30), (40, 50)) SELECT interval_union_seconds(s, e) FROM r) = 30;
SELECT 'union identical rows once', (WITH r(s, e) AS (VALUES (0, 10), (0, 10), (0, 10)) SELECT interval_union_seconds(s, e) FROM r) = 10;
SELECT 'union one row inside another', (WITH r(s, e) AS (VALUES (0, 100), (10, 20), (30, 40)) SELECT interval_union_seconds(s, e) FROM r) = 100;
SELECT 'union chain of overlaps', (WITH r(s, e) AS (VALUES (0, 10), (5, 15), (14, 30), (29, 31)) SELECT interval_union_seconds(s, e) FROM r) = 31;
SELECT 'union empty intervals count 0', (WITH r(s, e) AS (VALUES (5, 5), (7, 7)) SELECT interval_union_seconds(s, e) FROM r) = 0;
SELECT 'union empty interval inside a gap', (WITH r(s, e) AS (VALUES (0, 10), (15, 15), (20, 30)) SELECT interval_union_seconds(s, e) FROM r) = 20;
SELECT 'union single row', (SELECT interval_union_seconds('2024-01-01T00:00:00Z', '2024-01-01T00:15:00Z')) = 900;
SELECT 'union mixed ISO, offsets and unix', (WITH r(s, e) AS (VALUES ('2024-01-01T00:00:00Z', 1704070800), (1704069000, '2024-01-01T03:00:00+02:00'), ('2024-01-01 02:00:00', '2024-01-01T02:30:00Z')) SELECT interval_union_seconds(s, e) FROM r) = 3600 + 1800;
SELECT 'union fractions are REAL', (WITH r(s, e) AS (VALUES (0, 1.5), (1, 2.25)) SELECT interval_union_seconds(s, e) = 2.25 AND typeof(interval_union_seconds(s, e)) = 'real' FROM r);
SELECT 'union whole is INTEGER', (WITH r(s, e) AS (VALUES (0, 1.5), (1, 2)) SELECT typeof(interval_union_seconds(s, e)) FROM r) = 'integer';
SELECT 'union all NULL is NULL', (WITH r(s, e) AS (VALUES (NULL, NULL), (NULL, 1), (1, NULL)) SELECT interval_union_seconds(s, e) FROM r) IS NULL;
SELECT 'union no rows is NULL', (WITH r(s, e) AS (VALUES (0, 1)) SELECT interval_union_seconds(s, e) FROM r WHERE 0) IS NULL;
SELECT 'union per group', (SELECT group_concat(g || ':' || u, ',') FROM (WITH r(g, s, e) AS (VALUES ('a', 0, 10), ('b', 0, 5), ('a', 5, 20), ('b', 10, 12)) SELECT g, interval_union_seconds(s, e) AS u FROM r GROUP BY g ORDER BY g)) = 'a:20,b:7';
SELECT 'union of 1000 overlapping rows', (WITH RECURSIVE n(v) AS (SELECT 0 UNION ALL SELECT v + 1 FROM n WHERE v < 999) SELECT interval_union_seconds(v * 10, v * 10 + 15) FROM n) = 9990 + 15;
SELECT 'union of 1000 disjoint rows, reversed', (WITH RECURSIVE n(v) AS (SELECT 999 UNION ALL SELECT v - 1 FROM n WHERE v > 0) SELECT interval_union_seconds(v * 10, v * 10 + 5) FROM n) = 5000;
SELECT 'union is no more than the sum', (WITH r(s, e) AS (VALUES (0, 10), (5, 15)) SELECT interval_union_seconds(s, e) <= sum(e - s) FROM r);
SELECT 'union equals sum minus overlap', (WITH r(s, e) AS (VALUES ('2024-01-01T00:00:00Z', '2024-01-01T02:00:00Z'), ('2024-01-01T01:30:00Z', '2024-01-01T05:00:00Z')) SELECT interval_union_seconds(s, e) FROM r) = 2 * 3600 + 3.5 * 3600 - overlap_seconds('2024-01-01T00:00:00Z', '2024-01-01T02:00:00Z', '2024-01-01T01:30:00Z', '2024-01-01T05:00:00Z');
