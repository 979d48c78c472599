-- The columns of a Parquet file (name, DuckDB type), for the Arrow export.
DESCRIBE SELECT * FROM read_parquet($path);
