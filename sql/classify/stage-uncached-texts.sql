-- The distinct texts that the cache lacks for this engine key, numbered in a stable order so
-- they can be pulled into JS in chunks.
CREATE OR REPLACE TEMP TABLE classify_todo AS
SELECT row_number() OVER (ORDER BY h.text_hash) AS ord, h.text_hash, h.text
FROM classify_hashes h
ANTI JOIN (
  SELECT text_hash FROM classification_cache
  WHERE engine = $engine AND model = $model AND revision = $revision AND taxonomy_version = $taxonomy_version
) c USING (text_hash);
