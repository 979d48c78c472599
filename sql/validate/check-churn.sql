-- Renewals and losses: known account, parseable date not after the run date, a recognised outcome.
CREATE OR REPLACE TEMP TABLE chk_churn AS
WITH base AS (
  SELECT s.rowid AS _rid, s._file_id,
         $file_header_lines[s._file_id] + 1 + (s.rowid - $file_row_offsets[s._file_id]) AS _line,
         ecoute_text(s.account_id) AS account_id,
         ecoute_text(s.date) AS date_raw,
         CAST(ecoute_parse_timestamp(s.date, $date_formats, $tz_formats) AS DATE) AS event_date,
         ecoute_text(s.outcome) AS outcome_raw,
         CASE WHEN lower(ecoute_text(s.outcome)) IN ('churned', 'churn', 'lost', 'cancelled', 'canceled', 'terminated', 'résilié', 'resilie', 'perdu') THEN 'churned'
              WHEN lower(ecoute_text(s.outcome)) IN ('renewed', 'renewal', 'renew', 'won', 'retained', 'renouvelé', 'renouvele', 'renouvellement') THEN 'renewed'
              WHEN lower(ecoute_text(s.outcome)) IN ('downgraded', 'downgrade', 'contraction', 'downsell', 'réduit', 'reduit') THEN 'downgraded'
         END AS outcome,
         ecoute_text(s.reason) AS reason
  FROM stg_churn s
)
SELECT b.*,
       list_filter([
         CASE WHEN b.account_id IS NULL THEN {'code': 'missing_id', 'field': 'account_id', 'value': NULL} END,
         CASE WHEN ecoute_bad_id(b.account_id) THEN {'code': 'invalid_id', 'field': 'account_id', 'value': ecoute_visible(b.account_id)} END,
         CASE WHEN date_raw IS NULL THEN {'code': 'missing_date', 'field': 'date', 'value': NULL}
              WHEN event_date IS NULL THEN {'code': 'invalid_date', 'field': 'date', 'value': date_raw}
              WHEN event_date > CAST($as_of AS DATE) THEN {'code': 'future_date', 'field': 'date', 'value': date_raw} END,
         CASE WHEN outcome IS NULL THEN {'code': 'invalid_value', 'field': 'outcome', 'value': outcome_raw} END,
         CASE WHEN $check_accounts AND b.account_id IS NOT NULL AND a.account_id IS NULL THEN {'code': 'unknown_account', 'field': 'account_id', 'value': b.account_id} END
       ], x -> x IS NOT NULL) AS _problems
FROM base b LEFT JOIN accounts a ON a.account_id = b.account_id;
