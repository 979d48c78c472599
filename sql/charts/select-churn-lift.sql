-- Churn lift of the training accounts (latest renewal decision) that mentioned a theme negatively
-- vs the others (table churn_theme_lift of the driver phase).
SELECT
  theme_id,
  round(lift, 4) AS lift,
  round(lift_ci_low, 4) AS lift_ci_low,
  round(lift_ci_high, 4) AS lift_ci_high,
  round(churn_rate_with, 4) AS churn_rate_with,
  round(churn_rate_without, 4) AS churn_rate_without,
  training_accounts_with AS accounts_with,
  round(p_value, 4) AS p_value
FROM churn_theme_lift
WHERE sentiment = 'negative' AND lift IS NOT NULL
ORDER BY theme_id;
