-- What changed since the previous period: at the grain and latest complete period of report_change_period
-- (create-change-period.sql), every metric cell whose change survives the false-discovery rate
-- (q_value < fdr_level), smallest q first.
SELECT c.metric, c.grain, strftime(c.period, '%Y-%m-%d') AS period, c.dimension, c.dimension_value,
  c.n, c.value, c.previous_value, c.change, c.p_value, c.q_value
FROM metric_cells c
JOIN report_change_period p ON c.grain = p.grain AND c.period = p.period
WHERE c.significant
ORDER BY c.q_value, abs(c.z) DESC, c.metric, c.dimension, c.dimension_value
LIMIT $limit;
