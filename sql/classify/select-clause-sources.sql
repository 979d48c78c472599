-- Every classified verbatim with the spans of its theme mentions (one row a mention, or one row with NULL
-- spans when it has none), to find the clauses that match no theme: in response id order, so a verbatim's
-- rows are consecutive, streamed to JS (src/classify/discovery/discover-themes.ts). Grouping the spans in
-- SQL instead (list() by response) cannot spill with the verbatims beside it: a 2M-response run ran out of memory.
SELECT
  r.response_id,
  r.verbatim,
  vs.language,
  strftime(r.submitted_at, '%Y-%m-%d') AS submitted_on,
  tm.clause_start,
  tm.clause_end
FROM responses r
JOIN verbatim_sentiment vs ON vs.response_id = r.response_id
LEFT JOIN theme_mentions tm ON tm.response_id = r.response_id AND tm.clause_start IS NOT NULL
ORDER BY r.response_id;
