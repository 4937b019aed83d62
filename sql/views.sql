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
