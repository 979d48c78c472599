-- Rows with no problem become canonical responses (in file order); their ratings go to response_ratings.
INSERT INTO responses
SELECT response_id, contact_id, account_id, submitted_at, channel, survey_type, journey_stage, touchpoint,
       nps, csat, ces, verbatim, language, duration_seconds, coalesce(verbatim_truncated, false),
       $file_paths[_file_id], _line
FROM chk_responses c
WHERE len(_problems) = 0
ORDER BY _rid;

INSERT INTO response_ratings
SELECT response_id, attribute, rating
FROM (
  SELECT _rid, response_id, unnest($attributes) AS attribute, unnest(ratings_num) AS rating
  FROM chk_responses
  WHERE len(_problems) = 0 AND len(ratings_num) > 0
)
WHERE rating IS NOT NULL
ORDER BY _rid, attribute;
