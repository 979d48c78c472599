-- NPS categories of the responses in each rating box (bottom / middle / top) of each attribute.
SELECT
  attribute,
  CASE WHEN rating <= $bottom_max THEN 'bottom' WHEN rating >= $top_min THEN 'top' ELSE 'middle' END AS box,
  count(*) FILTER (WHERE nps >= 9)::INTEGER AS promoters,
  count(*) FILTER (WHERE nps >= 7 AND nps < 9)::INTEGER AS passives,
  count(*) FILTER (WHERE nps < 7)::INTEGER AS detractors
FROM drivers_ratings
GROUP BY ALL
ORDER BY attribute, box;
