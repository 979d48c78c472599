-- Themes by negative mentions (responses up to $as_of): the ranking used when the run has no
-- revenue-at-risk tables.
SELECT m.theme_id, count(DISTINCT m.response_id)::INTEGER AS negative_responses,
  count(*)::INTEGER AS negative_mentions
FROM theme_mentions m
JOIN responses r ON r.response_id = m.response_id
WHERE m.sentiment_label = 'negative' AND r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
GROUP BY m.theme_id
ORDER BY negative_responses DESC, m.theme_id;
