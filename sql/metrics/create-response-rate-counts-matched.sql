-- Response-rate counts by id matching. An invitation is identified by its invitation_id (rows sharing
-- one, e.g. reminders, are one invitation dated by its first row), else by its row. Its match key is its
-- contact_id, or its account_id when it has no contact. Each response (submitted by $as_of) is assigned
-- to the latest invitation row with the same contact_id (or account_id) sent at or before it (ASOF join),
-- so a response answers at most one invitation per key. An invitation is responded when at least one
-- response is assigned to one of its rows. Counted in the period of its first invited_at; the segment
-- comes from the invitation's account (or its contact's account).
CREATE OR REPLACE TEMP TABLE response_rate_counts AS
WITH invitation_rows AS (
  SELECT coalesce('id:' || i.invitation_id, 'row:' || i.rowid) AS invitation_key, i.invited_at,
    CASE WHEN i.contact_id IS NOT NULL THEN 'c:' || i.contact_id ELSE 'a:' || i.account_id END AS match_key,
    coalesce(a.segment, '(unknown)') AS segment
  FROM invitations i
  LEFT JOIN contacts c ON c.contact_id = i.contact_id
  LEFT JOIN accounts a ON a.account_id = coalesce(i.account_id, c.account_id)
  WHERE i.invited_at < $as_of::DATE + INTERVAL 1 DAY
    AND (i.contact_id IS NOT NULL OR i.account_id IS NOT NULL)
),
response_keys AS (
  SELECT 'c:' || contact_id AS match_key, submitted_at FROM responses
  WHERE contact_id IS NOT NULL AND submitted_at < $as_of::DATE + INTERVAL 1 DAY
  UNION ALL
  SELECT 'a:' || account_id, submitted_at FROM responses
  WHERE account_id IS NOT NULL AND submitted_at < $as_of::DATE + INTERVAL 1 DAY
),
answered AS (
  SELECT DISTINCT i.invitation_key
  FROM response_keys r
  ASOF JOIN invitation_rows i ON r.match_key = i.match_key AND r.submitted_at >= i.invited_at
),
invitations_first AS (
  SELECT invitation_key, min(invited_at) AS invited_at, arg_min(segment, invited_at) AS segment
  FROM invitation_rows
  GROUP BY invitation_key
),
expanded AS (
  SELECT g.grain, period_start(g.grain, ik.invited_at) AS period,
    unnest([{'dimension': 'overall', 'value': 'all'}, {'dimension': 'segment', 'value': ik.segment}]) AS d,
    ans.invitation_key IS NOT NULL AS responded
  FROM invitations_first ik
  LEFT JOIN answered ans ON ans.invitation_key = ik.invitation_key
  CROSS JOIN (SELECT unnest($grains::VARCHAR[]) AS grain) g
)
SELECT grain, period, d.dimension AS dimension, d.value AS dimension_value,
  count(*) AS invitations, count(*) FILTER (WHERE responded) AS responses
FROM expanded
GROUP BY ALL;
