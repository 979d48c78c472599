-- The distinct texts of an input file (classify_source), in a stable order: the topic model is trained on their clauses.
SELECT DISTINCT text FROM classify_source
WHERE text IS NOT NULL AND length(trim(text)) > 0
ORDER BY text;
