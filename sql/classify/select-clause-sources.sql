-- Every classified verbatim with the spans of its theme mentions, to find the clauses that match no theme.
SELECT
  r.response_id,
  r.verbatim,
  vs.language,
  strftime(r.submitted_at, '%Y-%m-%d') AS submitted_on,
  to_json(coalesce(list([tm.clause_start, tm.clause_end] ORDER BY tm.clause_start) FILTER (WHERE tm.clause_start IS NOT NULL), []))::VARCHAR AS spans
FROM responses r
JOIN verbatim_sentiment vs ON vs.response_id = r.response_id
LEFT JOIN theme_mentions tm ON tm.response_id = r.response_id
GROUP BY r.response_id, r.verbatim, vs.language, r.submitted_at
ORDER BY r.response_id;
