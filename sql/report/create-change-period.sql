-- The period the "what changed" findings are read at, defined once for select-significant-changes and
-- select-change-tests: the first dated grain of metric_cells in the order quarter, month, week, and its
-- latest complete period (from the overall cells). One row (grain and period NULL without dated cells).
CREATE OR REPLACE TEMP VIEW report_change_period AS
WITH grain AS (
  SELECT grain FROM metric_cells WHERE grain <> 'all'
  GROUP BY grain ORDER BY CASE grain WHEN 'quarter' THEN 1 WHEN 'month' THEN 2 ELSE 3 END LIMIT 1
)
SELECT (SELECT grain FROM grain) AS grain,
  (SELECT max(period) FROM metric_cells
   WHERE grain = (SELECT grain FROM grain) AND period_complete AND dimension = 'overall') AS period;
