INSERT INTO invitations
SELECT c.invitation_id, c.contact_id, coalesce(c.account_id, ct.account_id), c.invited_at, c.survey_type, $file_paths[c._file_id], c._line
FROM chk_invitations c
LEFT JOIN contacts ct ON ct.contact_id = c.contact_id
WHERE len(c._problems) = 0
ORDER BY c._rid;
