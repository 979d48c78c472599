-- Revenue: known account, parseable period, numeric non-negative ARR, one row per account and period,
-- amounts in the reporting currency (or convertible with a configured rate).
CREATE OR REPLACE TEMP TABLE chk_revenue AS
WITH base AS (
  SELECT s.rowid AS _rid, s._file_id,
         $file_header_lines[s._file_id] + 1 + (s.rowid - $file_row_offsets[s._file_id]) AS _line,
         ecoute_text(s.account_id) AS account_id,
         ecoute_text(s.period) AS period_raw,
         CAST(ecoute_parse_timestamp(s.period, $date_formats, $tz_formats) AS DATE) AS period,
         ecoute_text(s.arr) AS arr_raw,
         ecoute_number(ecoute_text(s.arr), $number_locale) AS arr_num, -- thousands separators only with number_locale
         coalesce(upper(ecoute_text(s.currency)), $default_currency) AS currency
  FROM stg_revenue s
),
w AS (
  SELECT b.*,
         row_number() OVER (PARTITION BY b.account_id, b.period ORDER BY b._rid) AS id_rank,
         a.account_id IS NOT NULL AS account_known,
         -- only a three-letter code is looked up (any other text is no JSON path: `*`, `"`, `[0]`)
         CASE WHEN b.currency IS NULL OR b.currency = $reporting_currency THEN 1.0
              WHEN regexp_full_match(b.currency, '[A-Z]{3}') THEN try_cast(json_extract_string($fx_rates, '$.' || b.currency) AS DOUBLE) END AS fx
  FROM base b LEFT JOIN accounts a ON a.account_id = b.account_id
)
SELECT w.*, arr_num * fx AS arr,
       list_filter([
         CASE WHEN account_id IS NULL THEN {'code': 'missing_id', 'field': 'account_id', 'value': NULL} END,
         CASE WHEN ecoute_bad_id(account_id) THEN {'code': 'invalid_id', 'field': 'account_id', 'value': ecoute_visible(account_id)} END,
         CASE WHEN period_raw IS NULL THEN {'code': 'missing_date', 'field': 'period', 'value': NULL}
              WHEN period IS NULL THEN {'code': 'invalid_date', 'field': 'period', 'value': period_raw} END,
         CASE WHEN arr_raw IS NULL THEN {'code': 'missing_value', 'field': 'arr', 'value': NULL}
              WHEN arr_num IS NULL THEN {'code': ecoute_number_problem(arr_raw, $number_locale), 'field': 'arr', 'value': arr_raw}
              WHEN arr_num < 0 THEN {'code': 'negative_value', 'field': 'arr', 'value': arr_raw} END,
         CASE WHEN NOT regexp_full_match(currency, '[A-Z]{3}') THEN {'code': 'invalid_value', 'field': 'currency', 'value': currency}
              WHEN fx IS NULL THEN {'code': 'currency_mismatch', 'field': 'currency', 'value': currency} END,
         CASE WHEN $check_accounts AND account_id IS NOT NULL AND NOT account_known THEN {'code': 'unknown_account', 'field': 'account_id', 'value': account_id} END,
         CASE WHEN account_id IS NOT NULL AND period IS NOT NULL AND id_rank > 1 THEN {'code': 'duplicate_id', 'field': 'period', 'value': period_raw} END
       ], x -> x IS NOT NULL) AS _problems
FROM w;
