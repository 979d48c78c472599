-- ARR at risk per segment × theme (table arr_at_risk_by_segment of the driver phase): every cell where an
-- active account mentions the theme negatively, with its interval, accounts and q-value. `reliable` when the
-- interval lies above zero with q below the run's false-discovery level (revenue_link = 'revenue dissatisfier');
-- the others are drawn muted. Each cell comes twice, under f_segment 'all' and under its own segment, so the
-- dashboard's segment filter keeps that segment's cells. sentiment_label carries the drill to negative verbatims.
SELECT
  unnest(['all', segment]) AS f_segment,
  segment,
  theme_id,
  'negative' AS sentiment_label,
  active_accounts_mentioning AS accounts,
  round(arr_at_risk, 0) AS arr_at_risk,
  round(arr_at_risk_ci_low, 0) AS arr_at_risk_ci_low,
  round(arr_at_risk_ci_high, 0) AS arr_at_risk_ci_high,
  round(arr_at_risk_q_value, 4) AS q_value,
  coalesce(revenue_link = 'revenue dissatisfier', false) AS reliable,
  small_n
FROM arr_at_risk_by_segment
ORDER BY f_segment, segment, theme_id;
