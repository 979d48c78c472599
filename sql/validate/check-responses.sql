-- Types, ranges, dates, ids, duplicates, speeders and straight-liners for every staged response.
-- Responses are the big source, so they are checked in place: every staged row is written once, typed,
-- into the canonical table `responses` (ratings included) with scratch columns (_rid, _file_id, _problems,
-- _late_problems); accept-responses.sql then moves the few rows with a problem out (DELETE) and drops the
-- scratch columns. No step over all rows joins or sorts, so the file order is kept and every step runs on
-- all cores (a checked copy of every row, then a second copy into `responses`, cost twice the writing).
--   _problems        what a row has on its own, reduced first to short codes (p_*): the lists are only built
--                    for the rows that have one (building ten structs for every row was a third of the time);
--   chk_responses_cross  the few rows with a problem that needs the other rows (unknown account, repeated id,
--                    the same answers submitted again), found on the typed rows with aggregates and hash joins;
--   _late_problems   speeder and straight-liner when settings.quality quarantines them, listed after the
--                    cross-row problems (by default they are only named in quality_flags and the row stays);
--   _field_problems  attribute ratings that are not a number, off the scale or "not rated": the rating is
--                    NULL in `ratings`, the row stays, and accept-responses.sql lists them in field_problems.
-- Problems are lists of {code, field, value} (NULL = none); the first one is the quarantine reason.
ALTER TABLE responses ALTER COLUMN submitted_at DROP NOT NULL;
ALTER TABLE responses ADD COLUMN _rid BIGINT;
ALTER TABLE responses ADD COLUMN _file_id INTEGER;
ALTER TABLE responses ADD COLUMN _problems STRUCT(code VARCHAR, field VARCHAR, value VARCHAR)[];
ALTER TABLE responses ADD COLUMN _late_problems STRUCT(code VARCHAR, field VARCHAR, value VARCHAR)[];
ALTER TABLE responses ADD COLUMN _field_problems STRUCT(code VARCHAR, field VARCHAR, value VARCHAR)[];

INSERT INTO responses BY NAME
WITH base AS (
  SELECT s.rowid AS _rid, s._file_id,
         $file_header_lines[s._file_id] + 1 + (s.rowid - $file_row_offsets[s._file_id]) AS _line,
         ecoute_text(s.response_id) AS response_id,
         ecoute_text(s.contact_id) AS contact_id,
         ecoute_text(s.account_id) AS account_id,
         ecoute_text(s.submitted_at) AS submitted_at_raw,
         ecoute_parse_timestamp(s.submitted_at, $date_formats, $tz_formats) AS submitted_at,
         ecoute_text(s.channel) AS channel,
         coalesce(lower(ecoute_text(s.survey_type)), $default_survey_type) AS survey_type,
         ecoute_text(s.journey_stage) AS journey_stage,
         ecoute_text(s.touchpoint) AS touchpoint,
         ecoute_text(s.nps) AS nps_raw,
         ecoute_text(s.csat) AS csat_raw,
         ecoute_text(s.ces) AS ces_raw,
         ecoute_text(s.duration_seconds) AS duration_raw,
         lower(ecoute_text(s.language)) AS language,
         ecoute_text(s.consent) AS consent_raw,
         ecoute_yes_no(ecoute_text(s.consent)) AS consent,
         s.ratings AS ratings_text,
         -- DuckDB's own cast reads a list of plain numbers (digits, an optional decimal point) without a lambda per
         -- element; any other list (decimal comma, spaces, text, exponents) takes the full grammar, and so does
         -- every list of a source whose missing_values name more than blank cells (they may look like numbers)
         CASE WHEN $plain_missing AND $number_locale <> 'fr' AND list_count(try_cast(s.ratings AS DOUBLE[])) = list_count(s.ratings)
                   AND regexp_full_match(array_to_string(s.ratings, ';'), '([0-9]+(\.[0-9]+)?(;|$))*') THEN try_cast(s.ratings AS DOUBLE[])
              ELSE list_transform(s.ratings, x -> ecoute_number(ecoute_text(x), $number_locale)) END AS ratings_num,
         ecoute_text(CASE WHEN regexp_matches(s.verbatim, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
                          THEN regexp_replace(s.verbatim, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]', ' ', 'g')
                          ELSE s.verbatim END) AS verbatim_clean
  FROM stg_responses s
),
numbers AS (
  SELECT *,
         ecoute_number(nps_raw, $number_locale) AS nps_num,
         ecoute_number(csat_raw, $number_locale) AS csat_num,
         ecoute_number(ces_raw, $number_locale) AS ces_num,
         ecoute_number(duration_raw, $number_locale) AS duration_seconds,
         -- per rating given: NULL when fine, else why it is set missing; the exact search only runs when the quick
         -- test (every given rating is a number within the scale, none a "not rated" value) fails
         CASE WHEN list_count(ratings_num) = list_count(ratings_text)
                   AND coalesce(list_min(ratings_num) >= $rating_min AND list_max(ratings_num) <= $rating_max, true)
                   AND (len($not_rated_any) = 0 OR NOT list_has_any(ratings_num, $not_rated_any)) THEN NULL
              ELSE list_transform(ratings_text, (x, i) -> CASE
                     WHEN ecoute_text(x) IS NULL THEN NULL
                     WHEN ratings_num[i] IS NULL THEN ecoute_number_problem(ecoute_text(x), $number_locale)
                     WHEN list_contains($not_rated[i], ratings_num[i]) THEN 'not_rated'
                     WHEN ratings_num[i] < $rating_min OR ratings_num[i] > $rating_max THEN 'out_of_range' END)
         END AS rating_codes
  FROM base
),
rated AS (
  SELECT *,
         CASE WHEN rating_codes IS NULL THEN ratings_num
              ELSE list_transform(ratings_num, (v, i) -> CASE WHEN rating_codes[i] IS NULL THEN v END)
         END AS ratings_clean
  FROM numbers
),
typed AS (
  SELECT *,
         CASE WHEN nps_num = floor(nps_num) AND nps_num BETWEEN 0 AND 10 THEN nps_num::INTEGER END AS nps,
         CASE WHEN csat_num = floor(csat_num) AND csat_num BETWEEN 1 AND 5 THEN csat_num::INTEGER END AS csat,
         CASE WHEN ces_num = floor(ces_num) AND ces_num BETWEEN 1 AND 7 THEN ces_num::INTEGER END AS ces,
         list_count(ratings_clean) AS ratings_count,
         -- byte length bounds the character length, so only long texts are measured in characters
         CASE WHEN strlen(verbatim_clean) > $max_verbatim_chars THEN left(verbatim_clean, $max_verbatim_chars) ELSE verbatim_clean END AS verbatim,
         strlen(verbatim_clean) > $max_verbatim_chars AND length(verbatim_clean) > $max_verbatim_chars AS verbatim_truncated
  FROM rated
),
coded AS (
  SELECT *,
         CASE WHEN response_id IS NULL THEN 'missing_id' END AS p_id,
         -- the id holding a NUL or another control character (one match over the three ids first)
         CASE WHEN ecoute_bad_id(concat(response_id, contact_id, account_id)) THEN
           CASE WHEN ecoute_bad_id(response_id) THEN 'response_id'
                WHEN ecoute_bad_id(contact_id) THEN 'contact_id' ELSE 'account_id' END END AS p_control_id,
         CASE WHEN submitted_at_raw IS NULL THEN 'missing_date'
              WHEN submitted_at IS NULL THEN 'invalid_date'
              WHEN submitted_at >= CAST($as_of AS DATE) + 1 THEN 'future_date' END AS p_date,
         CASE WHEN nps_raw IS NOT NULL AND nps_num IS NULL THEN ecoute_number_problem(nps_raw, $number_locale)
              WHEN nps_raw IS NOT NULL AND nps IS NULL THEN 'out_of_range' END AS p_nps,
         CASE WHEN csat_raw IS NOT NULL AND csat_num IS NULL THEN ecoute_number_problem(csat_raw, $number_locale)
              WHEN csat_raw IS NOT NULL AND csat IS NULL THEN 'out_of_range' END AS p_csat,
         CASE WHEN ces_raw IS NOT NULL AND ces_num IS NULL THEN ecoute_number_problem(ces_raw, $number_locale)
              WHEN ces_raw IS NOT NULL AND ces IS NULL THEN 'out_of_range' END AS p_ces,
         CASE WHEN $scores_mapped AND nps_raw IS NULL AND csat_raw IS NULL AND ces_raw IS NULL THEN 'no_score' END AS p_score,
         CASE WHEN duration_raw IS NOT NULL AND duration_seconds IS NULL THEN ecoute_number_problem(duration_raw, $number_locale)
              WHEN duration_seconds < 0 THEN 'not_a_number' END AS p_duration,
         CASE WHEN survey_type IS NOT NULL AND survey_type NOT IN ('relational', 'transactional', 'employee') THEN 'invalid_value' END AS p_survey_type,
         CASE WHEN consent_raw IS NOT NULL AND consent IS NULL THEN 'invalid_value' END AS p_consent,
         CASE WHEN $speeder_seconds > 0 AND isfinite(duration_seconds) AND duration_seconds >= 0 AND duration_seconds < $speeder_seconds
              THEN 'speeder' END AS p_speeder,
         CASE WHEN ratings_count >= $straightline_min_ratings AND list_min(ratings_clean) = list_max(ratings_clean) THEN 'straight_liner' END AS p_straight
  FROM typed
)
SELECT response_id, contact_id, account_id, submitted_at, channel, survey_type, journey_stage, touchpoint,
       nps, csat, ces, verbatim, language, duration_seconds, coalesce(verbatim_truncated, false) AS verbatim_truncated, consent,
       $file_paths[_file_id] AS _source_file, _line,
       _rid, _file_id, ratings_clean AS ratings,
       CASE WHEN p_speeder IS NULL AND p_straight IS NULL THEN []::VARCHAR[]
            ELSE list_filter([CASE WHEN $speeder_action = 'flag' THEN p_speeder END,
                              CASE WHEN $straight_liner_action = 'flag' THEN p_straight END], x -> x IS NOT NULL) END AS quality_flags,
       CASE WHEN coalesce(p_id, p_control_id, p_date, p_nps, p_csat, p_ces, p_score, p_duration, p_survey_type, p_consent) IS NOT NULL THEN list_filter([
         CASE WHEN p_id IS NOT NULL THEN {'code': p_id, 'field': 'response_id', 'value': NULL::VARCHAR} END,
         CASE WHEN p_control_id IS NOT NULL THEN {'code': 'invalid_id', 'field': p_control_id,
           'value': ecoute_visible(CASE p_control_id WHEN 'response_id' THEN response_id WHEN 'contact_id' THEN contact_id ELSE account_id END)} END,
         CASE WHEN p_date IS NOT NULL THEN {'code': p_date, 'field': 'submitted_at', 'value': submitted_at_raw} END,
         CASE WHEN p_nps IS NOT NULL THEN {'code': p_nps, 'field': 'nps', 'value': nps_raw} END,
         CASE WHEN p_csat IS NOT NULL THEN {'code': p_csat, 'field': 'csat', 'value': csat_raw} END,
         CASE WHEN p_ces IS NOT NULL THEN {'code': p_ces, 'field': 'ces', 'value': ces_raw} END,
         CASE WHEN p_score IS NOT NULL THEN {'code': p_score, 'field': 'nps', 'value': NULL} END,
         CASE WHEN p_duration IS NOT NULL THEN {'code': p_duration, 'field': 'duration_seconds', 'value': duration_raw} END,
         CASE WHEN p_survey_type IS NOT NULL THEN {'code': p_survey_type, 'field': 'survey_type', 'value': survey_type} END,
         CASE WHEN p_consent IS NOT NULL THEN {'code': p_consent, 'field': 'consent', 'value': consent_raw} END
       ], x -> x IS NOT NULL) END AS _problems,
       CASE WHEN (p_speeder IS NOT NULL AND $speeder_action = 'quarantine') OR (p_straight IS NOT NULL AND $straight_liner_action = 'quarantine')
       THEN list_filter([
         CASE WHEN p_speeder IS NOT NULL AND $speeder_action = 'quarantine' THEN {'code': p_speeder, 'field': 'duration_seconds', 'value': duration_raw} END,
         CASE WHEN p_straight IS NOT NULL AND $straight_liner_action = 'quarantine'
              THEN {'code': p_straight, 'field': 'ratings', 'value': list_min(ratings_clean)::VARCHAR} END
       ], x -> x IS NOT NULL) END AS _late_problems,
       CASE WHEN list_count(rating_codes) > 0 THEN list_filter(list_transform(rating_codes, (c, i) -> CASE WHEN c IS NOT NULL
         THEN {'code': c, 'field': 'ratings.' || $attributes[i], 'value': ecoute_text(ratings_text[i])} END), x -> x IS NOT NULL) END AS _field_problems
-- No ORDER BY: the scan keeps the file order. (Staged row groups cut short, as the read buffers for 4 MB
-- records made them, were written as they came and rewritten at the next checkpoint: +1.4 s on 1,000,000
-- rows. stage-source.ts keeps DuckDB's default buffers; sorting here instead cost 0.6 s and 300 MB.)
FROM coded;

-- The cross-row checks, one scratch table each, then their problems side by side: every step is a grouping or a
-- hash join, which DuckDB spills past memory_limit. (One statement grouping list(problem ORDER BY rank) per row ran
-- out of memory at 2,000,000 responses with DuckDB at 293 MiB: 460,803 repeated submissions.)
CREATE OR REPLACE TEMP TABLE chk_dup_ids AS
SELECT response_id, min(_rid) AS first_rid
FROM responses WHERE response_id IS NOT NULL
GROUP BY 1 HAVING count(*) > 1;

CREATE OR REPLACE TEMP TABLE chk_repeat_groups AS
SELECT hash(contact_id, nps, csat, ces, ratings, verbatim) AS answer_hash
FROM responses WHERE contact_id IS NOT NULL
GROUP BY 1 HAVING count(*) > 1;

CREATE OR REPLACE TEMP TABLE chk_repeats AS
SELECT _rid, contact_id
FROM (
  SELECT _rid, contact_id, submitted_at,
         lag(submitted_at) OVER (PARTITION BY contact_id, nps, csat, ces, ratings, verbatim ORDER BY submitted_at, _rid) AS previous_at
  FROM responses
  WHERE contact_id IS NOT NULL AND hash(contact_id, nps, csat, ces, ratings, verbatim) IN (SELECT answer_hash FROM chk_repeat_groups)
)
WHERE submitted_at - previous_at <= to_days($duplicate_window_days::INTEGER);

-- one row per _rid with a cross-row problem; its problems in the order unknown account, repeated id, repeated submission
CREATE OR REPLACE TEMP TABLE chk_responses_cross AS
WITH unknown_account AS (
  SELECT c._rid, {'code': 'unknown_account', 'field': 'account_id', 'value': c.account_id} AS problem
  FROM responses c ANTI JOIN accounts a ON a.account_id = c.account_id
  WHERE $check_accounts AND c.account_id IS NOT NULL
),
duplicate_id AS (
  SELECT c._rid, {'code': 'duplicate_id', 'field': 'response_id', 'value': c.response_id} AS problem
  FROM responses c JOIN chk_dup_ids d ON d.response_id = c.response_id AND d.first_rid <> c._rid
),
duplicate_submission AS (
  SELECT _rid, {'code': 'duplicate_submission', 'field': 'contact_id', 'value': contact_id} AS problem
  FROM chk_repeats
),
by_row AS (
  SELECT coalesce(u._rid, d._rid) AS _rid, u.problem AS p1, d.problem AS p2
  FROM unknown_account u FULL JOIN duplicate_id d ON d._rid = u._rid
)
SELECT coalesce(b._rid, s._rid) AS _rid, list_filter([b.p1, b.p2, s.problem], x -> x IS NOT NULL) AS _problems
FROM by_row b FULL JOIN duplicate_submission s ON s._rid = b._rid;

DROP TABLE chk_dup_ids;
DROP TABLE chk_repeat_groups;
DROP TABLE chk_repeats;
