-- $metric (nps, csat or ces) per period (the finest grain of the run: month, else quarter, else week),
-- overall (f_segment = 'all') and per segment, from metric_cells, in column `score`. Values rounded for
-- compact specs.
WITH grain AS (
  SELECT grain FROM metric_cells WHERE metric = $metric AND grain <> 'all'
  GROUP BY grain ORDER BY CASE grain WHEN 'month' THEN 1 WHEN 'quarter' THEN 2 ELSE 3 END LIMIT 1
)
SELECT
  CASE WHEN dimension = 'overall' THEN 'all' ELSE dimension_value END AS f_segment,
  strftime(period, '%Y-%m-%d') AS period,
  n,
  round(value, 2) AS score,
  round(ci_low, 2) AS ci_low,
  round(ci_high, 2) AS ci_high,
  round(moe, 2) AS moe,
  round(change, 2) AS change,
  round(p_value, 4) AS p_value,
  significant,
  small_n,
  period_complete
FROM metric_cells
WHERE metric = $metric AND grain = (SELECT grain FROM grain) AND dimension IN ('overall', 'segment')
ORDER BY f_segment, period;
