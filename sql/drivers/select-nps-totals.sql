-- NPS categories of all analysed responses, overall, per segment and per journey stage.
WITH d AS (
  SELECT 'overall' AS dimension, 'all' AS dimension_value, nps_category FROM drivers_responses
  UNION ALL
  SELECT 'segment', segment, nps_category FROM drivers_responses
  UNION ALL
  SELECT 'journey_stage', journey_stage, nps_category FROM drivers_responses
)
SELECT
  dimension,
  dimension_value,
  count(*) FILTER (WHERE nps_category = 'promoter')::INTEGER AS promoters,
  count(*) FILTER (WHERE nps_category = 'passive')::INTEGER AS passives,
  count(*) FILTER (WHERE nps_category = 'detractor')::INTEGER AS detractors
FROM d
GROUP BY ALL
ORDER BY dimension, dimension_value;
