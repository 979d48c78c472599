-- After the exports: the redacted copy materialise-quarantine-export.sql made for the three files is dropped, so its
-- memory is freed (write-outputs.ts then creates the lazy quarantine_export view again).
DROP TABLE quarantine_export_rows;
