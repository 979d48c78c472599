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
  line BIGINT,            -- physical line where the rejected record starts
  span BIGINT,            -- physical lines it covers
  error_type VARCHAR,
  column_name VARCHAR,
  error_message VARCHAR,
  csv_line VARCHAR
);
CREATE OR REPLACE TEMP TABLE stg_line_shifts (
  file_id INTEGER,
  accepted_before BIGINT, -- from this staged record of the file on (0-based)...
  cum_span BIGINT         -- ...records sit this many lines below header_lines + 1 + k (see src/ingest/line-shifts.ts)
);
-- The one date rule of validation: the configured strptime formats in order, then ISO 8601; NULL when nothing parses.
CREATE OR REPLACE TEMP MACRO ecoute_parse_timestamp(value, formats) AS
  coalesce(try_strptime(trim(value), formats), try_cast(trim(value) AS TIMESTAMP));
