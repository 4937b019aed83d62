-- tests/data/ledger_v2.sql: a version 2 ledger as costledger 0.1.0 (main before
-- unit prices at full precision) wrote it: `costledger init`, then `import` of a
-- 4-line FOCUS bill and a 2-line rate card (tests/cli/unit_prices.sh has both),
-- dumped with sqlite3 .dump. Unit prices are INTEGER nanos here (16667 for
-- 0.0000166667: already rounded). tests/cli/unit_prices.sh migrates it.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE imports (
  import_id      INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK ((kind = 'bill' OR kind = 'usage' OR kind = 'rates' OR kind = 'budgets' OR kind = 'fx_rates')),
  file_name      TEXT NOT NULL,
  file_size      INTEGER,              -- bytes as stored (compressed if gzip)
  compressed     INTEGER NOT NULL DEFAULT 0,
  content_crc32  INTEGER NOT NULL,     -- zlib crc32 of the decompressed bytes
  content_size   INTEGER NOT NULL,     -- decompressed bytes
  format         TEXT NOT NULL,        -- focus-1.0, aws-cur, aws-cur-2.0, sacct, ...
  imported_at    TEXT NOT NULL,
  rows_read      INTEGER NOT NULL DEFAULT 0,
  rows_inserted  INTEGER NOT NULL DEFAULT 0,
  rows_duplicate INTEGER NOT NULL DEFAULT 0, -- already in the ledger from an earlier file
  rows_skipped   INTEGER NOT NULL DEFAULT 0, -- not ledger rows (job steps, blank)
  values_rounded INTEGER NOT NULL DEFAULT 0, -- amounts with more than 9 decimals
  report         TEXT                  -- JSON: missing and ignored columns, options
);
INSERT INTO imports VALUES(1,'bill','bill.csv',739,0,2994268555,739,'focus-1.0','2026-12-01T21:18:07Z',4,4,0,0,2,'{"format":"focus-1.0","missing_columns":["SubAccountId","BillingPeriodStart","BillingPeriodEnd","ChargeClass","ChargeDescription","RegionId","EffectiveCost","ContractedCost","InvoiceId","CommitmentDiscountStatus","Tags"],"ignored_columns":0}');
INSERT INTO imports VALUES(2,'rates','rates.csv',247,0,2262435900,247,'rates','2026-12-01T21:18:07Z',2,2,0,0,1,'{"format":"rates","ignored_columns":0}');
CREATE TABLE deferred_indexes (
  name     TEXT PRIMARY KEY,           -- the index
  tbl_name TEXT NOT NULL,              -- its table
  sql      TEXT NOT NULL               -- its CREATE INDEX, as sqlite_schema had it
);
CREATE TABLE charges (
  charge_id             INTEGER PRIMARY KEY,
  import_id             INTEGER NOT NULL REFERENCES imports (import_id),
  source_file           TEXT NOT NULL,
  source_line           INTEGER NOT NULL,
  -- What makes a line the same line when a month is delivered again: the
  -- provider's line id (CUR identity/LineItemId + TimeInterval) or, where
  -- there is none, a hash of the row; occurrence numbers identical rows
  -- within one file so that genuine twin charges both survive.
  row_key               BLOB NOT NULL,
  occurrence            INTEGER NOT NULL DEFAULT 0,
  line_item_id          TEXT,
  provider              TEXT,
  billing_account_id    TEXT,
  sub_account_id        TEXT,
  billing_period_start  TEXT,
  billing_period_end    TEXT,
  charge_period_start   TEXT NOT NULL,
  charge_period_end     TEXT NOT NULL,
  charge_category       TEXT CHECK ((charge_category = 'Usage' OR charge_category = 'Purchase' OR charge_category = 'Tax' OR charge_category = 'Credit' OR charge_category = 'Adjustment')),  -- NULL: not in the file
  charge_class          TEXT CHECK (charge_class IS NULL OR charge_class = 'Correction'),
  charge_description    TEXT,
  service_name          TEXT,
  sku_id                TEXT,
  resource_id           TEXT,
  instance_type         TEXT,
  region_id             TEXT,
  pricing_category      TEXT CHECK (pricing_category IS NULL OR (pricing_category = 'Standard' OR pricing_category = 'Dynamic' OR pricing_category = 'Committed' OR pricing_category = 'Other')),
  pricing_quantity      REAL,
  pricing_unit          TEXT,
  unit_price            INTEGER,       -- the price charged per pricing unit
  list_unit_price       INTEGER,
  billed_cost           INTEGER NOT NULL,
  effective_cost        INTEGER,
  list_cost             INTEGER,
  contracted_cost       INTEGER,
  billing_currency      TEXT,
  invoice_id            TEXT,
  commitment_discount_status TEXT,
  tags                  TEXT,          -- JSON object
  project               TEXT,          -- from a tag (costledger import --tag-project)
  UNIQUE (row_key, occurrence)
);
INSERT INTO charges VALUES(1,1,'bill.csv',2,X'40006ae7d280dfad1a3038a678aee086',0,NULL,'AWS','acct',NULL,NULL,NULL,'2026-11-02T00:00:00Z','2026-11-02T01:00:00Z','Usage',NULL,NULL,'AWS Lambda','lambda-gbs','fn-1',NULL,NULL,'Standard',1286990.7357999999076,'GB-second',16667,16667,21449888496,NULL,21449888496,NULL,'USD',NULL,NULL,NULL,NULL);
INSERT INTO charges VALUES(2,1,'bill.csv',3,X'40006ae7d2803dc37dc4becf07c3cb9e',0,NULL,'AWS','acct',NULL,NULL,NULL,'2026-11-02T00:00:00Z','2026-11-02T01:00:00Z','Usage',NULL,NULL,'AWS Lambda','lambda-arm','fn-2',NULL,NULL,'Standard',7.677999999999999936,'GB-second',NULL,9722,74647,NULL,74647,NULL,'USD',NULL,NULL,NULL,NULL);
INSERT INTO charges VALUES(3,1,'bill.csv',4,X'40006ae7d280a889e3a7af481a896dfc',0,NULL,'GC','acct',NULL,NULL,NULL,'2026-11-02T00:00:00Z','2026-11-02T01:00:00Z','Usage',NULL,NULL,'GPU','m1','r1',NULL,NULL,'Standard',1.0,'hour',2250000000,2500000000,2250000000,NULL,2500000000,NULL,'USD',NULL,NULL,NULL,NULL);
INSERT INTO charges VALUES(4,1,'bill.csv',5,X'40006ae6810026cb21919bcf1b8a9132',0,NULL,'AWS','acct',NULL,NULL,NULL,'2026-11-01T00:00:00Z','2026-12-01T00:00:00Z','Tax',NULL,NULL,'Tax',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1000000000,NULL,NULL,NULL,'USD',NULL,NULL,NULL,NULL);
CREATE TABLE usage (
  usage_id       INTEGER PRIMARY KEY,
  import_id      INTEGER NOT NULL REFERENCES imports (import_id),
  source_file    TEXT NOT NULL,
  source_line    INTEGER NOT NULL,
  row_key        BLOB NOT NULL,
  occurrence     INTEGER NOT NULL DEFAULT 0,
  provider       TEXT,
  account        TEXT,
  project        TEXT,
  job_id         TEXT,
  run_id         TEXT,
  epoch          INTEGER,
  planned_epochs INTEGER,
  resource_id    TEXT,
  instance_type  TEXT,                 -- or GPU model
  pricing        TEXT CHECK (pricing IS NULL OR (pricing = 'on-demand' OR pricing = 'spot' OR pricing = 'reserved' OR pricing = 'own')),
  gpus           INTEGER,
  usage_start    TEXT NOT NULL,
  usage_end      TEXT NOT NULL,
  state          TEXT NOT NULL CHECK ((state = 'running' OR state = 'paused' OR state = 'stopped' OR state = 'interrupted' OR state = 'idle')),
  gpu_utilization REAL,
  attributes     TEXT,                 -- JSON: anything else the log said
  CHECK (usage_end >= usage_start),
  UNIQUE (row_key, occurrence)
);
CREATE TABLE rates (
  rate_id          INTEGER PRIMARY KEY,
  import_id        INTEGER REFERENCES imports (import_id),
  source_file      TEXT,
  source_line      INTEGER,
  provider         TEXT NOT NULL,
  sku              TEXT NOT NULL,      -- sku id or instance type
  region           TEXT NOT NULL DEFAULT '',
  pricing_category TEXT NOT NULL DEFAULT 'Standard',
  unit             TEXT NOT NULL,      -- hour, GPU-hour, GB-month, ...
  unit_price       INTEGER NOT NULL,   -- nanos
  currency         TEXT NOT NULL,
  discount         TEXT NOT NULL DEFAULT '0', -- decimal fraction: '0.15' for a 15% coupon
  billing_rule     TEXT NOT NULL DEFAULT 'wall' CHECK ((billing_rule = 'wall' OR billing_rule = 'running')),
  valid_from       TEXT NOT NULL,
  valid_to         TEXT,               -- exclusive; NULL: still in force
  UNIQUE (provider, sku, region, pricing_category, valid_from)
);
INSERT INTO rates VALUES(1,2,'rates.csv',2,'GC','m1','','Standard','hour',2500000000,'USD','0.10','wall','2026-01-01T00:00:00Z',NULL);
INSERT INTO rates VALUES(2,2,'rates.csv',3,'AWS','lambda-gbs','','Standard','GB-second',16667,'USD','0','wall','2026-01-01T00:00:00Z',NULL);
CREATE TABLE budgets (
  budget_id    INTEGER PRIMARY KEY,
  import_id    INTEGER REFERENCES imports (import_id),
  source_file  TEXT,
  source_line  INTEGER,
  project      TEXT NOT NULL,
  period       TEXT NOT NULL,          -- 'YYYY-MM'
  amount       INTEGER NOT NULL,       -- nanos
  currency     TEXT NOT NULL,
  alert_ratio  REAL NOT NULL DEFAULT 0.8,
  UNIQUE (project, period)
);
CREATE TABLE fx_rates (
  rate_date     TEXT NOT NULL,         -- 'YYYY-MM-DD'
  from_currency TEXT NOT NULL,
  to_currency   TEXT NOT NULL,
  rate          TEXT NOT NULL,         -- decimal text, used with money_mul()
  import_id     INTEGER REFERENCES imports (import_id),
  source_file   TEXT,
  source_line   INTEGER,
  PRIMARY KEY (rate_date, from_currency, to_currency)
);
CREATE TABLE reconciliations (
  reconciliation_id INTEGER PRIMARY KEY,
  month             TEXT NOT NULL,     -- 'YYYY-MM'
  provider          TEXT,              -- NULL: all
  tolerance         INTEGER NOT NULL,  -- nanos
  run_at            TEXT NOT NULL,
  last_import_id    INTEGER,           -- the ledger state: imports up to this one
  charges_seen      INTEGER NOT NULL,
  usage_seen        INTEGER NOT NULL,
  billed_total      INTEGER NOT NULL,
  expected_total    INTEGER NOT NULL,
  findings_count    INTEGER NOT NULL
);
CREATE TABLE findings (
  finding_id        INTEGER PRIMARY KEY,
  reconciliation_id INTEGER NOT NULL REFERENCES reconciliations (reconciliation_id),
  kind              TEXT NOT NULL CHECK ((kind = 'billed_while_paused' OR kind = 'unexplained_charge' OR kind = 'unbilled_usage' OR kind = 'rate_mismatch' OR kind = 'discount_missing' OR kind = 'duplicate_charge' OR kind = 'correction')),
  provider          TEXT,
  project           TEXT,
  resource_id       TEXT,
  period_start      TEXT,
  period_end        TEXT,
  hours             REAL,
  billed            INTEGER NOT NULL,  -- nanos
  expected          INTEGER NOT NULL,  -- nanos
  difference        INTEGER NOT NULL,  -- billed - expected, nanos
  charge_ids        TEXT,              -- JSON array
  usage_ids         TEXT,              -- JSON array
  detail            TEXT
);
CREATE UNIQUE INDEX imports_content ON imports (kind, content_crc32, content_size);
CREATE INDEX charges_period ON charges (charge_period_start);
CREATE INDEX charges_resource ON charges (resource_id, charge_period_start);
CREATE INDEX usage_resource ON usage (resource_id, usage_start);
CREATE INDEX usage_job ON usage (job_id, usage_start);
CREATE INDEX findings_run ON findings (reconciliation_id);
CREATE VIEW monthly_charges AS
SELECT substr(charge_period_start, 1, 7) AS month,
       provider,
       project,
       billing_currency AS currency,
       count(*) AS lines,
       money_total(billed_cost) AS billed_cost,
       money_total(effective_cost) AS effective_cost
FROM charges
GROUP BY 1, 2, 3, 4;
CREATE VIEW usage_costed AS
WITH rated AS (
  SELECT u.*,
         unixepoch(u.usage_end) - unixepoch(u.usage_start) AS seconds,
         (SELECT r.rate_id FROM rates r
          WHERE r.provider = u.provider
            AND (r.sku = u.instance_type OR r.sku = '*')
            AND r.pricing_category = CASE u.pricing WHEN 'spot' THEN 'Dynamic'
                  WHEN 'reserved' THEN 'Committed' WHEN 'own' THEN 'Other' ELSE 'Standard' END
            AND r.valid_from <= u.usage_start
            AND (r.valid_to IS NULL OR r.valid_to > u.usage_start)
          ORDER BY r.sku = '*', r.region LIMIT 1) AS rate_id
  FROM usage u
), priced AS (
  SELECT rated.*, r.unit, r.unit_price, r.currency, r.discount, r.billing_rule,
         CASE WHEN r.rate_id IS NULL THEN NULL
              ELSE money_mul(money_mul(r.unit_price,
                     rated.seconds * (CASE WHEN lower(r.unit) = 'gpu-hour' THEN coalesce(rated.gpus, 1) ELSE 1 END) / 3600.0),
                   1 - CAST(r.discount AS REAL)) END AS full_cost
  FROM rated LEFT JOIN rates r ON r.rate_id = rated.rate_id
)
SELECT priced.*,
       seconds / 3600.0 AS hours,
       seconds * coalesce(gpus, 1) / 3600.0 AS gpu_hours,
       CASE WHEN state IN ('running', 'idle', 'paused') THEN full_cost ELSE 0 END AS cost_wall,
       CASE WHEN state IN ('running', 'idle') THEN full_cost ELSE 0 END AS cost_running,
       CASE WHEN state IN ('running', 'idle') OR (state = 'paused' AND billing_rule = 'wall')
            THEN full_cost ELSE 0 END AS cost
FROM priced;
CREATE VIEW usage_daily_pieces AS
WITH RECURSIVE pieces (usage_id, piece_start, piece_end) AS (
  SELECT usage_id, usage_start,
         min(usage_end, strftime('%Y-%m-%dT00:00:00Z', usage_start, '+1 day'))
  FROM usage
  UNION ALL
  SELECT p.usage_id, p.piece_end,
         min(u.usage_end, strftime('%Y-%m-%dT00:00:00Z', p.piece_end, '+1 day'))
  FROM pieces p JOIN usage u ON u.usage_id = p.usage_id
  WHERE p.piece_end < u.usage_end
)
SELECT u.*, p.piece_start, p.piece_end, substr(p.piece_start, 1, 10) AS day,
       substr(p.piece_start, 1, 7) AS month
FROM pieces p JOIN usage u ON u.usage_id = p.usage_id;
CREATE VIEW gpu_hours AS
WITH per_resource AS (
  SELECT day, month, project, job_id, resource_id, state, coalesce(gpus, 1) AS gpus,
         interval_union_seconds(piece_start, piece_end) AS seconds
  FROM usage_daily_pieces
  GROUP BY day, month, project, job_id, resource_id, state, coalesce(gpus, 1)
), per_state AS (
  SELECT day, month, project, job_id, state,
         interval_union_seconds(piece_start, piece_end) AS seconds
  FROM usage_daily_pieces
  GROUP BY day, month, project, job_id, state
), gpu AS (
  SELECT day, month, project, job_id, state, sum(seconds * gpus) AS gpu_seconds
  FROM per_resource GROUP BY day, month, project, job_id, state
)
SELECT s.day, s.month, s.project, s.job_id,
       sum(CASE WHEN s.state = 'running' THEN s.seconds ELSE 0 END) / 3600.0 AS running_hours,
       sum(CASE WHEN s.state = 'paused' THEN s.seconds ELSE 0 END) / 3600.0 AS paused_hours,
       sum(CASE WHEN s.state = 'idle' THEN s.seconds ELSE 0 END) / 3600.0 AS idle_hours,
       sum(CASE WHEN s.state = 'interrupted' THEN s.seconds ELSE 0 END) / 3600.0 AS interrupted_hours,
       sum(CASE WHEN s.state = 'running' THEN g.gpu_seconds ELSE 0 END) / 3600.0 AS running_gpu_hours,
       sum(CASE WHEN s.state = 'idle' THEN g.gpu_seconds ELSE 0 END) / 3600.0 AS idle_gpu_hours
FROM per_state s JOIN gpu g ON g.day = s.day AND g.state = s.state
     AND g.project IS s.project AND g.job_id IS s.job_id
GROUP BY s.day, s.month, s.project, s.job_id;
CREATE VIEW gpu_hours_monthly AS
SELECT month, project, job_id,
       sum(running_hours) AS running_hours, sum(paused_hours) AS paused_hours,
       sum(idle_hours) AS idle_hours, sum(interrupted_hours) AS interrupted_hours,
       sum(running_gpu_hours) AS running_gpu_hours, sum(idle_gpu_hours) AS idle_gpu_hours
FROM gpu_hours GROUP BY month, project, job_id;
CREATE VIEW pause_savings AS
SELECT job_id, project, provider, currency,
       sum(CASE WHEN state IN ('running', 'idle', 'paused') THEN hours ELSE 0 END) AS wall_hours,
       sum(CASE WHEN state IN ('running', 'idle') THEN hours ELSE 0 END) AS running_hours,
       sum(CASE WHEN state = 'paused' THEN hours ELSE 0 END) AS paused_hours,
       money_total(cost_wall) AS cost_wall,
       money_total(cost_running) AS cost_running,
       money_total(CASE WHEN state = 'paused' THEN cost_wall ELSE 0 END) AS paused_cost_wall,
       money_total(cost_wall) - money_total(cost_running) AS saved
FROM usage_costed
WHERE job_id IS NOT NULL
GROUP BY job_id, project, provider, currency;
CREATE VIEW spot_summary AS
WITH spot AS (
  SELECT * FROM usage_costed WHERE pricing = 'spot' AND job_id IS NOT NULL
), interrupted AS (
  SELECT job_id, epoch, max(usage_start) AS last_interrupt
  FROM spot WHERE state = 'interrupted' GROUP BY job_id, epoch
), rework AS (
  SELECT s.job_id, sum(s.hours) AS hours
  FROM spot s JOIN interrupted i ON i.job_id = s.job_id AND i.epoch IS s.epoch
  WHERE s.state = 'running' AND s.usage_end <= i.last_interrupt
  GROUP BY s.job_id
), per_job AS (
  SELECT job_id, project, provider, instance_type, min(usage_start) AS first_start,
         sum(CASE WHEN state IN ('running', 'idle') THEN hours ELSE 0 END) AS spot_hours,
         sum(CASE WHEN state = 'interrupted' THEN 1 ELSE 0 END) AS interruptions,
         sum(CASE WHEN state = 'interrupted' THEN hours ELSE 0 END) AS interrupted_hours,
         money_total(cost) AS spot_cost, max(unit_price) AS spot_rate, max(currency) AS currency
  FROM spot GROUP BY job_id, project, provider, instance_type
), with_rates AS (
  SELECT p.*, coalesce(w.hours, 0) AS rework_hours,
         (SELECT r.unit_price FROM rates r
          WHERE r.provider = p.provider AND (r.sku = p.instance_type OR r.sku = '*')
            AND r.pricing_category = 'Standard' AND r.valid_from <= p.first_start
            AND (r.valid_to IS NULL OR r.valid_to > p.first_start)
          ORDER BY r.sku = '*', r.region LIMIT 1) AS on_demand_rate
  FROM per_job p LEFT JOIN rework w ON w.job_id = p.job_id
)
SELECT job_id, project, provider, instance_type, currency, spot_hours, interruptions,
       interrupted_hours, rework_hours, spot_cost, spot_rate, on_demand_rate,
       spot_savings(on_demand_rate / 1e9, spot_rate / 1e9, spot_hours - rework_hours, spot_hours) AS savings,
       money_mul(on_demand_rate, spot_hours - rework_hours) - money_mul(spot_rate, spot_hours) AS savings_nanos
FROM with_rates;
CREATE VIEW budget_status AS
WITH converted AS (
  SELECT b.budget_id, c.charge_id,
         CASE WHEN c.billing_currency = b.currency OR c.billing_currency IS NULL
              THEN c.billed_cost
              ELSE money_mul(c.billed_cost,
                     (SELECT f.rate FROM fx_rates f
                      WHERE f.from_currency = c.billing_currency
                        AND f.to_currency = b.currency
                        AND f.rate_date <= substr(c.charge_period_start, 1, 10)
                      ORDER BY f.rate_date DESC LIMIT 1)) END AS amount
  FROM budgets b LEFT JOIN charges c
    ON c.project = b.project AND substr(c.charge_period_start, 1, 7) = b.period
), billed AS (
  -- money_total skips NULLs: a charge without a rate must make the sum NULL,
  -- not leave it out.
  SELECT budget_id,
         CASE WHEN count(charge_id) > count(amount) THEN NULL ELSE money_total(amount) END AS billed,
         count(charge_id) AS charges
  FROM converted
  GROUP BY budget_id
), used AS (
  SELECT b.budget_id, money_total(u.cost) AS usage_cost
  FROM budgets b LEFT JOIN usage_costed u
    ON u.project = b.project AND substr(u.usage_start, 1, 7) = b.period
   AND (u.currency = b.currency OR u.currency IS NULL)
  GROUP BY b.budget_id
)
SELECT b.project, b.period, b.currency, b.amount, b.alert_ratio,
       bl.billed, bl.charges, coalesce(us.usage_cost, 0) AS usage_cost,
       CASE WHEN bl.charges > 0 THEN bl.billed ELSE coalesce(us.usage_cost, 0) END AS spend,
       CAST(CASE WHEN bl.charges > 0 THEN bl.billed ELSE coalesce(us.usage_cost, 0) END AS REAL)
         / b.amount AS ratio,
       CAST(CASE WHEN bl.charges > 0 THEN bl.billed ELSE coalesce(us.usage_cost, 0) END AS REAL)
         >= b.alert_ratio * b.amount AS alert,
       CASE WHEN bl.charges > 0 THEN bl.billed ELSE coalesce(us.usage_cost, 0) END > b.amount AS over_budget
FROM budgets b JOIN billed bl ON bl.budget_id = b.budget_id
     JOIN used us ON us.budget_id = b.budget_id
;
CREATE VIEW epoch_costs AS
SELECT job_id, run_id, epoch, project, max(planned_epochs) AS planned_epochs, currency,
       min(usage_start) AS epoch_start, max(usage_end) AS epoch_end,
       interval_union_seconds(usage_start, usage_end) / 3600.0 AS wall_hours,
       sum(CASE WHEN state IN ('running', 'idle') THEN hours ELSE 0 END) AS running_hours,
       sum(CASE WHEN state IN ('running', 'idle') THEN gpu_hours ELSE 0 END) AS gpu_hours,
       money_total(cost) AS cost,
       epoch_cost(max(CASE WHEN lower(unit) = 'gpu-hour' THEN unit_price END) / 1e9,
                  sum(CASE WHEN state IN ('running', 'idle') THEN gpu_hours ELSE 0 END),
                  max(json_extract(attributes, '$.c_cpu')), max(json_extract(attributes, '$.t_cpu')),
                  max(json_extract(attributes, '$.c_mem')), max(json_extract(attributes, '$.m_avg')),
                  max(json_extract(attributes, '$.c_net')), max(json_extract(attributes, '$.d_transfer')),
                  coalesce(max(json_extract(attributes, '$.n_replicas')), 1)) AS estimate
FROM usage_costed
WHERE job_id IS NOT NULL AND epoch IS NOT NULL
GROUP BY job_id, run_id, epoch, project, currency;
CREATE VIEW job_forecast AS
WITH jobs AS (
  SELECT job_id, project, currency, max(planned_epochs) AS planned, max(epoch) AS top_epoch,
         max(epoch_end) AS last_end, money_total(cost) AS cost_to_date
  FROM epoch_costs GROUP BY job_id, project, currency
  HAVING max(planned_epochs) IS NOT NULL
), finished AS (
  SELECT e.job_id, count(*) AS n, avg(e.cost) AS mean,
         avg(CAST(e.cost AS REAL) * e.cost) AS mean_square
  FROM epoch_costs e JOIN jobs j ON j.job_id = e.job_id AND j.project IS e.project
  WHERE e.epoch < j.top_epoch OR (e.epoch = j.top_epoch AND j.top_epoch >= j.planned)
  GROUP BY e.job_id
), forecast AS (
  SELECT j.*, coalesce(f.n, 0) AS epochs_done, f.mean AS mean_epoch_cost,
         CASE WHEN f.n > 1 THEN sqrt(max(f.mean_square - f.mean * f.mean, 0) * f.n / (f.n - 1)) END AS sd,
         max(j.planned - coalesce(f.n, 0), 0) AS epochs_left
  FROM jobs j LEFT JOIN finished f ON f.job_id = j.job_id
), bounded AS (
  SELECT forecast.*, mean_epoch_cost * epochs_left AS cost_to_come,
         1.645 * sd * sqrt(epochs_left + epochs_left * epochs_left * 1.0 / epochs_done) AS margin
  FROM forecast
)
SELECT b.job_id, b.project, b.currency, b.planned AS planned_epochs, b.epochs_done, b.epochs_left,
       b.cost_to_date, CAST(round(b.mean_epoch_cost) AS INTEGER) AS mean_epoch_cost,
       CAST(round(b.cost_to_come) AS INTEGER) AS cost_to_come,
       CAST(round(max(b.cost_to_come - b.margin, 0)) AS INTEGER) AS cost_to_come_low,
       CAST(round(b.cost_to_come + b.margin) AS INTEGER) AS cost_to_come_high,
       s.period AS budget_period, s.amount AS budget, s.spend AS budget_spend,
       CASE WHEN s.amount IS NULL THEN NULL ELSE s.spend + b.cost_to_come > s.amount END AS forecast_over_budget,
       CASE WHEN s.amount IS NULL THEN NULL ELSE s.spend + b.cost_to_come >= s.alert_ratio * s.amount END AS forecast_alert
FROM bounded b
LEFT JOIN budget_status s ON s.project = b.project AND s.period = substr(b.last_end, 1, 7);
COMMIT;
PRAGMA user_version = 2;
