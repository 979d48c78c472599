-- Types, ranges, dates, ids, duplicates, speeders and straight-liners for every staged response.
-- Each row gets the list of its problems (code, field, value); the first one is its quarantine reason.
-- Duplicates are found with aggregates that keep only the (few) repeated keys, so no window runs over all rows.
-- Cross-row facts (repeated id, previous identical answers, known account) for every staged row, narrow
-- and in rowid order: the checks below read them with a POSITIONAL JOIN, which keeps the file order
-- (a hash join of the wide rows would not, and sorting them back costs more than this).
CREATE OR REPLACE TEMP TABLE chk_responses_flags AS
WITH dup_ids AS (
  SELECT nullif(trim(response_id), '') AS response_id, min(rowid) AS first_rid
  FROM stg_responses GROUP BY 1 HAVING count(*) > 1
),
repeat_groups AS (
  SELECT hash(trim(contact_id), trim(nps), trim(csat), trim(ces), ratings, trim(verbatim)) AS answer_hash
  FROM stg_responses
  WHERE nullif(trim(contact_id), '') IS NOT NULL
  GROUP BY 1 HAVING count(*) > 1
),
repeats AS (
  SELECT rid, lag(ts) OVER (PARTITION BY trim(contact_id), trim(nps), trim(csat), trim(ces), ratings, trim(verbatim) ORDER BY ts, rid) AS previous_at
  FROM (
    SELECT rowid AS rid, contact_id, nps, csat, ces, ratings, verbatim,
           ecoute_parse_timestamp(submitted_at, $date_formats) AS ts
    FROM stg_responses
    WHERE hash(trim(contact_id), trim(nps), trim(csat), trim(ces), ratings, trim(verbatim)) IN (SELECT answer_hash FROM repeat_groups)
  )
)
SELECT s.rowid AS rid,
       d.first_rid IS NOT NULL AND d.first_rid <> s.rowid AS repeated_id,
       r.previous_at AS previous_same_answers_at,
       a.account_id IS NOT NULL AS account_known
FROM stg_responses s
LEFT JOIN dup_ids d ON d.response_id = nullif(trim(s.response_id), '')
LEFT JOIN repeats r ON r.rid = s.rowid
LEFT JOIN accounts a ON a.account_id = nullif(trim(s.account_id), '')
ORDER BY s.rowid;

CREATE OR REPLACE TEMP TABLE chk_responses AS
WITH base AS (
  SELECT s.rowid AS _rid, s._file_id,
         $file_header_lines[s._file_id] + 1 + (s.rowid - $file_row_offsets[s._file_id])
           + CASE WHEN f.rid <> s.rowid THEN error('internal error: check flags out of step with the staged rows')::BIGINT ELSE 0 END AS _line,
         nullif(trim(s.response_id), '') AS response_id,
         nullif(trim(s.contact_id), '') AS contact_id,
         nullif(trim(s.account_id), '') AS account_id,
         nullif(trim(s.submitted_at), '') AS submitted_at_raw,
         ecoute_parse_timestamp(s.submitted_at, $date_formats) AS submitted_at,
         nullif(trim(s.channel), '') AS channel,
         coalesce(lower(nullif(trim(s.survey_type), '')), $default_survey_type) AS survey_type,
         nullif(trim(s.journey_stage), '') AS journey_stage,
         nullif(trim(s.touchpoint), '') AS touchpoint,
         nullif(trim(s.nps), '') AS nps_raw,
         try_cast(replace(trim(s.nps), ',', '.') AS DOUBLE) AS nps_num,
         nullif(trim(s.csat), '') AS csat_raw,
         try_cast(replace(trim(s.csat), ',', '.') AS DOUBLE) AS csat_num,
         nullif(trim(s.ces), '') AS ces_raw,
         try_cast(replace(trim(s.ces), ',', '.') AS DOUBLE) AS ces_num,
         nullif(trim(s.duration_seconds), '') AS duration_raw,
         try_cast(replace(trim(s.duration_seconds), ',', '.') AS DOUBLE) AS duration_seconds,
         lower(nullif(trim(s.language), '')) AS language,
         list_transform(s.ratings, x -> nullif(trim(x), '')) AS ratings_raw,
         list_transform(s.ratings, x -> try_cast(replace(trim(x), ',', '.') AS DOUBLE)) AS ratings_num,
         nullif(trim(CASE WHEN regexp_matches(s.verbatim, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
                          THEN regexp_replace(s.verbatim, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]', ' ', 'g')
                          ELSE s.verbatim END), '') AS verbatim_clean,
         f.repeated_id,
         f.previous_same_answers_at,
         f.account_known
  FROM stg_responses s
  POSITIONAL JOIN chk_responses_flags f
),
typed AS (
  SELECT *,
         CASE WHEN nps_num = floor(nps_num) AND nps_num BETWEEN 0 AND 10 THEN nps_num::INTEGER END AS nps,
         CASE WHEN csat_num = floor(csat_num) AND csat_num BETWEEN 1 AND 5 THEN csat_num::INTEGER END AS csat,
         CASE WHEN ces_num = floor(ces_num) AND ces_num BETWEEN 1 AND 7 THEN ces_num::INTEGER END AS ces,
         list_filter(ratings_num, x -> x IS NOT NULL) AS ratings_present,
         coalesce(list_position(list_transform(ratings_raw, (x, i) -> x IS NOT NULL
             AND (ratings_num[i] IS NULL OR ratings_num[i] < $rating_min OR ratings_num[i] > $rating_max)), true), 0) AS bad_rating_idx,
         left(verbatim_clean, $max_verbatim_chars) AS verbatim,
         length(verbatim_clean) > $max_verbatim_chars AS verbatim_truncated
  FROM base
)
SELECT _rid, _file_id, _line, response_id, contact_id, account_id, submitted_at, channel, survey_type, journey_stage,
       touchpoint, nps, csat, ces, verbatim, language, duration_seconds, verbatim_truncated, ratings_num,
       list_filter([
         CASE WHEN response_id IS NULL THEN {'code': 'missing_id', 'field': 'response_id', 'value': NULL} END,
         CASE WHEN submitted_at_raw IS NULL THEN {'code': 'missing_date', 'field': 'submitted_at', 'value': NULL}
              WHEN submitted_at IS NULL THEN {'code': 'invalid_date', 'field': 'submitted_at', 'value': submitted_at_raw}
              WHEN submitted_at >= CAST($as_of AS DATE) + 1 THEN {'code': 'future_date', 'field': 'submitted_at', 'value': submitted_at_raw} END,
         CASE WHEN nps_raw IS NOT NULL AND nps_num IS NULL THEN {'code': 'not_a_number', 'field': 'nps', 'value': nps_raw}
              WHEN nps_raw IS NOT NULL AND nps IS NULL THEN {'code': 'out_of_range', 'field': 'nps', 'value': nps_raw} END,
         CASE WHEN csat_raw IS NOT NULL AND csat_num IS NULL THEN {'code': 'not_a_number', 'field': 'csat', 'value': csat_raw}
              WHEN csat_raw IS NOT NULL AND csat IS NULL THEN {'code': 'out_of_range', 'field': 'csat', 'value': csat_raw} END,
         CASE WHEN ces_raw IS NOT NULL AND ces_num IS NULL THEN {'code': 'not_a_number', 'field': 'ces', 'value': ces_raw}
              WHEN ces_raw IS NOT NULL AND ces IS NULL THEN {'code': 'out_of_range', 'field': 'ces', 'value': ces_raw} END,
         CASE WHEN $scores_mapped AND nps_raw IS NULL AND csat_raw IS NULL AND ces_raw IS NULL
              THEN {'code': 'no_score', 'field': 'nps', 'value': NULL} END,
         CASE WHEN bad_rating_idx > 0
              THEN {'code': 'out_of_range', 'field': 'ratings.' || $attributes[bad_rating_idx], 'value': ratings_raw[bad_rating_idx]} END,
         CASE WHEN duration_raw IS NOT NULL AND (duration_seconds IS NULL OR NOT isfinite(duration_seconds) OR duration_seconds < 0) THEN {'code': 'not_a_number', 'field': 'duration_seconds', 'value': duration_raw} END,
         CASE WHEN survey_type IS NOT NULL AND survey_type NOT IN ('relational', 'transactional', 'employee')
              THEN {'code': 'invalid_value', 'field': 'survey_type', 'value': survey_type} END,
         CASE WHEN $check_accounts AND account_id IS NOT NULL AND NOT account_known THEN {'code': 'unknown_account', 'field': 'account_id', 'value': account_id} END,
         CASE WHEN repeated_id THEN {'code': 'duplicate_id', 'field': 'response_id', 'value': response_id} END,
         CASE WHEN previous_same_answers_at IS NOT NULL AND submitted_at - previous_same_answers_at <= to_days($duplicate_window_days::INTEGER)
              THEN {'code': 'duplicate_submission', 'field': 'contact_id', 'value': contact_id} END,
         CASE WHEN $speeder_seconds > 0 AND duration_seconds IS NOT NULL AND duration_seconds >= 0 AND duration_seconds < $speeder_seconds
              THEN {'code': 'speeder', 'field': 'duration_seconds', 'value': duration_raw} END,
         CASE WHEN len(ratings_present) >= $straightline_min_ratings AND len(list_distinct(ratings_present)) = 1
              THEN {'code': 'straight_liner', 'field': 'ratings', 'value': ratings_present[1]::VARCHAR} END
       ], x -> x IS NOT NULL) AS _problems
FROM typed t;
