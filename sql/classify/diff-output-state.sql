-- Can this run append to the output tables? Only when nothing was removed or changed, the
-- engines and taxonomy are the same, and every added response sorts after the existing ones
-- (then appending in order gives exactly the rows, in exactly the order, of a full rebuild).
SELECT
  (SELECT count(*) FROM classify_added) AS added,
  (SELECT count(*) FROM (SELECT response_id, text_hash FROM classify_output_state
                         ANTI JOIN response_text_hashes USING (response_id, text_hash))) AS removed,
  coalesce((SELECT min(response_id) FROM classify_added) > (SELECT max(response_id) FROM classify_output_state), true) AS added_after,
  (SELECT count(*) FROM classify_output_meta
    WHERE engine = $engine AND model = $model AND revision = $revision AND taxonomy_version = $taxonomy_version
      AND sentiment_engine = $sentiment_engine AND sentiment_model = $sentiment_model AND sentiment_revision = $sentiment_revision
      AND topic_engine = $topic_engine AND topic_model = $topic_model) AS meta_matches,
  (SELECT count(*) FROM duckdb_tables()
    WHERE table_name IN ('verbatim_sentiment', 'theme_mentions') AND schema_name = current_schema() AND NOT temporary) AS output_tables;
