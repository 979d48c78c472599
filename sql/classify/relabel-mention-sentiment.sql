-- `ecoute classify`: each cached mention takes the self-trained sentiment of its clause (clause_sentiment, keyed
-- by the verbatim's language and the clause text; see select-mention-clauses.sql), its other fields and the
-- order of the mentions unchanged. Texts without a mention are left as they are.
CREATE OR REPLACE TEMP TABLE relabelled_mentions AS
WITH u AS (
  SELECT c.text_hash, coalesce(c.language, 'other') AS language, unnest(c.mentions) AS m, generate_subscripts(c.mentions, 1) AS i
  FROM classification_cache c
  WHERE c.engine = $engine AND c.model = $model AND c.revision = $revision AND c.taxonomy_version = $taxonomy_version
)
SELECT u.text_hash,
       list(struct_update(u.m,
         sentiment_label := coalesce(s.sentiment_label, u.m.sentiment_label),
         polarity := coalesce(s.polarity, u.m.polarity)) ORDER BY u.i) AS mentions
FROM u
LEFT JOIN clause_sentiment s ON s.clause_key = u.language AND s.clause_text = u.m.clause_text
GROUP BY u.text_hash;
UPDATE classification_cache c SET mentions = r.mentions
FROM relabelled_mentions r
WHERE c.text_hash = r.text_hash
  AND c.engine = $engine AND c.model = $model AND c.revision = $revision AND c.taxonomy_version = $taxonomy_version;
DROP TABLE relabelled_mentions;
