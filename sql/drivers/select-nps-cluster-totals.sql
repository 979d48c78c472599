-- NPS categories per resampling group (drivers_responses.g, from create-cluster-groups.sql), overall,
-- per segment and per journey stage: the totals of each cell split by group, for the account bootstrap.
WITH r AS (
  SELECT g, segment, journey_stage, nps_category FROM drivers_responses
),
d AS (
  SELECT 'overall' AS dimension, 'all' AS dimension_value, g, nps_category FROM r
  UNION ALL
  SELECT 'segment', segment, g, nps_category FROM r
  UNION ALL
  SELECT 'journey_stage', journey_stage, g, nps_category FROM r
)
SELECT
  dimension,
  dimension_value,
  g,
  count(*) FILTER (WHERE nps_category = 'promoter')::INTEGER AS promoters,
  count(*) FILTER (WHERE nps_category = 'passive')::INTEGER AS passives,
  count(*) FILTER (WHERE nps_category = 'detractor')::INTEGER AS detractors
FROM d
GROUP BY ALL
ORDER BY dimension, dimension_value, g;
