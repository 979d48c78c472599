-- The theme-sentiment chart of the verbatims passing the served explorer's filters, row for row what the browser
-- computes from embedded verbatims (src/report/dashboard/derived-rows-app.ts, themeSentiment): mentions per theme and
-- mention sentiment (NULL for a sentiment other than negative / neutral / positive), in the order the browser meets
-- them (verbatims newest first, mentions in clause order).
WITH selected AS (
  SELECT response_id, submitted_at
  FROM explorer_selection($as_of, $terms, $theme, $sentiment, $nps_category, $segment, $region, $owner, $journey_stage, $touchpoint, $survey_type, $language,
    $arr_mode, $arr_lo, $arr_hi, $day_from, $day_to)
),
met AS (
  SELECT m.theme_id,
    CASE WHEN m.sentiment_label IN ('negative', 'neutral', 'positive') THEN m.sentiment_label END AS sentiment_label,
    row_number() OVER (ORDER BY s.submitted_at DESC, s.response_id, m.clause_start, m.theme_id, m.clause_end) AS pos
  FROM selected s
  JOIN explorer_mentions m ON m.response_id = s.response_id
)
SELECT theme_id, sentiment_label, count(*)::INTEGER AS mentions
FROM met
GROUP BY theme_id, sentiment_label
ORDER BY min(pos);
