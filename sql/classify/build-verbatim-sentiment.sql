-- One row per response with a verbatim classified under the current engine key.
CREATE OR REPLACE TABLE verbatim_sentiment AS
SELECT
  r.response_id,
  c.language,
  c.sentiment_label,
  c.polarity,
  c.confidence,
  $sentiment_engine::VARCHAR AS engine,
  $sentiment_model::VARCHAR AS model,
  $sentiment_revision::VARCHAR AS revision
FROM response_text_hashes r
JOIN classification_cache c
  ON c.text_hash = r.text_hash
 AND c.engine = $engine AND c.model = $model AND c.revision = $revision
 AND c.taxonomy_version = $taxonomy_version
ORDER BY r.response_id;
