-- explorer_selection(...): the verbatims of explorer_source (create-explorer-source-table.sql, or -macro.sql for a
-- run without explorer_rows) that pass the explorer's filters, as the embedded explorer filters them: '' = no
-- filter; terms = the search words, folded and space-separated, each found in the folded PII-redacted text; a theme /
-- mention sentiment needs one mention with both; arr_mode 0 any, 1 lo <= arr < hi ('' unbounded), 2 unknown ARR,
-- 3 no such band. Columns: those of explorer_source.
CREATE OR REPLACE TEMP MACRO explorer_selection(
  as_of, terms, theme, sentiment, nps_category, segment, region, owner, journey_stage, touchpoint, survey_type, language,
  arr_mode, arr_lo, arr_hi, day_from, day_to
) AS TABLE
SELECT v.*
FROM explorer_source(as_of) v
WHERE (segment = '' OR v.segment = segment)
  AND (region = '' OR v.region = region)
  AND (owner = '' OR v.owner = owner)
  AND (journey_stage = '' OR v.journey_stage = journey_stage)
  AND (touchpoint = '' OR v.touchpoint = touchpoint)
  AND (survey_type = '' OR v.survey_type = survey_type)
  AND (language = '' OR v.language = language)
  AND (day_from = '' OR v.day >= day_from)
  AND (day_to = '' OR v.day <= day_to)
  AND (nps_category = '' OR nps_category = CASE WHEN v.nps IS NULL THEN 'none' WHEN v.nps <= 6 THEN 'detractor' WHEN v.nps <= 8 THEN 'passive' ELSE 'promoter' END)
  AND CASE arr_mode WHEN 0 THEN true WHEN 2 THEN v.arr IS NULL WHEN 3 THEN false
    ELSE v.arr IS NOT NULL AND (arr_lo = '' OR v.arr >= arr_lo::DOUBLE) AND (arr_hi = '' OR v.arr < arr_hi::DOUBLE) END
  AND CASE WHEN theme = '' AND sentiment = '' THEN true ELSE EXISTS (
    SELECT 1 FROM explorer_mentions m
    WHERE m.response_id = v.response_id AND (theme = '' OR m.theme_id = theme) AND (sentiment = '' OR m.sentiment_label = sentiment)) END
  AND CASE WHEN terms = '' THEN true ELSE list_bool_and(list_transform(string_split(terms, ' '), w -> contains(v.folded, w))) END;
