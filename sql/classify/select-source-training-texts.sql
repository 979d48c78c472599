-- The distinct texts of an input file (classify_source) with how often each occurs, in a stable order:
-- the topic model is trained on their clauses.
SELECT text, count(*) AS n FROM classify_source
WHERE text IS NOT NULL AND length(trim(text)) > 0
GROUP BY text
ORDER BY text;
