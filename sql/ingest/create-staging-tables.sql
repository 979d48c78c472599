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
-- A text with its control characters (NUL included) shown as U+FFFD, for the quarantine's value column.
CREATE OR REPLACE TEMP MACRO ecoute_visible(text) AS regexp_replace(text, '[\x00-\x1F\x7F]', chr(65533), 'g');
-- An id holding a NUL or another control character (an id is compared and joined byte for byte: never guessed clean).
CREATE OR REPLACE TEMP MACRO ecoute_bad_id(text) AS regexp_matches(text, '[\x00-\x1F\x7F]');
-- The one number grammar (README "Number grammar"): $locale '' (none), 'en' or 'fr'; NULL when the text is not a
-- number of that grammar. Never exponents, underscores, hex, inf or nan. Plain digits with an optional decimal part
-- are read in every locale ('.' decimal except in fr), so the common case is one match and a cast.
--   none: a decimal point or comma, no thousands separator; '12,500' (comma + three digits) could be either: refused
--   en:   thousands ',' by groups of three, decimal '.'
--   fr:   thousands space / U+00A0 / U+202F by groups of three, decimal ','
CREATE OR REPLACE TEMP MACRO ecoute_number(text, locale) AS
  CASE WHEN regexp_full_match(text, '[+-]?[0-9]+(\.[0-9]+)?') AND (locale <> 'fr' OR NOT contains(text, '.')) THEN CAST(text AS DOUBLE)
       WHEN locale = '' THEN CASE WHEN regexp_full_match(text, '[+-]?([0-9]*,[0-9]+|\.[0-9]+)') AND NOT regexp_full_match(text, '[+-]?[0-9]{1,3},[0-9]{3}')
                                   THEN CAST(replace(text, ',', '.') AS DOUBLE) END
       WHEN locale = 'en' THEN CASE WHEN regexp_full_match(text, '[+-]?([0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?|\.[0-9]+)')
                                   THEN CAST(replace(text, ',', '') AS DOUBLE) END
       WHEN locale = 'fr' THEN CASE WHEN regexp_full_match(text, '[+-]?([0-9]{1,3}([ ' || chr(160) || chr(8239) || '][0-9]{3})+|[0-9]*)(,[0-9]+)?') AND regexp_matches(text, '[0-9]')
                                   THEN CAST(replace(regexp_replace(text, '[ ' || chr(160) || chr(8239) || ']', '', 'g'), ',', '.') AS DOUBLE) END
  END;
-- Why a text is not a number of the grammar: 'ambiguous_number' when, without a locale, it reads as a number only
-- with thousands separators (or reads differently in en and fr: 12,500), otherwise 'not_a_number'.
CREATE OR REPLACE TEMP MACRO ecoute_number_problem(text, locale) AS
  CASE WHEN locale = '' AND (ecoute_number(text, 'en') IS NOT NULL OR ecoute_number(text, 'fr') IS NOT NULL) THEN 'ambiguous_number'
       ELSE 'not_a_number' END;
-- ISO 8601 (a date, or a date and time with an optional offset, converted to UTC); nothing else that DuckDB's
-- cast would take (epoch, infinity, BC dates, two-digit years).
CREATE OR REPLACE TEMP MACRO ecoute_iso_timestamp(text) AS
  CASE WHEN regexp_full_match(text, '[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?)?') THEN try_cast(text AS TIMESTAMP)
       WHEN regexp_full_match(text, '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)? ?(Z|[+-][0-9]{2}(:?[0-9]{2})?)')
         THEN timezone('UTC', try_cast(text AS TIMESTAMPTZ)) END;
-- A timestamp of the accepted years (1900-2100), else NULL.
CREATE OR REPLACE TEMP MACRO ecoute_within_years(ts) AS
  CASE WHEN ts >= TIMESTAMP '1900-01-01' AND ts < TIMESTAMP '2101-01-01' THEN ts END;
-- The one date rule of validation: the configured strptime formats in order (those with an offset, %z or %Z, in
-- $tz_formats, converted to UTC), then ISO 8601; years 1900-2100; NULL when nothing parses.
-- (DuckDB's strptime also takes the words epoch and infinity: a date holds a digit.)
CREATE OR REPLACE TEMP MACRO ecoute_parse_timestamp(value, formats, tz_formats) AS
  CASE WHEN regexp_matches(value, '[0-9]') THEN
    ecoute_within_years(coalesce(try_strptime(ecoute_text(value), formats), timezone('UTC', try_strptime(ecoute_text(value), tz_formats)),
                                 ecoute_iso_timestamp(ecoute_text(value)))) END;
-- A yes/no answer (testimonial consent, English or French): true, false, or NULL when blank or not recognised.
CREATE OR REPLACE TEMP MACRO ecoute_yes_no(text) AS
  CASE WHEN lower(text) IN ('yes', 'y', 'true', '1', 'oui', 'o', 'vrai') THEN true
       WHEN lower(text) IN ('no', 'n', 'false', '0', 'non', 'faux') THEN false END;
-- A contact's email address that checks out: local@domain.tld, at most 254 characters, a local part of dot-separated
-- atoms (letters of any script, digits, !#$%&'*+/=?^_`{|}~-), a domain of dot-separated labels (no leading or
-- trailing hyphen) ending in a top-level domain of 2+ letters. Quoted local parts and IP literals are not taken.
-- An ASCII address (strlen = length: one byte a character) takes the same pattern with \p{L} and \p{N} written as
-- [A-Za-z] and [0-9], which is what they match in ASCII: the Unicode classes cost about 10 µs an address in RE2
-- (3.5 s for 350,000 contacts), the ASCII pattern about a tenth of that.
CREATE OR REPLACE TEMP MACRO ecoute_email_ok(text) AS
  length(text) <= 254 AND CASE
    WHEN strlen(text) = length(text) THEN regexp_full_match(text,
      '[A-Za-z0-9!#$%&''*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&''*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63}')
    ELSE regexp_full_match(text,
      '[\p{L}\p{N}!#$%&''*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&''*+/=?^_`{|}~-]+)*@([\p{L}\p{N}]([\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,63}')
  END;
