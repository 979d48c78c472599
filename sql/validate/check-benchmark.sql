-- Competitive benchmark answers: id, parseable date not after the run date, a brand, a role (own | competitor),
-- an NPS integer 0-10 and attribute ratings within rating_scale; a repeated id keeps its first record.
CREATE OR REPLACE TEMP TABLE chk_benchmark AS
WITH base AS (
  SELECT s.rowid AS _rid, s._file_id,
         $file_header_lines[s._file_id] + 1 + (s.rowid - $file_row_offsets[s._file_id]) AS _line,
         ecoute_text(s.response_id) AS response_id,
         ecoute_text(s.responded_at) AS responded_at_raw,
         ecoute_parse_timestamp(s.responded_at, $date_formats, $tz_formats) AS responded_at,
         ecoute_text(s.brand) AS brand,
         ecoute_text(s.role) AS role_raw,
         CASE WHEN lower(ecoute_text(s.role)) IN ('own', 'us', 'ours', 'propre', 'nous') THEN 'own'
              WHEN lower(ecoute_text(s.role)) IN ('competitor', 'concurrent', 'competition', 'concurrence') THEN 'competitor' END AS role,
         ecoute_text(s.nps) AS nps_raw,
         ecoute_number(ecoute_text(s.nps), $number_locale) AS nps_num,
         ecoute_text(s.segment) AS segment,
         ecoute_text(regexp_replace(s.verbatim, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]', ' ', 'g')) AS verbatim_clean,
         s.ratings AS ratings_text,
         list_transform(s.ratings, x -> ecoute_number(ecoute_text(x), $number_locale)) AS ratings_num
  FROM stg_benchmark s
),
typed AS (
  SELECT *,
         CASE WHEN nps_num = floor(nps_num) AND nps_num BETWEEN 0 AND 10 THEN nps_num::INTEGER END AS nps,
         coalesce(list_position(list_transform(ratings_text, (x, i) -> ecoute_text(x) IS NOT NULL
           AND (ratings_num[i] IS NULL OR ratings_num[i] < $rating_min OR ratings_num[i] > $rating_max)), true), 0) AS bad_rating_idx,
         left(verbatim_clean, $max_verbatim_chars) AS verbatim,
         row_number() OVER (PARTITION BY response_id ORDER BY _rid) AS id_seen
  FROM base
)
SELECT *,
       list_filter([
         CASE WHEN response_id IS NULL THEN {'code': 'missing_id', 'field': 'response_id', 'value': NULL} END,
         CASE WHEN ecoute_bad_id(response_id) THEN {'code': 'invalid_id', 'field': 'response_id', 'value': ecoute_visible(response_id)} END,
         CASE WHEN response_id IS NOT NULL AND id_seen > 1 THEN {'code': 'duplicate_id', 'field': 'response_id', 'value': response_id} END,
         CASE WHEN responded_at_raw IS NULL THEN {'code': 'missing_date', 'field': 'responded_at', 'value': NULL}
              WHEN responded_at IS NULL THEN {'code': 'invalid_date', 'field': 'responded_at', 'value': responded_at_raw}
              WHEN responded_at >= CAST($as_of AS DATE) + 1 THEN {'code': 'future_date', 'field': 'responded_at', 'value': responded_at_raw} END,
         CASE WHEN brand IS NULL THEN {'code': 'missing_value', 'field': 'brand', 'value': NULL} END,
         CASE WHEN role_raw IS NULL THEN {'code': 'missing_value', 'field': 'role', 'value': NULL}
              WHEN role IS NULL THEN {'code': 'invalid_value', 'field': 'role', 'value': role_raw} END,
         CASE WHEN nps_raw IS NULL THEN {'code': 'no_score', 'field': 'nps', 'value': NULL}
              WHEN nps_num IS NULL THEN {'code': ecoute_number_problem(nps_raw, $number_locale), 'field': 'nps', 'value': nps_raw}
              WHEN nps IS NULL THEN {'code': 'out_of_range', 'field': 'nps', 'value': nps_raw} END,
         CASE WHEN bad_rating_idx > 0
              THEN {'code': 'out_of_range', 'field': 'ratings.' || $attributes[bad_rating_idx], 'value': ecoute_text(ratings_text[bad_rating_idx])} END
       ], x -> x IS NOT NULL) AS _problems
FROM typed;
