-- The latest verbatims of the owner's accounts (redacted by the caller), with their themes.
SELECT r.response_id, r.verbatim, r.nps, strftime(r.submitted_at, '%Y-%m-%d') AS submitted, coalesce(a.segment, '(unknown)') AS segment,
       (SELECT list(DISTINCT m.theme_id ORDER BY m.theme_id) FROM owner_theme_mentions m WHERE m.response_id = r.response_id) AS themes
FROM responses r
JOIN accounts a ON a.account_id = r.account_id
WHERE a.owner = $owner AND r.verbatim IS NOT NULL AND r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
ORDER BY r.submitted_at DESC, r.response_id
LIMIT $limit;
