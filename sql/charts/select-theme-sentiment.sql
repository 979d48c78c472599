-- Mention counts per theme and mention sentiment, for every period key (all, month:..., quarter:...)
-- and segment (all or the account's segment). Responses after $as_of are ignored.
WITH mentions AS (
  SELECT m.theme_id, m.sentiment_label, coalesce(a.segment, '(unknown)') AS segment, r.submitted_at::DATE AS day
  FROM theme_mentions m
  JOIN responses r ON r.response_id = m.response_id
  LEFT JOIN accounts a ON a.account_id = r.account_id
  WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
),
by_period AS (
  SELECT *, unnest(['all', 'month:' || strftime(date_trunc('month', day), '%Y-%m-%d'), 'quarter:' || strftime(date_trunc('quarter', day), '%Y-%m-%d')]) AS f_period
  FROM mentions
),
by_segment AS (
  SELECT *, unnest(['all', segment]) AS f_segment FROM by_period
)
SELECT f_period, f_segment, theme_id, sentiment_label, count(*)::INTEGER AS mentions
FROM by_segment
GROUP BY ALL
ORDER BY f_period, f_segment, theme_id, sentiment_label;
