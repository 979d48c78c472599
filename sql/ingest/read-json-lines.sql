-- JSON lines read as one text column (n = line number), so a malformed line can be quarantined.
CREATE OR REPLACE TEMP TABLE ecoute_json_lines AS
SELECT row_number() OVER () AS n, j
FROM read_csv($path, columns = $columns, auto_detect = false, header = false, delim = $delim,
  quote = '', escape = '', max_line_size = $max_line_size);
