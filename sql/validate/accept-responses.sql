-- After the quarantine has taken them: the rows with a problem leave `responses` (a DELETE marks the few
-- rows, the others stay where they were written, in file order), the ratings of the others go to
-- response_ratings, and the scratch columns of check-responses.sql are dropped.
DELETE FROM responses
WHERE _problems IS NOT NULL OR _late_problems IS NOT NULL OR _rid IN (SELECT _rid FROM chk_responses_cross);

INSERT INTO response_ratings
SELECT response_id, attribute, rating
FROM (
  SELECT response_id, unnest($attributes) AS attribute, unnest(_ratings) AS rating
  FROM responses
  WHERE len(_ratings) > 0
)
WHERE rating IS NOT NULL;

ALTER TABLE responses DROP COLUMN _late_problems;
ALTER TABLE responses DROP COLUMN _problems;
ALTER TABLE responses DROP COLUMN _ratings;
ALTER TABLE responses DROP COLUMN _file_id;
ALTER TABLE responses DROP COLUMN _rid;
ALTER TABLE responses ALTER COLUMN submitted_at SET NOT NULL;
