-- CRM contacts: required ids, known account, one record per contact (the first is kept). The restricted contact
-- details are checked without quarantining the row: an email that is not local@domain.tld, a phone that does not
-- normalise to E.164 (contact_phones, by libphonenumber-js with the source's phone_country_code for national
-- numbers) are kept as read and listed in _field_problems.
CREATE OR REPLACE TEMP TABLE chk_contacts AS
WITH base AS (
  SELECT s.rowid AS _rid, s._file_id,
         $file_header_lines[s._file_id] + 1 + (s.rowid - $file_row_offsets[s._file_id]) AS _line,
         ecoute_text(s.contact_id) AS contact_id,
         ecoute_text(s.account_id) AS account_id,
         nullif(regexp_replace(lower(ecoute_text(s.role)), '[\s-]+', '_', 'g'), '') AS role,
         lower(ecoute_text(s.language)) AS language,
         ecoute_text(s.name) AS name,
         ecoute_text(s.email) AS email,
         ecoute_text(s.phone) AS phone_read,
         p.phone_e164
  FROM stg_contacts s
  LEFT JOIN contact_phones p ON p.phone_read = ecoute_text(s.phone)
),
w AS (
  SELECT b.*, row_number() OVER (PARTITION BY b.contact_id ORDER BY b._rid) AS id_rank, a.account_id IS NOT NULL AS account_known
  FROM base b LEFT JOIN accounts a ON a.account_id = b.account_id
)
SELECT w.*,
       list_filter([
         CASE WHEN contact_id IS NULL THEN {'code': 'missing_id', 'field': 'contact_id', 'value': NULL} END,
         CASE WHEN account_id IS NULL THEN {'code': 'missing_id', 'field': 'account_id', 'value': NULL} END,
         CASE WHEN ecoute_bad_id(contact_id) THEN {'code': 'invalid_id', 'field': 'contact_id', 'value': ecoute_visible(contact_id)} END,
         CASE WHEN ecoute_bad_id(account_id) THEN {'code': 'invalid_id', 'field': 'account_id', 'value': ecoute_visible(account_id)} END,
         CASE WHEN $check_accounts AND account_id IS NOT NULL AND NOT account_known THEN {'code': 'unknown_account', 'field': 'account_id', 'value': account_id} END,
         CASE WHEN contact_id IS NOT NULL AND id_rank > 1 THEN {'code': 'duplicate_id', 'field': 'contact_id', 'value': contact_id} END
       ], x -> x IS NOT NULL) AS _problems,
       list_filter([
         CASE WHEN email IS NOT NULL AND NOT ecoute_email_ok(email) THEN 'invalid_email' END,
         CASE WHEN phone_read IS NOT NULL AND phone_e164 IS NULL THEN 'invalid_phone' END
       ], x -> x IS NOT NULL) AS _field_problems
FROM w;
