-- The attribute ratings of the analysed responses, joined to the scope once and kept narrow:
-- rid = the response's row in drivers_responses (an integer key: grouping by it is cheaper than by
-- response_id), h = hash(response_id) (the key of the bootstrap groups, so the per-response rows
-- need not be joined back), the attribute, the rating and the response's NPS answer. Key drivers
-- (attribute coverage, per-response rows) and Kano read this table instead of re-joining
-- response_ratings.
CREATE OR REPLACE TEMP TABLE drivers_ratings AS
SELECT r.rowid AS rid, hash(r.response_id) AS h, rr.attribute, rr.rating::DOUBLE AS rating, r.nps
FROM response_ratings rr
JOIN drivers_responses r ON r.response_id = rr.response_id
WHERE rr.rating IS NOT NULL AND isfinite(rr.rating) AND rr.attribute IS NOT NULL;
