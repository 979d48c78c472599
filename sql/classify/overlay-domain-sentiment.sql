-- verbatim_sentiment from the text-only classification of every response (see output-rows.sql),
-- its sentiment replaced by the cross-fitted domain model's where domain_sentiment has one.
-- Rebuilt whole every run the domain model is used: the models are retrained on each night's data.
-- Parameters: the cache key (engine, model, revision, taxonomy_version), the text-only engine (sentiment_*), the domain engine (domain_*).
CREATE OR REPLACE TABLE verbatim_sentiment AS
SELECT t.response_id,
       t.language,
       coalesce(d.sentiment_label, t.sentiment_label) AS sentiment_label,
       coalesce(d.polarity, t.polarity) AS polarity,
       coalesce(d.confidence, t.confidence) AS confidence,
       t.engine,
       CASE WHEN d.response_id IS NULL THEN t.model ELSE $domain_model END AS model,
       CASE WHEN d.response_id IS NULL THEN t.revision ELSE $domain_revision END AS revision
FROM verbatim_sentiment_rows($engine, $model, $revision, $taxonomy_version, $sentiment_engine, $sentiment_model, $sentiment_revision) t
LEFT JOIN domain_sentiment d USING (response_id)
ORDER BY t.response_id;
