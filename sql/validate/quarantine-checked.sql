-- Rows of chk_<source> with problems go to the quarantine: first problem is the reason, all are listed.
-- Used for every source; the checked table is exposed as the view chk_current.
INSERT INTO quarantine
SELECT $source, f.path, c._line, c._problems[1].field, c._problems[1].code,
       c._problems[1].value,
       CASE WHEN len(c._problems) > 1 THEN list_transform(c._problems[2:], p -> p.code || ':' || p.field) END,
       to_json(s.raw)
FROM chk_current c
JOIN stg_files f ON f.file_id = c._file_id
JOIN stg_current s ON s._rid = c._rid
WHERE len(c._problems) > 0
ORDER BY c._rid;
