-- Files of $source none of whose records has the shape of a record of that source: every record is
-- unparseable or fails a shape check ($shape_codes: missing id, unreadable date or number...). Duplicates,
-- speeders and unknown accounts are well-formed records and do not count. Only files of at least
-- $min_records records are judged. Reads chk_current (rows with their problems) and stg_rejects;
-- returns each such file with its most common reason, before anything is copied into the quarantine.
WITH failing AS (
  SELECT _file_id AS file_id,
         list_filter(_problems, lambda p: list_contains($shape_codes, p.code))[1].code AS code
  FROM chk_current
  WHERE len(list_filter(_problems, lambda p: list_contains($shape_codes, p.code))) > 0
  UNION ALL
  SELECT file_id, 'unparseable_row' FROM stg_rejects WHERE source = $source
),
codes AS (
  SELECT file_id, code, count(*) AS n FROM failing GROUP BY file_id, code
),
per_file AS (
  SELECT file_id, sum(n) AS failing, first(code ORDER BY n DESC, code) AS top_reason
  FROM codes GROUP BY file_id
)
SELECT f.path, f.records + f.rejected AS records, p.top_reason
FROM stg_files f JOIN per_file p USING (file_id)
WHERE f.source = $source
  AND f.records + f.rejected >= $min_records
  AND p.failing = f.records + f.rejected
ORDER BY f.file_id;
