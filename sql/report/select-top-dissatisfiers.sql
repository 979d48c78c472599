-- Revenue dissatisfiers with their evidence, every figure about negative mentions: the themes whose
-- ARR-at-risk interval lies above zero with q below the FDR level (dissatisfier_ranking.revenue_link),
-- by ARR at risk, with the impact of their negative mentions on NPS (overall) and the churn lift of
-- the training accounts that mentioned them negatively.
SELECT d.theme_id, d.arr_at_risk, d.arr_at_risk_ci_low, d.arr_at_risk_ci_high, d.arr_at_risk_q_value, d.rank_by_arr_at_risk,
  d.negative_mentions, d.rank_by_frequency, d.active_accounts_mentioning, d.odds_ratio, d.odds_ratio_ci_low, d.odds_ratio_ci_high,
  d.revenue_link, d.fdr_level,
  i.impact, i.impact_ci_low, i.impact_ci_high, i.q_value AS impact_q_value, i.frequency, i.nps_with, i.nps_without,
  l.lift, l.lift_ci_low, l.lift_ci_high, l.q_value AS lift_q_value, l.churn_rate_with, l.churn_rate_without, l.training_accounts_with
FROM dissatisfier_ranking d
LEFT JOIN theme_impact i ON i.theme_id = d.theme_id AND i.dimension = 'overall' AND i.sentiment = 'negative'
LEFT JOIN churn_theme_lift l ON l.theme_id = d.theme_id AND l.sentiment = 'negative'
WHERE d.revenue_link = 'revenue dissatisfier'
ORDER BY d.rank_by_arr_at_risk, d.theme_id
LIMIT $limit;
