-- Per competitor, the attributes whose contribution to the gap has an interval clear of zero, the most
-- costly first.
SELECT competitor, attribute, difference, difference_ci_low, difference_ci_high, importance, contribution, contribution_ci_low, contribution_ci_high,
       mean_own, mean_competitor, n_own, n_competitor
FROM benchmark_attribute_gaps
WHERE clear
ORDER BY competitor, contribution, attribute;
