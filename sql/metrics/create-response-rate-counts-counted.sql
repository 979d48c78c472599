-- Response-rate counts without id matching (used when some invitations carry no contact_id nor
-- account_id, or no response carries an id): invitations counted per period of invited_at and
-- responses per period of submitted_at, both by $as_of, each in the segment of its account ('(unknown)'
-- without one). Rows sharing an invitation_id are one invitation, dated by its first row.
-- Only cells with invitations are kept. The ratio can exceed 1.
CREATE OR REPLACE TEMP TABLE response_rate_day_counts AS
WITH invitation_rows AS (
  SELECT i.rowid AS row_id, i.invitation_id, i.invited_at,
    coalesce(a.segment, '(unknown)') AS segment
  FROM invitations i
  LEFT JOIN contacts c ON c.contact_id = i.contact_id
  LEFT JOIN accounts a ON a.account_id = coalesce(i.account_id, c.account_id)
  WHERE i.invited_at < $as_of::DATE + INTERVAL 1 DAY
),
events AS (
  SELECT min(invited_at)::DATE AS day, true AS is_invitation, arg_min(segment, invited_at) AS segment
  FROM invitation_rows
  GROUP BY invitation_id, CASE WHEN invitation_id IS NULL THEN row_id END
  UNION ALL
  SELECT r.submitted_at::DATE, false, coalesce(a.segment, '(unknown)')
  FROM responses r
  LEFT JOIN accounts a ON a.account_id = r.account_id
  WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
)
SELECT day, segment, count(*) FILTER (WHERE is_invitation) AS invitations, count(*) FILTER (WHERE NOT is_invitation) AS responses
FROM events
GROUP BY ALL;
