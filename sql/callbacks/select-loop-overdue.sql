-- The overdue call-backs of the tracked items, oldest first: overdue since their due date (due_by), and for
-- how many whole days by the end of $as_of. They stay on this list night after night until a follow-up arrives.
SELECT
  i.response_id, i.account_id, a.name AS account_name, a.segment,
  CASE WHEN $assign_to = 'owner' THEN a.owner ELSE $assign_to END AS assignee,
  i.nps, i.csat,
  strftime(i.submitted_at, '%Y-%m-%dT%H:%M:%SZ') AS submitted_at,
  strftime(i.due_at, '%Y-%m-%dT%H:%M:%SZ') AS due_by,
  CAST(floor(date_diff('second', i.due_at, $as_of::DATE + INTERVAL 1 DAY) / 86400) AS INTEGER) AS days_overdue
FROM callback_items i
LEFT JOIN accounts a ON a.account_id = i.account_id
WHERE i.status = 'overdue' AND i.submitted_at >= $loop_start::DATE
ORDER BY i.due_at, i.response_id;
