-- Lines of a JSON lines file that are not valid JSON become rejected records.
INSERT INTO stg_rejects
SELECT $source, $file_id, n, 1, 'INVALID JSON', NULL, 'line is not valid JSON', left(j, 2000)
FROM ecoute_json_lines WHERE NOT json_valid(j) ORDER BY n;
DROP TABLE IF EXISTS ecoute_json_lines;
