-- Attribute ratings of the analysed responses: coverage, mean (performance) and spread per attribute.
WITH rated AS (
  SELECT rr.response_id, rr.attribute, rr.rating
  FROM response_ratings rr
  JOIN drivers_responses r USING (response_id)
  WHERE rr.rating IS NOT NULL AND isfinite(rr.rating) AND rr.attribute IS NOT NULL
),
n AS (SELECT count(DISTINCT response_id) AS rated_responses FROM rated)
SELECT
  attribute,
  count(DISTINCT response_id)::INTEGER AS n_rated,
  any_value(n.rated_responses)::INTEGER AS rated_responses,
  avg(rating) AS mean_rating,
  stddev_samp(rating) AS sd_rating,
  min(rating) AS min_rating,
  max(rating) AS max_rating
FROM rated, n
GROUP BY attribute
ORDER BY attribute;
