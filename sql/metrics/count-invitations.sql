-- Decides how response rates can be computed: are invitations loaded, do they all carry an id
-- (contact_id or account_id), do responses carry ids to match them against?
SELECT
  count(*)::INTEGER AS invitations,
  count(*) FILTER (WHERE contact_id IS NOT NULL OR account_id IS NOT NULL)::INTEGER AS keyed_invitations,
  (
    SELECT count(*) FROM responses
    WHERE (contact_id IS NOT NULL OR account_id IS NOT NULL) AND submitted_at < $as_of::DATE + INTERVAL 1 DAY
  )::INTEGER AS keyed_responses
FROM invitations
WHERE invited_at < $as_of::DATE + INTERVAL 1 DAY;
