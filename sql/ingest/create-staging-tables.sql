-- Bookkeeping of the ingest phase: which files were read, and the records the parser rejected.
CREATE OR REPLACE TEMP TABLE stg_files (
  file_id INTEGER,
  source VARCHAR,
  path VARCHAR,
  format VARCHAR,
  row_offset BIGINT,      -- rowid of the file's first record in stg_<source>
  records BIGINT,         -- records parsed
  rejected BIGINT,        -- records rejected by the parser
  header_lines INTEGER
);
CREATE OR REPLACE TEMP TABLE stg_rejects (
  source VARCHAR,
  file_id INTEGER,
  line BIGINT,            -- first physical line of the rejected record
  span BIGINT,            -- physical lines it covers
  error_type VARCHAR,
  column_name VARCHAR,
  error_message VARCHAR,
  csv_line VARCHAR
);
