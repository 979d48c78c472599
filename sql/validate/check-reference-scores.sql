-- Published reference figures: a brand (or industry), a period label, an NPS within -100..100, an optional
-- positive whole n and the publisher.
CREATE OR REPLACE TEMP TABLE chk_reference_scores AS
WITH base AS (
  SELECT s.rowid AS _rid, s._file_id,
         $file_header_lines[s._file_id] + 1 + (s.rowid - $file_row_offsets[s._file_id]) AS _line,
         ecoute_text(s.brand) AS brand,
         ecoute_text(s.period) AS period,
         ecoute_text(s.nps) AS nps_raw,
         ecoute_number(ecoute_text(s.nps), $number_locale) AS nps,
         ecoute_text(s.n) AS n_raw,
         ecoute_number(ecoute_text(s.n), $number_locale) AS n_num,
         ecoute_text(s.source) AS source
  FROM stg_reference_scores s
)
SELECT *,
       list_filter([
         CASE WHEN brand IS NULL THEN {'code': 'missing_value', 'field': 'brand', 'value': NULL} END,
         CASE WHEN period IS NULL THEN {'code': 'missing_value', 'field': 'period', 'value': NULL} END,
         CASE WHEN nps_raw IS NULL THEN {'code': 'missing_value', 'field': 'nps', 'value': NULL}
              WHEN nps IS NULL THEN {'code': ecoute_number_problem(nps_raw, $number_locale), 'field': 'nps', 'value': nps_raw}
              WHEN nps < -100 OR nps > 100 THEN {'code': 'out_of_range', 'field': 'nps', 'value': nps_raw} END,
         CASE WHEN n_raw IS NOT NULL AND n_num IS NULL THEN {'code': ecoute_number_problem(n_raw, $number_locale), 'field': 'n', 'value': n_raw}
              WHEN n_num IS NOT NULL AND (n_num < 1 OR n_num <> floor(n_num)) THEN {'code': 'out_of_range', 'field': 'n', 'value': n_raw} END,
         CASE WHEN source IS NULL THEN {'code': 'missing_value', 'field': 'source', 'value': NULL} END
       ], x -> x IS NOT NULL) AS _problems
FROM base;
