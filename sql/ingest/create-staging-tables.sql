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
-- The one text rule of validation: leading and trailing spaces (including the no-break spaces U+00A0 and
-- U+202F of French exports) are removed and an empty value is NULL. The guard keeps the common case, a value
-- with nothing to trim, from paying for trim's copy (measured: trims were a third of the check time).
-- ecoute_text is ecoute_trimmed, or, for a source with missing_values, validate/use-missing-values.sql's
-- version that also turns those texts (NA, N/A, -...) into NULL.
CREATE OR REPLACE TEMP MACRO ecoute_trimmed(value) AS
  CASE WHEN value = '' THEN NULL
       WHEN prefix(value, ' ') OR suffix(value, ' ') OR prefix(value, chr(160)) OR suffix(value, chr(160))
            OR prefix(value, chr(8239)) OR suffix(value, chr(8239))
         THEN nullif(trim(value, ' ' || chr(160) || chr(8239)), '')
       ELSE value END;
CREATE OR REPLACE TEMP MACRO ecoute_text(value) AS ecoute_trimmed(value);
-- The one number rule: a text value (already through ecoute_text) as DOUBLE, with a decimal comma accepted; NULL when it is not a number.
CREATE OR REPLACE TEMP MACRO ecoute_number(text) AS
  try_cast(CASE WHEN contains(text, ',') THEN replace(text, ',', '.') ELSE text END AS DOUBLE);
-- The one date rule of validation: the configured strptime formats in order, then ISO 8601; NULL when nothing parses.
CREATE OR REPLACE TEMP MACRO ecoute_parse_timestamp(value, formats) AS
  coalesce(try_strptime(ecoute_text(value), formats), try_cast(ecoute_text(value) AS TIMESTAMP));
