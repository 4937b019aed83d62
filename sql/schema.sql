-- The costledger ledger, schema version 10 (PRAGMA user_version).
--
-- Conventions
--   * money is INTEGER nano-units (1e-9 of the currency unit); money_text()
--     from the extension turns it into decimal text.
--   * unit prices are not money: they are TEXT, the exact decimal of the bill
--     or rate card in canonical form (price(): '0.0000166667', no exponent,
--     no trailing zeros); price_mul(price, quantity) gives nanos.
--   * timestamps are TEXT in UTC, 'YYYY-MM-DDTHH:MM:SSZ'; SQLite's date
--     functions read them (unixepoch(charge_period_start)).
--   * intervals are [start, end): the end is exclusive, as in FOCUS.
--   * every row that came from a file keeps source_file and source_line.
--
-- CHECKs list allowed values as OR chains, not IN (...): an IN list makes
-- SQLite build a temporary index on every INSERT.
--
-- ledger/ owns this file: `costledger init` applies it to a new ledger, and
-- the migrations[] of ledger/migrate.c carry older ledgers forward.

-- One row per file imported (bills, usage logs, rate cards, budgets).
CREATE TABLE imports (
  import_id      INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK ((kind = 'bill' OR kind = 'usage' OR kind = 'rates' OR kind = 'budgets' OR kind = 'fx_rates' OR kind = 'invoices' OR kind = 'hardware')),
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
-- content_crc32 and content_size describe the file; they are no identity:
-- rows are recognised by their content (charges.row_key), and a file is
-- never refused for looking like another.

-- All files of one `costledger import` command are one delivery, named by
-- the first import id the command wrote. A bill delivery is a 'statement'
-- (complete for each statement key it covers: it replaces what earlier
-- deliveries said for those keys) or 'incremental' (new lines only); usage
-- logs are 'usage' (they replace what they cover again, see usage_history).
CREATE TABLE import_deliveries (
  import_id   INTEGER PRIMARY KEY REFERENCES imports (import_id),
  delivery_id INTEGER NOT NULL,
  mode        TEXT NOT NULL CHECK ((mode = 'statement' OR mode = 'incremental' OR mode = 'usage'))
);
CREATE INDEX import_deliveries_delivery ON import_deliveries (delivery_id);

-- The statement keys (provider, billing account, billing period start) each
-- bill import covered.
CREATE TABLE import_statements (
  import_id            INTEGER NOT NULL REFERENCES imports (import_id),
  provider             TEXT,
  billing_account_id   TEXT,
  billing_period_start TEXT,
  UNIQUE (import_id, provider, billing_account_id, billing_period_start)
);

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
  unit_price            TEXT,          -- the price charged per pricing unit (canonical decimal)
  list_unit_price       TEXT,
  billed_cost           INTEGER NOT NULL,
  effective_cost        INTEGER,
  list_cost             INTEGER,
  contracted_cost       INTEGER,
  billing_currency      TEXT,
  invoice_id            TEXT,
  commitment_discount_status TEXT,
  tags                  TEXT,          -- JSON object
  project               TEXT,          -- from a tag (costledger import --tag-project)
  commitment_discount_id TEXT,         -- FOCUS CommitmentDiscountId; CUR reservation/ReservationARN or savingsPlan/SavingsPlanARN
  -- Names and ids the FOCUS export writes back (docs/exports.md).
  billing_account_name  TEXT,
  sub_account_name      TEXT,
  invoice_issuer_name   TEXT,          -- FOCUS InvoiceIssuerName, CUR bill/InvoicingEntity
  publisher_name        TEXT,
  host_provider_name    TEXT,          -- FOCUS 1.3 HostProviderName
  service_category      TEXT,          -- as the bill wrote it (FOCUS ServiceCategory)
  sku_price_id          TEXT,
  resource_name         TEXT,
  region_name           TEXT,
  commitment_discount_category TEXT,
  commitment_discount_type     TEXT,
  commitment_discount_name     TEXT,
  UNIQUE (row_key, occurrence)
);
CREATE INDEX charges_period ON charges (charge_period_start);
CREATE INDEX charges_resource ON charges (resource_id, charge_period_start);

-- Rows a later delivery replaced: the columns of charges, plus the delivery
-- (its delivery_id) that replaced them. charges holds the current rows only.
CREATE TABLE charge_history (
  charge_id             INTEGER NOT NULL,
  import_id             INTEGER NOT NULL,
  source_file           TEXT NOT NULL,
  source_line           INTEGER NOT NULL,
  row_key               BLOB NOT NULL,
  occurrence            INTEGER NOT NULL,
  line_item_id          TEXT,
  provider              TEXT,
  billing_account_id    TEXT,
  sub_account_id        TEXT,
  billing_period_start  TEXT,
  billing_period_end    TEXT,
  charge_period_start   TEXT NOT NULL,
  charge_period_end     TEXT NOT NULL,
  charge_category       TEXT,
  charge_class          TEXT,
  charge_description    TEXT,
  service_name          TEXT,
  sku_id                TEXT,
  resource_id           TEXT,
  instance_type         TEXT,
  region_id             TEXT,
  pricing_category      TEXT,
  pricing_quantity      REAL,
  pricing_unit          TEXT,
  unit_price            TEXT,
  list_unit_price       TEXT,
  billed_cost           INTEGER NOT NULL,
  effective_cost        INTEGER,
  list_cost             INTEGER,
  contracted_cost       INTEGER,
  billing_currency      TEXT,
  invoice_id            TEXT,
  commitment_discount_status TEXT,
  tags                  TEXT,
  project               TEXT,
  commitment_discount_id TEXT,
  billing_account_name  TEXT,
  sub_account_name      TEXT,
  invoice_issuer_name   TEXT,
  publisher_name        TEXT,
  host_provider_name    TEXT,
  service_category      TEXT,
  sku_price_id          TEXT,
  resource_name         TEXT,
  region_name           TEXT,
  commitment_discount_category TEXT,
  commitment_discount_type     TEXT,
  commitment_discount_name     TEXT,
  superseded_by         INTEGER NOT NULL
);
CREATE INDEX charge_history_superseded ON charge_history (superseded_by);
CREATE INDEX charge_history_charge ON charge_history (charge_id);

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

-- Usage rows a later import replaced (a grown nvidia-smi log, a Slurm job
-- exported again): the columns of usage, plus the delivery that replaced them.
CREATE TABLE usage_history (
  usage_id       INTEGER NOT NULL,
  import_id      INTEGER NOT NULL,
  source_file    TEXT NOT NULL,
  source_line    INTEGER NOT NULL,
  row_key        BLOB NOT NULL,
  occurrence     INTEGER NOT NULL,
  provider       TEXT,
  account        TEXT,
  project        TEXT,
  job_id         TEXT,
  run_id         TEXT,
  epoch          INTEGER,
  planned_epochs INTEGER,
  resource_id    TEXT,
  instance_type  TEXT,
  pricing        TEXT,
  gpus           INTEGER,
  usage_start    TEXT NOT NULL,
  usage_end      TEXT NOT NULL,
  state          TEXT NOT NULL,
  gpu_utilization REAL,
  attributes     TEXT,
  superseded_by  INTEGER NOT NULL
);
CREATE INDEX usage_history_superseded ON usage_history (superseded_by);
CREATE INDEX usage_history_usage ON usage_history (usage_id);

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
  unit_price       TEXT NOT NULL,      -- canonical decimal text, exact
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

-- Machines the team owns (the hardware CSV): what each cost, over how many
-- years it is written off and what it draws, to price `own` usage
-- (hardware_hourly). machine is a usage row's resource_id or, for a class
-- of identical machines, its instance_type. Imported as kind 'hardware'.
CREATE TABLE hardware (
  hardware_id    INTEGER PRIMARY KEY,
  import_id      INTEGER REFERENCES imports (import_id),
  source_file    TEXT,
  source_line    INTEGER,
  machine        TEXT NOT NULL,
  purchase_date  TEXT NOT NULL,        -- 'YYYY-MM-DD': written off from this day
  gpus           INTEGER NOT NULL CHECK (gpus > 0),
  purchase_cost  INTEGER NOT NULL,     -- nanos
  currency       TEXT NOT NULL,
  lifetime_years TEXT NOT NULL,        -- decimal text; a year is 8,760 hours
  watts          TEXT NOT NULL,        -- decimal text: the machine at full load
  price_per_kwh  INTEGER NOT NULL,     -- nanos
  pue            TEXT NOT NULL DEFAULT '1', -- decimal text >= 1
  UNIQUE (machine, purchase_date)
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
-- (one transaction) with the tolerance and the ledger state it saw. Money
-- of different currencies is never added up: the totals are per currency
-- in reconciliation_totals; billed_total and expected_total here are the
-- run's totals when it saw one currency (or none: 0), else NULL.
CREATE TABLE reconciliations (
  reconciliation_id INTEGER PRIMARY KEY,
  month             TEXT NOT NULL,     -- 'YYYY-MM'
  provider          TEXT,              -- NULL: all
  tolerance         INTEGER NOT NULL,  -- nanos, in each currency without its own
  run_at            TEXT NOT NULL,
  last_import_id    INTEGER,           -- the ledger state: imports up to this one
  charges_seen      INTEGER NOT NULL,
  usage_seen        INTEGER NOT NULL,
  billed_total      INTEGER,
  expected_total    INTEGER,
  findings_count    INTEGER NOT NULL,  -- findings above the tolerance
  month_status      TEXT               -- 'final', or 'estimated: N of M charges have no invoice id'
);

-- A run's totals per currency ('' for charges that name none).
CREATE TABLE reconciliation_totals (
  reconciliation_id INTEGER NOT NULL REFERENCES reconciliations (reconciliation_id),
  currency          TEXT NOT NULL,
  tolerance         INTEGER NOT NULL,  -- nanos, in this currency
  charges           INTEGER NOT NULL,
  billed_total      INTEGER NOT NULL,  -- nanos
  expected_total    INTEGER NOT NULL,
  findings_count    INTEGER NOT NULL,  -- findings above this currency's tolerance
  PRIMARY KEY (reconciliation_id, currency)
);

-- What a run found above its tolerance (kinds: docs/reconcile.md).
CREATE TABLE findings (
  finding_id        INTEGER PRIMARY KEY,
  reconciliation_id INTEGER NOT NULL REFERENCES reconciliations (reconciliation_id),
  kind              TEXT NOT NULL CHECK ((kind = 'billed_while_paused' OR kind = 'unexplained_charge' OR kind = 'unbilled_usage' OR kind = 'rate_mismatch' OR kind = 'discount_missing' OR kind = 'duplicate_charge' OR kind = 'correction' OR kind = 'late_correction' OR kind = 'currency_mismatch' OR kind = 'invoice_mismatch' OR kind = 'invoice_without_charges' OR kind = 'charges_without_invoice')),
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
  detail            TEXT,
  currency          TEXT               -- of billed and expected; '' none given
);
CREATE INDEX findings_run ON findings (reconciliation_id);

-- Every difference a run found, above its tolerance or not, one row per
-- charge (per usage interval for unbilled usage; runs stored before a
-- ledger's upgrade may have one per finding): the report prices from these,
-- so that what it shows does not depend on the tolerance of the run, and
-- converts each on its own day.
CREATE TABLE reconciliation_parts (
  reconciliation_id INTEGER NOT NULL REFERENCES reconciliations (reconciliation_id),
  kind              TEXT NOT NULL,
  provider          TEXT,
  project           TEXT,
  resource_id       TEXT,
  currency          TEXT,
  period_start      TEXT,
  billed            INTEGER NOT NULL,
  expected          INTEGER NOT NULL,
  difference        INTEGER NOT NULL,
  charge_ids        TEXT               -- JSON array
);
CREATE INDEX reconciliation_parts_run ON reconciliation_parts (reconciliation_id);
