-- Response-rate counts without id matching (used when some invitations carry no contact_id nor
-- account_id, or no response carries an id): invitations counted per period of invited_at and
-- responses per period of submitted_at, both by $as_of, each in the segment of its account ('(unknown)'
-- without one). Rows sharing an invitation_id are one invitation, dated by its first row.
-- Only cells with invitations are kept. The ratio can exceed 1.
CREATE OR REPLACE TEMP TABLE response_rate_counts AS
WITH invitation_rows AS (
  SELECT coalesce('id:' || i.invitation_id, 'row:' || i.rowid) AS invitation_key, i.invited_at,
    coalesce(a.segment, '(unknown)') AS segment
  FROM invitations i
  LEFT JOIN contacts c ON c.contact_id = i.contact_id
  LEFT JOIN accounts a ON a.account_id = coalesce(i.account_id, c.account_id)
  WHERE i.invited_at < $as_of::DATE + INTERVAL 1 DAY
),
events AS (
  SELECT min(invited_at) AS at, true AS is_invitation, arg_min(segment, invited_at) AS segment
  FROM invitation_rows
  GROUP BY invitation_key
  UNION ALL
  SELECT r.submitted_at, false, coalesce(a.segment, '(unknown)')
  FROM responses r
  LEFT JOIN accounts a ON a.account_id = r.account_id
  WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
),
expanded AS (
  SELECT g.grain, period_start(g.grain, e.at) AS period,
    unnest([{'dimension': 'overall', 'value': 'all'}, {'dimension': 'segment', 'value': e.segment}]) AS d,
    e.is_invitation
  FROM events e CROSS JOIN (SELECT unnest($grains::VARCHAR[]) AS grain) g
)
SELECT grain, period, d.dimension AS dimension, d.value AS dimension_value,
  count(*) FILTER (WHERE is_invitation) AS invitations, count(*) FILTER (WHERE NOT is_invitation) AS responses
FROM expanded
GROUP BY ALL
HAVING count(*) FILTER (WHERE is_invitation) > 0;
