-- `ecoute drivers --target nps`: themes ranked by the impact of their negative mentions on NPS (overall),
-- with the account-bootstrap CI and the Benjamini–Hochberg q-value over the themes.
SELECT theme_id, theme_label, n_with, round(frequency * 100, 1) AS frequency_pct, round(nps_with, 1) AS nps_with,
  round(nps_without, 1) AS nps_without, round(impact, 2) AS impact, round(impact_ci_low, 2) AS impact_ci_low,
  round(impact_ci_high, 2) AS impact_ci_high, q_value, significant, small_n
FROM theme_impact
WHERE dimension = 'overall' AND sentiment = 'negative'
ORDER BY impact, theme_id
LIMIT $limit;
