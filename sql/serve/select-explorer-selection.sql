-- One page of the verbatims passing the served explorer's filters, in the explorer's order (sort: date-desc |
-- date-asc | arr-desc | arr-asc | nps-desc | nps-asc, ARR rounded as shown, missing values last, ties newest
-- first), $skip rows skipped, at most $take.
SELECT * EXCLUDE (submitted_at, folded)
FROM explorer_selection($as_of, $terms, $theme, $sentiment, $nps_category, $segment, $region, $owner, $journey_stage, $touchpoint, $survey_type, $language,
  $arr_mode, $arr_lo, $arr_hi, $day_from, $day_to)
ORDER BY
  CASE $sort WHEN 'arr-asc' THEN round(arr) WHEN 'nps-asc' THEN nps END ASC NULLS LAST,
  CASE $sort WHEN 'arr-desc' THEN round(arr) WHEN 'nps-desc' THEN nps END DESC NULLS LAST,
  CASE WHEN $sort = 'date-asc' THEN submitted_at END ASC,
  CASE WHEN $sort = 'date-asc' THEN response_id END DESC,
  submitted_at DESC, response_id
LIMIT $take OFFSET $skip;
