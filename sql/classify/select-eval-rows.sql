-- Gold label and prediction of every input row with a text and a label, in file order.
SELECT s.__row, s.label, s.text, c.sentiment_label, c.polarity, to_json(c.mentions)::VARCHAR AS mentions
FROM classify_source s
JOIN classification_cache c
  ON c.text_hash = s.text_hash
 AND c.engine = $engine AND c.model = $model AND c.revision = $revision
 AND c.taxonomy_version = $taxonomy_version
WHERE s.text IS NOT NULL AND length(trim(s.text)) > 0
  AND s.label IS NOT NULL AND length(trim(s.label)) > 0
ORDER BY s.__row;
