-- The rows of build-theme-mentions.sql for the added responses only, in the same order (see output-rows.sql).
INSERT INTO theme_mentions
SELECT * FROM theme_mentions_rows($engine, $model, $revision, $taxonomy_version, $topic_engine, $topic_model);
