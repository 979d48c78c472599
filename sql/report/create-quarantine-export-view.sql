-- Quarantined rows as they leave DuckDB: the offending value and the raw row (JSON of the row, or the raw CSV
-- text) may hold a verbatim, so both go through redact_pii (sql/classify/create-redact-pii-macro.sql).
CREATE OR REPLACE TEMP VIEW quarantine_export AS
SELECT * REPLACE (redact_pii(value) AS value, redact_pii(raw) AS raw) FROM quarantine;
