-- The rows of `responses` (still holding every staged row, see check-responses.sql) that have a problem, with
-- all of them in order: their own, then the cross-row ones of chk_responses_cross, then speeder / straight-liner.
-- Read by quarantine-checked.sql as chk_current.
CREATE OR REPLACE TEMP VIEW chk_current AS
SELECT r._rid, r._file_id, r._line,
       coalesce(r._problems, []) || coalesce(x._problems, []) || coalesce(r._late_problems, []) AS _problems
FROM responses r
LEFT JOIN chk_responses_cross x ON x._rid = r._rid
WHERE r._problems IS NOT NULL OR r._late_problems IS NOT NULL OR x._rid IS NOT NULL;
