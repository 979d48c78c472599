-- What leaves DuckDB as files: free text only after PII redaction (redact_pii, sql/classify/create-redact-pii-macro.sql).
-- Verbatim clauses of theme mentions (the quarantine's view is report/create-quarantine-export-view, which a
-- gated run also needs before any theme exists):
CREATE OR REPLACE TEMP VIEW theme_mentions_export AS
SELECT * REPLACE (redact_pii(clause_text) AS clause_text) FROM theme_mentions ORDER BY response_id, clause_start, theme_id;
