-- Attribute ratings of the analysed responses (drivers_ratings): ratings, mean (performance) and
-- spread per attribute. Coverage (responses rating each attribute) comes with the per-response rows.
SELECT
  attribute,
  count(*)::INTEGER AS ratings,
  avg(rating) AS mean_rating,
  stddev_samp(rating) AS sd_rating,
  min(rating) AS min_rating,
  max(rating) AS max_rating
FROM drivers_ratings
GROUP BY attribute
ORDER BY attribute;
