-- Records the parser could not split into fields (unterminated quote, wrong column count, invalid UTF-8).
INSERT INTO quarantine
SELECT r.source, f.path, r.line, r.column_name,
       CASE WHEN r.error_type = 'RECORD TOO LARGE' THEN 'record_too_large' ELSE 'unparseable_row' END,
       left(r.error_type || ': ' || coalesce(r.error_message, ''), 500),
       NULL,
       left(r.csv_line, 20000)
FROM stg_rejects r JOIN stg_files f USING (file_id)
WHERE r.source = $source
ORDER BY r.file_id, r.line;
