-- NPS categories of the responses in each rating box (bottom / middle / top) of each attribute.
SELECT
  rr.attribute,
  CASE WHEN rr.rating <= $bottom_max THEN 'bottom' WHEN rr.rating >= $top_min THEN 'top' ELSE 'middle' END AS box,
  count(*) FILTER (WHERE r.nps_category = 'promoter')::INTEGER AS promoters,
  count(*) FILTER (WHERE r.nps_category = 'passive')::INTEGER AS passives,
  count(*) FILTER (WHERE r.nps_category = 'detractor')::INTEGER AS detractors
FROM response_ratings rr
JOIN drivers_responses r USING (response_id)
WHERE rr.rating IS NOT NULL AND isfinite(rr.rating) AND rr.attribute IS NOT NULL
GROUP BY ALL
ORDER BY rr.attribute, box;
