-- Theme impact on the run's driver score (table theme_impact of the driver phase: NPS, else CSAT), all
-- mentions of a theme (sentiment 'any'), overall (f_segment = 'all') and per segment; score_with and
-- score_without: the score of the responses mentioning the theme and of the others.
SELECT
  CASE WHEN dimension = 'overall' THEN 'all' ELSE dimension_value END AS f_segment,
  theme_id,
  round(impact, 3) AS impact,
  round(impact_ci_low, 3) AS impact_ci_low,
  round(impact_ci_high, 3) AS impact_ci_high,
  round(frequency, 4) AS frequency,
  n_with,
  round(nps_with, 2) AS score_with,
  round(nps_without, 2) AS score_without,
  small_n
FROM theme_impact
WHERE sentiment = 'any' AND dimension IN ('overall', 'segment') AND impact IS NOT NULL
ORDER BY f_segment, theme_id;
