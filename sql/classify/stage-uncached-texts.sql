-- The distinct non-blank texts of classify_source that the cache lacks for this engine key,
-- numbered in a stable order so they can be pulled into JS in chunks.
CREATE OR REPLACE TEMP TABLE classify_todo AS
WITH texts AS (
  SELECT DISTINCT text, md5(text) AS text_hash
  FROM classify_source
  WHERE text IS NOT NULL AND length(trim(text)) > 0
)
SELECT row_number() OVER (ORDER BY t.text_hash) AS ord, t.text_hash, t.text
FROM texts t
WHERE NOT EXISTS (
  SELECT 1 FROM classification_cache c
  WHERE c.text_hash = t.text_hash
    AND c.engine = $engine AND c.model = $model AND c.revision = $revision
    AND c.taxonomy_version = $taxonomy_version
);
