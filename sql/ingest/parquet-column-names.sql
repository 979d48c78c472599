-- The schema of a Parquet file as written (DuckDB's reader renames repeated column names): root first, depth first.
SELECT name, num_children AS children FROM parquet_schema($path) ORDER BY column_id;
