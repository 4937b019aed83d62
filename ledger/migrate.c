/*
 * migrate.c: carries a ledger of an older schema version forward, one
 * version at a time, each step in its own transaction (migrate.h).
 *
 * A step's SQL leaves sqlite_schema with the text sql/schema.sql gives a new
 * ledger (tests compare the two), so tables are created with that text and
 * columns added at a table's end are edited into its CREATE text the way
 * ADD COLUMN places them.
 */
#include "migrate.h"

#include "ledger.h"
#include "migrate_keys.h"

#include <stdio.h>
#include <string.h>

extern const char ledger_views_sql[];

/* migrations[i] takes a ledger from version i + 1 to i + 2. */
static const char *const migrations[] = {
	/* 1 -> 2: indexes a large import builds after its rows (bulk_index.h).
	 * Written as sql/schema.sql has it, so that sqlite_schema holds the same
	 * text in a migrated ledger as in a new one. */
	"CREATE TABLE deferred_indexes (\n"
	"  name     TEXT PRIMARY KEY,           -- the index\n"
	"  tbl_name TEXT NOT NULL,              -- its table\n"
	"  sql      TEXT NOT NULL               -- its CREATE INDEX, as sqlite_schema had it\n"
	");",
	/* 2 -> 3: unit prices at full precision. charges.unit_price,
	 * charges.list_unit_price and rates.unit_price become canonical decimal
	 * TEXT; the nanos they held convert exactly (16667 is '0.000016667';
	 * NULL stays NULL; text, as in a ledger already of this shape, is
	 * made canonical).
	 * SQLite cannot change a column's type, so the two tables are built
	 * again: the old ones are renamed away first (legacy_alter_table keeps
	 * the views naming "charges" and "rates", which migrate() recreates
	 * anyway) and the new ones are created with the text of
	 * sql/schema.sql, so that sqlite_schema reads as in a new ledger. */
	"DROP INDEX IF EXISTS charges_period;\n"
	"DROP INDEX IF EXISTS charges_resource;\n"
	"PRAGMA legacy_alter_table = ON;\n"
	"ALTER TABLE charges RENAME TO charges_v2;\n"
	"ALTER TABLE rates RENAME TO rates_v2;\n"
	"PRAGMA legacy_alter_table = OFF;\n"
	"CREATE TABLE charges (\n"
	"  charge_id             INTEGER PRIMARY KEY,\n"
	"  import_id             INTEGER NOT NULL REFERENCES imports (import_id),\n"
	"  source_file           TEXT NOT NULL,\n"
	"  source_line           INTEGER NOT NULL,\n"
	"  -- What makes a line the same line when a month is delivered again: the\n"
	"  -- provider's line id (CUR identity/LineItemId + TimeInterval) or, where\n"
	"  -- there is none, a hash of the row; occurrence numbers identical rows\n"
	"  -- within one file so that genuine twin charges both survive.\n"
	"  row_key               BLOB NOT NULL,\n"
	"  occurrence            INTEGER NOT NULL DEFAULT 0,\n"
	"  line_item_id          TEXT,\n"
	"  provider              TEXT,\n"
	"  billing_account_id    TEXT,\n"
	"  sub_account_id        TEXT,\n"
	"  billing_period_start  TEXT,\n"
	"  billing_period_end    TEXT,\n"
	"  charge_period_start   TEXT NOT NULL,\n"
	"  charge_period_end     TEXT NOT NULL,\n"
	"  charge_category       TEXT CHECK ((charge_category = 'Usage' OR charge_category = 'Purchase' OR charge_category = 'Tax' OR charge_category = 'Credit' OR charge_category = 'Adjustment')),  -- NULL: not in the file\n"
	"  charge_class          TEXT CHECK (charge_class IS NULL OR charge_class = 'Correction'),\n"
	"  charge_description    TEXT,\n"
	"  service_name          TEXT,\n"
	"  sku_id                TEXT,\n"
	"  resource_id           TEXT,\n"
	"  instance_type         TEXT,\n"
	"  region_id             TEXT,\n"
	"  pricing_category      TEXT CHECK (pricing_category IS NULL OR (pricing_category = 'Standard' OR pricing_category = 'Dynamic' OR pricing_category = 'Committed' OR pricing_category = 'Other')),\n"
	"  pricing_quantity      REAL,\n"
	"  pricing_unit          TEXT,\n"
	"  unit_price            TEXT,          -- the price charged per pricing unit (canonical decimal)\n"
	"  list_unit_price       TEXT,\n"
	"  billed_cost           INTEGER NOT NULL,\n"
	"  effective_cost        INTEGER,\n"
	"  list_cost             INTEGER,\n"
	"  contracted_cost       INTEGER,\n"
	"  billing_currency      TEXT,\n"
	"  invoice_id            TEXT,\n"
	"  commitment_discount_status TEXT,\n"
	"  tags                  TEXT,          -- JSON object\n"
	"  project               TEXT,          -- from a tag (costledger import --tag-project)\n"
	"  UNIQUE (row_key, occurrence)\n"
	");\n"
	"INSERT INTO charges SELECT charge_id, import_id, source_file, source_line, row_key,\n"
	" occurrence, line_item_id, provider, billing_account_id, sub_account_id, billing_period_start,\n"
	" billing_period_end, charge_period_start, charge_period_end, charge_category, charge_class,\n"
	" charge_description, service_name, sku_id, resource_id, instance_type, region_id,\n"
	" pricing_category, pricing_quantity, pricing_unit,\n"
	" CASE typeof(unit_price) WHEN 'integer' THEN price(money_text(unit_price, 9))\n"
	"   ELSE price(unit_price) END,\n"
	" CASE typeof(list_unit_price) WHEN 'integer' THEN price(money_text(list_unit_price, 9))\n"
	"   ELSE price(list_unit_price) END,\n"
	" billed_cost, effective_cost, list_cost, contracted_cost, billing_currency, invoice_id,\n"
	" commitment_discount_status, tags, project FROM charges_v2;\n"
	"DROP TABLE charges_v2;\n"
	"CREATE INDEX charges_period ON charges (charge_period_start);\n"
	"CREATE INDEX charges_resource ON charges (resource_id, charge_period_start);\n"
	"CREATE TABLE rates (\n"
	"  rate_id          INTEGER PRIMARY KEY,\n"
	"  import_id        INTEGER REFERENCES imports (import_id),\n"
	"  source_file      TEXT,\n"
	"  source_line      INTEGER,\n"
	"  provider         TEXT NOT NULL,\n"
	"  sku              TEXT NOT NULL,      -- sku id or instance type\n"
	"  region           TEXT NOT NULL DEFAULT '',\n"
	"  pricing_category TEXT NOT NULL DEFAULT 'Standard',\n"
	"  unit             TEXT NOT NULL,      -- hour, GPU-hour, GB-month, ...\n"
	"  unit_price       TEXT NOT NULL,      -- canonical decimal text, exact\n"
	"  currency         TEXT NOT NULL,\n"
	"  discount         TEXT NOT NULL DEFAULT '0', -- decimal fraction: '0.15' for a 15% coupon\n"
	"  billing_rule     TEXT NOT NULL DEFAULT 'wall' CHECK ((billing_rule = 'wall' OR billing_rule = 'running')),\n"
	"  valid_from       TEXT NOT NULL,\n"
	"  valid_to         TEXT,               -- exclusive; NULL: still in force\n"
	"  UNIQUE (provider, sku, region, pricing_category, valid_from)\n"
	");\n"
	"INSERT INTO rates SELECT rate_id, import_id, source_file, source_line, provider, sku, region,\n"
	" pricing_category, unit,\n"
	" CASE typeof(unit_price) WHEN 'integer' THEN price(money_text(unit_price, 9))\n"
	"   ELSE price(unit_price) END,\n"
	" currency, discount, billing_rule, valid_from, valid_to FROM rates_v2;\n"
	"DROP TABLE rates_v2;",
	/* 3 -> 4: reconciliation per currency: reconciliation_totals, findings
	 * with their currency, the kinds late_correction and currency_mismatch,
	 * and reconciliation_parts (every difference, whatever the tolerance).
	 * reconciliations and findings are built again (a CHECK and a NOT NULL
	 * change) as sql/schema.sql writes them, and their rows copied. The
	 * two new tables are dropped first should they exist (a ledger made of
	 * today's schema but marked older, as tests do): renaming
	 * reconciliations would point their references at the old table. */
	"PRAGMA defer_foreign_keys = ON;\n"
	"DROP TABLE IF EXISTS reconciliation_parts;\n"
	"DROP TABLE IF EXISTS reconciliation_totals;\n"
	"DROP INDEX findings_run;\n"
	"ALTER TABLE findings RENAME TO findings_v2;\n"
	"ALTER TABLE reconciliations RENAME TO reconciliations_v2;\n"
	"CREATE TABLE reconciliations (\n"
	"  reconciliation_id INTEGER PRIMARY KEY,\n"
	"  month             TEXT NOT NULL,     -- 'YYYY-MM'\n"
	"  provider          TEXT,              -- NULL: all\n"
	"  tolerance         INTEGER NOT NULL,  -- nanos, in each currency without its own\n"
	"  run_at            TEXT NOT NULL,\n"
	"  last_import_id    INTEGER,           -- the ledger state: imports up to this one\n"
	"  charges_seen      INTEGER NOT NULL,\n"
	"  usage_seen        INTEGER NOT NULL,\n"
	"  billed_total      INTEGER,\n"
	"  expected_total    INTEGER,\n"
	"  findings_count    INTEGER NOT NULL   -- findings above the tolerance\n"
	");"
	"\n"
	"CREATE TABLE reconciliation_totals (\n"
	"  reconciliation_id INTEGER NOT NULL REFERENCES reconciliations (reconciliation_id),\n"
	"  currency          TEXT NOT NULL,\n"
	"  tolerance         INTEGER NOT NULL,  -- nanos, in this currency\n"
	"  charges           INTEGER NOT NULL,\n"
	"  billed_total      INTEGER NOT NULL,  -- nanos\n"
	"  expected_total    INTEGER NOT NULL,\n"
	"  findings_count    INTEGER NOT NULL,  -- findings above this currency's tolerance\n"
	"  PRIMARY KEY (reconciliation_id, currency)\n"
	");"
	"\n"
	"CREATE TABLE findings (\n"
	"  finding_id        INTEGER PRIMARY KEY,\n"
	"  reconciliation_id INTEGER NOT NULL REFERENCES reconciliations (reconciliation_id),\n"
	"  kind              TEXT NOT NULL CHECK ((kind = 'billed_while_paused' OR kind = 'unexplained_charge' OR kind = 'unbilled_usage' OR kind = 'rate_mismatch' OR kind = 'discount_missing' OR kind = 'duplicate_charge' OR kind = 'correction' OR kind = 'late_correction' OR kind = 'currency_mismatch')),\n"
	"  provider          TEXT,\n"
	"  project           TEXT,\n"
	"  resource_id       TEXT,\n"
	"  period_start      TEXT,\n"
	"  period_end        TEXT,\n"
	"  hours             REAL,\n"
	"  billed            INTEGER NOT NULL,  -- nanos\n"
	"  expected          INTEGER NOT NULL,  -- nanos\n"
	"  difference        INTEGER NOT NULL,  -- billed - expected, nanos\n"
	"  charge_ids        TEXT,              -- JSON array\n"
	"  usage_ids         TEXT,              -- JSON array\n"
	"  detail            TEXT,\n"
	"  currency          TEXT               -- of billed and expected; '' none given\n"
	");"
	"\n"
	"CREATE INDEX findings_run ON findings (reconciliation_id);"
	"\n"
	"CREATE TABLE reconciliation_parts (\n"
	"  reconciliation_id INTEGER NOT NULL REFERENCES reconciliations (reconciliation_id),\n"
	"  kind              TEXT NOT NULL,\n"
	"  provider          TEXT,\n"
	"  project           TEXT,\n"
	"  resource_id       TEXT,\n"
	"  currency          TEXT,\n"
	"  period_start      TEXT,\n"
	"  billed            INTEGER NOT NULL,\n"
	"  expected          INTEGER NOT NULL,\n"
	"  difference        INTEGER NOT NULL,\n"
	"  charge_ids        TEXT               -- JSON array\n"
	");"
	"\n"
	"CREATE INDEX reconciliation_parts_run ON reconciliation_parts (reconciliation_id);"
	"\n"
	"INSERT INTO reconciliations SELECT reconciliation_id, month, provider, tolerance, run_at,"
	" last_import_id, charges_seen, usage_seen, billed_total, expected_total, findings_count"
	" FROM reconciliations_v2;\n"
	"INSERT INTO findings (finding_id, reconciliation_id, kind, provider, project, resource_id,"
	" period_start, period_end, hours, billed, expected, difference, charge_ids, usage_ids, detail)"
	" SELECT finding_id, reconciliation_id, kind, provider, project, resource_id, period_start,"
	" period_end, hours, billed, expected, difference, charge_ids, usage_ids, detail"
	" FROM findings_v2;\n"
	"UPDATE findings SET currency = (SELECT coalesce(c.billing_currency, '') FROM charges c"
	" WHERE c.charge_id = json_extract(findings.charge_ids, '$[0]'));\n"
	"INSERT INTO reconciliation_parts SELECT reconciliation_id, kind, provider, project, resource_id,"
	" currency, period_start, billed, expected, difference, charge_ids FROM findings;\n"
	"DROP TABLE findings_v2;\n"
	"DROP TABLE reconciliations_v2;",
	/* 4 -> 5: own machines (hardware CSV), as sql/schema.sql has them
	 * (SQLite keeps the statement without IF NOT EXISTS, so the schema text
	 * is the same; IF NOT EXISTS lets a ledger that has the table pass). */
	"-- Machines the team owns (the hardware CSV): what each cost, over how many\n"
	"-- years it is written off and what it draws, to price `own` usage\n"
	"-- (hardware_hourly). machine is a usage row's resource_id or, for a class\n"
	"-- of identical machines, its instance_type. Imported as kind 'rates'.\n"
	"CREATE TABLE IF NOT EXISTS hardware (\n"
	"  hardware_id    INTEGER PRIMARY KEY,\n"
	"  import_id      INTEGER REFERENCES imports (import_id),\n"
	"  source_file    TEXT,\n"
	"  source_line    INTEGER,\n"
	"  machine        TEXT NOT NULL,\n"
	"  purchase_date  TEXT NOT NULL,        -- 'YYYY-MM-DD': written off from this day\n"
	"  gpus           INTEGER NOT NULL CHECK (gpus > 0),\n"
	"  purchase_cost  INTEGER NOT NULL,     -- nanos\n"
	"  currency       TEXT NOT NULL,\n"
	"  lifetime_years TEXT NOT NULL,        -- decimal text; a year is 8,760 hours\n"
	"  watts          TEXT NOT NULL,        -- decimal text: the machine at full load\n"
	"  price_per_kwh  INTEGER NOT NULL,     -- nanos\n"
	"  pue            TEXT NOT NULL DEFAULT '1', -- decimal text >= 1\n"
	"  UNIQUE (machine, purchase_date)\n"
	");\n",
	/* 5 -> 6: invoice totals, final months, commitments (issue 17). SQLite
	 * cannot alter a CHECK, and rebuilding `imports` would rewrite every
	 * REFERENCES to it; so the CREATE texts are edited in place, as SQLite's
	 * documentation describes for CHECKs no stored row breaks, and as ADD
	 * COLUMN itself does for a nullable last column: this leaves the text
	 * exactly as sql/schema.sql writes it (bulk_import.sh compares), and
	 * running it again changes nothing. RESET reloads the schema; the
	 * CREATE TABLE after it bumps the schema cookie for other connections. */
	"PRAGMA writable_schema = ON;\n"
	"UPDATE sqlite_schema SET sql = replace(sql, 'kind = ''fx_rates'')),',"
	" 'kind = ''fx_rates'' OR kind = ''invoices'')),') WHERE type = 'table' AND name = 'imports';\n"
	"UPDATE sqlite_schema SET sql = replace(sql, 'kind = ''currency_mismatch'')),',"
	" 'kind = ''currency_mismatch'' OR kind = ''invoice_mismatch'' OR kind = ''invoice_without_charges''"
	" OR kind = ''charges_without_invoice'')),') WHERE type = 'table' AND name = 'findings';\n"
	"UPDATE sqlite_schema SET sql = replace(sql, '  findings_count    INTEGER NOT NULL   -- findings above the tolerance\n)',"
	" '  findings_count    INTEGER NOT NULL,  -- findings above the tolerance\n"
	"  month_status      TEXT               -- ''final'', or ''estimated: N of M charges have no invoice id''\n)')"
	" WHERE type = 'table' AND name = 'reconciliations';\n"
	"UPDATE sqlite_schema SET sql = replace(sql, '(costledger import --tag-project)\n  UNIQUE (row_key, occurrence)',"
	" '(costledger import --tag-project)\n"
	"  commitment_discount_id TEXT,         -- FOCUS CommitmentDiscountId; CUR reservation/ReservationARN or savingsPlan/SavingsPlanARN\n"
	"  UNIQUE (row_key, occurrence)') WHERE type = 'table' AND name = 'charges';\n"
	"PRAGMA writable_schema = RESET;\n"
	"CREATE TABLE IF NOT EXISTS invoices (\n"
	"  invoice_row_id     INTEGER PRIMARY KEY,\n"
	"  import_id          INTEGER NOT NULL REFERENCES imports (import_id),\n"
	"  source_file        TEXT NOT NULL,\n"
	"  source_line        INTEGER NOT NULL,\n"
	"  invoice_id         TEXT NOT NULL,\n"
	"  provider           TEXT NOT NULL COLLATE NOCASE,\n"
	"  billing_account_id TEXT NOT NULL,\n"
	"  billing_period     TEXT NOT NULL,      -- 'YYYY-MM'\n"
	"  amount             INTEGER NOT NULL,   -- nanos\n"
	"  currency           TEXT NOT NULL,\n"
	"  UNIQUE (provider, billing_account_id, invoice_id)\n"
	");",
	/* 6 -> 7: living sources (deliveries, statement keys, charge_history,
	 * usage_history); the crc32 identity index goes. The text is
	 * sql/schema.sql's; IF NOT EXISTS is not kept in sqlite_schema. */
	"DROP INDEX IF EXISTS imports_content;\n"
	"CREATE TABLE IF NOT EXISTS import_deliveries (\n"
	"  import_id   INTEGER PRIMARY KEY REFERENCES imports (import_id),\n"
	"  delivery_id INTEGER NOT NULL,\n"
	"  mode        TEXT NOT NULL CHECK ((mode = 'statement' OR mode = 'incremental' OR mode = 'usage'))\n"
	");\n"
	"CREATE INDEX IF NOT EXISTS import_deliveries_delivery ON import_deliveries (delivery_id);\n"
	"CREATE TABLE IF NOT EXISTS import_statements (\n"
	"  import_id            INTEGER NOT NULL REFERENCES imports (import_id),\n"
	"  provider             TEXT,\n"
	"  billing_account_id   TEXT,\n"
	"  billing_period_start TEXT,\n"
	"  UNIQUE (import_id, provider, billing_account_id, billing_period_start)\n"
	");\n"
	"CREATE TABLE IF NOT EXISTS charge_history (\n"
	"  charge_id             INTEGER NOT NULL,\n"
	"  import_id             INTEGER NOT NULL,\n"
	"  source_file           TEXT NOT NULL,\n"
	"  source_line           INTEGER NOT NULL,\n"
	"  row_key               BLOB NOT NULL,\n"
	"  occurrence            INTEGER NOT NULL,\n"
	"  line_item_id          TEXT,\n"
	"  provider              TEXT,\n"
	"  billing_account_id    TEXT,\n"
	"  sub_account_id        TEXT,\n"
	"  billing_period_start  TEXT,\n"
	"  billing_period_end    TEXT,\n"
	"  charge_period_start   TEXT NOT NULL,\n"
	"  charge_period_end     TEXT NOT NULL,\n"
	"  charge_category       TEXT,\n"
	"  charge_class          TEXT,\n"
	"  charge_description    TEXT,\n"
	"  service_name          TEXT,\n"
	"  sku_id                TEXT,\n"
	"  resource_id           TEXT,\n"
	"  instance_type         TEXT,\n"
	"  region_id             TEXT,\n"
	"  pricing_category      TEXT,\n"
	"  pricing_quantity      REAL,\n"
	"  pricing_unit          TEXT,\n"
	"  unit_price            TEXT,\n"
	"  list_unit_price       TEXT,\n"
	"  billed_cost           INTEGER NOT NULL,\n"
	"  effective_cost        INTEGER,\n"
	"  list_cost             INTEGER,\n"
	"  contracted_cost       INTEGER,\n"
	"  billing_currency      TEXT,\n"
	"  invoice_id            TEXT,\n"
	"  commitment_discount_status TEXT,\n"
	"  tags                  TEXT,\n"
	"  project               TEXT,\n"
	"  commitment_discount_id TEXT,\n"
	"  superseded_by         INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX IF NOT EXISTS charge_history_superseded ON charge_history (superseded_by);\n"
	"CREATE INDEX IF NOT EXISTS charge_history_charge ON charge_history (charge_id);\n"
	"CREATE TABLE IF NOT EXISTS usage_history (\n"
	"  usage_id       INTEGER NOT NULL,\n"
	"  import_id      INTEGER NOT NULL,\n"
	"  source_file    TEXT NOT NULL,\n"
	"  source_line    INTEGER NOT NULL,\n"
	"  row_key        BLOB NOT NULL,\n"
	"  occurrence     INTEGER NOT NULL,\n"
	"  provider       TEXT,\n"
	"  account        TEXT,\n"
	"  project        TEXT,\n"
	"  job_id         TEXT,\n"
	"  run_id         TEXT,\n"
	"  epoch          INTEGER,\n"
	"  planned_epochs INTEGER,\n"
	"  resource_id    TEXT,\n"
	"  instance_type  TEXT,\n"
	"  pricing        TEXT,\n"
	"  gpus           INTEGER,\n"
	"  usage_start    TEXT NOT NULL,\n"
	"  usage_end      TEXT NOT NULL,\n"
	"  state          TEXT NOT NULL,\n"
	"  gpu_utilization REAL,\n"
	"  attributes     TEXT,\n"
	"  superseded_by  INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX IF NOT EXISTS usage_history_superseded ON usage_history (superseded_by);\n"
	"CREATE INDEX IF NOT EXISTS usage_history_usage ON usage_history (usage_id);",
	/* 7 -> 8: the bill's names, categories and commitment discount columns
	 * that the FOCUS export writes (docs/exports.md). They go at the end of
	 * charges, edited into its CREATE text as ADD COLUMN would place them
	 * (nullable, last: stored rows read them as NULL), so the text is
	 * sql/schema.sql's; charge_history, whose superseded_by comes last, is
	 * built again. */
	"PRAGMA writable_schema = ON;\n"
	"UPDATE sqlite_schema SET sql = replace(sql, 'savingsPlan/SavingsPlanARN\n  UNIQUE (row_key, occurrence)',"
	" 'savingsPlan/SavingsPlanARN\n"
	"  -- Names and ids the FOCUS export writes back (docs/exports.md).\n"
	"  billing_account_name  TEXT,\n"
	"  sub_account_name      TEXT,\n"
	"  invoice_issuer_name   TEXT,          -- FOCUS InvoiceIssuerName, CUR bill/InvoicingEntity\n"
	"  publisher_name        TEXT,\n"
	"  host_provider_name    TEXT,          -- FOCUS 1.3 HostProviderName\n"
	"  service_category      TEXT,          -- as the bill wrote it (FOCUS ServiceCategory)\n"
	"  sku_price_id          TEXT,\n"
	"  resource_name         TEXT,\n"
	"  region_name           TEXT,\n"
	"  commitment_discount_category TEXT,\n"
	"  commitment_discount_type     TEXT,\n"
	"  commitment_discount_name     TEXT,\n"
	"  UNIQUE (row_key, occurrence)') WHERE type = 'table' AND name = 'charges';\n"
	"PRAGMA writable_schema = RESET;\n"
	"DROP INDEX IF EXISTS charge_history_superseded;\n"
	"DROP INDEX IF EXISTS charge_history_charge;\n"
	"PRAGMA legacy_alter_table = ON;\n"
	"ALTER TABLE charge_history RENAME TO charge_history_v7;\n"
	"PRAGMA legacy_alter_table = OFF;\n"
	"CREATE TABLE charge_history (\n"
	"  charge_id             INTEGER NOT NULL,\n"
	"  import_id             INTEGER NOT NULL,\n"
	"  source_file           TEXT NOT NULL,\n"
	"  source_line           INTEGER NOT NULL,\n"
	"  row_key               BLOB NOT NULL,\n"
	"  occurrence            INTEGER NOT NULL,\n"
	"  line_item_id          TEXT,\n"
	"  provider              TEXT,\n"
	"  billing_account_id    TEXT,\n"
	"  sub_account_id        TEXT,\n"
	"  billing_period_start  TEXT,\n"
	"  billing_period_end    TEXT,\n"
	"  charge_period_start   TEXT NOT NULL,\n"
	"  charge_period_end     TEXT NOT NULL,\n"
	"  charge_category       TEXT,\n"
	"  charge_class          TEXT,\n"
	"  charge_description    TEXT,\n"
	"  service_name          TEXT,\n"
	"  sku_id                TEXT,\n"
	"  resource_id           TEXT,\n"
	"  instance_type         TEXT,\n"
	"  region_id             TEXT,\n"
	"  pricing_category      TEXT,\n"
	"  pricing_quantity      REAL,\n"
	"  pricing_unit          TEXT,\n"
	"  unit_price            TEXT,\n"
	"  list_unit_price       TEXT,\n"
	"  billed_cost           INTEGER NOT NULL,\n"
	"  effective_cost        INTEGER,\n"
	"  list_cost             INTEGER,\n"
	"  contracted_cost       INTEGER,\n"
	"  billing_currency      TEXT,\n"
	"  invoice_id            TEXT,\n"
	"  commitment_discount_status TEXT,\n"
	"  tags                  TEXT,\n"
	"  project               TEXT,\n"
	"  commitment_discount_id TEXT,\n"
	"  billing_account_name  TEXT,\n"
	"  sub_account_name      TEXT,\n"
	"  invoice_issuer_name   TEXT,\n"
	"  publisher_name        TEXT,\n"
	"  host_provider_name    TEXT,\n"
	"  service_category      TEXT,\n"
	"  sku_price_id          TEXT,\n"
	"  resource_name         TEXT,\n"
	"  region_name           TEXT,\n"
	"  commitment_discount_category TEXT,\n"
	"  commitment_discount_type     TEXT,\n"
	"  commitment_discount_name     TEXT,\n"
	"  superseded_by         INTEGER NOT NULL\n"
	");\n"
	"INSERT INTO charge_history (charge_id, import_id, source_file, source_line, row_key, occurrence, line_item_id, provider, billing_account_id, sub_account_id, billing_period_start, billing_period_end, charge_period_start, charge_period_end, charge_category, charge_class, charge_description, service_name, sku_id, resource_id, instance_type, region_id, pricing_category, pricing_quantity, pricing_unit, unit_price, list_unit_price, billed_cost, effective_cost, list_cost, contracted_cost, billing_currency, invoice_id, commitment_discount_status, tags, project, commitment_discount_id, superseded_by)"
	" SELECT charge_id, import_id, source_file, source_line, row_key, occurrence, line_item_id, provider, billing_account_id, sub_account_id, billing_period_start, billing_period_end, charge_period_start, charge_period_end, charge_category, charge_class, charge_description, service_name, sku_id, resource_id, instance_type, region_id, pricing_category, pricing_quantity, pricing_unit, unit_price, list_unit_price, billed_cost, effective_cost, list_cost, contracted_cost, billing_currency, invoice_id, commitment_discount_status, tags, project, commitment_discount_id, superseded_by FROM charge_history_v7;\n"
	"DROP TABLE charge_history_v7;\n"
	"CREATE INDEX charge_history_superseded ON charge_history (superseded_by);\n"
	"CREATE INDEX charge_history_charge ON charge_history (charge_id);\n",
	/* 8 -> 9: an import of own hardware is kind 'hardware', no longer
	 * 'rates'. Every hardware import was stored with format 'hardware'
	 * (cmd_import.c, since schema 3), so the old rows move too. The CHECK
	 * is edited in place as in 5 -> 6; the table created and dropped after
	 * RESET bumps the schema cookie for other connections. */
	"PRAGMA writable_schema = ON;\n"
	"UPDATE sqlite_schema SET sql = replace(sql, 'kind = ''invoices'')),',"
	" 'kind = ''invoices'' OR kind = ''hardware'')),') WHERE type = 'table' AND name = 'imports';\n"
	"PRAGMA writable_schema = RESET;\n"
	"CREATE TABLE migrate_8_to_9 (x);\n"
	"DROP TABLE migrate_8_to_9;\n"
	"UPDATE imports SET kind = 'hardware' WHERE kind = 'rates' AND format = 'hardware';\n",
	/* 9 -> 10: the row keys of lines stored before they came from the typed
	 * record (version 7 and older) or before the names were in them
	 * (version 8 ledgers migrated from 7): migrate_keys.c, no SQL. */
	NULL,
};

/* Steps done in C after their SQL, by the same index as migrations[]. */
static int (*const migration_code[sizeof migrations / sizeof migrations[0]])(sqlite3 *) = {
	[8] = migrate_charge_keys,
};

/* Drops every view: a step that rebuilds a table must not trip over views
 * written for another version; the last step creates them again. */
static int drop_views(sqlite3 *db)
{
	sqlite3_stmt *stmt;
	char *sql = NULL;
	int rc;

	rc = sqlite3_prepare_v2(db, "SELECT group_concat(format('DROP VIEW \"%w\";', name), '')"
				" FROM sqlite_schema WHERE type = 'view'", -1, &stmt, NULL);
	if (rc == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
		sql = sqlite3_mprintf("%s", (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	if (rc != SQLITE_OK) {
		error_exit(EXIT_LEDGER, "%s", sqlite3_errmsg(db));
		return rc;
	}
	rc = sql ? ledger_exec(db, sql) : SQLITE_OK;
	sqlite3_free(sql);
	return rc;
}

static int run_code(sqlite3 *db, int (*step)(sqlite3 *))
{
	int rc = step(db);

	if (rc != SQLITE_OK)
		error_exit(EXIT_LEDGER, "cannot migrate the ledger: %s", sqlite3_errmsg(db));
	return rc;
}

int ledger_migrate(sqlite3 *db, int from)
{
	int version;

	for (version = from; version < LEDGER_SCHEMA_VERSION; version++) {
		int last = version + 1 == LEDGER_SCHEMA_VERSION;
		char sql[64];

		snprintf(sql, sizeof sql, "PRAGMA user_version = %d;", version + 1);
		if (ledger_exec(db, "BEGIN IMMEDIATE") != SQLITE_OK)
			return -1;
		if (drop_views(db) != SQLITE_OK ||
		    (migrations[version - 1] && ledger_exec(db, migrations[version - 1]) != SQLITE_OK) ||
		    (migration_code[version - 1] && run_code(db, migration_code[version - 1]) != SQLITE_OK) ||
		    (last && ledger_exec(db, ledger_views_sql) != SQLITE_OK) ||
		    ledger_exec(db, sql) != SQLITE_OK) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
		if (ledger_exec(db, "COMMIT") != SQLITE_OK)
			return -1;
	}
	return 0;
}

/* Tables, views and indexes in the database; -1 when it cannot be read. */
