-- Every verbatim passing the served explorer's filters, in the order of select-explorer-selection.sql, with
-- `themes` (theme:sentiment of each mention, clause order; '' after the colon for another sentiment): the CSV export.
SELECT s.* EXCLUDE (submitted_at, folded),
  (SELECT string_agg(m.theme_id || ':' || CASE WHEN m.sentiment_label IN ('negative', 'neutral', 'positive') THEN m.sentiment_label ELSE '' END, '; '
     ORDER BY m.clause_start, m.theme_id, m.clause_end)
   FROM explorer_mentions m WHERE m.response_id = s.response_id) AS themes
FROM explorer_selection($as_of, $terms, $theme, $sentiment, $nps_category, $segment, $region, $owner, $journey_stage, $touchpoint, $survey_type, $language,
  $arr_mode, $arr_lo, $arr_hi, $day_from, $day_to) s
ORDER BY
  CASE $sort WHEN 'arr-asc' THEN round(arr) WHEN 'nps-asc' THEN nps END ASC NULLS LAST,
  CASE $sort WHEN 'arr-desc' THEN round(arr) WHEN 'nps-desc' THEN nps END DESC NULLS LAST,
  CASE WHEN $sort = 'date-asc' THEN submitted_at END ASC,
  CASE WHEN $sort = 'date-asc' THEN response_id END DESC,
  submitted_at DESC, response_id;
