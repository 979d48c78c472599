INSERT INTO contacts
SELECT contact_id, account_id, role, language, f.path, _line
FROM chk_contacts c JOIN stg_files f ON f.file_id = c._file_id
WHERE len(_problems) = 0
ORDER BY _rid;
