-- The input rows, in file order, with the classification columns added (NULL for blank texts).
-- classify_source(__row, text) is the input's text column; rowid keeps the file's row order.
CREATE OR REPLACE TEMP TABLE classified_file AS
SELECT
  i.*,
  c.language AS ecoute_language,
  c.sentiment_label AS ecoute_sentiment,
  c.polarity AS ecoute_polarity,
  c.confidence AS ecoute_confidence,
  array_to_string(list_sort(list_distinct(list_transform(c.mentions, lambda m: m.theme_id))), ';') AS ecoute_themes,
  to_json(c.mentions)::VARCHAR AS ecoute_mentions
FROM classify_input i
JOIN classify_source s ON s.__row = i.rowid
LEFT JOIN classification_cache c
  ON c.text_hash = s.text_hash
 AND c.engine = $engine AND c.model = $model AND c.revision = $revision
 AND c.taxonomy_version = $taxonomy_version
ORDER BY i.rowid;
