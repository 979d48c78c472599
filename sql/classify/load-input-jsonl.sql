CREATE OR REPLACE TEMP TABLE classify_input AS SELECT * FROM read_json_auto($path, format = 'newline_delimited');
