-- The three sums of the driver score (select-score-cluster-totals.sql) of the responses mentioning each theme (with each sentiment) per resampling
-- group, in the cells of drivers_response_cells (overall, per segment and per journey stage; create-cluster-groups.sql).
SELECT
  c.dimension,
  c.dimension_value,
  m.theme_id,
  m.sentiment,
  c.g,
  sum(c.part_1) AS sum_1,
  sum(c.part_2) AS sum_2,
  sum(c.part_3) AS sum_3
FROM drivers_mentions m
JOIN drivers_response_cells c USING (response_id)
GROUP BY ALL
ORDER BY c.dimension, c.dimension_value, m.theme_id, m.sentiment, c.g;
