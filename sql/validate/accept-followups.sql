-- Accepted follow-ups, with the contact and account of the response they follow up (erasure by contact finds them).
INSERT INTO followups
SELECT response_id, contact_id, coalesce(account_id, response_account), called_at, outcome, notes, called_by, $file_paths[_file_id], _line
FROM chk_followups
WHERE len(_problems) = 0
ORDER BY _rid;
