-- Dissatisfiers (table dissatisfier_ranking of the driver phase): ARR at risk attributable to each
-- theme with its CI and rank, beside the theme's negative mentions and rank by frequency.
SELECT
  theme_id,
  round(arr_at_risk, 0) AS arr_at_risk,
  round(arr_at_risk_ci_low, 0) AS arr_at_risk_ci_low,
  round(arr_at_risk_ci_high, 0) AS arr_at_risk_ci_high,
  rank_by_arr_at_risk,
  negative_mentions AS mentions,
  rank_by_frequency
FROM dissatisfier_ranking
WHERE arr_at_risk IS NOT NULL AND rank_by_arr_at_risk IS NOT NULL
ORDER BY rank_by_arr_at_risk, theme_id;
