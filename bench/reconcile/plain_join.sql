-- bench/reconcile/plain_join.sql: reconcile's matching as one plain SQL join,
-- the peer of `costledger reconcile` in bench/reconcile.sh. For every charge
-- whose period starts in October 2026: the usage intervals of the same
-- provider (case-insensitive) and resource whose time overlaps the charge
-- period, and the overlapping seconds, in total and paused/stopped/
-- interrupted (ledger/reconcile.c check_charges); then the charges with
-- seconds not covered by usage. Run on a copy of the ledger without the
-- project's indexes (charges_period, charges_resource, usage_resource,
-- usage_job). Prints: charges, charges with usage behind them, charges with
-- uncovered seconds, covered seconds, stopped seconds.
SELECT count(*), sum(covered > 0), sum(covered < period), sum(covered), sum(stopped)
FROM (
  SELECT c.charge_id,
         unixepoch(c.charge_period_end) - unixepoch(c.charge_period_start) AS period,
         coalesce(sum(max(0, min(unixepoch(c.charge_period_end), unixepoch(u.usage_end))
                           - max(unixepoch(c.charge_period_start), unixepoch(u.usage_start)))), 0) AS covered,
         coalesce(sum(CASE WHEN u.state IN ('paused', 'stopped', 'interrupted')
                           THEN max(0, min(unixepoch(c.charge_period_end), unixepoch(u.usage_end))
                                     - max(unixepoch(c.charge_period_start), unixepoch(u.usage_start))) END), 0) AS stopped
  FROM charges c
  LEFT JOIN usage u
    ON u.resource_id = c.resource_id AND u.provider = c.provider COLLATE NOCASE
   AND u.usage_start < c.charge_period_end AND u.usage_end > c.charge_period_start
  WHERE c.charge_period_start >= '2026-10-01T00:00:00Z' AND c.charge_period_start < '2026-11-01T00:00:00Z'
    AND c.resource_id IS NOT NULL
  GROUP BY c.charge_id
);
