-- The segment × theme heatmap of the verbatims passing the served explorer's filters, row for row what the browser
-- computes from embedded verbatims (src/report/dashboard/derived-rows-app.ts, heatmap): per segment of the selection
-- and theme of the run's mentions, the selected verbatims of the segment, those mentioning the theme, those
-- mentioning it negatively, and both rates rounded to 4 decimals; segments then themes in code-unit order.
WITH selected AS (
  SELECT response_id, segment
  FROM explorer_selection($as_of, $terms, $theme, $sentiment, $nps_category, $segment, $region, $owner, $journey_stage, $touchpoint, $survey_type, $language,
    $arr_mode, $arr_lo, $arr_hi, $day_from, $day_to)
),
commented AS (SELECT segment, count(*) AS commented FROM selected GROUP BY segment),
themes AS (SELECT DISTINCT theme_id FROM explorer_mentions),
flags AS (
  SELECT s.segment, m.theme_id, s.response_id, bool_or(m.sentiment_label = 'negative') AS negative
  FROM selected s JOIN explorer_mentions m ON m.response_id = s.response_id
  GROUP BY ALL
),
cells AS (
  SELECT segment, theme_id, count(*) AS mentioning, count(*) FILTER (WHERE negative) AS negative
  FROM flags GROUP BY ALL
)
SELECT c.segment, t.theme_id, c.commented::INTEGER AS commented,
  coalesce(x.mentioning, 0)::INTEGER AS mentioning,
  coalesce(x.negative, 0)::INTEGER AS negative,
  round(coalesce(x.mentioning, 0) / c.commented, 4) AS mention_rate,
  round(coalesce(x.negative, 0) / c.commented, 4) AS negative_rate
FROM commented c
CROSS JOIN themes t
LEFT JOIN cells x ON x.segment = c.segment AND x.theme_id = t.theme_id
ORDER BY c.segment, t.theme_id;
