-- What leaves DuckDB as files: verbatim text only after PII redaction (redact_pii, sql/classify/create-redact-pii-macro.sql).
CREATE OR REPLACE TEMP VIEW theme_mentions_export AS
SELECT * REPLACE (redact_pii(clause_text) AS clause_text) FROM theme_mentions ORDER BY response_id, clause_start, theme_id;
