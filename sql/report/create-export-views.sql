-- What leaves DuckDB as files: free text only after PII redaction (redact_pii, sql/classify/create-redact-pii-macro.sql).
-- Verbatim clauses of theme mentions:
CREATE OR REPLACE TEMP VIEW theme_mentions_export AS
SELECT * REPLACE (redact_pii(clause_text) AS clause_text) FROM theme_mentions ORDER BY response_id, clause_start, theme_id;
-- Quarantined rows: the offending value and the raw row (JSON of the row, or the raw CSV text) may hold a verbatim.
CREATE OR REPLACE TEMP VIEW quarantine_export AS
SELECT * REPLACE (redact_pii(value) AS value, redact_pii(raw) AS raw) FROM quarantine;
