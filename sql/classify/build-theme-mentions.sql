-- One row per (response, clause, theme) mention, unnested from the cached JSON.
CREATE OR REPLACE TABLE theme_mentions AS
WITH unnested AS (
  SELECT
    r.response_id,
    unnest(from_json(c.mentions,
      '[{"theme_id":"VARCHAR","clause_text":"VARCHAR","clause_start":"INTEGER","clause_end":"INTEGER","match_score":"DOUBLE","sentiment_label":"VARCHAR","polarity":"DOUBLE"}]')) AS m
  FROM responses r
  JOIN classification_cache c
    ON c.text_hash = md5(r.verbatim)
   AND c.engine = $engine AND c.model = $model AND c.revision = $revision
   AND c.taxonomy_version = $taxonomy_version
)
SELECT
  response_id,
  m.theme_id,
  m.clause_text,
  m.clause_start,
  m.clause_end,
  m.match_score,
  m.sentiment_label,
  m.polarity,
  $topic_engine::VARCHAR AS engine,
  $topic_model::VARCHAR AS model
FROM unnested
ORDER BY response_id, m.clause_start, m.theme_id, m.clause_end;
