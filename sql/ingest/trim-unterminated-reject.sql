-- A record whose quote never closes was rejected with the rest of the file as its text: keep its first line only.
UPDATE stg_rejects SET csv_line = rtrim(split_part(csv_line, chr(10), 1), chr(13)), span = 1
WHERE file_id = $file_id AND line = $line;
