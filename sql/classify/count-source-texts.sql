SELECT
  (SELECT count(DISTINCT text) FROM classify_source WHERE text IS NOT NULL AND length(trim(text)) > 0) AS distinct_texts,
  (SELECT count(*) FROM classify_todo) AS uncached_texts;
