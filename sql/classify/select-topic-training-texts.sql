-- The distinct verbatims of the run with how often each was written, in a stable order: the topic model
-- is trained on their clauses (a stock phrase written a thousand times weighs as such).
SELECT verbatim AS text, count(*) AS n FROM responses
WHERE verbatim IS NOT NULL AND length(trim(verbatim)) > 0
GROUP BY verbatim
ORDER BY text;
