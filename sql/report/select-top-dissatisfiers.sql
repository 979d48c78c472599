-- Top dissatisfiers by ARR at risk with their evidence: the dissatisfier ranking joined with the
-- theme's overall NPS impact (all mentions) and its churn lift among accounts that mentioned it
-- negatively.
SELECT d.theme_id, d.arr_at_risk, d.arr_at_risk_ci_low, d.arr_at_risk_ci_high, d.rank_by_arr_at_risk,
  d.negative_mentions, d.rank_by_frequency, d.accounts_mentioning, d.odds_ratio, d.odds_ratio_ci_low, d.odds_ratio_ci_high,
  i.impact, i.impact_ci_low, i.impact_ci_high, i.frequency, i.nps_with, i.nps_without,
  l.lift, l.lift_ci_low, l.lift_ci_high, l.churn_rate_with, l.churn_rate_without
FROM dissatisfier_ranking d
LEFT JOIN theme_impact i ON i.theme_id = d.theme_id AND i.dimension = 'overall' AND i.sentiment = 'any'
LEFT JOIN churn_theme_lift l ON l.theme_id = d.theme_id AND l.sentiment = 'negative'
WHERE d.arr_at_risk IS NOT NULL
ORDER BY d.rank_by_arr_at_risk, d.theme_id
LIMIT $limit;
