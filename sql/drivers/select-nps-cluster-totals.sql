-- NPS categories per resampling group (drivers_responses.g, from create-cluster-groups.sql), overall,
-- per segment and per journey stage (view drivers_response_cells): the totals of each cell split by group,
-- for the account bootstrap.
SELECT
  dimension,
  dimension_value,
  g,
  count(*) FILTER (WHERE nps_category = 'promoter')::INTEGER AS promoters,
  count(*) FILTER (WHERE nps_category = 'passive')::INTEGER AS passives,
  count(*) FILTER (WHERE nps_category = 'detractor')::INTEGER AS detractors
FROM drivers_response_cells
GROUP BY ALL
ORDER BY dimension, dimension_value, g;
