-- `ecoute drivers --target churn`: themes ranked by attributable ARR at risk, beside their rank by frequency.
SELECT rank_by_arr_at_risk, theme_id, theme_label, round(arr_at_risk) AS arr_at_risk, round(arr_at_risk_ci_low) AS arr_at_risk_ci_low,
  round(arr_at_risk_ci_high) AS arr_at_risk_ci_high, rank_by_frequency, negative_mentions, accounts_mentioning,
  round(odds_ratio, 2) AS odds_ratio, rank_shift
FROM dissatisfier_ranking
ORDER BY coalesce(rank_by_arr_at_risk, rank_by_frequency), theme_id
LIMIT $limit;
