-- Example verbatims per theme: the $per_theme most recent responses (up to $as_of) with a negative
-- mention of the theme, one row per theme and response. Redacted by the caller before any output.
WITH negative AS (
  SELECT m.theme_id, m.response_id, min(m.polarity) AS polarity
  FROM theme_mentions m
  WHERE m.sentiment_label = 'negative'
  GROUP BY ALL
)
SELECT n.theme_id, r.response_id, r.verbatim, r.nps,
  strftime(r.submitted_at, '%Y-%m-%d') AS submitted,
  coalesce(a.segment, '(unknown)') AS segment,
  round(n.polarity, 3) AS polarity
FROM negative n
JOIN responses r ON r.response_id = n.response_id
LEFT JOIN accounts a ON a.account_id = r.account_id
WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY AND r.verbatim IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY n.theme_id ORDER BY r.submitted_at DESC, n.polarity, r.response_id) <= $per_theme
ORDER BY n.theme_id, r.submitted_at DESC, n.polarity, r.response_id;
