-- Response-rate counts by id matching. An invitation is identified by its invitation_id (rows sharing
-- one, e.g. reminders, are one invitation dated by its first row), else by its row. Its match key is its
-- contact_id, or its account_id when it has no contact. Each response (submitted by $as_of) is assigned
-- to the latest invitation row with the same contact_id (or account_id) sent at or before it (ASOF join),
-- so a response answers at most one invitation per key. An invitation is responded when at least one
-- response is assigned to one of its rows. Counted in the period of its first invited_at; the segment
-- comes from the invitation's account (or its contact's account). Counted by day; roll-up-response-rate-counts.sql rolls them up per grain.
CREATE OR REPLACE TEMP TABLE response_rate_day_counts AS
WITH invitation_rows AS (
  SELECT i.rowid AS row_id, i.invitation_id, i.invited_at, i.contact_id,
    CASE WHEN i.contact_id IS NULL THEN i.account_id END AS account_only_id,
    coalesce(a.segment, '(unknown)') AS segment
  FROM invitations i
  LEFT JOIN contacts c ON c.contact_id = i.contact_id
  LEFT JOIN accounts a ON a.account_id = coalesce(i.account_id, c.account_id)
  WHERE i.invited_at < $as_of::DATE + INTERVAL 1 DAY
    AND (i.contact_id IS NOT NULL OR i.account_id IS NOT NULL)
),
answered_rows AS (
  SELECT i.row_id
  FROM responses r
  ASOF JOIN (SELECT row_id, contact_id, invited_at FROM invitation_rows WHERE contact_id IS NOT NULL) i
    ON r.contact_id = i.contact_id AND r.submitted_at >= i.invited_at
  WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
  UNION
  SELECT i.row_id
  FROM responses r
  ASOF JOIN (SELECT row_id, account_only_id, invited_at FROM invitation_rows WHERE account_only_id IS NOT NULL) i
    ON r.account_id = i.account_only_id AND r.submitted_at >= i.invited_at
  WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
),
invitations_first AS (
  -- one row per invitation: its invitation_id, or the row itself when it has none
  SELECT min(ir.invited_at)::DATE AS day, arg_min(ir.segment, ir.invited_at) AS segment,
    bool_or(ans.row_id IS NOT NULL) AS responded
  FROM invitation_rows ir
  LEFT JOIN answered_rows ans ON ans.row_id = ir.row_id
  GROUP BY ir.invitation_id, CASE WHEN ir.invitation_id IS NULL THEN ir.row_id END
)
SELECT day, segment, count(*) AS invitations, count(*) FILTER (WHERE responded) AS responses
FROM invitations_first
GROUP BY ALL;
