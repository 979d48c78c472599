-- The restricted details of the contacts on the call-back list ($contact_ids), with what ingest flagged on them
-- (field_problems: invalid_email, invalid_phone). Read only for restricted/callback-contacts.csv.
SELECT c.contact_id, c.name, c.email, c.phone,
       coalesce(p.flags, []) AS flags
FROM contacts c
LEFT JOIN (
  SELECT row_id, list(DISTINCT reason_code ORDER BY reason_code) AS flags
  FROM field_problems WHERE source = 'contacts'
  GROUP BY row_id
) p ON p.row_id = c.contact_id
WHERE list_contains($contact_ids, c.contact_id);
