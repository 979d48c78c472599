INSERT INTO churn_events
SELECT account_id, event_date, outcome, reason, f.path, _line
FROM chk_churn c JOIN stg_files f ON f.file_id = c._file_id
WHERE len(_problems) = 0
ORDER BY _rid;
