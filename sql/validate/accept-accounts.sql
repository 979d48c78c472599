INSERT INTO accounts
SELECT account_id, name, segment, region, owner, tier, $file_paths[_file_id], _line
FROM chk_accounts c
WHERE len(_problems) = 0
ORDER BY _rid;
