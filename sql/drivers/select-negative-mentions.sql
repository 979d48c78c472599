-- Responses mentioning each theme negatively (and with any sentiment), among the analysed responses.
SELECT
  m.theme_id,
  count(*) FILTER (WHERE m.sentiment = 'negative')::INTEGER AS negative_mentions,
  count(*) FILTER (WHERE m.sentiment = 'any')::INTEGER AS mentions
FROM drivers_mentions m
JOIN drivers_responses r USING (response_id)
GROUP BY m.theme_id
ORDER BY m.theme_id;
