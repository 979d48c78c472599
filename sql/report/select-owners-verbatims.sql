-- The latest $limit verbatims of each owner's accounts (redacted by the caller), with their themes: one pass
-- over the responses for every owner page, in owner order, then newest first within an owner.
WITH latest AS (
  SELECT a.owner, r.response_id, r.verbatim, r.nps, r.submitted_at, coalesce(a.segment, '(unknown)') AS segment
  FROM responses r
  JOIN accounts a ON a.account_id = r.account_id
  WHERE a.owner IS NOT NULL AND r.verbatim IS NOT NULL AND r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
  QUALIFY row_number() OVER (PARTITION BY a.owner ORDER BY r.submitted_at DESC, r.response_id) <= $limit
)
SELECT l.owner, l.response_id, l.verbatim, l.nps, strftime(l.submitted_at, '%Y-%m-%d') AS submitted, l.segment,
       (SELECT list(DISTINCT m.theme_id ORDER BY m.theme_id) FROM owner_theme_mentions m WHERE m.response_id = l.response_id) AS themes
FROM latest l
ORDER BY l.owner, l.submitted_at DESC, l.response_id;
