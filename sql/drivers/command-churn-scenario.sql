-- `ecoute drivers --target churn`: revenue kept by moving a share of detractors to passive.
SELECT share_moved, detractor_accounts, round(detractor_arr) AS detractor_arr, round(annual_revenue_gained) AS annual_revenue_gained,
  round(annual_revenue_gained_ci_low) AS annual_revenue_gained_ci_low, round(annual_revenue_gained_ci_high) AS annual_revenue_gained_ci_high,
  round(lifetime_value_gained) AS lifetime_value_gained
FROM roi_scenario
LIMIT $limit;
