-- theme_mentions of a run whose topic model is trained per run: each response's cached clauses
-- (classification_cache.clauses under the run's cache key) joined with the themes the run's model gives
-- each distinct clause (topic_clause_themes). Same columns, types and row order as build-theme-mentions.sql;
-- rebuilt whole every run, as the model is.
CREATE OR REPLACE TABLE theme_mentions AS
WITH unnested AS (
  SELECT r.response_id, unnest(c.clauses) AS k
  FROM response_text_hashes r
  JOIN classification_cache c
    ON c.text_hash = r.text_hash
   AND c.engine = $engine AND c.model = $model AND c.revision = $revision AND c.taxonomy_version = $taxonomy_version
  WHERE len(c.clauses) > 0
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
  u.k.sentiment_label AS sentiment_label,
  u.k.polarity AS polarity,
  $topic_engine::VARCHAR AS engine,
  $topic_model::VARCHAR AS model
FROM unnested u
JOIN topic_clause_themes t ON t.clause_key = u.k.clause_key
ORDER BY u.response_id, clause_start, t.theme_id, clause_end;
