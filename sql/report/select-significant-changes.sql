-- What changed since the previous period: for the latest complete period of the finest grain,
-- every metric cell whose change survives the false-discovery rate (q_value < fdr_level), smallest q first.
WITH grain AS (
  SELECT grain FROM metric_cells WHERE grain <> 'all'
  GROUP BY grain ORDER BY CASE grain WHEN 'quarter' THEN 1 WHEN 'month' THEN 2 ELSE 3 END LIMIT 1
),
latest AS (
  SELECT max(period) AS period FROM metric_cells
  WHERE grain = (SELECT grain FROM grain) AND period_complete AND dimension = 'overall'
)
SELECT metric, grain, strftime(period, '%Y-%m-%d') AS period, dimension, dimension_value,
  n, value, previous_value, change, p_value, q_value
FROM metric_cells
WHERE grain = (SELECT grain FROM grain) AND period = (SELECT period FROM latest) AND significant
ORDER BY q_value, abs(z) DESC, metric, dimension, dimension_value
LIMIT $limit;
