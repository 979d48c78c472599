-- What changed since the previous period: for the latest complete period of the finest grain,
-- every NPS / CSAT / CES cell whose change is statistically significant, largest |z| first.
WITH grain AS (
  SELECT grain FROM metric_cells WHERE grain <> 'all'
  GROUP BY grain ORDER BY CASE grain WHEN 'quarter' THEN 1 WHEN 'month' THEN 2 ELSE 3 END LIMIT 1
),
latest AS (
  SELECT max(period) AS period FROM metric_cells
  WHERE grain = (SELECT grain FROM grain) AND period_complete AND dimension = 'overall'
)
SELECT metric, grain, strftime(period, '%Y-%m-%d') AS period, dimension, dimension_value,
  n, value, previous_value, change, p_value
FROM metric_cells
WHERE grain = (SELECT grain FROM grain) AND period = (SELECT period FROM latest) AND significant
ORDER BY abs(z) DESC, metric, dimension, dimension_value
LIMIT $limit;
