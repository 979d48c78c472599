-- The rows of build-theme-mentions.sql for the added responses only, in the same order.
INSERT INTO theme_mentions
WITH unnested AS (
  SELECT r.response_id, unnest(c.mentions) AS m
  FROM classify_added r
  JOIN classification_cache c
    ON c.text_hash = r.text_hash
   AND c.engine = $engine AND c.model = $model AND c.revision = $revision
   AND c.taxonomy_version = $taxonomy_version
  WHERE len(c.mentions) > 0
)
SELECT response_id, m.theme_id, m.clause_text, m.clause_start, m.clause_end, m.match_score, m.sentiment_label, m.polarity,
       $topic_engine::VARCHAR, $topic_model::VARCHAR
FROM unnested
ORDER BY response_id, m.clause_start, m.theme_id, m.clause_end;
