-- The distinct non-blank texts of classify_source(text, text_hash), one row per hash.
CREATE OR REPLACE TEMP TABLE classify_hashes AS
SELECT text_hash, any_value(text) AS text
FROM classify_source
WHERE text IS NOT NULL AND length(trim(text)) > 0
GROUP BY text_hash;
