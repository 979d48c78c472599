-- Distinct verbatims to lint a taxonomy against: a stable sample of at most $max_rows (by md5, not by date).
SELECT text FROM (SELECT DISTINCT verbatim AS text FROM responses WHERE verbatim IS NOT NULL AND length(trim(verbatim)) > 0)
ORDER BY md5(text), text
LIMIT $max_rows;
