-- The owner's accounts' NPS answers up to the run date: account, quarter, score (for the owner's trend and
-- account table). Only rows of accounts whose owner is $owner.
SELECT r.account_id, coalesce(a.name, r.account_id) AS account_name, strftime(date_trunc('quarter', r.submitted_at), '%Y-%m-%d') AS quarter, r.nps AS score
FROM responses r
JOIN accounts a ON a.account_id = r.account_id
WHERE a.owner = $owner AND r.nps IS NOT NULL AND r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
ORDER BY r.account_id, r.submitted_at, r.response_id;
