INSERT INTO revenue
SELECT account_id, period, arr, $reporting_currency, f.path, _line
FROM chk_revenue c JOIN stg_files f ON f.file_id = c._file_id
WHERE len(_problems) = 0
ORDER BY _rid;
