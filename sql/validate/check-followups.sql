-- Call-back follow-ups: a response id or an account id, a parseable call time not after the run date and not
-- before the response it follows up, a recognised outcome. A response id must be an accepted response (a
-- follow-up of a quarantined or unknown response is quarantined as unknown_response: it cannot close a
-- call-back; not checked by `ecoute validate` on a sample, $check_responses false); an account id given with it must be the response's account; an account id alone must be a CRM
-- account ($check_accounts). The same call exported twice (same response, account and time) is kept once.
CREATE OR REPLACE TEMP TABLE chk_followups AS
WITH base AS (
  SELECT s.rowid AS _rid, s._file_id,
         $file_header_lines[s._file_id] + 1 + (s.rowid - $file_row_offsets[s._file_id]) AS _line,
         ecoute_text(s.response_id) AS response_id,
         ecoute_text(s.account_id) AS account_id,
         ecoute_text(s.called_at) AS called_at_raw,
         ecoute_parse_timestamp(s.called_at, $date_formats, $tz_formats) AS called_at,
         ecoute_text(s.outcome) AS outcome_raw,
         list_transform([regexp_replace(lower(ecoute_text(s.outcome)), '[\s_-]+', ' ', 'g')], o ->
           CASE WHEN o IN ('reached', 'spoke', 'contacted', 'connected', 'resolved', 'called', 'joint', 'atteint', 'contacté', 'contacte', 'résolu', 'resolu', 'appelé', 'appele') THEN 'reached'
                WHEN o IN ('voicemail', 'left message', 'left voicemail', 'messagerie', 'message laissé', 'message laisse') THEN 'voicemail'
                WHEN o IN ('no answer', 'unreachable', 'pas de réponse', 'pas de reponse', 'sans réponse', 'sans reponse', 'injoignable') THEN 'no_answer'
                WHEN o IN ('declined', 'refused', 'refus', 'refusé', 'refuse') THEN 'declined' END)[1] AS outcome,
         ecoute_text(s.notes) AS notes,
         ecoute_text(s.called_by) AS called_by
  FROM stg_followups s
),
w AS (
  SELECT b.*, r.response_id IS NOT NULL AS response_known, r.account_id AS response_account, r.contact_id, r.submitted_at,
         a.account_id IS NOT NULL AS account_known,
         row_number() OVER (PARTITION BY b.response_id, b.account_id, b.called_at ORDER BY b._rid) AS call_rank
  FROM base b
  LEFT JOIN responses r ON r.response_id = b.response_id
  LEFT JOIN accounts a ON a.account_id = b.account_id
)
SELECT w.*,
       list_filter([
         CASE WHEN response_id IS NULL AND account_id IS NULL THEN {'code': 'missing_id', 'field': 'response_id', 'value': NULL} END,
         CASE WHEN ecoute_bad_id(response_id) THEN {'code': 'invalid_id', 'field': 'response_id', 'value': ecoute_visible(response_id)} END,
         CASE WHEN ecoute_bad_id(account_id) THEN {'code': 'invalid_id', 'field': 'account_id', 'value': ecoute_visible(account_id)} END,
         CASE WHEN called_at_raw IS NULL THEN {'code': 'missing_date', 'field': 'called_at', 'value': NULL}
              WHEN called_at IS NULL THEN {'code': 'invalid_date', 'field': 'called_at', 'value': called_at_raw}
              WHEN called_at >= CAST($as_of AS DATE) + 1 THEN {'code': 'future_date', 'field': 'called_at', 'value': called_at_raw}
              WHEN response_known AND called_at < submitted_at THEN {'code': 'called_before_response', 'field': 'called_at', 'value': called_at_raw} END,
         CASE WHEN outcome_raw IS NULL THEN {'code': 'missing_value', 'field': 'outcome', 'value': NULL}
              WHEN outcome IS NULL THEN {'code': 'invalid_value', 'field': 'outcome', 'value': outcome_raw} END,
         CASE WHEN $check_responses AND response_id IS NOT NULL AND NOT response_known THEN {'code': 'unknown_response', 'field': 'response_id', 'value': response_id} END,
         CASE WHEN response_known AND account_id IS NOT NULL AND account_id IS DISTINCT FROM response_account
              THEN {'code': 'account_mismatch', 'field': 'account_id', 'value': account_id} END,
         CASE WHEN response_id IS NULL AND $check_accounts AND account_id IS NOT NULL AND NOT account_known
              THEN {'code': 'unknown_account', 'field': 'account_id', 'value': account_id} END,
         CASE WHEN called_at IS NOT NULL AND call_rank > 1 THEN {'code': 'duplicate_id', 'field': 'called_at', 'value': called_at_raw} END
       ], x -> x IS NOT NULL) AS _problems
FROM w;
