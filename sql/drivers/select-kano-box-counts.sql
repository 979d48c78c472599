-- The three sums of the driver score (create-scope-responses.sql: NPS promoters, passives, detractors;
-- CSAT satisfied, others, 0; CES Σ score, Σ score², n) of the responses in each rating box (bottom /
-- middle / top) of each attribute.
SELECT
  attribute,
  CASE WHEN rating <= $bottom_max THEN 'bottom' WHEN rating >= $top_min THEN 'top' ELSE 'middle' END AS box,
  sum(part_1) AS sum_1,
  sum(part_2) AS sum_2,
  sum(part_3) AS sum_3
FROM drivers_ratings
GROUP BY ALL
ORDER BY attribute, box;
