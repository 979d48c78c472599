-- $metric (nps, csat or ces) per value of $dimension for every period cell (f_period = 'all' or
-- '<grain>:<period start>'), in column `score`, with its interval clustered by account (metric_cells).
-- Small cells are suppressed here, inside DuckDB: their score and CI never reach a chart.
SELECT
  CASE WHEN grain = 'all' THEN 'all' ELSE grain || ':' || strftime(period, '%Y-%m-%d') END AS f_period,
  dimension_value AS "group",
  n,
  CASE WHEN small_n THEN NULL ELSE round(value, 2) END AS score,
  CASE WHEN small_n THEN NULL ELSE round(ci_low, 2) END AS ci_low,
  CASE WHEN small_n THEN NULL ELSE round(ci_high, 2) END AS ci_high,
  small_n
FROM metric_cells
WHERE metric = $metric AND dimension = $dimension
ORDER BY f_period, "group";
