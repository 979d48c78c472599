-- The tables of the run's database (attached as `run`): which optional ones the served explorer can read.
SELECT table_name FROM duckdb_tables() WHERE database_name = 'run';
