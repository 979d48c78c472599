INSERT INTO contacts
SELECT contact_id, account_id, role, language, name, email, coalesce(phone_e164, phone_read), $file_paths[_file_id], _line
FROM chk_contacts c
WHERE len(_problems) = 0
ORDER BY _rid;

-- Contact details flagged on the rows that stay: the field and reason only (the value is restricted; it is in contacts).
INSERT INTO field_problems
SELECT 'contacts', $file_paths[_file_id], _line, contact_id, split_part(p, '_', 2), p, NULL
FROM (SELECT _rid, _file_id, _line, contact_id, unnest(_field_problems) AS p FROM chk_contacts WHERE len(_problems) = 0 AND len(_field_problems) > 0)
ORDER BY _rid, p;
