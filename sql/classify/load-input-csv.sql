CREATE OR REPLACE TEMP TABLE classify_input AS SELECT * FROM read_csv($path, header = true, sample_size = -1);
