-- Records taken out before the reader (see src/ingest/normalize-records.ts) are rejected records of the file,
-- at their physical line, with their first bytes as the raw copy.
INSERT INTO stg_rejects
SELECT $source, $file_id, unnest($lines), 1, unnest($error_types), NULL, unnest($messages), unnest($raws);
