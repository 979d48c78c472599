-- Every verbatim of the run for the explorer (sql/report/create-explorer-verbatims-macro.sql), newest first:
-- a run without theme_mentions.
SELECT * EXCLUDE (submitted_at)
FROM explorer_verbatims($as_of)
ORDER BY submitted_at DESC, response_id;
