-- NPS categories of the responses mentioning each theme (with each sentiment) per resampling group
-- (drivers_responses.g), overall, per segment and per journey stage.
WITH j AS (
  SELECT r.g, m.theme_id, m.sentiment, r.segment, r.journey_stage, r.nps_category
  FROM drivers_mentions m
  JOIN drivers_responses r USING (response_id)
),
d AS (
  SELECT 'overall' AS dimension, 'all' AS dimension_value, g, theme_id, sentiment, nps_category FROM j
  UNION ALL
  SELECT 'segment', segment, g, theme_id, sentiment, nps_category FROM j
  UNION ALL
  SELECT 'journey_stage', journey_stage, g, theme_id, sentiment, nps_category FROM j
)
SELECT
  dimension,
  dimension_value,
  theme_id,
  sentiment,
  g,
  count(*) FILTER (WHERE nps_category = 'promoter')::INTEGER AS promoters,
  count(*) FILTER (WHERE nps_category = 'passive')::INTEGER AS passives,
  count(*) FILTER (WHERE nps_category = 'detractor')::INTEGER AS detractors
FROM d
GROUP BY ALL
ORDER BY dimension, dimension_value, theme_id, sentiment, g;
