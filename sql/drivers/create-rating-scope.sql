-- The attribute ratings of the analysed responses, kept narrow: rid = the response's row in
-- drivers_responses (an integer key: grouping by it is cheaper than by response_id), g = the
-- response's resampling group (create-cluster-groups.sql: its account, or a random group of whole
-- accounts; the key-driver bootstrap resamples these), the attribute, the rating and the
-- response's driver score answer, class and part of the score's three sums (create-scope-responses.sql). The ratings travel in drivers_responses (responses.ratings), so no join
-- back to the responses is needed. Key drivers (attribute coverage, per-response rows) and Kano
-- read this table.
CREATE OR REPLACE TEMP TABLE drivers_ratings AS
SELECT d.rid, d.g, a.attribute, d.rating, d.score, d.score_class, d.part_1, d.part_2, d.part_3
FROM (
  SELECT rowid AS rid, g, score, score_class, part_1, part_2, part_3, unnest(ratings) AS rating, generate_subscripts(ratings, 1) AS position
  FROM drivers_responses
  WHERE len(ratings) > 0
) d
JOIN rating_attributes a USING (position)
WHERE d.rating IS NOT NULL AND isfinite(d.rating) AND a.attribute IS NOT NULL;
