PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
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
INSERT INTO imports VALUES(1,'bill','/work/wt/t13/samples/gpucloud-focus-2026-10.csv',23136,0,109181227,23136,'focus-1.2','2026-12-02T00:31:45Z',82,82,0,0,0,'{"format":"focus-1.2","missing_columns":["SubAccountId","CommitmentDiscountStatus"],"ignored_columns":0,"focus_rules_broken":{"CostAndUsage-D-005-M":1,"CostAndUsage-D-021-M":1,"CostAndUsage-D-023-M":1,"CostAndUsage-D-040-M":1}}');
INSERT INTO imports VALUES(2,'bill','reordered.csv',23136,0,2749216868,23136,'focus-1.2','2026-12-02T00:33:24Z',82,82,0,0,0,'{"format":"focus-1.2","missing_columns":["SubAccountId","CommitmentDiscountStatus"],"ignored_columns":0,"focus_rules_broken":{"CostAndUsage-D-005-M":1,"CostAndUsage-D-021-M":1,"CostAndUsage-D-023-M":1,"CostAndUsage-D-040-M":1}}');
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
  UNIQUE (row_key, occurrence)
);
INSERT INTO charges VALUES(1,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',2,X'40006ac43a008136bf5dd43ff9a7dc54',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T00:00:00Z','2026-10-06T01:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(2,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',3,X'40006ac448109bd9a6c3474d1cb9fc3c',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T01:00:00Z','2026-10-06T02:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(3,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',4,X'40006ac45620c5abc9ea3d11ef1b4f4b',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T02:00:00Z','2026-10-06T03:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(4,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',5,X'40006ac46430cc2b4aeb14d0607114b7',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T03:00:00Z','2026-10-06T04:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(5,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',6,X'40006ac472401d807a8ff31e3e9fa8ce',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T04:00:00Z','2026-10-06T05:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(6,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',7,X'40006ac480507f76e899435243e3ba4b',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T05:00:00Z','2026-10-06T06:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(7,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',8,X'40006ac48e60ac07fe5b556ac4b8b753',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T06:00:00Z','2026-10-06T07:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(8,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',9,X'40006ac49c70ab024f87144eb6403688',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T07:00:00Z','2026-10-06T08:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(9,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',10,X'40006ac4aa8033fb728b0b9ce84de8e0',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T08:00:00Z','2026-10-06T09:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(10,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',11,X'40006ac4b890e1ba5ceca876827610f0',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T09:00:00Z','2026-10-06T10:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(11,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',12,X'40006ac4c6a07ffeecfd95477c7b815e',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T10:00:00Z','2026-10-06T11:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(12,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',13,X'40006ac4d4b0f2b132d4a7a5c17f4d90',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T11:00:00Z','2026-10-06T12:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(13,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',14,X'40006ac4e2c068fb838b8a4687740cb9',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T12:00:00Z','2026-10-06T13:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(14,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',15,X'40006ac4f0d0bed3d095076dbe13e5cd',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T13:00:00Z','2026-10-06T14:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(15,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',16,X'40006ac4fee0d0f246d2024a953197d6',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T14:00:00Z','2026-10-06T15:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(16,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',17,X'40006ac50cf064598a36c95a159140b7',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T15:00:00Z','2026-10-06T16:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(17,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',18,X'40006ac51b002c4129de233171eefa8b',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T16:00:00Z','2026-10-06T17:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(18,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',19,X'40006ac529105e85b19b1cdb5a9c07a6',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T17:00:00Z','2026-10-06T18:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(19,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',20,X'40006ac537203e8ae3050b4365287d48',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T18:00:00Z','2026-10-06T19:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(20,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',21,X'40006ac54530dfae26d3c68d089b6dac',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T19:00:00Z','2026-10-06T20:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(21,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',22,X'40006ac55340ad8a796f2b388aede847',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T20:00:00Z','2026-10-06T21:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(22,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',23,X'40006ac561502de9866aa9cb6bcba7fd',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T21:00:00Z','2026-10-06T22:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(23,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',24,X'40006ac56f609e3cdd92fc5a72414441',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T22:00:00Z','2026-10-06T23:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(24,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',25,X'40006ac57d70c09fb68844ea704c592d',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T23:00:00Z','2026-10-07T00:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(25,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',26,X'40006ac58b80f9282bf8ee9ed29a27e6',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T00:00:00Z','2026-10-07T01:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(26,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',27,X'40006ac599905d2deab9ae570c5f6384',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T01:00:00Z','2026-10-07T02:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(27,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',28,X'40006ac5a7a065fe587526c7ba815661',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T02:00:00Z','2026-10-07T03:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(28,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',29,X'40006ac5b5b08cfc04eb10a3401ba6dd',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T03:00:00Z','2026-10-07T04:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(29,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',30,X'40006ac5dfe00dadf530a6f5b19eba47',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T06:00:00Z','2026-10-07T07:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(30,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',31,X'40006ac5edf09d4b4d3e9386d099f0ef',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T07:00:00Z','2026-10-07T08:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(31,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',32,X'40006ac5fc003ed226fc72bc53cbd2d7',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T08:00:00Z','2026-10-07T09:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(32,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',33,X'40006ac60a10d6c2de7f7f838ad23104',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T09:00:00Z','2026-10-07T10:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(33,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',34,X'40006ac61820b03a51f9560ef4d2271a',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T10:00:00Z','2026-10-07T11:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(34,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',35,X'40006ac626304a7cb3a56fe193f86986',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T11:00:00Z','2026-10-07T12:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(35,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',36,X'40006ac634402eb76484bab7cd53e37f',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T12:00:00Z','2026-10-07T13:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(36,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',37,X'40006ac6425087c37b0a19942b6cd13d',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T13:00:00Z','2026-10-07T14:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(37,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',38,X'40006ac65060b315c8b58a5134b328f7',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T14:00:00Z','2026-10-07T15:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(38,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',39,X'40006ac65e7004465e5e9e00d23d938f',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T15:00:00Z','2026-10-07T16:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(39,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',40,X'40006ac66c808720854c5324a63ba182',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T16:00:00Z','2026-10-07T17:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(40,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',41,X'40006ac67a905608ed4cb14aa01ed01c',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T17:00:00Z','2026-10-07T18:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(41,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',42,X'40006ac688a04ee79c3f2fd09a2c00a2',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T18:00:00Z','2026-10-07T19:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(42,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',43,X'40006ac696b0ca1412cd691f328763b8',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T19:00:00Z','2026-10-07T20:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(43,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',44,X'40006ac6a4c01455e1f75d7a9a252310',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T20:00:00Z','2026-10-07T21:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(44,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',45,X'40006ac6b2d04a44bf86784fc3f06add',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T21:00:00Z','2026-10-07T22:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(45,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',46,X'40006ac6c0e0891e67c32c90e0d98c86',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T22:00:00Z','2026-10-07T23:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(46,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',47,X'40006ac6cef0564970947b821f83f2c6',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T23:00:00Z','2026-10-08T00:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(47,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',48,X'40006ad01780c2f16668401750f0e558',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T00:00:00Z','2026-10-15T01:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(48,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',49,X'40006ad025908ffc240c763f698021e5',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T01:00:00Z','2026-10-15T02:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(49,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',50,X'40006ad033a05e53c5b404314fd01318',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T02:00:00Z','2026-10-15T03:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(50,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',51,X'40006ad041b04992bcbe473a1404f868',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T03:00:00Z','2026-10-15T04:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(51,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',52,X'40006ad04fc01d97f84458a8cd8b2c81',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T04:00:00Z','2026-10-15T05:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(52,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',53,X'40006ad05dd0240293e481f46d7940f6',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T05:00:00Z','2026-10-15T06:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(53,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',54,X'40006ad06be0c1884d3b166b92102749',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T06:00:00Z','2026-10-15T07:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(54,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',55,X'40006ad079f0464778dada66cac67e55',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T07:00:00Z','2026-10-15T08:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(55,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',56,X'40006ad08800f5141c69a163f295f2d1',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T08:00:00Z','2026-10-15T09:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(56,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',57,X'40006ad096100bba78aa82ceb1ae619e',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T09:00:00Z','2026-10-15T10:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(57,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',58,X'40006ad0a420f488ae41cdffb1d3b811',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T10:00:00Z','2026-10-15T11:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(58,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',59,X'40006ad0b2301d9486a35d892d54ae71',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T11:00:00Z','2026-10-15T12:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(59,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',60,X'40006ad0c0409c0e7f999b2af43fd08d',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T12:00:00Z','2026-10-15T13:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(60,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',61,X'40006ad0ce50c1c49142adcb36871dd6',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T13:00:00Z','2026-10-15T14:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(61,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',62,X'40006ad0dc606dac2cd857ec91bb1356',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T14:00:00Z','2026-10-15T15:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(62,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',63,X'40006ad0ea70a4ad870bb6103d3ce578',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T15:00:00Z','2026-10-15T16:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(63,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',64,X'40006ad0f880ac71da3928ed2e500fb9',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T16:00:00Z','2026-10-15T17:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(64,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',65,X'40006ad10690c7ae494a6bcfbb5d33cf',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T17:00:00Z','2026-10-15T18:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(65,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',66,X'40006ad114a09b83240d92edf91c7851',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T18:00:00Z','2026-10-15T19:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(66,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',67,X'40006ad122b084a5b3dc2db50286230c',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T19:00:00Z','2026-10-15T20:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(67,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',68,X'40006ad130c041c12d544c9236f128be',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T20:00:00Z','2026-10-15T21:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(68,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',69,X'40006ad13ed0f465d4112990f86d2a66',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T21:00:00Z','2026-10-15T22:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(69,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',70,X'40006ad14ce0d482c052915d75b2672b',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T22:00:00Z','2026-10-15T23:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(70,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',71,X'40006ad15af0bc675f907a4a5337f002',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T23:00:00Z','2026-10-16T00:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(71,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',72,X'40006ad16900ff92d69e70b5a35d8d3c',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T00:00:00Z','2026-10-16T01:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(72,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',73,X'40006ad177105a43165520937ca1f112',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T01:00:00Z','2026-10-16T02:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(73,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',74,X'40006ad185203f72fd6578e2592fb713',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T02:00:00Z','2026-10-16T03:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(74,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',75,X'40006ad193304fb58fc53784674ce608',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T03:00:00Z','2026-10-16T04:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(75,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',76,X'40006ad1a140a99e381525f86e1a0d82',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T04:00:00Z','2026-10-16T05:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(76,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',77,X'40006ad1af502b408754866415caab19',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T05:00:00Z','2026-10-16T06:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(77,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',78,X'40006ad1bd601a9c72fe737c058da464',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T06:00:00Z','2026-10-16T07:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(78,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',79,X'40006ad1cb7079b9fbb35db4482e9ca7',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T07:00:00Z','2026-10-16T08:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(79,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',80,X'40006ad1d9807b47e6176524df89c06e',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T08:00:00Z','2026-10-16T09:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(80,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',81,X'40006ad1e7903aa20605efb6f31188b7',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T09:00:00Z','2026-10-16T10:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(81,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',82,X'40006ad1f5a0dcec1074e9ef437588f4',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T10:00:00Z','2026-10-16T11:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(82,1,'/work/wt/t13/samples/gpucloud-focus-2026-10.csv',83,X'40006ad203b0306af7ae83516fc48bd3',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T11:00:00Z','2026-10-16T12:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(83,2,'reordered.csv',2,X'40006ac43a00dcabd5bd218275863f66',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T00:00:00Z','2026-10-06T01:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(84,2,'reordered.csv',3,X'40006ac4481089fd673cb2302913ee0e',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T01:00:00Z','2026-10-06T02:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(85,2,'reordered.csv',4,X'40006ac456202d6de07b7214e861e90f',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T02:00:00Z','2026-10-06T03:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(86,2,'reordered.csv',5,X'40006ac46430aeccc7f4890db951af3d',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T03:00:00Z','2026-10-06T04:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(87,2,'reordered.csv',6,X'40006ac47240b72b40c674fadfb687da',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T04:00:00Z','2026-10-06T05:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(88,2,'reordered.csv',7,X'40006ac48050db7338cb016a02dd5244',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T05:00:00Z','2026-10-06T06:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(89,2,'reordered.csv',8,X'40006ac48e6093bd5686e2a1714ded30',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T06:00:00Z','2026-10-06T07:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(90,2,'reordered.csv',9,X'40006ac49c70120f19bf0c1c808ddcec',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T07:00:00Z','2026-10-06T08:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(91,2,'reordered.csv',10,X'40006ac4aa807f8cbae3edfca1a2c45e',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T08:00:00Z','2026-10-06T09:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(92,2,'reordered.csv',11,X'40006ac4b890fd42e8ba33ecc3d08c52',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T09:00:00Z','2026-10-06T10:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(93,2,'reordered.csv',12,X'40006ac4c6a0272c164c26e8d82b8795',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T10:00:00Z','2026-10-06T11:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(94,2,'reordered.csv',13,X'40006ac4d4b046311c7cf0fd6b07094c',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T11:00:00Z','2026-10-06T12:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(95,2,'reordered.csv',14,X'40006ac4e2c0a99aae2188ea85980407',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T12:00:00Z','2026-10-06T13:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(96,2,'reordered.csv',15,X'40006ac4f0d0a4b0f28b54eafdbdb778',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T13:00:00Z','2026-10-06T14:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(97,2,'reordered.csv',16,X'40006ac4fee0399329868839525ff0cc',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T14:00:00Z','2026-10-06T15:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(98,2,'reordered.csv',17,X'40006ac50cf009fc4c32a4f7625d1e33',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T15:00:00Z','2026-10-06T16:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(99,2,'reordered.csv',18,X'40006ac51b00333f0db5371c39a0867b',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T16:00:00Z','2026-10-06T17:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(100,2,'reordered.csv',19,X'40006ac52910f0404b009c555827492d',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T17:00:00Z','2026-10-06T18:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(101,2,'reordered.csv',20,X'40006ac5372001b6ea99911008d8dc69',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T18:00:00Z','2026-10-06T19:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(102,2,'reordered.csv',21,X'40006ac545300d7d06f3f38d29efbb7f',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T19:00:00Z','2026-10-06T20:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(103,2,'reordered.csv',22,X'40006ac553401bc502d71291c48ada8a',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T20:00:00Z','2026-10-06T21:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(104,2,'reordered.csv',23,X'40006ac561503e6bf60a25bedd0926d5',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T21:00:00Z','2026-10-06T22:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(105,2,'reordered.csv',24,X'40006ac56f60a840695bef5045a61c85',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T22:00:00Z','2026-10-06T23:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(106,2,'reordered.csv',25,X'40006ac57d70c8e6d5d0cb958f3bd382',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-06T23:00:00Z','2026-10-07T00:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(107,2,'reordered.csv',26,X'40006ac58b803f5c8327ee02c64be7b5',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T00:00:00Z','2026-10-07T01:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(108,2,'reordered.csv',27,X'40006ac599905e33e14db15b800cd52d',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T01:00:00Z','2026-10-07T02:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(109,2,'reordered.csv',28,X'40006ac5a7a0825e7409e5389919a738',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T02:00:00Z','2026-10-07T03:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(110,2,'reordered.csv',29,X'40006ac5b5b009e7c462b1ac914f6ea2',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T03:00:00Z','2026-10-07T04:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(111,2,'reordered.csv',30,X'40006ac5dfe0a228c40c7d30ccf36896',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T06:00:00Z','2026-10-07T07:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(112,2,'reordered.csv',31,X'40006ac5edf081d100579eab732dfed4',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T07:00:00Z','2026-10-07T08:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(113,2,'reordered.csv',32,X'40006ac5fc009360129f3b864a21b92f',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T08:00:00Z','2026-10-07T09:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(114,2,'reordered.csv',33,X'40006ac60a10058a874efa1d426e2bd0',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T09:00:00Z','2026-10-07T10:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(115,2,'reordered.csv',34,X'40006ac61820d4f3c2ff0e698d0e52a8',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T10:00:00Z','2026-10-07T11:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(116,2,'reordered.csv',35,X'40006ac6263065689da7a38b4da20dc4',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T11:00:00Z','2026-10-07T12:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(117,2,'reordered.csv',36,X'40006ac634406cc46b2a13dd83db5a1a',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T12:00:00Z','2026-10-07T13:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(118,2,'reordered.csv',37,X'40006ac64250c6ed2b76ec258a16d30d',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T13:00:00Z','2026-10-07T14:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(119,2,'reordered.csv',38,X'40006ac65060a8d37e977b3932533f26',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T14:00:00Z','2026-10-07T15:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(120,2,'reordered.csv',39,X'40006ac65e70c6d92410fc04abe51abf',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T15:00:00Z','2026-10-07T16:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(121,2,'reordered.csv',40,X'40006ac66c80e5620289cf20144b8824',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T16:00:00Z','2026-10-07T17:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(122,2,'reordered.csv',41,X'40006ac67a90a3b3c55162d452b417fa',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T17:00:00Z','2026-10-07T18:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(123,2,'reordered.csv',42,X'40006ac688a07025a5dc4f4509765d0f',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T18:00:00Z','2026-10-07T19:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(124,2,'reordered.csv',43,X'40006ac696b0a7a0aed3991a6178ed9b',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T19:00:00Z','2026-10-07T20:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(125,2,'reordered.csv',44,X'40006ac6a4c05cdf631a1d49526b1ee7',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T20:00:00Z','2026-10-07T21:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(126,2,'reordered.csv',45,X'40006ac6b2d06639c72448b445e1cdb6',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T21:00:00Z','2026-10-07T22:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(127,2,'reordered.csv',46,X'40006ac6c0e06434ce23c80ff5d1250d',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T22:00:00Z','2026-10-07T23:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(128,2,'reordered.csv',47,X'40006ac6cef0398ebe6f4879b38f0c07',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-07T23:00:00Z','2026-10-08T00:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-01','a100-8x','eu-north','Standard',1.0,'Hours','24.225','28.5',24225000000,24225000000,28500000000,24225000000,'USD','GC-2026-10',NULL,'{"project": "nlp"}','nlp',NULL);
INSERT INTO charges VALUES(129,2,'reordered.csv',48,X'40006ad01780297bc83cfe8da944fa3d',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T00:00:00Z','2026-10-15T01:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(130,2,'reordered.csv',49,X'40006ad02590b719eb9aafbab4894a2b',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T01:00:00Z','2026-10-15T02:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(131,2,'reordered.csv',50,X'40006ad033a05ad375ea79e8860f6a02',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T02:00:00Z','2026-10-15T03:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(132,2,'reordered.csv',51,X'40006ad041b043ed2a2d5eaf20cef0c5',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T03:00:00Z','2026-10-15T04:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(133,2,'reordered.csv',52,X'40006ad04fc04646ad6164be0494cfde',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T04:00:00Z','2026-10-15T05:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(134,2,'reordered.csv',53,X'40006ad05dd0924501d65a031f9797ef',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T05:00:00Z','2026-10-15T06:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(135,2,'reordered.csv',54,X'40006ad06be055cb96719c82a03d1ba0',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T06:00:00Z','2026-10-15T07:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(136,2,'reordered.csv',55,X'40006ad079f0da9a1e41e3fffd74f5d4',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T07:00:00Z','2026-10-15T08:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(137,2,'reordered.csv',56,X'40006ad0880022eb2096f6d7ef1037e7',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T08:00:00Z','2026-10-15T09:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(138,2,'reordered.csv',57,X'40006ad09610946116408ec5fd6205ad',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T09:00:00Z','2026-10-15T10:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(139,2,'reordered.csv',58,X'40006ad0a420597724947f595d967ecc',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T10:00:00Z','2026-10-15T11:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(140,2,'reordered.csv',59,X'40006ad0b2300c996867e3041dfb8691',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T11:00:00Z','2026-10-15T12:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(141,2,'reordered.csv',60,X'40006ad0c0407a04ed3853d783dbc73c',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T12:00:00Z','2026-10-15T13:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(142,2,'reordered.csv',61,X'40006ad0ce50e4385fbf7d325624b98b',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T13:00:00Z','2026-10-15T14:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(143,2,'reordered.csv',62,X'40006ad0dc6000129463ca3c95318480',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T14:00:00Z','2026-10-15T15:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(144,2,'reordered.csv',63,X'40006ad0ea70231e67348efe85cc458b',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T15:00:00Z','2026-10-15T16:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(145,2,'reordered.csv',64,X'40006ad0f880b9a2872e69379ce6a291',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T16:00:00Z','2026-10-15T17:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(146,2,'reordered.csv',65,X'40006ad10690443b05ec9679c36512f9',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T17:00:00Z','2026-10-15T18:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(147,2,'reordered.csv',66,X'40006ad114a0c78b96f3d9be9a8f159e',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T18:00:00Z','2026-10-15T19:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(148,2,'reordered.csv',67,X'40006ad122b078b1d80699d60e245545',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T19:00:00Z','2026-10-15T20:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(149,2,'reordered.csv',68,X'40006ad130c071abaf943810a3f188da',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T20:00:00Z','2026-10-15T21:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(150,2,'reordered.csv',69,X'40006ad13ed0b3ce42da992adee96eff',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T21:00:00Z','2026-10-15T22:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(151,2,'reordered.csv',70,X'40006ad14ce03973f7f298e84b9e9597',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T22:00:00Z','2026-10-15T23:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(152,2,'reordered.csv',71,X'40006ad15af0a74f9e950e89775110a3',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-15T23:00:00Z','2026-10-16T00:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(153,2,'reordered.csv',72,X'40006ad16900ac4e33ecc56de8adc061',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T00:00:00Z','2026-10-16T01:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(154,2,'reordered.csv',73,X'40006ad1771096a3e129d08251dfe104',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T01:00:00Z','2026-10-16T02:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(155,2,'reordered.csv',74,X'40006ad18520e9b89920d1b85d20b4a1',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T02:00:00Z','2026-10-16T03:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(156,2,'reordered.csv',75,X'40006ad193300aa847a07b8282aabc90',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T03:00:00Z','2026-10-16T04:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(157,2,'reordered.csv',76,X'40006ad1a140df7c39b80cafc9accdc8',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T04:00:00Z','2026-10-16T05:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(158,2,'reordered.csv',77,X'40006ad1af50bb3cfc8435ad229e8d4c',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T05:00:00Z','2026-10-16T06:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(159,2,'reordered.csv',78,X'40006ad1bd60e95c69827792eedf33a6',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T06:00:00Z','2026-10-16T07:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(160,2,'reordered.csv',79,X'40006ad1cb7030e8b0b7a25311ab7dee',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T07:00:00Z','2026-10-16T08:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(161,2,'reordered.csv',80,X'40006ad1d9800678fd2a879f68c9165e',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T08:00:00Z','2026-10-16T09:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(162,2,'reordered.csv',81,X'40006ad1e790a514704dd22d193c232f',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T09:00:00Z','2026-10-16T10:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(163,2,'reordered.csv',82,X'40006ad1f5a06e1677ca22d32fe064e0',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T10:00:00Z','2026-10-16T11:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
INSERT INTO charges VALUES(164,2,'reordered.csv',83,X'40006ad203b09201b4ec668573f493da',0,NULL,'GPUCloud','gc-acct-7',NULL,'2026-10-01T00:00:00Z','2026-11-01T00:00:00Z','2026-10-16T11:00:00Z','2026-10-16T12:00:00Z','Usage',NULL,'a100-8x machine hour','GPU Compute','a100-8x','gc-a100-02','a100-8x','eu-north','Standard',1.0,'Hours','28.5','28.5',28500000000,28500000000,28500000000,28500000000,'USD','GC-2026-10',NULL,'{"project": "speech"}','speech',NULL);
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
CREATE UNIQUE INDEX imports_content ON imports (kind, content_crc32, content_size);
CREATE INDEX charges_period ON charges (charge_period_start);
CREATE INDEX charges_resource ON charges (resource_id, charge_period_start);
CREATE INDEX usage_resource ON usage (resource_id, usage_start);
CREATE INDEX usage_job ON usage (job_id, usage_start);
CREATE INDEX findings_run ON findings (reconciliation_id);
CREATE INDEX reconciliation_parts_run ON reconciliation_parts (reconciliation_id);
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
CREATE VIEW hardware_hourly AS
SELECT h.*,
       CAST(lifetime_years AS REAL) * 8760 AS lifetime_hours,
       strftime('%Y-%m-%dT%H:%M:%SZ', purchase_date,
                '+' || CAST(round(CAST(lifetime_years AS REAL) * 8760 * 3600) AS INTEGER) || ' seconds') AS end_of_life,
       money(own_hourly_cost(purchase_cost / 1e9, CAST(lifetime_years AS REAL) * 8760,
                             CAST(watts AS REAL), price_per_kwh / 1e9, CAST(pue AS REAL))) AS hourly_cost,
       money(power_cost(CAST(watts AS REAL), 1, price_per_kwh / 1e9, CAST(pue AS REAL))) AS power_hourly
FROM hardware h;
CREATE VIEW usage_costed AS
WITH rated AS (
  SELECT u.*,
         unixepoch(u.usage_end) - unixepoch(u.usage_start) AS seconds,
         rate_in_force(u.provider, u.instance_type, NULL, pricing_category(u.pricing), NULL,
                       u.usage_start) AS card_rate_id,
         CASE WHEN u.pricing = 'own' THEN
           coalesce((SELECT h.hardware_id FROM hardware h
                     WHERE h.machine = u.resource_id AND h.purchase_date <= substr(u.usage_start, 1, 10)
                     ORDER BY h.purchase_date DESC LIMIT 1),
                    (SELECT h.hardware_id FROM hardware h
                     WHERE h.machine = u.instance_type AND h.purchase_date <= substr(u.usage_start, 1, 10)
                     ORDER BY h.purchase_date DESC LIMIT 1)) END AS hardware_id
  FROM usage u
), priced AS (
  SELECT rated.*, CASE WHEN rated.hardware_id IS NULL THEN rated.card_rate_id END AS rate_id,
         coalesce(r.unit, CASE WHEN h.hardware_id IS NOT NULL THEN 'hour' END) AS unit,
         coalesce(r.unit_price, CASE WHEN rated.usage_start < h.end_of_life THEN h.hourly_cost
                                     ELSE h.power_hourly END) AS unit_price,
         coalesce(r.currency, h.currency) AS currency,
         coalesce(r.discount, CASE WHEN h.hardware_id IS NOT NULL THEN '0' END) AS discount,
         coalesce(r.billing_rule, CASE WHEN h.hardware_id IS NOT NULL THEN 'running' END) AS billing_rule,
         CASE WHEN h.hardware_id IS NOT NULL
              THEN money_mul(CASE WHEN rated.usage_start < h.end_of_life THEN h.hourly_cost ELSE h.power_hourly END,
                     rated.seconds * min(coalesce(rated.gpus, h.gpus), h.gpus) / 3600.0 / h.gpus)
              WHEN r.rate_id IS NULL THEN NULL
              ELSE usage_cost(rated.provider, rated.instance_type, rated.pricing,
                              rated.usage_start, rated.usage_end, rated.gpus) END AS full_cost
  FROM rated LEFT JOIN rates r ON r.rate_id = rated.card_rate_id AND rated.hardware_id IS NULL
       LEFT JOIN hardware_hourly h ON h.hardware_id = rated.hardware_id
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
          WHERE r.rate_id = rate_in_force(p.provider, p.instance_type, NULL, 'Standard', NULL,
                                          p.first_start)
            AND r.currency IS p.currency) AS on_demand_rate
  FROM per_job p LEFT JOIN rework w ON w.job_id = p.job_id
)
SELECT job_id, project, provider, instance_type, currency, spot_hours, interruptions,
       interrupted_hours, rework_hours, spot_cost, spot_rate, on_demand_rate,
       spot_savings(CAST(on_demand_rate AS REAL), CAST(spot_rate AS REAL), spot_hours - rework_hours, spot_hours) AS savings,
       price_mul(on_demand_rate, spot_hours - rework_hours) - price_mul(spot_rate, spot_hours) AS savings_nanos
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
       epoch_cost(max(CASE WHEN lower(unit) = 'gpu-hour' THEN CAST(unit_price AS REAL) END),
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
CREATE VIEW estimate_accuracy AS
SELECT job_id, run_id, epoch, project, currency, epoch_start, estimate,
       cost / 1e9 AS actual, estimate - cost / 1e9 AS error,
       CASE WHEN cost > 0 THEN abs(estimate - cost / 1e9) / (cost / 1e9) END AS ape
FROM epoch_costs
WHERE estimate IS NOT NULL AND cost IS NOT NULL;
CREATE VIEW estimate_accuracy_jobs AS
SELECT job_id, project, currency, count(*) AS epochs, min(epoch_start) AS first_start,
       sum(estimate) AS estimate, sum(actual) AS actual,
       avg(ape) AS mean_ape,
       avg(CASE WHEN actual > 0 THEN error / actual END) AS bias
FROM estimate_accuracy
GROUP BY job_id, project, currency;
CREATE VIEW invoice_billed AS
SELECT provider, billing_account_id, invoice_id,
       coalesce(substr(min(billing_period_start), 1, 7), substr(min(charge_period_start), 1, 7)) AS month,
       min(billing_currency) AS currency, count(*) AS lines,
       money_total(billed_cost) AS billed, json_group_array(charge_id) AS charge_ids
FROM charges
WHERE invoice_id IS NOT NULL
GROUP BY provider COLLATE NOCASE, billing_account_id, invoice_id;
CREATE VIEW invoice_check AS
SELECT CASE WHEN b.invoice_id IS NULL THEN 'invoice_without_charges' ELSE 'invoice_mismatch' END AS kind,
       i.billing_period AS month, i.provider, i.billing_account_id, i.invoice_id, i.currency,
       coalesce(b.billed, 0) AS billed, i.amount AS invoiced, coalesce(b.billed, 0) - i.amount AS difference,
       coalesce(b.lines, 0) AS lines, b.charge_ids, i.source_file, i.source_line
FROM invoices i
LEFT JOIN invoice_billed b ON b.provider = i.provider COLLATE NOCASE
  AND b.billing_account_id = i.billing_account_id AND b.invoice_id = i.invoice_id
WHERE b.invoice_id IS NULL OR b.billed <> i.amount OR b.currency IS NOT i.currency
UNION ALL
SELECT 'charges_without_invoice', b.month, b.provider, b.billing_account_id, b.invoice_id, b.currency,
       b.billed, 0, b.billed, b.lines, b.charge_ids, NULL, NULL
FROM invoice_billed b
WHERE NOT EXISTS (SELECT 1 FROM invoices i WHERE i.provider = b.provider COLLATE NOCASE
                    AND i.billing_account_id = b.billing_account_id AND i.invoice_id = b.invoice_id)
  AND EXISTS (SELECT 1 FROM invoices i WHERE i.provider = b.provider COLLATE NOCASE
                AND i.billing_account_id = b.billing_account_id AND i.billing_period = b.month);
CREATE VIEW month_status AS
SELECT substr(charge_period_start, 1, 7) AS month, provider,
       count(*) AS lines, count(*) - count(invoice_id) AS lines_without_invoice,
       CASE WHEN count(invoice_id) = count(*) THEN 'final' ELSE 'estimated' END AS status
FROM charges
GROUP BY 1, 2;
CREATE VIEW commitment_use AS
WITH parts AS (
  SELECT commitment_discount_id, substr(charge_period_start, 1, 7) AS month, provider,
         billing_currency AS currency,
         money_total(CASE WHEN charge_category = 'Usage' AND commitment_discount_status IS NOT 'Unused'
                          THEN effective_cost END) AS used,
         money_total(CASE WHEN charge_category = 'Purchase'
                            OR (charge_category = 'Usage' AND commitment_discount_status = 'Unused')
                          THEN effective_cost END) AS unused,
         count(*) AS lines
  FROM charges
  WHERE commitment_discount_id IS NOT NULL
  GROUP BY 1, 2, 3, 4
)
SELECT commitment_discount_id, month, provider, currency, coalesce(used, 0) AS used,
       coalesce(unused, 0) AS unused, lines,
       CASE WHEN coalesce(used, 0) + coalesce(unused, 0) <> 0
            THEN round(100.0 * coalesce(used, 0) / (coalesce(used, 0) + coalesce(unused, 0)), 2) END AS utilisation
FROM parts;
COMMIT;
PRAGMA user_version = 6;
