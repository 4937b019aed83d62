-- bench/reconcile/month.sql: one month (October 2026) of N hourly charges and
-- N usage intervals, written with SQL straight into a ledger made by
-- `costledger init`. Run by bench/reconcile.sh:
--
--   costledger --ledger L init
--   sqlite3 L ".parameter set @n 1000000" ".read bench/reconcile/month.sql"
--
-- Deterministic (no random()): every value is a function of the cell number.
-- The month is a grid of R = ceil(N / 744) resources x 744 hours; the last
-- resource runs only the hours left over, so there are exactly N cells. Each
-- cell k (resource r, hour h) is one charge and one usage interval; the rows are
-- written in time order (hour by hour, across resources), as bills and usage
-- logs come.
--
-- Resources: r % 3 = 2 is a GPU cloud that bills only while running (FOCUS
-- style: a100-8x at 28.50 less a 15% coupon, h100-8x at 45.00 less 10%);
-- the rest are AWS instances (p4d.24xlarge on demand 32.77 or spot 9.83,
-- p5.48xlarge 98.32, 101.00 in us-west-2 by a region-specific rate), billed
-- by wall time. Projects vision, nlp, speech, rl, infra.
--
-- Usage interval of a cell: the hour shifted by a per-resource phase of 0-59
-- minutes (the first starts at the month's start, the last ends at the
-- resource's last hour), so each charge overlaps two usage intervals. AWS
-- usage is paused or idle now and then (billable by wall time: no finding).
--
-- Planted differences (what reconcile must find):
--   billed_while_paused  GPU cloud cells with (7h + r) % 211 = 0 are paused
--   duplicate_charge     cells k with h > 0 and k % 997 = 500 charge the
--                        hour before again (and so leave hour h unbilled:
--                        unbilled_usage)
--   rate_mismatch        AWS cells with (h + 3r) % 401 = 0 billed 2.00 more
--   discount_missing     GPU cloud resources with r % 29 = 2 billed at the
--                        list price from October 15 (h >= 336)
--   correction           cells k with k % 4999 = 1 are a Correction
--                        line of -10% of the hour (their hour is unbilled)
--   unexplained_charge   AWS resources with r % 97 = 5: the usage of hours
--                        100-104 is not theirs but the own Slurm cluster's
--                        (provider slurm, pricing own, gpu-node-NN, one job
--                        of 36 hours: the longest interval of the month)
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -400000;
BEGIN;
-- Written without the secondary indexes: bench/reconcile.sh saved their
-- definitions from sqlite_schema and creates them again afterwards (a sort is
-- faster than random inserts).
DROP INDEX charges_period;
DROP INDEX charges_resource;
DROP INDEX usage_resource;
DROP INDEX usage_job;

CREATE TEMP TABLE p AS
  SELECT @n AS n, (@n + 743) / 744 AS rc, @n - ((@n + 743) / 744 - 1) * 744 AS last_hours,
         unixepoch('2026-10-01T00:00:00Z') AS t0;

INSERT INTO imports (import_id, kind, file_name, content_crc32, content_size, format, imported_at,
                     rows_read, rows_inserted)
SELECT 1, 'bill', 'bench-bill-2026-10.csv', 1, n, 'focus-1.2', '2026-11-02T00:00:00Z', n, n FROM p
UNION ALL SELECT 2, 'usage', 'bench-usage-2026-10.csv', 2, n, 'usage-intervals', '2026-11-02T00:00:00Z', n, n FROM p
UNION ALL SELECT 3, 'rates', 'bench-rates.csv', 3, 7, 'rates', '2026-11-02T00:00:00Z', 7, 7 FROM p;

INSERT INTO rates (import_id, source_file, source_line, provider, sku, region, pricing_category, unit,
                   unit_price, currency, discount, billing_rule, valid_from, valid_to) VALUES
  (3, 'bench-rates.csv', 2, 'AWS', 'p4d.24xlarge', '', 'Standard', 'hour', '32.77', 'USD', '0', 'wall', '2026-01-01T00:00:00Z', NULL),
  (3, 'bench-rates.csv', 3, 'AWS', 'p4d.24xlarge', '', 'Dynamic', 'hour', '9.83', 'USD', '0', 'wall', '2026-01-01T00:00:00Z', NULL),
  (3, 'bench-rates.csv', 4, 'AWS', 'p5.48xlarge', '', 'Standard', 'hour', '98.32', 'USD', '0', 'wall', '2026-01-01T00:00:00Z', NULL),
  (3, 'bench-rates.csv', 5, 'AWS', 'p5.48xlarge', 'us-west-2', 'Standard', 'hour', '101', 'USD', '0', 'wall', '2026-01-01T00:00:00Z', NULL),
  (3, 'bench-rates.csv', 6, 'GPUCloud', 'a100-8x', '', 'Standard', 'hour', '29', 'USD', '0', 'running', '2026-07-01T00:00:00Z', '2026-10-01T00:00:00Z'),
  (3, 'bench-rates.csv', 7, 'GPUCloud', 'a100-8x', '', 'Standard', 'hour', '28.5', 'USD', '0.15', 'running', '2026-10-01T00:00:00Z', NULL),
  (3, 'bench-rates.csv', 8, 'GPUCloud', 'h100-8x', '', 'Standard', 'hour', '45', 'USD', '0.10', 'running', '2026-07-01T00:00:00Z', NULL);

-- One row per resource: who it is and what it costs.
CREATE TEMP TABLE res AS
WITH r(r) AS (SELECT value FROM generate_series(0, (SELECT rc - 1 FROM p)))
SELECT r,
       CASE WHEN r % 3 = 2 THEN 'GPUCloud' ELSE 'AWS' END AS provider,
       CASE r % 6 WHEN 2 THEN printf('gc-a100-%05d', r) WHEN 5 THEN printf('gc-h100-%05d', r)
            ELSE printf('i-0%07x%09d', (r * 2654435761) % 268435456, r) END AS resource_id,
       CASE r % 6 WHEN 2 THEN 'a100-8x' WHEN 5 THEN 'h100-8x' WHEN 4 THEN 'p5.48xlarge'
            ELSE 'p4d.24xlarge' END AS sku,
       CASE WHEN r % 3 = 2 THEN 'eu-central' WHEN r % 4 < 2 THEN 'us-east-1' ELSE 'us-west-2' END AS region,
       CASE WHEN r % 6 = 1 THEN 'Dynamic' ELSE 'Standard' END AS category,
       CASE r % 6 WHEN 2 THEN 28500000000 WHEN 5 THEN 45000000000 WHEN 1 THEN 9830000000
            WHEN 4 THEN (CASE WHEN r % 4 < 2 THEN 98320000000 ELSE 101000000000 END)
            ELSE 32770000000 END AS list_price,
       CASE r % 6 WHEN 2 THEN 24225000000 WHEN 5 THEN 40500000000 WHEN 1 THEN 9830000000
            WHEN 4 THEN (CASE WHEN r % 4 < 2 THEN 98320000000 ELSE 101000000000 END)
            ELSE 32770000000 END AS net_price,
       CASE r % 5 WHEN 0 THEN 'vision' WHEN 1 THEN 'nlp' WHEN 2 THEN 'speech' WHEN 3 THEN 'rl'
            ELSE 'infra' END AS project,
       ((r * 37) % 60) * 60 AS phase,
       CASE WHEN r = (SELECT rc - 1 FROM p) THEN (SELECT last_hours - 1 FROM p) ELSE 743 END AS last_h
FROM r;

CREATE TEMP TABLE cells AS
SELECT g.value AS k, g.value / p.rc AS h, g.value % p.rc AS r
FROM generate_series(0, (SELECT rc * 744 - 1 FROM p)) AS g, p
WHERE g.value % p.rc < p.rc - 1 OR g.value / p.rc < p.last_hours;

INSERT INTO charges (charge_id, import_id, source_file, source_line, row_key, occurrence, line_item_id,
                     provider, billing_account_id, sub_account_id, billing_period_start,
                     billing_period_end, charge_period_start, charge_period_end, charge_category,
                     charge_class, charge_description, service_name, sku_id, resource_id,
                     instance_type, region_id, pricing_category, pricing_quantity, pricing_unit,
                     unit_price, list_unit_price, billed_cost, effective_cost, billing_currency,
                     tags, project)
SELECT k + 1, 1, 'bench-bill-2026-10.csv', k + 2, CAST(printf('%012d', k) AS BLOB), 0,
       printf('li-%d', k), x.provider, '111122223333', '444455556666',
       '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z',
       strftime('%Y-%m-%dT%H:%M:%SZ', t0 + 3600 * ph, 'unixepoch'),
       strftime('%Y-%m-%dT%H:%M:%SZ', t0 + 3600 * (ph + 1), 'unixepoch'),
       CASE WHEN corr THEN 'Adjustment' ELSE 'Usage' END, CASE WHEN corr THEN 'Correction' END,
       x.sku || ' hour', CASE WHEN x.provider = 'AWS' THEN 'AmazonEC2' ELSE 'GPU Compute' END,
       x.sku, x.resource_id, x.sku, x.region, x.category, 1.0, 'Hours',
       rtrim(rtrim(printf('%d.%09d', price / 1000000000, price % 1000000000), '0'), '.'),
       rtrim(rtrim(printf('%d.%09d', x.list_price / 1000000000, x.list_price % 1000000000), '0'), '.'),
       CASE WHEN corr THEN -price / 10 ELSE price END, CASE WHEN corr THEN -price / 10 ELSE price END,
       'USD', '{"project":"' || x.project || '"}', x.project
FROM (
  SELECT c.k, c.h, x.*, p.t0,
         CASE WHEN c.h > 0 AND c.k % 997 = 500 THEN c.h - 1 ELSE c.h END AS ph,
         c.k % 4999 = 1 AS corr,
         CASE WHEN x.provider = 'AWS' AND (c.h + 3 * c.r) % 401 = 0 THEN x.net_price + 2000000000
              WHEN x.provider = 'GPUCloud' AND c.r % 29 = 2 AND c.h >= 336 THEN x.list_price
              ELSE x.net_price END AS price
  FROM cells c JOIN res x ON x.r = c.r, p
) AS x
ORDER BY k;

INSERT INTO usage (usage_id, import_id, source_file, source_line, row_key, occurrence, provider,
                   account, project, job_id, run_id, resource_id, instance_type, pricing, gpus,
                   usage_start, usage_end, state)
SELECT k + 1, 2, 'bench-usage-2026-10.csv', k + 2, CAST(printf('%012d', k) AS BLOB), 0,
       CASE WHEN own THEN 'slurm' ELSE x.provider END,
       CASE WHEN own THEN NULL ELSE '444455556666' END, x.project,
       CASE WHEN own THEN printf('slurm-%d', r * 1000 + h) ELSE printf('job-%d-%d', r, h / 72) END,
       CASE WHEN own THEN NULL ELSE printf('job-%d-%d-r1', r, h / 72) END,
       CASE WHEN own THEN printf('gpu-node-%02d', r % 16) ELSE x.resource_id END,
       CASE WHEN own THEN 'A100' ELSE x.sku END,
       CASE WHEN own THEN 'own' WHEN x.category = 'Dynamic' THEN 'spot' ELSE 'on-demand' END, 8,
       strftime('%Y-%m-%dT%H:%M:%SZ', t0 + us, 'unixepoch'),
       strftime('%Y-%m-%dT%H:%M:%SZ', t0 + CASE WHEN own AND h = 100 THEN us + 36 * 3600 ELSE ue END, 'unixepoch'),
       CASE WHEN own THEN 'running'
            WHEN x.provider = 'GPUCloud' AND (7 * h + r) % 211 = 0 THEN 'paused'
            WHEN x.provider = 'AWS' AND (h + r) % 53 = 0 THEN 'paused'
            WHEN (h + 2 * r) % 17 = 0 THEN 'idle'
            ELSE 'running' END
FROM (
  SELECT c.k, c.h, c.r, x.*, p.t0,
         CASE WHEN c.h = 0 THEN 0 ELSE 3600 * c.h + x.phase END AS us,
         CASE WHEN c.h = x.last_h THEN 3600 * (c.h + 1) ELSE 3600 * (c.h + 1) + x.phase END AS ue,
         x.provider = 'AWS' AND c.r % 97 = 5 AND c.h BETWEEN 100 AND 104 AS own
  FROM cells c JOIN res x ON x.r = c.r, p
) AS x
ORDER BY k;

COMMIT;
