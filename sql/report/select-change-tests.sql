-- How many change tests the "what changed" findings were chosen from, at the grain and latest complete
-- period select-significant-changes uses: tests (q-value computed) and survivors (q < fdr_level) over every
-- period of the grain, and in the latest period alone.
WITH grain AS (
  SELECT grain FROM metric_cells WHERE grain <> 'all'
  GROUP BY grain ORDER BY CASE grain WHEN 'quarter' THEN 1 WHEN 'month' THEN 2 ELSE 3 END LIMIT 1
),
latest AS (
  SELECT max(period) AS period FROM metric_cells
  WHERE grain = (SELECT grain FROM grain) AND period_complete AND dimension = 'overall'
)
SELECT (SELECT grain FROM grain) AS grain, strftime((SELECT period FROM latest), '%Y-%m-%d') AS period,
  count(q_value)::INTEGER AS tests,
  (count(*) FILTER (WHERE significant))::INTEGER AS survivors,
  (count(q_value) FILTER (WHERE period = (SELECT period FROM latest)))::INTEGER AS tests_latest,
  (count(*) FILTER (WHERE significant AND period = (SELECT period FROM latest)))::INTEGER AS survivors_latest,
  max(fdr_level) AS fdr_level
FROM metric_cells
WHERE grain = (SELECT grain FROM grain);
