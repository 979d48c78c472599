-- theme_mentions of a run whose topic model is trained per run: each response's cached clauses
-- (classification_cache.clauses under the run's cache key) joined with the themes the run's model gives
-- each distinct clause (topic_clause_themes); cached_clauses is sql/classify/create-cached-clauses-macro.sql.
-- A mention's sentiment is the run's self-trained one for its clause (clause_sentiment, see
-- create-clause-sentiment.sql) when there is one, else the lexicon's cached with the clause.
-- Same columns, types and row order as build-theme-mentions.sql; rebuilt whole every run, as the model is.
CREATE OR REPLACE TABLE theme_mentions AS
WITH unnested AS (
  SELECT r.response_id, unnest(c.clauses) AS k
  FROM response_text_hashes r
  JOIN cached_clauses($engine, $model, $revision, $taxonomy_version) c ON c.text_hash = r.text_hash
)
SELECT
  u.response_id,
  t.theme_id,
  u.k.clause_text AS clause_text,
  u.k.clause_start AS clause_start,
  u.k.clause_end AS clause_end,
  t.match_score,
  t.match_source,
  t.match_evidence,
  coalesce(s.sentiment_label, u.k.sentiment_label) AS sentiment_label,
  coalesce(s.polarity, u.k.polarity) AS polarity,
  $topic_engine::VARCHAR AS engine,
  $topic_model::VARCHAR AS model
FROM unnested u
JOIN topic_clause_themes t ON t.clause_key = u.k.clause_key
LEFT JOIN clause_sentiment s ON s.clause_key = u.k.clause_key AND s.clause_text = u.k.clause_text
ORDER BY u.response_id, clause_start, t.theme_id, clause_end;
