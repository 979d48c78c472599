-- The headline of $metric (the run's headline metric: nps, else csat, else ces): the latest complete period
-- of the coarsest trend grain (quarter, else month, else week) overall, with its margin and the change from
-- the previous period.
WITH grain AS (
  SELECT grain FROM metric_cells WHERE metric = $metric AND grain <> 'all'
  GROUP BY grain ORDER BY CASE grain WHEN 'quarter' THEN 1 WHEN 'month' THEN 2 ELSE 3 END LIMIT 1
)
SELECT $metric::VARCHAR AS metric, grain, strftime(period, '%Y-%m-%d') AS period, strftime(period_end, '%Y-%m-%d') AS period_end,
  n, value, moe, ci_low, ci_high, small_n,
  strftime(previous_period, '%Y-%m-%d') AS previous_period, previous_value, change, p_value, q_value, family_tests, fdr_level, significant
FROM metric_cells
WHERE metric = $metric AND dimension = 'overall' AND grain = (SELECT grain FROM grain) AND period_complete
ORDER BY period DESC
LIMIT 1;
