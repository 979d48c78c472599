-- Rows with no problem become canonical responses (in file order); their ratings go to response_ratings.
INSERT INTO responses
SELECT response_id, contact_id, account_id, submitted_at, channel, survey_type, journey_stage, touchpoint,
       nps, csat, ces, verbatim, language, duration_seconds, coalesce(verbatim_truncated, false),
       f.path, _line
FROM chk_responses c JOIN stg_files f ON f.file_id = c._file_id
WHERE len(_problems) = 0
ORDER BY _rid;

INSERT INTO response_ratings
SELECT response_id, unnest($attributes) AS attribute, unnest(ratings_num) AS rating
FROM chk_responses
WHERE len(_problems) = 0 AND len(ratings_num) > 0
ORDER BY _rid;
DELETE FROM response_ratings WHERE rating IS NULL;
