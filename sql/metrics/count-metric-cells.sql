-- Row counts of the metric tables and how many metric cells are below min_n.
SELECT
  (SELECT count(*) FROM metric_cells)::INTEGER AS cells,
  (SELECT count(*) FROM metric_cells WHERE small_n)::INTEGER AS small_cells,
  (SELECT count(*) FROM metric_weighted)::INTEGER AS weighted_rows,
  (SELECT count(*) FROM response_rates)::INTEGER AS response_rate_rows;
