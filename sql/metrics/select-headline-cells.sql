-- The 'all'-grain overall cell of every metric, for the run summary.
SELECT metric, n, n_flagged, value, moe, ci_low, ci_high, small_n
FROM metric_cells
WHERE grain = 'all' AND dimension = 'overall'
ORDER BY metric;
