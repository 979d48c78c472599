INSERT INTO stg_files VALUES ($file_id, $source, $path, $format, $row_offset, $records, $rejected, $header_lines);
