-- The rows of build-verbatim-sentiment.sql for the added responses only, in the same order.
INSERT INTO verbatim_sentiment
SELECT
  r.response_id, c.language, c.sentiment_label, c.polarity, c.confidence,
  $sentiment_engine::VARCHAR, $sentiment_model::VARCHAR, $sentiment_revision::VARCHAR
FROM classify_added r
JOIN classification_cache c
  ON c.text_hash = r.text_hash
 AND c.engine = $engine AND c.model = $model AND c.revision = $revision
 AND c.taxonomy_version = $taxonomy_version
ORDER BY r.response_id;
