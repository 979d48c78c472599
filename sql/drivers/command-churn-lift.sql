-- `ecoute drivers --target churn`: churn rate of the training accounts (latest renewal decision) mentioning
-- each theme negatively vs not, with the Benjamini–Hochberg q-value over the themes.
SELECT theme_id, training_accounts_with, round(churn_rate_with * 100, 1) AS churn_pct_with, round(churn_rate_without * 100, 1) AS churn_pct_without,
  round(lift, 2) AS lift, round(lift_ci_low, 2) AS lift_ci_low, round(lift_ci_high, 2) AS lift_ci_high, p_value, q_value, significant, small_n
FROM churn_theme_lift
WHERE sentiment = 'negative'
ORDER BY lift DESC NULLS LAST, theme_id
LIMIT $limit;
