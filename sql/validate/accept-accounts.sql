INSERT INTO accounts
SELECT account_id, name, segment, region, owner, tier, f.path, _line
FROM chk_accounts c JOIN stg_files f ON f.file_id = c._file_id
WHERE len(_problems) = 0
ORDER BY _rid;
