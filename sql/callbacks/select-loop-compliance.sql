-- Call-back compliance of the tracked items (temp table callback_items, submitted on or after $loop_start):
-- overall, per assignee and per segment. An item counts once its status is decided: called (in time or late)
-- or overdue; open items (not yet due, not called) are left out. n_due = in time + late + overdue;
-- the share in time is n_in_time / n_due (its Wilson interval is computed by the caller).
-- median_hours: median time from the response to the first follow-up, called items only.
-- $assign_to 'owner': the account owner is the assignee, else the fixed team or person.
WITH tracked AS (
  SELECT i.status, i.hours_to_call,
    coalesce(CASE WHEN $assign_to = 'owner' THEN a.owner ELSE $assign_to END, '(unassigned)') AS assignee,
    coalesce(a.segment, '(unknown)') AS segment
  FROM callback_items i
  LEFT JOIN accounts a ON a.account_id = i.account_id
  WHERE i.submitted_at >= $loop_start::DATE
)
SELECT
  CASE WHEN grouping(assignee) = 0 THEN 'assignee' WHEN grouping(segment) = 0 THEN 'segment' ELSE 'overall' END AS level,
  CASE WHEN grouping(assignee) = 0 THEN assignee WHEN grouping(segment) = 0 THEN segment END AS level_value,
  count(*) AS n_items,
  count(*) FILTER (WHERE status = 'called_in_time') AS n_in_time,
  count(*) FILTER (WHERE status = 'called_late') AS n_late,
  count(*) FILTER (WHERE status = 'overdue') AS n_overdue,
  count(*) FILTER (WHERE status = 'open') AS n_open,
  count(*) FILTER (WHERE status <> 'open') AS n_due,
  median(hours_to_call) AS median_hours
FROM tracked
GROUP BY GROUPING SETS ((), (assignee), (segment))
ORDER BY CASE level WHEN 'overall' THEN 0 WHEN 'assignee' THEN 1 ELSE 2 END, level_value;
