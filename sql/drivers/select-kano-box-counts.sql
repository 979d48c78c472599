-- Score classes (NPS promoter / passive / detractor; CSAT satisfied / other) of the responses in each
-- rating box (bottom / middle / top) of each attribute.
SELECT
  attribute,
  CASE WHEN rating <= $bottom_max THEN 'bottom' WHEN rating >= $top_min THEN 'top' ELSE 'middle' END AS box,
  count(*) FILTER (WHERE score_class = 'top')::INTEGER AS promoters,
  count(*) FILTER (WHERE score_class = 'middle')::INTEGER AS passives,
  count(*) FILTER (WHERE score_class = 'bottom')::INTEGER AS detractors
FROM drivers_ratings
GROUP BY ALL
ORDER BY attribute, box;
