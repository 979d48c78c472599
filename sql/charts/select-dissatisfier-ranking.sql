-- Revenue dissatisfiers (table dissatisfier_ranking of the driver phase): only the themes whose
-- ARR-at-risk interval lies above zero with a q-value below the run's false-discovery level
-- (revenue_link = 'revenue dissatisfier'), with the CI and rank, beside their negative mentions
-- and rank by frequency. A theme without a reliable revenue link, or associated with lower churn,
-- is never drawn as ARR at risk.
SELECT
  theme_id,
  round(arr_at_risk, 0) AS arr_at_risk,
  round(arr_at_risk_ci_low, 0) AS arr_at_risk_ci_low,
  round(arr_at_risk_ci_high, 0) AS arr_at_risk_ci_high,
  rank_by_arr_at_risk,
  negative_mentions AS mentions,
  rank_by_frequency
FROM dissatisfier_ranking
WHERE revenue_link = 'revenue dissatisfier' AND rank_by_arr_at_risk IS NOT NULL
ORDER BY rank_by_arr_at_risk, theme_id;
