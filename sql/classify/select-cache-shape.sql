-- Whether classification_cache exists and whether its mentions carry the provenance fields
-- (caches written before provenance was recorded are dropped and rebuilt: they are only a cache).
SELECT
  count(*) AS cache_tables,
  count(*) FILTER (WHERE data_type LIKE '%match_source%') AS with_provenance
FROM duckdb_columns()
WHERE table_name = 'classification_cache' AND column_name = 'mentions' AND schema_name = current_schema();
