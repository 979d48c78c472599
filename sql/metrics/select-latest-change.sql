-- The overall cell of $metric at $grain for the latest complete period (the latest period when
-- none is complete yet), with its change against the previous period.
SELECT period, period_complete, n, value, previous_period, previous_value, change, z, p_value, q_value, significant
FROM metric_cells
WHERE metric = $metric AND grain = $grain AND dimension = 'overall'
ORDER BY coalesce(period_complete, false) DESC, period DESC
LIMIT 1;
