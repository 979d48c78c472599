-- The driver score's classes of the responses mentioning each theme (with each sentiment) per resampling
-- group, in the cells of drivers_response_cells (overall, per segment and per journey stage; create-cluster-groups.sql).
SELECT
  c.dimension,
  c.dimension_value,
  m.theme_id,
  m.sentiment,
  c.g,
  count(*) FILTER (WHERE c.score_class = 'top')::INTEGER AS top,
  count(*) FILTER (WHERE c.score_class = 'middle')::INTEGER AS middle,
  count(*) FILTER (WHERE c.score_class = 'bottom')::INTEGER AS bottom
FROM drivers_mentions m
JOIN drivers_response_cells c USING (response_id)
GROUP BY ALL
ORDER BY c.dimension, c.dimension_value, m.theme_id, m.sentiment, c.g;
