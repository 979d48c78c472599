-- `ecoute drivers --target churn`: every theme with its revenue link. Revenue dissatisfiers (ARR-at-risk
-- interval above zero, q below the FDR level) first by ARR at risk, then the others by negative-mention
-- NPS impact; revenue_link says in words when no reliable link was found. Accounts are active accounts.
SELECT rank_by_arr_at_risk, theme_id, theme_label, revenue_link,
  round(arr_at_risk) AS arr_at_risk, round(arr_at_risk_ci_low) AS arr_at_risk_ci_low, round(arr_at_risk_ci_high) AS arr_at_risk_ci_high,
  arr_at_risk_q_value, round(nps_impact, 2) AS nps_impact_negative, nps_driver,
  rank_by_frequency, negative_mentions, active_accounts_mentioning, round(odds_ratio, 2) AS odds_ratio, rank_shift
FROM dissatisfier_ranking
ORDER BY coalesce(rank_by_arr_at_risk, 1000 + rank_by_nps_impact), theme_id
LIMIT $limit;
