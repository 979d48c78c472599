-- One row per response with a verbatim classified under the current engine key (see output-rows.sql).
CREATE OR REPLACE TABLE verbatim_sentiment AS
SELECT * FROM verbatim_sentiment_rows($engine, $model, $revision, $taxonomy_version, $sentiment_engine, $sentiment_model, $sentiment_revision);
