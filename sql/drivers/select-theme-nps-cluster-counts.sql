-- NPS categories of the responses mentioning each theme (with each sentiment) per resampling group, in
-- the cells of drivers_response_cells (overall, per segment and per journey stage; create-cluster-groups.sql).
SELECT
  c.dimension,
  c.dimension_value,
  m.theme_id,
  m.sentiment,
  c.g,
  count(*) FILTER (WHERE c.nps_category = 'promoter')::INTEGER AS promoters,
  count(*) FILTER (WHERE c.nps_category = 'passive')::INTEGER AS passives,
  count(*) FILTER (WHERE c.nps_category = 'detractor')::INTEGER AS detractors
FROM drivers_mentions m
JOIN drivers_response_cells c USING (response_id)
GROUP BY ALL
ORDER BY c.dimension, c.dimension_value, m.theme_id, m.sentiment, c.g;
