-- Moves the records DuckDB's CSV reader rejected for one file into stg_rejects (one row per record).
-- The reader numbers lines its own way; $reader_lines -> $physical_lines maps them to the line an editor shows.
INSERT INTO stg_rejects
SELECT $source, $file_id, coalesce(m.physical, r.line), r.span, r.error_type, r.column_name, r.error_message, r.csv_line
FROM (
  SELECT line,
         1 + length(first(csv_line ORDER BY column_idx NULLS LAST)) - length(replace(first(csv_line ORDER BY column_idx NULLS LAST), chr(10), '')) AS span,
         string_agg(DISTINCT error_type, ', ' ORDER BY error_type) AS error_type,
         first(column_name ORDER BY column_idx NULLS LAST) AS column_name,
         first(error_message ORDER BY column_idx NULLS LAST) AS error_message,
         first(csv_line ORDER BY column_idx NULLS LAST) AS csv_line
  FROM ecoute_rejects
  GROUP BY line
) r
LEFT JOIN (SELECT unnest($reader_lines) AS reader_line, unnest($physical_lines) AS physical) m ON m.reader_line = r.line
ORDER BY r.line;
DROP TABLE IF EXISTS ecoute_rejects;
DROP TABLE IF EXISTS ecoute_reject_scans;
