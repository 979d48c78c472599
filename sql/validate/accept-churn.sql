INSERT INTO churn_events
SELECT account_id, event_date, outcome, reason, $file_paths[_file_id], _line
FROM chk_churn c
WHERE len(_problems) = 0
ORDER BY _rid;
