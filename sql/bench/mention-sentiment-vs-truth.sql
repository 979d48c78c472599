-- Sentiment of each theme mention of a run against the demo's text truth: per true (response, theme) pair
-- found by the run, the true sentiment beside the run's (the label of the pair's highest-scored mention).
-- $truth: path of truth-text-mentions.csv (response_id, theme_id, sentiment).
WITH truth AS (
  SELECT response_id, theme_id, sentiment
  FROM read_csv($truth, header = true, all_varchar = true)
),
found AS (
  SELECT response_id, theme_id, arg_max(sentiment_label, match_score) AS sentiment
  FROM theme_mentions
  GROUP BY response_id, theme_id
)
SELECT t.sentiment AS truth, f.sentiment AS found, count(*)::INTEGER AS pairs
FROM truth t
JOIN found f USING (response_id, theme_id)
GROUP BY ALL
ORDER BY truth, found;
