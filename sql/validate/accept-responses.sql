-- Rows with no problem become canonical responses; their ratings go to response_ratings.
-- chk_responses is in file order (built by scans and a positional join only), so no sort is needed.
INSERT INTO responses
SELECT response_id, contact_id, account_id, submitted_at, channel, survey_type, journey_stage, touchpoint,
       nps, csat, ces, verbatim, language, duration_seconds, coalesce(verbatim_truncated, false),
       $file_paths[_file_id], _line
FROM chk_responses c
WHERE len(_problems) = 0;

INSERT INTO response_ratings
SELECT response_id, attribute, rating
FROM (
  SELECT _rid, response_id, unnest($attributes) AS attribute, unnest(ratings_num) AS rating
  FROM chk_responses
  WHERE len(_problems) = 0 AND len(ratings_num) > 0
)
WHERE rating IS NOT NULL;
