-- Invitations: a contact or an account, a parseable invitation time not after the run date, unique ids.
CREATE OR REPLACE TEMP TABLE chk_invitations AS
WITH base AS (
  SELECT s.rowid AS _rid, s._file_id,
         $file_header_lines[s._file_id] + 1 + (s.rowid - $file_row_offsets[s._file_id]) AS _line,
         ecoute_text(s.invitation_id) AS invitation_id,
         ecoute_text(s.contact_id) AS contact_id,
         ecoute_text(s.account_id) AS account_id,
         ecoute_text(s.invited_at) AS invited_at_raw,
         ecoute_parse_timestamp(s.invited_at, $date_formats, $tz_formats) AS invited_at,
         coalesce(lower(ecoute_text(s.survey_type)), $default_survey_type) AS survey_type
  FROM stg_invitations s
),
w AS (SELECT b.*, row_number() OVER (PARTITION BY invitation_id ORDER BY _rid) AS id_rank FROM base b)
SELECT w.*,
       list_filter([
         CASE WHEN contact_id IS NULL AND account_id IS NULL THEN {'code': 'missing_id', 'field': 'contact_id', 'value': NULL} END,
         CASE WHEN ecoute_bad_id(invitation_id) THEN {'code': 'invalid_id', 'field': 'invitation_id', 'value': ecoute_visible(invitation_id)} END,
         CASE WHEN ecoute_bad_id(contact_id) THEN {'code': 'invalid_id', 'field': 'contact_id', 'value': ecoute_visible(contact_id)} END,
         CASE WHEN ecoute_bad_id(account_id) THEN {'code': 'invalid_id', 'field': 'account_id', 'value': ecoute_visible(account_id)} END,
         CASE WHEN invited_at_raw IS NULL THEN {'code': 'missing_date', 'field': 'invited_at', 'value': NULL}
              WHEN invited_at IS NULL THEN {'code': 'invalid_date', 'field': 'invited_at', 'value': invited_at_raw}
              WHEN invited_at >= CAST($as_of AS DATE) + 1 THEN {'code': 'future_date', 'field': 'invited_at', 'value': invited_at_raw} END,
         CASE WHEN invitation_id IS NOT NULL AND id_rank > 1 THEN {'code': 'duplicate_id', 'field': 'invitation_id', 'value': invitation_id} END
       ], x -> x IS NOT NULL) AS _problems
FROM w;
