-- Every verbatim of the run for the explorer (sql/report/create-explorer-verbatims-macro.sql), newest first,
-- one row a theme mention (all its columns as the struct `mention`, whichever classifier wrote the table;
-- NULL for a verbatim without one: the LEFT JOIN's unmatched m is a struct of NULLs, not NULL) in clause order: a verbatim's rows are consecutive, streamed to JS.
SELECT v.* EXCLUDE (submitted_at), CASE WHEN m.theme_id IS NULL THEN NULL ELSE m END AS mention
FROM explorer_verbatims($as_of) v
LEFT JOIN theme_mentions m USING (response_id)
ORDER BY v.submitted_at DESC, v.response_id, m.clause_start, m.theme_id, m.clause_end;
