-- Moves the records DuckDB's CSV reader rejected for one file into stg_rejects (one row per record).
INSERT INTO stg_rejects
SELECT $source, $file_id, line,
       1 + length(first(csv_line ORDER BY column_idx NULLS LAST)) - length(replace(first(csv_line ORDER BY column_idx NULLS LAST), chr(10), '')),
       string_agg(DISTINCT error_type, ', ' ORDER BY error_type),
       first(column_name ORDER BY column_idx NULLS LAST),
       first(error_message ORDER BY column_idx NULLS LAST),
       first(csv_line ORDER BY column_idx NULLS LAST)
FROM ecoute_rejects
GROUP BY line
ORDER BY line;
DROP TABLE IF EXISTS ecoute_rejects;
DROP TABLE IF EXISTS ecoute_reject_scans;
