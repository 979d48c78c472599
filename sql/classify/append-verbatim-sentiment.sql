-- The rows of build-verbatim-sentiment.sql for the added responses only, in the same order (see output-rows.sql).
INSERT INTO verbatim_sentiment
SELECT * FROM verbatim_sentiment_rows($engine, $model, $revision, $taxonomy_version, $sentiment_engine, $sentiment_model, $sentiment_revision);
