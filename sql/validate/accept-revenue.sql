INSERT INTO revenue
SELECT account_id, period, arr, $reporting_currency, $file_paths[_file_id], _line
FROM chk_revenue c
WHERE len(_problems) = 0
ORDER BY _rid;
