-- The costledger ledger, schema version 4 (PRAGMA user_version).
--
-- Conventions
--   * money is INTEGER nano-units (1e-9 of the currency unit); money_text()
--     from the extension turns it into decimal text.
--   * timestamps are TEXT in UTC, 'YYYY-MM-DDTHH:MM:SSZ'; SQLite's date
--     functions read them (unixepoch(charge_period_start)).
--   * intervals are [start, end): the end is exclusive, as in FOCUS.
--   * every row that came from a file keeps source_file and source_line.
--
-- CHECKs list allowed values as OR chains, not IN (...): an IN list makes
-- SQLite build a temporary index on every INSERT.
--
-- ledger/ owns this file: `costledger init` applies it to a new ledger and
-- ledger/migrate.c carries older ledgers forward.

-- One row per file imported (bills, usage logs, rate cards, budgets).
CREATE TABLE imports (
  import_id      INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK ((kind = 'bill' OR kind = 'usage' OR kind = 'rates' OR kind = 'budgets' OR kind = 'fx_rates' OR kind = 'invoices')),
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
CREATE UNIQUE INDEX imports_content ON imports (kind, content_crc32, content_size);

-- Indexes a large import dropped, to be created again once its rows are in
-- (ledger/bulk_index.h). Empty, except for the seconds after such an import
-- commits or after one was killed then: the next write builds what it lists.
CREATE TABLE deferred_indexes (
  name     TEXT PRIMARY KEY,           -- the index
  tbl_name TEXT NOT NULL,              -- its table
  sql      TEXT NOT NULL               -- its CREATE INDEX, as sqlite_schema had it
);

-- The bills: one row per line of a FOCUS or AWS CUR file, in FOCUS terms.
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
  invoice_issuer_name   TEXT,          -- FOCUS InvoiceIssuerName, CUR bill/InvoicingEntity
  publisher_name        TEXT,
  host_provider_name    TEXT,          -- FOCUS 1.3 HostProviderName
  billing_account_id    TEXT,
  billing_account_name  TEXT,
  sub_account_id        TEXT,
  sub_account_name      TEXT,
  billing_period_start  TEXT,
  billing_period_end    TEXT,
  charge_period_start   TEXT NOT NULL,
  charge_period_end     TEXT NOT NULL,
  charge_category       TEXT CHECK ((charge_category = 'Usage' OR charge_category = 'Purchase' OR charge_category = 'Tax' OR charge_category = 'Credit' OR charge_category = 'Adjustment')),  -- NULL: not in the file
  charge_class          TEXT CHECK (charge_class IS NULL OR charge_class = 'Correction'),
  charge_description    TEXT,
  service_name          TEXT,
  service_category      TEXT,          -- as the bill wrote it (FOCUS ServiceCategory)
  sku_id                TEXT,
  sku_price_id          TEXT,
  resource_id           TEXT,
  resource_name         TEXT,
  instance_type         TEXT,
  region_id             TEXT,
  region_name           TEXT,
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
  commitment_discount_id       TEXT,
  commitment_discount_category TEXT,
  commitment_discount_type     TEXT,
  commitment_discount_name     TEXT,
  commitment_discount_status   TEXT,
  tags                  TEXT,          -- JSON object
  project               TEXT,          -- from a tag (costledger import --tag-project)
  UNIQUE (row_key, occurrence)
);
CREATE INDEX charges_period ON charges (charge_period_start);
CREATE INDEX charges_resource ON charges (resource_id, charge_period_start);

-- What ran: usage intervals from usage logs (costledger usage CSV, Slurm
-- sacct, nvidia-smi).
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
CREATE INDEX usage_resource ON usage (resource_id, usage_start);
CREATE INDEX usage_job ON usage (job_id, usage_start);

-- The agreed prices: a dated rate card.
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

-- Invoice totals (an invoice totals CSV, docs/formats.md): what each invoice
-- charges. The view invoice_check compares them with the charges carrying
-- the invoice id.
CREATE TABLE invoices (
  invoice_row_id     INTEGER PRIMARY KEY,
  import_id          INTEGER NOT NULL REFERENCES imports (import_id),
  source_file        TEXT NOT NULL,
  source_line        INTEGER NOT NULL,
  invoice_id         TEXT NOT NULL,
  provider           TEXT NOT NULL COLLATE NOCASE,
  billing_account_id TEXT NOT NULL,
  billing_period     TEXT NOT NULL,      -- 'YYYY-MM'
  amount             INTEGER NOT NULL,   -- nanos
  currency           TEXT NOT NULL,
  UNIQUE (provider, billing_account_id, invoice_id)
);

-- Monthly reconciliation runs and what they found. A run is stored whole
-- (one transaction) with the tolerance and the ledger state it saw.
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
  findings_count    INTEGER NOT NULL,
  month_status      TEXT               -- 'final', or 'estimated: N of M charges have no invoice id'
);

CREATE TABLE findings (
  finding_id        INTEGER PRIMARY KEY,
  reconciliation_id INTEGER NOT NULL REFERENCES reconciliations (reconciliation_id),
  kind              TEXT NOT NULL CHECK ((kind = 'billed_while_paused' OR kind = 'unexplained_charge' OR kind = 'unbilled_usage' OR kind = 'rate_mismatch' OR kind = 'discount_missing' OR kind = 'duplicate_charge' OR kind = 'correction' OR kind = 'invoice_mismatch' OR kind = 'invoice_without_charges' OR kind = 'charges_without_invoice')),
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
CREATE INDEX findings_run ON findings (reconciliation_id);
