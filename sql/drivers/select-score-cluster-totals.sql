-- The driver score's classes per resampling group (drivers_responses.g, from create-cluster-groups.sql),
-- overall, per segment and per journey stage (view drivers_response_cells): the totals of each cell split
-- by group, for the account bootstrap. NPS: promoters, passives, detractors; CSAT: satisfied, others, 0.
SELECT
  dimension,
  dimension_value,
  g,
  count(*) FILTER (WHERE score_class = 'top')::INTEGER AS top,
  count(*) FILTER (WHERE score_class = 'middle')::INTEGER AS middle,
  count(*) FILTER (WHERE score_class = 'bottom')::INTEGER AS bottom
FROM drivers_response_cells
GROUP BY ALL
ORDER BY dimension, dimension_value, g;
