-- How many change tests the "what changed" findings were chosen from, at the grain and latest complete
-- period select-significant-changes uses (view report_change_period, create-change-period.sql): tests
-- (q-value computed) and survivors (q < fdr_level) over every period of the grain, and in the latest period alone.
SELECT (SELECT grain FROM report_change_period) AS grain, strftime((SELECT period FROM report_change_period), '%Y-%m-%d') AS period,
  count(q_value)::INTEGER AS tests,
  (count(*) FILTER (WHERE significant))::INTEGER AS survivors,
  (count(q_value) FILTER (WHERE period = (SELECT period FROM report_change_period)))::INTEGER AS tests_latest,
  (count(*) FILTER (WHERE significant AND period = (SELECT period FROM report_change_period)))::INTEGER AS survivors_latest,
  max(fdr_level) AS fdr_level
FROM metric_cells
WHERE grain = (SELECT grain FROM report_change_period);
