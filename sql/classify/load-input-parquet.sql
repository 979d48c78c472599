CREATE OR REPLACE TEMP TABLE classify_input AS SELECT * FROM read_parquet($path);
