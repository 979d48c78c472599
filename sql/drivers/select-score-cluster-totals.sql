-- The driver score's classes per resampling group (drivers_responses.g, from create-cluster-groups.sql),
-- overall, per segment and per journey stage (view drivers_response_cells): the totals of each cell split
-- by group, for the account bootstrap: the three sums of the score (score-of-sums.ts). NPS: promoters,
-- passives, detractors; CSAT: satisfied, others, 0; CES: Σ score, Σ score², n.
SELECT
  dimension,
  dimension_value,
  g,
  sum(part_1) AS sum_1,
  sum(part_2) AS sum_2,
  sum(part_3) AS sum_3
FROM drivers_response_cells
GROUP BY ALL
ORDER BY dimension, dimension_value, g;
