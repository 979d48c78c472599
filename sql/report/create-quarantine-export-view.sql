-- Quarantined rows as they leave DuckDB: the offending value and the raw row (JSON of the row, or the raw CSV
-- text) may hold a verbatim, so both go through redact_pii (sql/classify/create-redact-pii-macro.sql).
-- A quarantined contact's restricted details (name, email, phone) never leave: they are dropped from its row (JSON
-- of the canonical fields), and the raw text of a contacts record that could not be parsed is not copied (its
-- file and line are).
CREATE OR REPLACE TEMP VIEW quarantine_export AS
SELECT * REPLACE (
  redact_pii(value) AS value,
  CASE WHEN source <> 'contacts' THEN redact_pii(raw)
       WHEN reason_code NOT IN ('unparseable_row', 'record_too_large') THEN redact_pii(json_merge_patch(raw, '{"name": null, "email": null, "phone": null}')::VARCHAR)
  END AS raw)
FROM quarantine;
