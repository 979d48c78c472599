-- The distinct texts that the cache lacks for this engine key, numbered in a stable order so
-- they can be pulled into JS in chunks. The anti-join runs first, so only missing texts are grouped.
CREATE OR REPLACE TEMP TABLE classify_todo AS
WITH missing AS (
  SELECT s.text_hash, any_value(s.text) AS text
  FROM classify_source s
  ANTI JOIN (
    SELECT text_hash FROM classification_cache
    WHERE engine = $engine AND model = $model AND revision = $revision AND taxonomy_version = $taxonomy_version
  ) c USING (text_hash)
  WHERE s.text IS NOT NULL AND length(trim(s.text)) > 0
  GROUP BY s.text_hash
)
SELECT row_number() OVER (ORDER BY text_hash) AS ord, text_hash, text FROM missing;
