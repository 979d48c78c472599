-- Every owner's accounts' answers of the run's headline score ($metric: nps, csat or ces) up to the run date:
-- owner, account, quarter, score (for each owner's trend and account table), in one pass over the responses.
SELECT a.owner, r.account_id, coalesce(a.name, r.account_id) AS account_name, strftime(date_trunc('quarter', r.submitted_at), '%Y-%m-%d') AS quarter,
  CASE $metric WHEN 'nps' THEN r.nps WHEN 'csat' THEN r.csat WHEN 'ces' THEN r.ces END AS score
FROM responses r
JOIN accounts a ON a.account_id = r.account_id
WHERE a.owner IS NOT NULL AND CASE $metric WHEN 'nps' THEN r.nps WHEN 'csat' THEN r.csat WHEN 'ces' THEN r.ces END IS NOT NULL
  AND r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
ORDER BY a.owner, r.account_id, r.submitted_at, r.response_id;
