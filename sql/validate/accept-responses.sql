-- After the quarantine has taken them: the rows with a problem leave `responses` (a DELETE marks the few
-- rows, the others stay where they were written, in file order), the scratch columns of check-responses.sql
-- are dropped, and the attributes of responses.ratings are named (the view response_ratings reads both).
DELETE FROM responses
WHERE _problems IS NOT NULL OR _late_problems IS NOT NULL OR _rid IN (SELECT _rid FROM chk_responses_cross);

-- Ratings set missing on the rows that stay (the quarantined rows keep their raw values in `quarantine`).
INSERT INTO field_problems
SELECT 'responses', _source_file, _line, response_id, p.field, p.code, p.value
FROM (SELECT _rid, _source_file, _line, response_id, unnest(_field_problems) AS p FROM responses WHERE _field_problems IS NOT NULL)
ORDER BY _rid, p.field;

ALTER TABLE responses DROP COLUMN _field_problems;
ALTER TABLE responses DROP COLUMN _late_problems;
ALTER TABLE responses DROP COLUMN _problems;
ALTER TABLE responses DROP COLUMN _file_id;
ALTER TABLE responses DROP COLUMN _rid;
ALTER TABLE responses ALTER COLUMN submitted_at SET NOT NULL;

INSERT INTO rating_attributes
SELECT i::INTEGER, $attributes[i]
FROM range(1, len($attributes) + 1) t(i);
