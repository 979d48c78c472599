-- The redacted quarantine (create-quarantine-export-view.sql), computed once for its three files (tables/
-- quarantine.parquet and .csv, quarantine.csv): redact_pii over every raw row is the costly part of the export.
-- In file order (source, file, line); a table keeps its insertion order when it is scanned or copied.
CREATE OR REPLACE TEMP TABLE quarantine_export_rows AS SELECT * FROM quarantine_export ORDER BY source, source_file, line;
CREATE OR REPLACE TEMP VIEW quarantine_export AS SELECT * FROM quarantine_export_rows;
