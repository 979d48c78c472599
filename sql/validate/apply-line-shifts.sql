-- Records after a multi-line record, a blank line or a rejected record sit lower in their file than
-- header + 1 + record index: add the shift recorded for the file (only rows of files that have shifts).
UPDATE chk_shift_target AS c SET _line = c._line + s.cum_span
FROM (
  SELECT t._rid, o.cum_span
  FROM (SELECT _rid, _file_id, _line FROM chk_shift_target WHERE _file_id IN (SELECT file_id FROM stg_reject_offsets)) t
  ASOF JOIN stg_reject_offsets o ON o.file_id = t._file_id AND (t._line - $file_header_lines[t._file_id] - 1) >= o.accepted_before
) s
WHERE c._rid = s._rid;
