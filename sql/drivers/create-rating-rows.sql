-- One row per analysed response that rated every selected attribute: the NPS answer (y) and the
-- ratings in attribute-index order (x). drivers_rating_index(attribute, idx) lists the attributes.
CREATE OR REPLACE TEMP TABLE drivers_rating_rows AS
SELECT
  rr.response_id,
  any_value(r.nps)::DOUBLE AS y,
  list(rr.rating::DOUBLE ORDER BY i.idx) AS x
FROM response_ratings rr
JOIN drivers_rating_index i ON i.attribute = rr.attribute
JOIN drivers_responses r ON r.response_id = rr.response_id
WHERE rr.rating IS NOT NULL AND isfinite(rr.rating)
GROUP BY rr.response_id
HAVING count(*) = $p AND count(DISTINCT i.idx) = $p;
