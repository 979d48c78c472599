-- Distinct response texts without sentiment features for this lexicon version, with the language the
-- classification cache detected for them (key = the text-only engine key of this run), numbered for chunked reads.
CREATE OR REPLACE TEMP TABLE sentiment_features_todo AS
WITH missing AS (
  SELECT h.text_hash, any_value(h.text) AS text
  FROM response_text_hashes h
  ANTI JOIN (SELECT text_hash FROM sentiment_features WHERE lexicon_version = $lexicon_version) f USING (text_hash)
  GROUP BY h.text_hash
)
SELECT row_number() OVER (ORDER BY m.text_hash) AS ord, m.text_hash, m.text, c.language
FROM missing m
LEFT JOIN (
  SELECT text_hash, any_value(language) AS language FROM classification_cache
  WHERE engine = $engine AND model = $model AND revision = $revision AND taxonomy_version = $taxonomy_version
  GROUP BY text_hash
) c USING (text_hash);
