-- The rows of verbatim_sentiment and theme_mentions for the responses of the view classify_output_rows_of
-- (all responses for a rebuild, only the added ones for an append), in table order. One query per table
-- serves both, so an append gives the very rows and row order of a rebuild.
-- k_* = the cache key (engine, model, revision, taxonomy version); s_* / t_* = the sentiment / topic engine.
CREATE OR REPLACE TEMP MACRO verbatim_sentiment_rows(k_engine, k_model, k_revision, k_taxonomy_version, s_engine, s_model, s_revision) AS TABLE
SELECT
  r.response_id,
  c.language,
  c.sentiment_label,
  c.polarity,
  c.confidence,
  s_engine::VARCHAR AS engine,
  s_model::VARCHAR AS model,
  s_revision::VARCHAR AS revision
FROM classify_output_rows_of r
JOIN classification_cache c
  ON c.text_hash = r.text_hash
 AND c.engine = k_engine AND c.model = k_model AND c.revision = k_revision
 AND c.taxonomy_version = k_taxonomy_version
ORDER BY r.response_id;

-- One row per (response, clause, theme) mention, unnested from the cached mentions list.
CREATE OR REPLACE TEMP MACRO theme_mentions_rows(k_engine, k_model, k_revision, k_taxonomy_version, t_engine, t_model) AS TABLE
WITH unnested AS (
  SELECT r.response_id, unnest(c.mentions) AS m
  FROM classify_output_rows_of r
  JOIN classification_cache c
    ON c.text_hash = r.text_hash
   AND c.engine = k_engine AND c.model = k_model AND c.revision = k_revision
   AND c.taxonomy_version = k_taxonomy_version
  WHERE len(c.mentions) > 0
)
SELECT
  response_id,
  m.theme_id,
  m.clause_text,
  m.clause_start,
  m.clause_end,
  m.match_score,
  m.match_source,
  m.match_evidence,
  m.sentiment_label,
  m.polarity,
  t_engine::VARCHAR AS engine,
  t_model::VARCHAR AS model
FROM unnested
ORDER BY response_id, m.clause_start, m.theme_id, m.clause_end;
