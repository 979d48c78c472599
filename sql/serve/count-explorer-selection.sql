-- How many verbatims pass the served explorer's filters (create-explorer-selection-macro.sql).
SELECT count(*) AS n
FROM explorer_selection($as_of, $terms, $theme, $sentiment, $nps_category, $segment, $region, $owner, $journey_stage, $touchpoint, $survey_type, $language,
  $arr_mode, $arr_lo, $arr_hi, $day_from, $day_to);
