INSERT INTO contacts
SELECT contact_id, account_id, role, language, $file_paths[_file_id], _line
FROM chk_contacts c
WHERE len(_problems) = 0
ORDER BY _rid;
