-- Views over the ledger (applied after schema.sql by `costledger init` and
-- by every migration). Each starts with DROP VIEW IF EXISTS so the file can
-- be applied again.

DROP VIEW IF EXISTS monthly_charges;
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

-- Own machines per hour (nanos, in the hardware's currency): hourly_cost is
-- own_hourly_cost() (the purchase written off in equal parts over the
-- lifetime, plus power x PUE), power_hourly the power alone, which is all an
-- hour costs once the machine is written off (from end_of_life on). A year
-- is 8,760 hours. Both are for the whole machine; usage_costed charges a
-- job its share of the GPUs.
DROP VIEW IF EXISTS hardware_hourly;
CREATE VIEW hardware_hourly AS
SELECT h.*,
       CAST(lifetime_years AS REAL) * 8760 AS lifetime_hours,
       strftime('%Y-%m-%dT%H:%M:%SZ', purchase_date,
                '+' || CAST(round(CAST(lifetime_years AS REAL) * 8760 * 3600) AS INTEGER) || ' seconds') AS end_of_life,
       money(own_hourly_cost(purchase_cost / 1e9, CAST(lifetime_years AS REAL) * 8760,
                             CAST(watts AS REAL), price_per_kwh / 1e9, CAST(pue AS REAL))) AS hourly_cost,
       money(power_cost(CAST(watts AS REAL), 1, price_per_kwh / 1e9, CAST(pue AS REAL))) AS power_hourly
FROM hardware h;

-- Usage at the rate card -------------------------------------------------
-- Every usage interval with its length, the rate in force at its start
-- (rate_in_force(), the one rule of docs/reconcile.md: provider
-- case-folded, sku = instance_type or '*', the pricing category of its
-- pricing via pricing_category(), any region, valid_from <= start <
-- valid_to) and its cost at the rate card: usage_cost(), the interval priced
-- piece by piece where the rate changes: unit_price x seconds x GPUs /
-- the seconds of the rate's unit (GPUs only for a rate per GPU-hour; see
-- docs/reconcile.md), rounded once, less the discount on that amount.
-- cost_wall is what wall-time billing charges (running, idle and paused
-- time: the machine is held), cost_running what pay-while-running billing
-- charges (running and idle time); cost is the one the rate's billing_rule
-- says. Interrupted and stopped time costs nothing. Costs are nanos.
-- Own usage (pricing 'own') on a machine of the hardware table (by
-- resource_id, else instance_type; bought on or before the start) is priced
-- from hardware_hourly instead: unit 'hour', unit_price the machine's
-- hourly cost as decimal text like the rate card's (power only once written
-- off), billed while running (rule 'running'), and a job pays its share
-- gpus / the machine's GPUs.
-- hardware_id says which machine priced it; rate_id is then NULL.
DROP VIEW IF EXISTS usage_costed;
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
         coalesce(r.unit_price, price(money_text(CASE WHEN rated.usage_start < h.end_of_life
                                     THEN h.hourly_cost ELSE h.power_hourly END))) AS unit_price,
         coalesce(r.currency, h.currency) AS currency,
         coalesce(r.discount, CASE WHEN h.hardware_id IS NOT NULL THEN '0' END) AS discount,
         coalesce(r.billing_rule, CASE WHEN h.hardware_id IS NOT NULL THEN 'running' END) AS billing_rule,
         CASE WHEN h.hardware_id IS NOT NULL
              THEN price_mul(money_text(CASE WHEN rated.usage_start < h.end_of_life
                                             THEN h.hourly_cost ELSE h.power_hourly END, 9),
                     rated.seconds * min(coalesce(rated.gpus, h.gpus), h.gpus), 3600 * h.gpus)
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

-- Intervals cut at UTC midnights, so that each piece belongs to one day.
DROP VIEW IF EXISTS usage_daily_pieces;
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

-- Hours per job, project and day, from the union of intervals (overlapping
-- intervals of one job and state count once), by state; GPU hours are the
-- union per resource times its GPUs. Sum over days for a month
-- (gpu_hours_monthly does).
DROP VIEW IF EXISTS gpu_hours;
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

DROP VIEW IF EXISTS gpu_hours_monthly;
CREATE VIEW gpu_hours_monthly AS
SELECT month, project, job_id,
       sum(running_hours) AS running_hours, sum(paused_hours) AS paused_hours,
       sum(idle_hours) AS idle_hours, sum(interrupted_hours) AS interrupted_hours,
       sum(running_gpu_hours) AS running_gpu_hours, sum(idle_gpu_hours) AS idle_gpu_hours
FROM gpu_hours GROUP BY month, project, job_id;

-- Per job: the hours paused, what wall-time billing would have charged for
-- the whole run and for the pauses alone, what pay-while-running billing
-- charges, and the difference (docs/model.md §2: 100 wall hours, 20 paused, at
-- 2 per hour: 200, 160, saved 40). Nanos, in the rate's currency.
DROP VIEW IF EXISTS pause_savings;
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

-- Per job on spot: hours, interruptions, rework (running time of an epoch
-- before its last interruption, lost when checkpoints are taken at epoch
-- ends), and the realised saving against the on-demand rate of the same
-- provider and sku (rate_in_force(), category Standard, in the spot rate's
-- currency): on-demand rate x (spot hours - rework) - spot rate x spot
-- hours (spot_savings(), in currency units; savings_nanos exact).
DROP VIEW IF EXISTS spot_summary;
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
         money_total(cost) AS spot_cost, max(currency) AS currency
  FROM spot GROUP BY job_id, project, provider, instance_type
), ranked_rates AS (
  -- The highest spot rate by value: unit prices are TEXT, and '9.5' > '10' as text.
  SELECT job_id, project, provider, instance_type, unit_price,
         row_number() OVER (PARTITION BY job_id, project, provider, instance_type
                            ORDER BY CAST(unit_price AS REAL) DESC, unit_price DESC) AS rank
  FROM spot WHERE unit_price IS NOT NULL
), per_job_rate AS (
  SELECT p.*, r.unit_price AS spot_rate
  FROM per_job p LEFT JOIN ranked_rates r
    ON r.rank = 1 AND r.job_id = p.job_id AND r.project IS p.project
   AND r.provider IS p.provider AND r.instance_type IS p.instance_type
), with_rates AS (
  SELECT p.*, coalesce(w.hours, 0) AS rework_hours,
         (SELECT r.unit_price FROM rates r
          WHERE r.rate_id = rate_in_force(p.provider, p.instance_type, NULL, 'Standard', NULL,
                                          p.first_start)
            AND r.currency IS p.currency) AS on_demand_rate
  FROM per_job_rate p LEFT JOIN rework w ON w.job_id = p.job_id
)
SELECT job_id, project, provider, instance_type, currency, spot_hours, interruptions,
       interrupted_hours, rework_hours, spot_cost, spot_rate, on_demand_rate,
       spot_savings(CAST(on_demand_rate AS REAL), CAST(spot_rate AS REAL), spot_hours - rework_hours, spot_hours) AS savings,
       price_mul(on_demand_rate, spot_hours - rework_hours) - price_mul(spot_rate, spot_hours) AS savings_nanos
FROM with_rates;

-- Spend per project and month against its budget. billed: the charges of
-- the month with the project (in the budget's currency, others converted by
-- fx_convert() on the charge's day; NULL when one has no rate; a charge
-- without a currency is taken in the budget's); usage_cost: the month's usage at the rate card. spend is billed
-- when the project has charges that month, else usage_cost.
DROP VIEW IF EXISTS budget_status;
CREATE VIEW budget_status AS
WITH converted AS (
  SELECT b.budget_id, c.charge_id,
         fx_convert(c.billed_cost, coalesce(c.billing_currency, b.currency), b.currency,
                    c.charge_period_start) AS amount
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
     JOIN used us ON us.budget_id = b.budget_id;

-- Per job, run and epoch: wall time (union of its intervals), running and
-- GPU hours, the cost at the rate card, and the epoch_cost() estimate when
-- the usage rows carry its inputs in attributes (c_cpu, t_cpu, c_mem, m_avg,
-- c_net, d_transfer, n_replicas: extra columns of the usage CSV), with the
-- GPU-hour price of the rate card and the measured GPU hours.
DROP VIEW IF EXISTS epoch_costs;
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

-- Per job with planned epochs: epochs finished (those below its highest
-- epoch, and the highest when it is the last planned one), mean cost per
-- finished epoch, the cost still to come (mean x epochs left) with a 90%
-- interval (normal approximation: 1.645 x sd x sqrt(left + left^2 / n), the
-- spread of the finished epochs and the uncertainty of their mean), and the
-- forecast total against the project's budget for the month of the job's
-- last interval (spend to date + cost to come).
DROP VIEW IF EXISTS job_forecast;
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

-- How good the per-epoch estimates are: for every epoch with an
-- epoch_cost() estimate (epoch_costs.estimate, in currency units) and a
-- cost, the error estimate - actual, and the absolute percentage error
-- |error| / actual (NULL when the epoch cost nothing). estimate_accuracy_jobs
-- sums them up per job: the mean absolute percentage error (MAPE) over its
-- epochs and the bias, the mean signed percentage error (above 0: the
-- estimates run high).
DROP VIEW IF EXISTS estimate_accuracy;
CREATE VIEW estimate_accuracy AS
SELECT job_id, run_id, epoch, project, currency, epoch_start, estimate,
       cost / 1e9 AS actual, estimate - cost / 1e9 AS error,
       CASE WHEN cost > 0 THEN abs(estimate - cost / 1e9) / (cost / 1e9) END AS ape
FROM epoch_costs
WHERE estimate IS NOT NULL AND cost IS NOT NULL;

DROP VIEW IF EXISTS estimate_accuracy_jobs;
CREATE VIEW estimate_accuracy_jobs AS
SELECT job_id, project, currency, count(*) AS epochs, min(epoch_start) AS first_start,
       sum(estimate) AS estimate, sum(actual) AS actual,
       avg(ape) AS mean_ape,
       avg(CASE WHEN actual > 0 THEN error / actual END) AS bias
FROM estimate_accuracy
GROUP BY job_id, project, currency;

-- Invoices and final months (issue 17) ----------------------------------
-- The charges of each invoice id: the sum of their BilledCost.
DROP VIEW IF EXISTS invoice_billed;
CREATE VIEW invoice_billed AS
SELECT provider, billing_account_id, invoice_id,
       coalesce(substr(min(billing_period_start), 1, 7), substr(min(charge_period_start), 1, 7)) AS month,
       min(billing_currency) AS currency, count(*) AS lines,
       money_total(billed_cost) AS billed, json_group_array(charge_id) AS charge_ids
FROM charges
WHERE invoice_id IS NOT NULL
GROUP BY provider COLLATE NOCASE, billing_account_id, invoice_id;

-- What does not add up between the invoice totals and the charges: an
-- invoice whose charges sum to another amount (or currency), an invoice no
-- charge names, and charges naming an invoice the invoice totals of their
-- provider, account and month do not list (only where such totals were
-- imported). difference = billed - invoiced, nanos.
DROP VIEW IF EXISTS invoice_check;
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

-- A month is final when every charge in it has an invoice id (AWS fills
-- bill/InvoiceId only once the month's CUR is finalized), else estimated.
-- Months are those of the charge period's start, as in monthly_charges.
DROP VIEW IF EXISTS month_status;
CREATE VIEW month_status AS
SELECT substr(charge_period_start, 1, 7) AS month, provider,
       count(*) AS lines, count(*) - count(invoice_id) AS lines_without_invoice,
       CASE WHEN count(invoice_id) = count(*) THEN 'final' ELSE 'estimated' END AS status
FROM charges
GROUP BY 1, 2;

-- Commitment use (issue 17): per commitment (FOCUS CommitmentDiscountId, CUR
-- reservation or Savings Plan ARN) and month, the effective cost of what it
-- covered (used) and of what went unused: FOCUS Usage lines whose
-- CommitmentDiscountStatus is Unused, and the commitment's purchase lines at
-- their effective cost (0 in FOCUS, where the purchase is spread over the
-- usage; the unused part of the fee in a CUR, bill.c). utilisation: used
-- over used + unused, in percent (NULL when both are 0).
DROP VIEW IF EXISTS commitment_use;
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

-- Living sources ---------------------------------------------------------
-- Every version of every bill line: the current ones (charges, superseded_by
-- NULL) and the ones a later delivery replaced (charge_history). delivery_id
-- is the delivery that brought the line (for ledgers from before deliveries
-- were recorded: its import). The statement as it stood after delivery D:
-- delivery_id <= D AND (superseded_by IS NULL OR superseded_by > D).
DROP VIEW IF EXISTS charge_versions;
CREATE VIEW charge_versions AS
SELECT c.*, NULL AS superseded_by, coalesce(d.delivery_id, c.import_id) AS delivery_id
FROM charges c LEFT JOIN import_deliveries d ON d.import_id = c.import_id
UNION ALL
SELECT h.*, coalesce(d.delivery_id, h.import_id)
FROM charge_history h LEFT JOIN import_deliveries d ON d.import_id = h.import_id;

-- The same for usage intervals (usage and usage_history).
DROP VIEW IF EXISTS usage_versions;
CREATE VIEW usage_versions AS
SELECT u.*, NULL AS superseded_by, coalesce(d.delivery_id, u.import_id) AS delivery_id
FROM usage u LEFT JOIN import_deliveries d ON d.import_id = u.import_id
UNION ALL
SELECT h.*, coalesce(d.delivery_id, h.import_id)
FROM usage_history h LEFT JOIN import_deliveries d ON d.import_id = h.import_id;

-- The statement keys each delivery covered.
DROP VIEW IF EXISTS delivery_statements;
CREATE VIEW delivery_statements AS
SELECT DISTINCT d.delivery_id, s.provider, s.billing_account_id, s.billing_period_start
FROM import_statements s JOIN import_deliveries d ON d.import_id = s.import_id;
