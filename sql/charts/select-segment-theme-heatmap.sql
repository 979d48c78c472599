-- Segment × theme: classified (commented) responses of the segment, those mentioning the theme,
-- those mentioning it negatively, and both rates; every period key (all, month:..., quarter:...).
WITH commented AS (
  SELECT v.response_id, coalesce(a.segment, '(unknown)') AS segment, r.submitted_at::DATE AS day
  FROM verbatim_sentiment v
  JOIN responses r ON r.response_id = v.response_id
  LEFT JOIN accounts a ON a.account_id = r.account_id
  WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
),
keyed AS (
  SELECT response_id, segment,
    unnest(['all', 'month:' || strftime(date_trunc('month', day), '%Y-%m-%d'), 'quarter:' || strftime(date_trunc('quarter', day), '%Y-%m-%d')]) AS f_period
  FROM commented
),
denominators AS (
  SELECT f_period, segment, count(*) AS commented FROM keyed GROUP BY ALL
),
themes AS (SELECT DISTINCT theme_id FROM theme_mentions),
flags AS (
  SELECT k.f_period, k.segment, m.theme_id, k.response_id, bool_or(m.sentiment_label = 'negative') AS negative
  FROM keyed k JOIN theme_mentions m ON m.response_id = k.response_id
  GROUP BY ALL
),
cells AS (
  SELECT f_period, segment, theme_id, count(*) AS mentioning, count(*) FILTER (WHERE negative) AS negative
  FROM flags GROUP BY ALL
)
SELECT d.f_period, d.segment, t.theme_id, d.commented::INTEGER AS commented,
  coalesce(c.mentioning, 0)::INTEGER AS mentioning,
  coalesce(c.negative, 0)::INTEGER AS negative,
  round(coalesce(c.mentioning, 0) / d.commented, 4) AS mention_rate,
  round(coalesce(c.negative, 0) / d.commented, 4) AS negative_rate
FROM denominators d
CROSS JOIN themes t
LEFT JOIN cells c ON c.f_period = d.f_period AND c.segment = d.segment AND c.theme_id = t.theme_id
ORDER BY d.f_period, d.segment, t.theme_id;
