-- One row per (response, clause, theme) mention of the responses (see output-rows.sql).
CREATE OR REPLACE TABLE theme_mentions AS
SELECT * FROM theme_mentions_rows($engine, $model, $revision, $taxonomy_version, $topic_engine, $topic_model);
