-- The distinct verbatims of the run, in a stable order: the topic model is trained on their clauses.
SELECT DISTINCT verbatim AS text FROM responses
WHERE verbatim IS NOT NULL AND length(trim(verbatim)) > 0
ORDER BY text;
