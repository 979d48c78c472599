-- The distinct non-blank texts of classify_source(text, text_hash), by hash only (cheap to count).
CREATE OR REPLACE TEMP TABLE classify_hashes AS
SELECT DISTINCT text_hash
FROM classify_source
WHERE text IS NOT NULL AND length(trim(text)) > 0;
